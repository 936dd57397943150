// SPDX-License-Identifier: GPL-2.0
/*
 * mmucheck: a static checker for Linux kernel sources, run by Kbuild as
 *
 *	make C=1 CHECK=mmucheck		(or C=2 for every file)
 *
 * which calls "$(CHECK) $(CHECKFLAGS) $(c_flags) file.c".  Our own
 * options are long options no compiler uses (and -p DIR); everything
 * else is a compiler flag, and the last non-option .c argument is the
 * file.  With --kdir/--kbuild or -p the flags are found for us instead,
 * and the arguments are files, each analysed in a process of its own.
 */
#define _GNU_SOURCE /* mkdtemp */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <jansson.h>

#include "analyse.h"
#include "output.h"
#include "cfg/cfg.h"
#include "lib/diag.h"
#include "input/flags.h"
#include "input/inputs.h"
#include "input/isolate.h"
#include "input/lone.h"
#include "model/model.h"
#include "parse/macros.h"
#include "parse/parse.h"
#include "lib/util.h"
#include "report/verify.h"
#include "batch.h"
#include "diff.h"
#include "scan.h"

struct options;

/*
 * A command works on each file (run, the default way: compiler flags,
 * --kdir or -p) or on its own arguments (run_args: "mmucheck scan ...").
 */
/* Where an option means something: given elsewhere it is an error. */
enum {
	FOR_FILES = 1, /* mmucheck FILE... (check, --dump-cfg, --summary) */
	FOR_SCAN = 2,
	FOR_LINK = 4,
	FOR_DIFF = 8,
	FOR_BATCH = 16,
	FOR_ALL = 31,
};

struct command {
	const char *name;
	unsigned int mode; /* FOR_*: which options apply */
	int (*run)(const struct options *opts, const struct source *src,
		   const struct clang_args *args);
	int (*run_args)(const struct options *opts, int nr, const char **argv);
};

struct options {
	const struct command *command;
	const char *function; /* --dump-cfg=FUNCTION, NULL for all */
	int json; /* --format=json or sarif: one document for every file */
	enum output_format format; /* --format=FORMAT */
	enum confidence min_confidence; /* --confidence=LEVEL */
	int kernel_version; /* --kernel-version=X.Y, 0 to detect */
	int verify; /* --verify */
	int under_kbuild; /* run by make C=1/C=2 (KBUILD_CHECKSRC set) */
	const char *summary; /* --summary=OUT.json: the per-file pass */
	const char *baseline, *write_baseline; /* scan and link */
	const char *patch, *series; /* diff --patch=FILE, --series=MBOX */
	int terse, b4, no_cocci; /* diff --terse, --b4, --no-cocci */
	const char *verdicts; /* batch --verdicts=FILE */
	int record; /* batch --record */
	const char *git; /* batch --git=REPO */
	int files_from; /* arguments left from here on came after "--" */
	int stdin_named; /* --stdin-name was given */
	int jobs; /* -j N for scan */
	unsigned long long given; /* bit K: option_table[K] was given */
	const char *kdir, *kbuild; /* --kdir=SRC --kbuild=BUILD */
	const char *compdb; /* -p DIR */
	unsigned int timeout; /* seconds per file, 0 for none */
	int print_args; /* --print-clang-args */
	const char *files_from_list; /* link --files-from=LIST */
	int no_tree; /* --no-tree: lone files against model/no-tree/ */
	const char *stdin_name; /* --stdin-name=PATH: what "-" is called */
	const char *version_source; /* what kernel_version was read from */
	/*
	 * Several files and --format=json: each child leaves its findings
	 * in collect_dir/N.json, N its file's place in files, and the parent
	 * prints one document.
	 */
	const char *collect_dir;
	const char *const *files;
	int nr_files;
};

/* In a child of analyse_all(): the place of its file among opts->files. */
static int collect_index = -1;

static void note_collect_index(const struct options *opts, const char *file)
{
	int i;

	for (i = 0; i < opts->nr_files; i++)
		if (opts->files[i] == file)
			collect_index = i;
}

static char *collected_path(const struct options *opts, int i)
{
	return fmt_str("%s/%d.json", opts->collect_dir, i);
}

/*
 * Paths as scan, link and Kbuild print them: relative to the tree given
 * with --kdir, or to the folder of -p's compile_commands.json.
 */
static const char *tree_root(const struct options *opts)
{
	static char *root;
	const char *tree = opts->kdir ? opts->kdir : opts->compdb;

	if (!root && tree)
		root = realpath(tree, NULL);
	return root;
}

static void tree_relative(const struct options *opts, struct findings *found)
{
	char *cwd;

	if (!tree_root(opts))
		return;
	cwd = getcwd(NULL, 0);
	if (cwd)
		relative_findings(found, tree_root(opts), cwd);
	free(cwd);
}

/* In a child: this file's findings for the parent's one document. */
static int collect_findings(const struct options *opts, const char *file,
			    const struct findings *found)
{
	char *path;
	json_t *doc;
	int ret;

	if (collect_index < 0)
		return error("%s: not among the files given", file);
	path = collected_path(opts, collect_index);
	doc = findings_to_json(found);
	ret = json_dump_file(doc, path, JSON_COMPACT);
	json_decref(doc);
	if (ret)
		error("cannot write %s", path);
	free(path);
	return ret ? -1 : found->nr > 0;
}

/* In the parent: the children's findings, in the order of the files. */
static void print_collected(const struct options *opts)
{
	struct findings all = { 0 };
	int i;

	for (i = 0; i < opts->nr_files; i++) {
		char *path = collected_path(opts, i);
		json_t *doc = json_load_file(path, 0, NULL);

		if (doc)
			findings_from_json(&all, doc);
		json_decref(doc);
		unlink(path);
		free(path);
	}
	rmdir(opts->collect_dir);
	print_findings(stdout, &all, opts->format, tree_root(opts), "check");
	release_findings(&all);
}

/* Exit 1 when there are findings (or, with --verify, mismatches). */
static int cmd_check(const struct options *opts, const struct source *src,
		     const struct clang_args *args)
{
	struct findings found = { 0 };
	struct model forced = { opts->kernel_version, opts->version_source };
	const char *text;
	size_t size;
	int ret, gaps = 0;

	(void)args;
	/* --no-tree: what was left out first, then the findings of the rest */
	if (src->lenient)
		gaps = report_gaps(src);
	check_translation_unit((struct source *)src, &forced,
			       opts->min_confidence, &found, NULL);
	sort_findings(&found);
	if (opts->verify) {
		text = clang_getFileContents(src->tu, src->file, &size);
		ret = verify_findings(stdout, src->path, text ? text : "",
				      &found) > 0;
	} else if (opts->under_kbuild) {
		/* as sparse does: warnings on stderr, and make goes on */
		print_findings_text(stderr, &found);
		ret = 0;
	} else if (opts->collect_dir) {
		tree_relative(opts, &found);
		ret = collect_findings(opts, src->path, &found);
	} else {
		tree_relative(opts, &found);
		print_findings(stdout, &found, opts->format, tree_root(opts),
			       "check");
		ret = found.nr > 0;
	}
	/* a function not analysed to its end is an error, as a gap is */
	if (found.nr_incomplete && !opts->under_kbuild)
		ret = -1;
	release_findings(&found);
	return gaps < 0 ? -1 : ret;
}

static int has_name(CXCursor c, const char *name)
{
	CXString s = clang_getCursorSpelling(c);
	int ret = !strcmp(clang_getCString(s), name);

	clang_disposeString(s);
	return ret;
}

static int is_function_to_dump(const struct options *opts,
			       const struct source *src, CXCursor c)
{
	if (clang_getCursorKind(c) != CXCursor_FunctionDecl ||
	    !clang_isCursorDefinition(c) ||
	    !in_main_file(src, clang_getCursorLocation(c)) ||
	    error_in_range(src, clang_getCursorExtent(c)))
		return 0;
	return !opts->function || has_name(c, opts->function);
}

struct dump_state {
	const struct options *opts;
	const struct source *src;
	struct macro_map macros;
	int nr_dumped;
};

static enum CXChildVisitResult dump_function(CXCursor c, CXCursor parent,
					     CXClientData data)
{
	struct dump_state *st = data;
	struct cfg *cfg;

	(void)parent;
	if (!is_function_to_dump(st->opts, st->src, c))
		return CXChildVisit_Continue;
	cfg = build_cfg(st->src->tu, c, &st->macros);
	if (cfg) {
		if (st->nr_dumped++)
			putchar('\n');
		dump_cfg(stdout, st->src->tu, cfg);
		free_cfg(cfg);
	}
	return CXChildVisit_Continue;
}

static int cmd_dump_cfg(const struct options *opts, const struct source *src,
			const struct clang_args *args)
{
	struct dump_state st = { opts, src, { NULL, NULL, 0, 0 }, 0 };
	CXCursor tu = clang_getTranslationUnitCursor(src->tu);

	(void)args;
	build_macro_map(&st.macros, src->tu, src->file);
	clang_visitChildren(tu, dump_function, &st);
	release_macro_map(&st.macros);
	if (opts->function && !st.nr_dumped)
		return error("%s: no function '%s' defined", src->path,
			     opts->function);
	return 0;
}

/* The per-file pass of scan: FILE's summary into --summary=OUT.json. */
static int cmd_summarize(const struct options *opts, const struct source *src,
			 const struct clang_args *args)
{
	/* --no-tree: what the summary lacks is said, as for the findings */
	int gaps = src->lenient ? report_gaps(src) : 0;
	int ret = write_file_summary(src, args, opts->kernel_version,
				     opts->summary, NULL);

	return gaps < 0 ? -1 : ret;
}

static int cmd_scan(const struct options *opts, int nr, const char **argv);
static int cmd_diff(const struct options *opts, int nr, const char **argv);
static int cmd_batch(const struct options *opts, int nr, const char **argv);
static int cmd_link(const struct options *opts, int nr, const char **argv);

static const struct command commands[] = {
	{ "check", FOR_FILES, cmd_check, NULL },
	{ "dump-cfg", FOR_FILES, cmd_dump_cfg, NULL },
	{ "summarize", FOR_FILES, cmd_summarize, NULL },
	{ "scan", FOR_SCAN, NULL, cmd_scan },
	{ "link", FOR_LINK, NULL, cmd_link },
	{ "diff", FOR_DIFF, NULL, cmd_diff },
	{ "batch", FOR_BATCH, NULL, cmd_batch },
};

/* The command named by the first argument ("scan", "link"), or NULL. */
static const struct command *word_command(const char *word)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(commands); i++)
		if (commands[i].run_args && !strcmp(commands[i].name, word))
			return &commands[i];
	return NULL;
}

static const struct command *find_command(const char *name)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(commands); i++)
		if (!strcmp(commands[i].name, name))
			return &commands[i];
	BUG("no command %s", name);
}

enum option_value {
	OPTION_NO_VALUE,
	OPTION_OPTIONAL, /* --name or --name=VALUE */
	OPTION_VALUE, /* --name=VALUE or --name VALUE */
	OPTION_DIR, /* -p=DIR, or -p DIR if DIR is a directory */
};

struct option {
	const char *name;
	const char *value; /* how help shows its value */
	enum option_value kind;
	void (*handle)(struct options *opts, const char *value);
	unsigned int applies; /* FOR_* */
	const char *help;
};

static void usage(void) __attribute__((noreturn));

/* The options that choose a per-file command exclude each other. */
static void set_command(struct options *opts, const char *option,
			const char *name)
{
	static const char *chosen_by;

	if (chosen_by && strcmp(chosen_by, option))
		die("%s and %s exclude each other", chosen_by, option);
	chosen_by = option;
	opts->command = find_command(name);
}

static void opt_dump_cfg(struct options *opts, const char *value)
{
	set_command(opts, "--dump-cfg", "dump-cfg");
	opts->function = value && *value ? value : NULL;
}

static void opt_kdir(struct options *opts, const char *value)
{
	opts->kdir = value;
}

static void opt_kbuild(struct options *opts, const char *value)
{
	opts->kbuild = value;
}

/* the folder of compile_commands.json, or that file itself */
static int is_compdb_file(const char *path)
{
	const char *base = strrchr(path, '/');
	struct stat st;

	return !strcmp(base ? base + 1 : path, "compile_commands.json") &&
	       !stat(path, &st) && S_ISREG(st.st_mode);
}

static void opt_compdb(struct options *opts, const char *value)
{
	const char *slash = strrchr(value, '/');

	if (is_compdb_file(value))
		value = slash ? xstrndup(value, (size_t)(slash - value)) : ".";
	opts->compdb = value;
}

static void opt_timeout(struct options *opts, const char *value)
{
	unsigned long seconds;
	char *end;

	errno = 0;
	seconds = strtoul(value, &end, 10);
	/* alarm() takes an unsigned int */
	if (!*value || *value == '-' || *end || errno || seconds > UINT_MAX)
		die("--timeout: '%s' is not a number of seconds", value);
	opts->timeout = (unsigned int)seconds;
}

static void opt_format(struct options *opts, const char *value)
{
	if (parse_output_format(value, &opts->format))
		die("--format: '%s' is not text, json or sarif", value);
	opts->json = opts->format != OUTPUT_TEXT;
}

static void opt_confidence(struct options *opts, const char *value)
{
	if (parse_confidence(value, &opts->min_confidence))
		die("--confidence: '%s' is not low, medium or high", value);
}

static void opt_kernel_version(struct options *opts, const char *value)
{
	opts->kernel_version = parse_version(value);
	if (!opts->kernel_version)
		die("--kernel-version: '%s' is not a version such as 6.1",
		    value);
}

static void opt_baseline(struct options *opts, const char *value)
{
	opts->baseline = value;
}

static void opt_write_baseline(struct options *opts, const char *value)
{
	opts->write_baseline = value;
}

static void opt_patch(struct options *opts, const char *value)
{
	if (opts->series)
		die("--patch and --series exclude each other");
	opts->patch = value;
}

static void opt_series(struct options *opts, const char *value)
{
	if (opts->patch)
		die("--patch and --series exclude each other");
	opts->series = value;
}

static void opt_terse(struct options *opts, const char *value)
{
	(void)value;
	opts->terse = 1;
}

static void opt_verdicts(struct options *opts, const char *value)
{
	opts->verdicts = value;
}

static void opt_git(struct options *opts, const char *value)
{
	opts->git = value;
}

static void opt_no_cocci(struct options *opts, const char *value)
{
	(void)value;
	opts->no_cocci = 1;
}

static void opt_record(struct options *opts, const char *value)
{
	(void)value;
	opts->record = 1;
}

static void opt_b4(struct options *opts, const char *value)
{
	(void)value;
	opts->b4 = 1;
}

static void opt_summary(struct options *opts, const char *value)
{
	set_command(opts, "--summary", "summarize");
	opts->summary = value;
}

static void opt_jobs(struct options *opts, const char *value)
{
	char *end;
	long n = strtol(value, &end, 10);

	if (*end || n < 1 || n > 1024)
		die("-j: '%s' is not a number of jobs", value);
	opts->jobs = (int)n;
}

static void opt_verify(struct options *opts, const char *value)
{
	(void)value;
	set_command(opts, "--verify", "check");
	opts->verify = 1;
}

static void opt_no_tree(struct options *opts, const char *value)
{
	(void)value;
	opts->no_tree = 1;
}

static void opt_stdin_name(struct options *opts, const char *value)
{
	if (!*value)
		die("--stdin-name: an empty name");
	opts->stdin_name = value;
	opts->stdin_named = 1;
}

static void opt_files_from(struct options *opts, const char *value)
{
	opts->files_from_list = value;
}

static void opt_print_args(struct options *opts, const char *value)
{
	(void)value;
	opts->print_args = 1;
}

static void opt_enable(struct options *opts, const char *value)
{
	(void)opts;
	if (select_rules(value, 1))
		exit(EXIT_FATAL);
}

static void opt_disable(struct options *opts, const char *value)
{
	(void)opts;
	if (select_rules(value, 0))
		exit(EXIT_FATAL);
}

static void opt_list_rules(struct options *opts, const char *value)
{
	(void)opts;
	(void)value;
	list_rules(stdout);
	exit(0);
}

static void help(FILE *out);

static void opt_help(struct options *opts, const char *value)
{
	(void)opts;
	(void)value;
	help(stdout);
	exit(0);
}

static const struct option option_table[] = {
	{ "--dump-cfg", "[=FUNCTION]", OPTION_OPTIONAL, opt_dump_cfg, FOR_FILES,
	  "print the CFG of each function defined in FILE, or of FUNCTION" },
	{ "--kdir", "=SRC", OPTION_VALUE, opt_kdir,
	  FOR_FILES | FOR_SCAN | FOR_LINK,
	  "kernel source tree; the arguments are .c files in it" },
	{ "--kbuild", "=BUILD", OPTION_VALUE, opt_kbuild,
	  FOR_FILES | FOR_SCAN | FOR_DIFF | FOR_BATCH,
	  "its build directory, after make O=BUILD prepare (batch: with --git)" },
	{ "-p", " DIR", OPTION_DIR, opt_compdb, FOR_FILES,
	  "the flags from DIR/compile_commands.json" },
	{ "--timeout", "=SECONDS", OPTION_VALUE, opt_timeout,
	  FOR_FILES | FOR_SCAN | FOR_DIFF | FOR_BATCH,
	  "time limit per file (default 120, 0: none)" },
	{ "--format", "=text|json|sarif", OPTION_VALUE, opt_format,
	  FOR_FILES | FOR_SCAN | FOR_LINK | FOR_DIFF,
	  "how findings are printed (default text, compiler style)" },
	{ "--baseline", "=FILE", OPTION_VALUE, opt_baseline,
	  FOR_SCAN | FOR_LINK | FOR_DIFF,
	  "scan, link, diff: the findings of FILE are known (old, exit 0)" },
	{ "--write-baseline", "=FILE", OPTION_VALUE, opt_write_baseline,
	  FOR_SCAN | FOR_LINK,
	  "scan, link: write the findings to FILE, one a line, sorted" },
	{ "--confidence", "=LEVEL", OPTION_VALUE, opt_confidence, FOR_ALL,
	  "report findings of this confidence and up: low, medium (default), high" },
	{ "--kernel-version", "=X.Y", OPTION_VALUE, opt_kernel_version,
	  FOR_FILES | FOR_SCAN | FOR_DIFF | FOR_BATCH,
	  "the API era, instead of reading it from mmu_notifier.h" },
	{ "--verify", "", OPTION_NO_VALUE, opt_verify, FOR_FILES,
	  "check FILE's findings against its expect: tags (testcases/)" },
	{ "--patch", "=FILE", OPTION_VALUE, opt_patch, FOR_DIFF,
	  "diff: FILE (- for stdin) applied to BASE (default HEAD)" },
	{ "--series", "=MBOX", OPTION_VALUE, opt_series, FOR_DIFF,
	  "diff: each patch of MBOX in turn, applied to BASE" },
	{ "--terse", "", OPTION_NO_VALUE, opt_terse, FOR_DIFF,
	  "diff: one line a new finding, as checkpatch --terse" },
	{ "--b4", "", OPTION_NO_VALUE, opt_b4, FOR_DIFF,
	  "diff: an \"ERROR:\" line a new finding, for b4 prep --check" },
	{ "--no-cocci", "", OPTION_NO_VALUE, opt_no_cocci, FOR_DIFF | FOR_BATCH,
	  "diff, batch: the checker alone, without the semantic patches" },
	{ "--verdicts", "=FILE", OPTION_VALUE, opt_verdicts, FOR_BATCH,
	  "batch: FINGERPRINT bug|false-alarm|debatable WHY, a line" },
	{ "--record", "", OPTION_NO_VALUE, opt_record, FOR_BATCH,
	  "batch: scan one version into DIR/NAME.version.json, no report" },
	{ "--git", "=REPO", OPTION_VALUE, opt_git, FOR_BATCH,
	  "batch: the versions are NAME=REV, revisions of REPO" },
	{ "--summary", "=OUT.json", OPTION_VALUE, opt_summary, FOR_FILES,
	  "the per-file pass of scan: write FILE's summary, print nothing" },
	{ "-j", " N", OPTION_VALUE, opt_jobs, FOR_SCAN | FOR_DIFF | FOR_BATCH,
	  "scan: files analysed at once (default: the number of cores)" },
	{ "--no-tree", "", OPTION_NO_VALUE, opt_no_tree, FOR_FILES,
	  "FILE alone (- for stdin), against mmucheck's declarations of its era" },
	{ "--stdin-name", "=PATH", OPTION_VALUE, opt_stdin_name, FOR_FILES,
	  "--no-tree -: the name stdin is shown as (default <stdin>)" },
	{ "--files-from", "=LIST", OPTION_VALUE, opt_files_from, FOR_LINK,
	  "link: each file LIST names (one a line, - stdin) has a summary" },
	{ "--print-clang-args", "", OPTION_NO_VALUE, opt_print_args, FOR_FILES,
	  "print the clang arguments of each FILE, and stop" },
	{ "--enable", "=RULE,...", OPTION_VALUE, opt_enable, FOR_ALL,
	  "report only these rules" },
	{ "--disable", "=RULE,...", OPTION_VALUE, opt_disable, FOR_ALL,
	  "do not report these rules" },
	{ "--list-rules", "", OPTION_NO_VALUE, opt_list_rules, FOR_ALL,
	  "print the rules, one a line, and stop" },
	{ "--help", "", OPTION_NO_VALUE, opt_help, FOR_ALL, "show this help" },
};

/* opts->given has a bit an option */
_Static_assert(ARRAY_SIZE(option_table) <= 64, "too many options");

static void help(FILE *out)
{
	size_t i;

	fprintf(out,
		"usage: mmucheck [options] [compiler flags] FILE.c\n"
		"       mmucheck [options] --kdir=SRC --kbuild=BUILD FILE.c...\n"
		"       mmucheck [options] -p DIR FILE.c...\n"
		"       mmucheck [options] --no-tree [-DNAME[=VALUE]...] FILE.c...|-\n"
		"       mmucheck scan [options] --kdir=SRC --kbuild=BUILD [PATH...]\n"
		"       mmucheck link [options] [--kdir=SRC] SUMMARY.json...\n"
		"       mmucheck diff [options] [-C DIR] [--kbuild=BUILD] [BASE [HEAD]]\n"
		"       mmucheck diff [options] --patch=FILE|--series=MBOX [BASE]\n"
		"       mmucheck batch [options] -o DIR NAME=SRC[:BUILD]|REC.version.json...\n"
		"       mmucheck batch [options] --record -o DIR NAME=SRC[:BUILD]\n"
		"       mmucheck batch [options] --git=REPO [--kbuild=BUILD] -o DIR NAME=REV...\n");
	for (i = 0; i < ARRAY_SIZE(option_table); i++) {
		const struct option *o = &option_table[i];
		int width = (int)(strlen(o->name) + strlen(o->value));

		fprintf(out, "  %s%s%*s  %s\n", o->name, o->value,
			width < 24 ? 24 - width : 0, "", o->help);
	}
}

/* A usage error: the help on stderr, exit 2. */
static void usage(void)
{
	help(stderr);
	exit(EXIT_FATAL);
}

static int is_dir(const char *path)
{
	struct stat st;

	return !stat(path, &st) && S_ISDIR(st.st_mode);
}

/* An option without "=VALUE": how many arguments it takes, 0 for none. */
static int take_value(struct options *opts, const struct option *o,
		      const char *next)
{
	switch (o->kind) {
	case OPTION_VALUE:
		if (!next)
			die("option %s needs a value", o->name);
		o->handle(opts, next);
		return 2;
	case OPTION_DIR:
		/* -p is also a gcc flag; Kbuild never passes it */
		if (!next || (!is_dir(next) && !is_compdb_file(next)))
			return 0;
		o->handle(opts, next);
		return 2;
	default:
		o->handle(opts, NULL);
		return 1;
	}
}

/*
 * Handle argv[i] as one of our options: how many arguments it took, 0
 * if it is a compiler flag.
 */
static int parse_option(struct options *opts, int argc, const char **argv,
			int i)
{
	const char *arg = argv[i];
	size_t k;

	for (k = 0; k < ARRAY_SIZE(option_table); k++) {
		const struct option *o = &option_table[k];
		size_t len = strlen(o->name);

		if (strncmp(arg, o->name, len))
			continue;
		/* -j4, as make takes it (-p is left alone: -pthread) */
		if (len == 2 && arg[len] && o->kind == OPTION_VALUE) {
			opts->given |= 1ULL << k;
			o->handle(opts, arg + len);
			return 1;
		}
		if (arg[len] == '=' && o->kind != OPTION_NO_VALUE) {
			opts->given |= 1ULL << k;
			o->handle(opts, arg + len + 1);
			return 1;
		}
		if (!arg[len]) {
			int used = take_value(
				opts, o, i + 1 < argc ? argv[i + 1] : NULL);

			if (used)
				opts->given |= 1ULL << k;
			return used;
		}
	}
	return 0;
}

/* Our options out of argv; the compiler flags are left, in order. */
static int parse_options(struct options *opts, int argc, const char **argv)
{
	int i, used, nr_left = 0;
	const char *kbuild;

	memset(opts, 0, sizeof(*opts));
	opts->command = find_command("check");
	opts->min_confidence = CONF_MEDIUM;
	kbuild = getenv("KBUILD_CHECKSRC");
	opts->under_kbuild = kbuild && *kbuild && strcmp(kbuild, "0");
	opts->timeout = 120;
	opts->version_source = "--kernel-version";
	opts->stdin_name = "<stdin>";
	opts->files_from = INT_MAX;
	for (i = 1; i < argc; i += used) {
		/* "--": what follows is files, even "-dash.c" */
		if (!strcmp(argv[i], "--") && opts->files_from == INT_MAX) {
			opts->files_from = nr_left;
			used = 1;
			continue;
		}
		used = opts->files_from == INT_MAX ?
			       parse_option(opts, argc, argv, i) :
			       0;
		if (!used) {
			/* a file after "--" named "-x.c" is the path ./-x.c */
			argv[nr_left++] = opts->files_from != INT_MAX &&
							  argv[i][0] == '-' &&
							  argv[i][1] ?
						  fmt_str("./%s", argv[i]) :
						  argv[i];
			used = 1;
		}
	}
	return nr_left;
}

/* A command returns -1 for an error, 1 when it made findings. */
static int exit_status(int ret)
{
	return ret < 0 ? EXIT_FATAL : ret > 0;
}

/* 0: no findings, 1: findings, EXIT_FATAL: an error. */
static int analyse(const struct options *opts, const struct clang_args *args)
{
	struct source src;
	int ret;

	ret = parse_source(&src, args->source, args->argv, args->argc);
	if (!ret)
		ret = opts->command->run(opts, &src, args);
	release_source(&src);
	return exit_status(ret);
}

/* Several files, each in a child; with --format=json one document. */
static int analyse_all(struct options *opts, const char **files, int nr,
		       analyse_fn *fn, const void *data)
{
	char dir[] = "/tmp/mmucheck.XXXXXX";
	int ret;

	if (opts->json && !opts->verify && !opts->under_kbuild &&
	    !strcmp(opts->command->name, "check")) {
		if (!mkdtemp(dir))
			die("cannot make a folder in /tmp: %s",
			    strerror(errno));
		opts->collect_dir = dir;
		opts->files = files;
		opts->nr_files = nr;
	}
	ret = analyse_each(files, nr, opts->timeout, fn, data);
	if (opts->collect_dir)
		print_collected(opts);
	opts->collect_dir = NULL;
	return ret;
}

/* --summary=OUT.json is one file's summary: OUT would keep the last one */
static void one_summary(const struct options *opts, int nr_files)
{
	if (opts->summary && nr_files > 1)
		die("--summary=%s writes one file's summary, not %d files'; run it once a file",
		    opts->summary, nr_files);
}

/* Kbuild's way: compiler flags and one file. */
struct flags_job {
	const struct options *opts;
	struct clang_args args;
};

static int analyse_flags_job(const char *file, const void *data)
{
	const struct flags_job *job = data;
	struct clang_args args = job->args;

	note_collect_index(job->opts, file);
	args.source = file;
	return analyse(job->opts, &args);
}

static int run_compiler_flags(struct options *opts, int nr, const char **argv)
{
	struct flags_job job = { .opts = opts };
	int ret = 0, i;

	clang_args_from_check(&job.args, nr, argv);
	if (!job.args.source)
		usage();
	one_summary(opts, job.args.nr_sources);
	if (opts->print_args) {
		for (i = 0; i < job.args.nr_sources; i++) {
			struct clang_args one = job.args;

			one.source = job.args.sources[i];
			print_clang_args(stdout, &one);
		}
	} else if (job.args.nr_sources == 1) {
		ret = analyse_here(job.args.source, opts->timeout,
				   analyse_flags_job, &job);
	} else {
		/* as sparse and clang -fsyntax-only take several files */
		ret = analyse_all(opts, job.args.sources, job.args.nr_sources,
				  analyse_flags_job, &job);
	}
	clang_args_release(&job.args);
	return ret;
}

/* The other ways: files, whose flags we find. */
static int file_args(const struct options *opts, const char *file,
		     struct clang_args *args)
{
	if (opts->compdb)
		return compdb_args(opts->compdb, file, args);
	return kbuild_args(opts->kdir, opts->kbuild, file, args);
}

static int analyse_file(const char *file, const void *data)
{
	const struct options *opts = data;
	struct clang_args args;
	int ret;

	note_collect_index(opts, file);
	if (file_args(opts, file, &args))
		return EXIT_FATAL;
	ret = analyse(opts, &args);
	clang_args_release(&args);
	return ret;
}

static int print_file_args(const struct options *opts, int nr,
			   const char **files)
{
	struct clang_args args;
	int i, ret = 0;

	for (i = 0; i < nr; i++) {
		if (file_args(opts, files[i], &args)) {
			ret = EXIT_FATAL;
			continue;
		}
		print_clang_args(stdout, &args);
		clang_args_release(&args);
	}
	return ret;
}

static void check_file_options(const struct options *opts, int nr,
			       const char **files)
{
	int i;

	if (!opts->kdir != !opts->kbuild)
		die("--kdir and --kbuild go together");
	if (opts->kdir && opts->compdb)
		die("--kdir and -p exclude each other");
	if (!nr)
		usage();
	for (i = 0; i < nr && i < opts->files_from; i++)
		if (files[i][0] == '-')
			die("with --kdir or -p the arguments are files, not '%s' (a file named so goes after --)",
			    files[i]);
}

/* Read the tree or the database once, before any child is forked. */
static int load_inputs(const struct options *opts)
{
	if (opts->compdb)
		return compdb_load(opts->compdb);
	return kbuild_load(opts->kdir, opts->kbuild);
}

static int run_files(struct options *opts, int nr, const char **files)
{
	int ret;

	check_file_options(opts, nr, files);
	one_summary(opts, nr);
	if (load_inputs(opts))
		return EXIT_FATAL;
	if (opts->print_args)
		ret = print_file_args(opts, nr, files);
	else if (nr == 1)
		ret = analyse_here(files[0], opts->timeout, analyse_file, opts);
	else
		ret = analyse_all(opts, files, nr, analyse_file, opts);
	release_inputs();
	return ret;
}

/*
 * --no-tree: files (or - for stdin) without a tree, parsed against the
 * era's declarations of model/no-tree/; -DNAME[=VALUE] goes to the parse.
 */
struct lone_job {
	struct options *opts;
	const char **defines;
	int nr_defines;
};

/*
 * The era of a lone file: --kernel-version, else its own calls (the USE
 * rows of model/era.def) as the era-neutral prelude parses them, else
 * the default.  The era chosen is also the prelude's.
 */
static int lone_era(struct lone_file *lf, const struct lone_job *job,
		    const char **source)
{
	struct source src;
	int version = 0;

	if (job->opts->kernel_version) {
		*source = "--kernel-version";
		return job->opts->kernel_version;
	}
	lone_args(lf, 0, job->defines, job->nr_defines);
	if (!parse_source_lenient(&src, lf->name, lf->args.argv, lf->args.argc,
				  lf->unsaved, (unsigned int)lf->nr_unsaved))
		version = version_from_use(src.tu, src.file);
	release_source(&src);
	*source = version ? "the file's own API use" : "the default era";
	/* every call allows the newest era: the newest the prelude has */
	return version && version < KV_DEFAULT ? version : KV_DEFAULT;
}

/* The names src redeclares against the prelude: hidden from it. */
static int hide_clashes(struct lone_file *lf, const struct source *src)
{
	int i, nr = 0;

	for (i = 0; i < src->nr_errors; i++) {
		const struct parse_error *e = &src->errors[i];

		if (e->clash_name && lone_in_prelude(e->clash_file))
			nr += lone_hide(lf, e->clash_name);
	}
	return nr;
}

/*
 * Parse against the era's prelude.  A declaration of the file that
 * clashes with one of the prelude (its own static helper of a name the
 * headers export, another era's prototype) hides the prelude's, and the
 * file is parsed again; a few rounds settle it.
 */
static int parse_lone(struct lone_file *lf, const struct lone_job *job,
		      int version, struct source *src)
{
	int round, ret;

	for (round = 0;; round++) {
		lone_args(lf, version, job->defines, job->nr_defines);
		ret = parse_source_lenient(src, lf->name, lf->args.argv,
					   lf->args.argc, lf->unsaved,
					   (unsigned int)lf->nr_unsaved);
		if (ret || round == 3 || !hide_clashes(lf, src))
			return ret;
		release_source(src);
	}
}

static int analyse_lone(const char *file, const void *data)
{
	const struct lone_job *job = data;
	struct options opts = *job->opts;
	struct lone_file lf;
	struct source src;
	int ret;

	note_collect_index(job->opts, file);
	if (lone_read(&lf, file, opts.stdin_name)) {
		lone_release(&lf);
		return EXIT_FATAL;
	}
	opts.kernel_version = lone_era(&lf, job, &opts.version_source);
	ret = parse_lone(&lf, job, opts.kernel_version, &src);
	if (!ret && opts.print_args)
		print_clang_args(stdout, &lf.args);
	else if (!ret)
		ret = opts.command->run(&opts, &src, &lf.args);
	release_source(&src);
	lone_release(&lf);
	return exit_status(ret);
}

static int run_no_tree(struct options *opts, int nr, const char **argv)
{
	struct lone_job job = { opts, NULL, 0 };
	const char **files = xcalloc(nr + 1, sizeof(*files));
	int i, nr_files = 0, from_stdin = 0, ret;

	if (opts->kdir || opts->kbuild || opts->compdb)
		die("--no-tree excludes --kdir, --kbuild and -p");
	job.defines = xcalloc(nr + 1, sizeof(*job.defines));
	for (i = 0; i < nr; i++) {
		if (!strncmp(argv[i], "-D", 2) && argv[i][2] &&
		    i < opts->files_from) {
			job.defines[job.nr_defines++] = argv[i];
			continue;
		}
		if (argv[i][0] == '-' && argv[i][1] && i < opts->files_from)
			die("--no-tree takes files and -DNAME[=VALUE], not '%s' (a file named so goes after --)",
			    argv[i]);
		if (!strcmp(argv[i], "-") && from_stdin++)
			die("--no-tree: stdin (-) given twice");
		files[nr_files++] = argv[i];
	}
	if (!nr_files)
		usage();
	one_summary(opts, nr_files);
	if (nr_files == 1)
		ret = analyse_here(files[0], opts->timeout, analyse_lone, &job);
	else
		ret = analyse_all(opts, files, nr_files, analyse_lone, &job);
	free(job.defines);
	free(files);
	return ret;
}

/* "mmucheck scan ..." and "mmucheck link ...": the whole-tree pass. */
static struct scan_options tree_options(const struct options *opts)
{
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	struct scan_options so = {
		.kdir = opts->kdir,
		.kbuild = opts->kbuild,
		.jobs = opts->jobs ? opts->jobs : (cores > 0 ? (int)cores : 1),
		.timeout = opts->timeout,
		.format = opts->format,
		.min_confidence = opts->min_confidence,
		.kernel_version = opts->kernel_version,
		.progress = 1,
		.baseline = opts->baseline,
		.write_baseline = opts->write_baseline,
		.files_from = opts->files_from_list,
	};

	return so;
}

static int cmd_scan(const struct options *opts, int nr, const char **argv)
{
	struct scan_options so = tree_options(opts);

	if (!opts->kdir)
		die("scan: give the tree with --kdir=SRC [--kbuild=BUILD]");
	/* no --kbuild: built in the tree itself */
	if (!so.kbuild)
		so.kbuild = so.kdir;
	return run_scan(&so, nr, argv);
}

/*
 * "mmucheck diff [-C DIR] [BASE [HEAD]]": in the git work tree DIR (or
 * here), built in place or in --kbuild=BUILD.
 */
static int cmd_diff(const struct options *opts, int nr, const char **argv)
{
	struct diff_options o = { .scan = tree_options(opts) };
	const char **revs = xcalloc(nr + 1, sizeof(*revs));
	int i, nr_revs = 0, ret;

	for (i = 0; i < nr; i++) {
		if (!strcmp(argv[i], "-C") && i + 1 < nr)
			o.dir = argv[++i];
		else if (!strncmp(argv[i], "-C", 2) && argv[i][2])
			o.dir = argv[i] + 2;
		else if (!strcmp(argv[i], "--"))
			continue;
		else if (argv[i][0] == '-')
			die("diff: unknown option '%s'", argv[i]);
		else
			revs[nr_revs++] = argv[i];
	}
	o.patch = opts->patch;
	o.series = opts->series;
	o.terse = opts->terse;
	o.b4 = opts->b4;
	o.no_cocci = opts->no_cocci;
	ret = run_diff(&o, nr_revs, revs);
	free(revs);
	return ret;
}

/* "mmucheck batch -o DIR NAME=SRC[:BUILD]...": versions in order. */
static int cmd_batch(const struct options *opts, int nr, const char **argv)
{
	struct batch_options o = { .scan = tree_options(opts) };
	const char **specs = xcalloc(nr + 1, sizeof(*specs));
	int i, nr_specs = 0, ret;

	for (i = 0; i < nr; i++) {
		if (!strcmp(argv[i], "-o") && i + 1 < nr)
			o.out_dir = argv[++i];
		else if (!strncmp(argv[i], "-o", 2) && argv[i][2])
			o.out_dir = argv[i] + 2;
		else if (argv[i][0] == '-')
			die("batch: unknown option '%s'", argv[i]);
		else
			specs[nr_specs++] = argv[i];
	}
	o.verdicts = opts->verdicts;
	o.no_cocci = opts->no_cocci;
	o.record = opts->record;
	o.git = opts->git;
	if (opts->kbuild && !opts->git)
		die("batch: --kbuild goes with --git (else NAME=SRC:BUILD)");
	ret = run_batch(&o, nr_specs, specs);
	free(specs);
	return ret;
}

static int cmd_link(const struct options *opts, int nr, const char **argv)
{
	struct scan_options so = tree_options(opts);

	return run_link(&so, nr, argv);
}

/* "scan, link": the commands of the FOR_* bits in MASK. */
static char *mode_names(unsigned int mask)
{
	static const char *const names[] = { "mmucheck FILE...", "scan", "link",
					     "diff", "batch" };
	char *text = xstrdup(""), *more;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(names); i++) {
		if (!(mask & (1U << i)))
			continue;
		more = fmt_str("%s%s%s", text, *text ? ", " : "", names[i]);
		free(text);
		text = more;
	}
	return text;
}

/*
 * An option given where it means nothing is an error, never ignored:
 * "scan: --summary does not apply (it applies to mmucheck FILE...)".
 */
static void refuse_options(const struct options *opts, unsigned int mode,
			   const char *name)
{
	size_t k;

	for (k = 0; k < ARRAY_SIZE(option_table); k++) {
		const struct option *o = &option_table[k];

		if (!(opts->given & (1ULL << k)) || (o->applies & mode))
			continue;
		die("%s: %s does not apply (it applies to %s)", name, o->name,
		    mode_names(o->applies));
	}
}

int main(int argc, const char **argv)
{
	struct options opts;
	int nr_args = parse_options(&opts, argc, argv);
	const struct command *word = nr_args ? word_command(argv[0]) : NULL;

	if (word) {
		refuse_options(&opts, word->mode, word->name);
		if (opts.files_from != INT_MAX)
			opts.files_from--;
		return word->run_args(&opts, nr_args - 1, argv + 1);
	}
	refuse_options(&opts, FOR_FILES, "mmucheck FILE...");

	if (opts.no_tree)
		return run_no_tree(&opts, nr_args, argv);
	if (opts.kdir || opts.kbuild || opts.compdb)
		return run_files(&opts, nr_args, argv);
	return run_compiler_flags(&opts, nr_args, argv);
}
