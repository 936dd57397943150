// SPDX-License-Identifier: GPL-2.0
#define _GNU_SOURCE
/*
 * mmucheck scan and mmucheck link (see scan.h).
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <xxhash.h>

#include "analyse.h"
#include "lib/diag.h"
#include "input/inputs.h"
#include "input/isolate.h"
#include "input/choose.h"
#include "input/membership.h"
#include "output.h"
#include "report/baseline.h"
#include "scan.h"
#include "link/summary.h"

/* Bump when the summaries change meaning: the cache is then redone. */
#define SUMMARY_FORMAT "4"

/* Not for an x86 kernel, or not kernel code. */
static const char *const skipped_dirs[] = {
	"tools/", "scripts/", "samples/", "Documentation/", "usr/",
};

/* This mmucheck itself: a rebuilt checker redoes its summaries. */
static const char *tool_id(void)
{
	static char id[17];
	size_t size = 0;
	char *text;

	if (*id)
		return id;
	text = read_file("/proc/self/exe", &size);
	snprintf(id, sizeof(id), "%016llx",
		 (unsigned long long)XXH3_64bits(text ? text : "", size));
	free(text);
	return id;
}

static char *summary_key(const char *path, const struct clang_args *args)
{
	XXH3_state_t *h = XXH3_createState();
	char *text, *key = xmalloc(17);
	size_t size = 0;
	int i;

	XXH3_64bits_reset(h);
	XXH3_64bits_update(h, SUMMARY_FORMAT, strlen(SUMMARY_FORMAT));
	XXH3_64bits_update(h, model_id(), strlen(model_id()));
	XXH3_64bits_update(h, tool_id(), strlen(tool_id()));
	for (i = 0; i < args->argc; i++)
		XXH3_64bits_update(h, args->argv[i], strlen(args->argv[i]) + 1);
	text = read_file(path, &size);
	if (text)
		XXH3_64bits_update(h, text, size);
	free(text);
	snprintf(key, 17, "%016llx", (unsigned long long)XXH3_64bits_digest(h));
	XXH3_freeState(h);
	return key;
}

/* The folders above a file to be written. */
static void mkdir_parents(const char *path)
{
	char *dir = xstrdup(path), *slash = strrchr(dir, '/');

	if (slash && slash != dir) {
		*slash = '\0';
		mkdir_p(dir);
	}
	free(dir);
}

int write_file_summary(const struct source *src, const struct clang_args *args,
		       int kernel_version, const char *out_path)
{
	struct findings found = { NULL, 0, 0, 0, 0 };
	struct program prog = { 0 };
	struct model forced = { kernel_version, "--kernel-version" };
	char *key = summary_key(src->path, args);
	size_t len = strlen(out_path) + 8;
	char *tmp = xmalloc(len);
	FILE *out;
	int ret = 0;

	check_translation_unit((struct source *)src, &forced, CONF_LOW, &found,
			       &prog);
	snprintf(tmp, len, "%s.tmp", out_path);
	mkdir_parents(tmp);
	out = fopen(tmp, "w");
	if (!out || write_summaries(out, &prog, &found, src->path, key) ||
	    fclose(out) || rename(tmp, out_path))
		ret = error("%s: cannot write %s: %s", src->path, out_path,
			    strerror(errno));
	release_program(&prog);
	release_findings(&found);
	free(key);
	free(tmp);
	return ret;
}

/* The file list and what happened to each. */
struct unit {
	char *rel; /* path relative to the source tree */
	char *summary; /* its summary file */
	int state; /* UNIT_* */
	long size; /* bytes: the biggest files start first */
};

enum { UNIT_NEW, UNIT_DONE, UNIT_CACHED, UNIT_FAILED };

struct scan {
	const struct scan_options *o;
	struct unit *units;
	int nr, alloc;
	int considered;
	char *cache_dir;
	double start;
	int index_checked, use_index; /* the tree's id-utils index */
	struct file_list tree; /* without it: the tree's .c files */
	char *tree_want; /* per tree file: the paths and config take it */
};

static double now(void)
{
	struct timeval tv;

	gettimeofday(&tv, NULL);
	return tv.tv_sec + tv.tv_usec / 1e6;
}

static int has_unit(const struct scan *sc, const char *rel)
{
	int i;

	for (i = 0; i < sc->nr; i++)
		if (!strcmp(sc->units[i].rel, rel))
			return 1;
	return 0;
}

static int wanted_path(const struct scan *sc, const char *rel, int nr,
		       const char **paths)
{
	size_t i, n = strlen(rel);
	int j;

	if (n < 3 || strcmp(rel + n - 2, ".c"))
		return 0;
	for (i = 0; i < ARRAY_SIZE(skipped_dirs); i++)
		if (!strncmp(rel, skipped_dirs[i], strlen(skipped_dirs[i])))
			return 0;
	if (!strncmp(rel, "arch/", 5) && strncmp(rel, "arch/x86/", 9))
		return 0;
	if (!built_in_config(sc->o->kdir, sc->o->kbuild, rel))
		return 0;
	for (j = 0; j < nr; j++)
		if (!strncmp(rel, paths[j], strlen(paths[j])))
			return 1;
	return nr == 0;
}

static long file_size(const char *root, const char *rel)
{
	char *path = xmalloc(strlen(root) + strlen(rel) + 2);
	struct stat st;
	long size;

	sprintf(path, "%s/%s", root, rel);
	size = stat(path, &st) ? 0 : (long)st.st_size;
	free(path);
	return size;
}

static void add_unit(struct scan *sc, const char *rel)
{
	struct unit *u;
	size_t len;

	ALLOC_GROW(sc->units, sc->nr, sc->alloc);
	u = &sc->units[sc->nr++];
	u->rel = xstrdup(rel);
	len = strlen(sc->cache_dir) + strlen(rel) + 8;
	u->summary = xmalloc(len);
	snprintf(u->summary, len, "%s/%s.json", sc->cache_dir, rel);
	mkdir_parents(u->summary);
	u->state = UNIT_NEW;
	u->size = file_size(sc->o->kdir, rel);
}

static int in_tree(const struct scan *sc, const char *rel)
{
	char *path = fmt_str("%s/%s", sc->o->kdir, rel);
	int ret = rel[0] != '/' && !access(path, F_OK);

	free(path);
	return ret;
}

/*
 * The index is used only if it is this tree's: made here (relative names)
 * and naming files that exist here.  A copied or moved tree keeps the
 * index of the original.
 */
static int index_usable(struct scan *sc)
{
	struct strlist starts = { NULL, 0, 0 };
	char *path, *cmd, *line = NULL;
	size_t cap = 0;
	int seen = 0, good = 1;
	FILE *p;

	if (sc->index_checked)
		return sc->use_index;
	sc->index_checked = 1;
	path = fmt_str("%s/.id-utils.index", sc->o->kdir);
	if (access(path, R_OK)) {
		free(path);
		return sc->use_index = 0;
	}
	free(path);
	/* a name every tree with ranges uses: the range start */
	api_names(RANGE_START, &starts);
	cmd = fmt_str("cd '%s' && lid -f .id-utils.index -R filenames "
		      "%s 2>/dev/null",
		      sc->o->kdir, starts.nr ? starts.items[0] : "");
	strlist_release(&starts);
	p = popen(cmd, "r");
	free(cmd);
	if (!p)
		return sc->use_index = 0;
	while (getline(&line, &cap, p) > 0) {
		char *tok = strtok(line, "\n ");

		while ((tok = strtok(NULL, "\n "))) {
			seen++;
			good &= in_tree(sc, tok);
		}
	}
	free(line);
	pclose(p);
	sc->use_index = seen > 0 && good;
	if (!sc->use_index)
		fprintf(stderr,
			"mmucheck scan: note: %s/.id-utils.index does not name this tree's files; searching the files\n",
			sc->o->kdir);
	return sc->use_index;
}

/* Without an index: a word search of the tree's wanted .c files. */
static int add_files_searched(struct scan *sc, const struct strlist *names,
			      int nr, const char **paths)
{
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	char *want, *hit;
	int i, added = 0;

	if (!sc->tree_want) {
		if (list_c_files(sc->o->kdir, &sc->tree))
			die("scan: cannot read the tree %s", sc->o->kdir);
		sc->tree_want = xcalloc(sc->tree.nr + 1, 1);
		for (i = 0; i < sc->tree.nr; i++)
			sc->tree_want[i] = (char)wanted_path(
				sc, sc->tree.paths[i], nr, paths);
	}
	want = xcalloc(sc->tree.nr + 1, 1);
	hit = xcalloc(sc->tree.nr + 1, 1);
	for (i = 0; i < sc->tree.nr; i++)
		want[i] = sc->tree_want[i] && !has_unit(sc, sc->tree.paths[i]);
	files_naming(sc->o->kdir, &sc->tree, want, names,
		     cores > 1 ? (int)cores : 1, hit);
	for (i = 0; i < sc->tree.nr; i++)
		if (hit[i]) {
			add_unit(sc, sc->tree.paths[i]);
			added++;
		}
	free(want);
	free(hit);
	return added;
}

/*
 * The files that name any of these identifiers, from the tree's id-utils
 * index (scripts/kernel-tree builds it): "lid -l" answers in milliseconds
 * where grepping 30,000 files takes seconds per name.  Without a usable
 * index, a word search of the files.
 */
static int add_files_naming(struct scan *sc, const struct strlist *names,
			    int nr, const char **paths)
{
	size_t len = 256;
	char *cmd, *line = NULL;
	FILE *p;
	int i, added = 0;
	size_t cap = 0;

	if (!names->nr)
		return 0;
	if (!index_usable(sc))
		return add_files_searched(sc, names, nr, paths);
	for (i = 0; i < names->nr; i++)
		len += strlen(names->items[i]) + 1;
	cmd = xmalloc(len);
	snprintf(cmd, len, "cd '%s' && lid -f .id-utils.index -r '^(",
		 sc->o->kdir);
	for (i = 0; i < names->nr; i++) {
		strcat(cmd, names->items[i]);
		strcat(cmd, i + 1 < names->nr ? "|" : ")$' 2>/dev/null");
	}
	p = popen(cmd, "r");
	if (!p)
		die("scan: cannot run lid: %s", strerror(errno));
	while (getline(&line, &cap, p) > 0) {
		char *tok = strtok(line, "\n ");

		/* "name", then the paths that have it */
		while ((tok = strtok(NULL, "\n ")))
			if (wanted_path(sc, tok, nr, paths) &&
			    !has_unit(sc, tok)) {
				add_unit(sc, tok);
				added++;
			}
	}
	free(line);
	pclose(p);
	free(cmd);
	return added;
}

static void model_names(struct strlist *names)
{
	static const enum api_class wanted[] = {
		RANGE_START,   RANGE_START_NONBLOCK, RANGE_END, PTE_CLEAR,
		PTE_DOWNGRADE, PTE_REPLACE,	     PAGE_WALK,
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(wanted); i++)
		api_names(wanted[i], names);
}

/* One file in a child: its summary, or a failure (exit 2). */
static int analyse_unit(const struct scan *sc, const struct unit *u)
{
	struct clang_args args;
	struct source src;
	char *path = xmalloc(strlen(sc->o->kdir) + strlen(u->rel) + 2);
	int ret;

	sprintf(path, "%s/%s", sc->o->kdir, u->rel);
	if (kbuild_args(sc->o->kdir, sc->o->kbuild, path, &args)) {
		free(path);
		return EXIT_FATAL;
	}
	ret = parse_source(&src, args.source, args.argv, args.argc);
	if (!ret)
		ret = write_file_summary(&src, &args, sc->o->kernel_version,
					 u->summary);
	release_source(&src);
	clang_args_release(&args);
	free(path);
	return ret ? EXIT_FATAL : 0;
}

static int cached(const struct scan *sc, const struct unit *u)
{
	struct clang_args args;
	char *path = xmalloc(strlen(sc->o->kdir) + strlen(u->rel) + 2);
	char *key;
	int ret = 0;

	sprintf(path, "%s/%s", sc->o->kdir, u->rel);
	if (!kbuild_args(sc->o->kdir, sc->o->kbuild, path, &args)) {
		key = summary_key(path, &args);
		ret = !read_summaries(NULL, NULL, u->summary, key);
		free(key);
		clang_args_release(&args);
	}
	free(path);
	return ret;
}

struct round {
	struct scan *sc;
	int *todo; /* the units this round analyses */
	int nr_done;
};

static const char *round_name(int i, void *data)
{
	struct round *r = data;

	return r->sc->units[r->todo[i]].rel;
}

static int round_run(int i, void *data)
{
	struct round *r = data;

	return analyse_unit(r->sc, &r->sc->units[r->todo[i]]);
}

static void round_started(int i, void *data)
{
	struct round *r = data;
	const struct scan *sc = r->sc;
	int total = 0, k;

	if (!sc->o->progress)
		return;
	for (k = 0; r->todo[k] >= 0; k++)
		total++;
	if (isatty(2))
		fprintf(stderr, "\r\033[K[%d/%d] %s", ++r->nr_done, total,
			round_name(i, data));
	else
		fprintf(stderr, "  CHECK   %s\n", round_name(i, data));
}

static void round_done(int i, int ret, void *data)
{
	struct round *r = data;

	r->sc->units[r->todo[i]].state = ret ? UNIT_FAILED : UNIT_DONE;
}

static int bigger_first(const void *a, const void *b)
{
	const struct unit *x = a, *y = b;

	return (y->size > x->size) - (y->size < x->size);
}

/*
 * Analyse the new units, jobs at a time, the biggest first: a big file
 * started last would leave the other cores idle at the end of the round.
 */
static void run_round(struct scan *sc)
{
	struct round r = { sc, xcalloc(sc->nr + 1, sizeof(int)), 0 };
	struct child_run run = {
		.jobs = sc->o->jobs,
		.timeout = sc->o->timeout,
		.name = round_name,
		.run = round_run,
		.started = round_started,
		.done = round_done,
		.data = &r,
	};
	int i;

	qsort(sc->units, sc->nr, sizeof(*sc->units), bigger_first);
	for (i = 0; i < sc->nr; i++)
		if (sc->units[i].state == UNIT_NEW && cached(sc, &sc->units[i]))
			sc->units[i].state = UNIT_CACHED;
	for (i = 0; i < sc->nr; i++)
		if (sc->units[i].state == UNIT_NEW)
			r.todo[run.nr++] = i;
	r.todo[run.nr] = -1;
	run_children(&run);
	if (sc->o->progress && isatty(2))
		fprintf(stderr, "\r\033[K");
	free(r.todo);
}

static void load(const struct scan *sc, struct program *prog,
		 struct findings *found)
{
	int i;

	for (i = 0; i < sc->nr; i++) {
		const struct unit *u = &sc->units[i];

		if (u->state == UNIT_DONE || u->state == UNIT_CACHED)
			read_summaries(prog, found, u->summary, NULL);
	}
}

/*
 * Functions nobody in the scanned files calls that need a caller's range,
 * or that manage ranges: their callers decide where a finding goes when
 * a range is missing, so their files join the scan.
 */
static void needy_roots(struct program *prog, struct strlist *names)
{
	struct findings scratch = { NULL, 0, 0, 0, 0 };
	int i;

	link_rules(prog, &scratch);
	release_findings(&scratch);
	for (i = 0; i < prog->nr; i++) {
		const struct fsum *f = prog->fns[i];

		if ((f->need_op || f->need_site || f->manages) &&
		    !f->is_static && !f->nr_callers)
			strlist_add(names, f->name);
	}
}

/* A baseline asked for, read before any work so that a bad one costs none. */
static int load_baseline(const struct scan_options *o, struct baseline *known)
{
	return o->baseline ? read_baseline(o->baseline, known) : 0;
}

/*
 * Print the findings; the number that decides exit 1 (the new ones
 * against a baseline), or -1 when the baseline could not be written.
 */
static int report(const struct scan_options *o, struct findings *found,
		  struct baseline *known, const char *command)
{
	int i, absent = 0, counted = found->nr;

	sort_findings(found);
	if (o->write_baseline && write_baseline(o->write_baseline, found))
		return -1;
	if (o->baseline) {
		apply_baseline(found, known);
		for (i = 0, counted = 0; i < found->nr; i++)
			counted += found->items[i].baseline == BASELINE_NEW;
		for (i = 0; i < known->nr; i++)
			absent += !known->items[i].seen;
	}
	print_findings(stdout, found, o->format, o->kdir, command);
	if (o->baseline)
		fprintf(stderr,
			"mmucheck %s: baseline %s: %d new, %d known, %d no longer found\n",
			command, o->baseline, counted, found->nr - counted,
			absent);
	return counted;
}

static void closing_line(const struct scan *sc, const struct findings *found)
{
	int i, j, parsed = 0, failed = 0, from_cache = 0, per_rule;

	for (i = 0; i < sc->nr; i++) {
		parsed += sc->units[i].state == UNIT_DONE ||
			  sc->units[i].state == UNIT_CACHED;
		failed += sc->units[i].state == UNIT_FAILED;
		from_cache += sc->units[i].state == UNIT_CACHED;
	}
	fprintf(stderr,
		"mmucheck scan: %d files considered, %d analysed (%d from cache), %d failed; findings:",
		sc->nr, parsed, from_cache, failed);
	for (j = 0; j < NR_RULES; j++) {
		for (per_rule = 0, i = 0; i < found->nr; i++)
			per_rule += !strcmp(found->items[i].rule, rule_id(j));
		fprintf(stderr, "%s %s %d", j ? "," : "", rule_id(j), per_rule);
	}
	fprintf(stderr, "; %.1f s\n", now() - sc->start);
}

/*
 * A PATH argument as the prefix of tree-relative names: relative to the
 * tree, or to the current directory, or absolute, but inside the tree.
 */
static char *tree_path(const char *kdir, const char *arg)
{
	char *root = realpath(kdir, NULL), *under = fmt_str("%s/%s", kdir, arg);
	char *full = realpath(arg[0] == '/' ? arg : under, NULL), *rel = NULL;
	struct stat st;
	size_t n = root ? strlen(root) : 0;

	if (!full && arg[0] != '/')
		full = realpath(arg, NULL);
	if (!root || !full) {
		error("scan: %s: no such file or directory in %s", arg, kdir);
	} else if (strncmp(full, root, n) || (full[n] && full[n] != '/')) {
		error("scan: %s: outside the tree %s", arg, kdir);
	} else if (stat(full, &st)) {
		error("scan: %s: %s", arg, strerror(errno));
	} else {
		rel = S_ISDIR(st.st_mode) ?
			      fmt_str("%s%s", full[n] ? full + n + 1 : "",
				      full[n] ? "/" : "") :
			      xstrdup(full + n + 1);
	}
	free(root);
	free(under);
	free(full);
	return rel;
}

static int tree_paths(const char *kdir, int nr, const char **args, char ***rels)
{
	int i, bad = 0;

	*rels = xcalloc(nr + 1, sizeof(**rels));
	for (i = 0; i < nr; i++) {
		(*rels)[i] = tree_path(kdir, args[i]);
		bad |= !(*rels)[i];
	}
	return bad ? -1 : 0;
}

static void release_paths(char **rels, int nr)
{
	int i;

	for (i = 0; i < nr; i++)
		free(rels[i]);
	free(rels);
}

static int scan_paths(const struct scan_options *o, int nr, const char **paths);

int run_scan(const struct scan_options *o, int nr, const char **args)
{
	char **rels;
	int ret;

	if (tree_paths(o->kdir, nr, args, &rels)) {
		release_paths(rels, nr);
		return EXIT_FATAL;
	}
	ret = scan_paths(o, nr, (const char **)rels);
	release_paths(rels, nr);
	return ret;
}

static int scan_paths(const struct scan_options *o, int nr, const char **paths)
{
	struct scan sc = { .o = o, .start = now() };
	struct program prog = { .whole = 1 };
	struct findings found = { NULL, 0, 0, 0, 0 };
	struct strlist names = { NULL, 0, 0 };
	struct baseline known = { 0 };
	int i, failed = 0, counted;

	if (load_baseline(o, &known))
		return EXIT_FATAL;
	if (kbuild_load(o->kdir, o->kbuild)) {
		release_baseline(&known);
		return EXIT_FATAL;
	}
	sc.cache_dir = fmt_str("%s/summaries", kbuild_cache_dir());
	model_names(&names);
	if (!add_files_naming(&sc, &names, nr, paths)) {
		error("scan: nothing to check: no file%s%s of %s names the notifier or page-table API",
		      nr ? " under " : "", nr ? paths[0] : "", o->kdir);
		strlist_release(&names);
		free(sc.cache_dir);
		release_inputs();
		release_baseline(&known);
		return EXIT_FATAL;
	}
	while (1) {
		run_round(&sc);
		release_program(&prog);
		prog.whole = 1;
		load(&sc, &prog, NULL);
		strlist_release(&names);
		needy_roots(&prog, &names);
		if (!add_files_naming(&sc, &names, nr, paths))
			break;
	}
	release_program(&prog);
	prog.whole = 1;
	load(&sc, &prog, &found);
	link_rules(&prog, &found);
	relative_findings(&found, o->kdir, NULL);
	finish_findings(&found,
			&(struct finish_options){ .min = o->min_confidence,
						  .root = o->kdir,
						  .keep_rule = rule_enabled });
	counted = report(o, &found, &known, "scan");
	closing_line(&sc, &found);
	for (i = 0; i < sc.nr; i++) {
		failed += sc.units[i].state == UNIT_FAILED;
		free(sc.units[i].rel);
		free(sc.units[i].summary);
	}
	release_baseline(&known);
	free(sc.units);
	free(sc.cache_dir);
	release_file_list(&sc.tree);
	free(sc.tree_want);
	strlist_release(&names);
	release_program(&prog);
	release_findings(&found);
	release_inputs();
	return failed || counted < 0 ? EXIT_FATAL : counted > 0;
}

int run_link(const struct scan_options *o, int nr, const char **paths)
{
	struct program prog = { .whole = 1 };
	struct findings found = { NULL, 0, 0, 0, 0 };
	struct baseline known = { 0 };
	int i, ret;

	if (load_baseline(o, &known))
		return EXIT_FATAL;
	for (i = 0; i < nr; i++)
		if (read_summaries(&prog, &found, paths[i], NULL)) {
			error("%s: not a summary of mmucheck", paths[i]);
			release_program(&prog);
			release_findings(&found);
			return EXIT_FATAL;
		}
	link_rules(&prog, &found);
	if (o->kdir)
		relative_findings(&found, o->kdir, NULL);
	finish_findings(&found, &(struct finish_options){
					.min = o->min_confidence,
					.root = o->kdir ? o->kdir : "",
					.keep_rule = rule_enabled });
	ret = report(o, &found, &known, "link");
	ret = ret < 0 ? EXIT_FATAL : ret > 0;
	release_baseline(&known);
	release_program(&prog);
	release_findings(&found);
	return ret;
}
