// SPDX-License-Identifier: GPL-2.0
#define _GNU_SOURCE /* setenv */
/*
 * mmucheck batch --git (see batch_git.h).
 */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "batch_git.h"
#include "cocci.h"
#include "input/git.h"
#include "lib/diag.h"
#include "lib/util.h"
#include "lib/view.h"
#include "scan.h"

struct revision {
	char *name, *rev, *commit;
	char *dir, *src, *build; /* in the scratch folder */
};

struct batch_git {
	struct git git;
	const struct batch_options *o;
	char *scratch;
	struct revision *revs;
	int nr;
	struct culprit **culprits;
	int nr_culprits, alloc_culprits;
};

/* --- the revisions ----------------------------------------------------- */

static int parse_rev(struct batch_git *bg, const char *spec, struct revision *r)
{
	const char *eq = strchr(spec, '=');

	if (!eq || eq == spec || !eq[1])
		return error("batch: '%s' is not NAME=REV (with --git)", spec);
	r->name = xstrndup(spec, (size_t)(eq - spec));
	if (strchr(r->name, '/'))
		return error("batch: the name '%s' has a '/'", r->name);
	r->rev = xstrdup(eq + 1);
	r->dir = fmt_str("%s/%s", bg->scratch, r->name);
	r->src = fmt_str("%s/src", r->dir);
	r->build = fmt_str("%s/build", r->dir);
	r->commit = git_resolve(&bg->git, r->rev);
	return r->commit ? 0 : -1;
}

/* --kbuild must be prepared: said before any revision is written. */
static int check_kbuild(const char *kbuild)
{
	char *autoconf = fmt_str("%s/include/generated/autoconf.h", kbuild);
	int ret = 0;

	if (access(autoconf, F_OK))
		ret = error(
			"%s is not a prepared kernel build directory (no include/generated/autoconf.h)",
			kbuild);
	free(autoconf);
	return ret;
}

int batch_git_open(struct batch_git **out, const struct batch_options *o,
		   const char *scratch, int nr, const char **specs)
{
	struct batch_git *bg = xcalloc(1, sizeof(*bg));
	char *cache;
	int k, ret;

	*out = bg;
	bg->o = o;
	bg->scratch = fmt_str("%s/git", scratch);
	ret = o->scan.kbuild ? check_kbuild(o->scan.kbuild) : 0;
	if (!ret)
		ret = git_open(&bg->git, o->git, bg->scratch);
	bg->revs = xcalloc(nr + 1, sizeof(*bg->revs));
	for (k = 0; !ret && k < nr; k++, bg->nr++)
		ret = parse_rev(bg, specs[k], &bg->revs[k]);
	/* the trees are new each run: their caches go with the scratch */
	cache = fmt_str("%s/cache", scratch);
	setenv("MMUCHECK_CACHE", cache, 1);
	free(cache);
	return ret;
}

/* argv run with its output into log (appended); 0 when it succeeded. */
static int run_logged(const char *const *argv, const char *log)
{
	int status, fd;
	pid_t pid;

	fflush(stdout);
	fflush(stderr);
	pid = fork();
	if (pid < 0)
		return error("fork: %s", strerror(errno));
	if (!pid) {
		fd = open(log, O_WRONLY | O_CREAT | O_APPEND, 0666);
		if (fd < 0)
			_exit(127);
		dup2(fd, 1);
		dup2(fd, 2);
		close(0);
		open("/dev/null", O_RDONLY);
		execvp(argv[0], (char *const *)argv);
		dprintf(2, "mmucheck: cannot run %s: %s\n", argv[0],
			strerror(errno));
		_exit(127);
	}
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return error("waitpid: %s", strerror(errno));
	return WIFEXITED(status) && !WEXITSTATUS(status) ? 0 : -1;
}

/*
 * scripts/kernel-tree --out-of-tree, into the scratch folder: the
 * options and the stamp are the script's, as for every tree of ours.
 */
static int prepare_build(struct batch_git *bg, const struct revision *r)
{
	char *log = fmt_str("%s/%s.prepare.log", bg->o->out_dir, r->name);
	char *script = project_path("scripts/kernel-tree");
	char *label = fmt_str("git %s", r->commit);
	char *jobs = fmt_str("%d", bg->o->scan.jobs > 0 ? bg->o->scan.jobs : 1);
	const char *const argv[] = { script ? script : "kernel-tree",
				     "--out-of-tree",
				     r->src,
				     r->build,
				     label,
				     jobs,
				     NULL };
	int ret;

	fprintf(stderr, "  PREPARE %s (log: %s)\n", r->build, log);
	unlink(log);
	ret = run_logged(argv, log);
	if (ret)
		ret = error("batch: make prepare failed for %s (%s); see %s",
			    r->name, r->rev, log);
	free(jobs);
	free(label);
	free(script);
	free(log);
	return ret;
}

/*
 * The one prepared build, seen from a folder of links to its parts and
 * a "source" link to the revision: Kbuild reads the configuration and
 * the generated headers there, and nothing is written in it.
 */
static int link_build(const char *kbuild, const struct revision *r)
{
	char *top = realpath(kbuild, NULL), *to, *at;
	DIR *d = top ? opendir(top) : NULL;
	struct dirent *e;
	int ret = d && !mkdir_p(r->build) ? 0 : -1;

	while (!ret && (e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..") ||
		    !strcmp(e->d_name, "source") ||
		    !strcmp(e->d_name, "Makefile"))
			continue;
		to = fmt_str("%s/%s", top, e->d_name);
		at = fmt_str("%s/%s", r->build, e->d_name);
		ret = symlink(to, at);
		free(to);
		free(at);
	}
	at = fmt_str("%s/source", r->build);
	if (!ret)
		ret = symlink(r->src, at);
	if (ret)
		ret = error("batch: cannot use the build %s for %s: %s", kbuild,
			    r->name, strerror(errno));
	free(at);
	if (d)
		closedir(d);
	free(top);
	return ret;
}

int batch_git_checkout(struct batch_git *bg)
{
	int k, ret = 0;

	for (k = 0; !ret && k < bg->nr; k++) {
		struct revision *r = &bg->revs[k];

		fprintf(stderr, "  GIT     %s (%.12s) into %s\n", r->name,
			r->commit, r->src);
		ret = git_materialise(&bg->git, r->commit, r->src);
		if (!ret)
			ret = bg->o->scan.kbuild ?
				      link_build(bg->o->scan.kbuild, r) :
				      prepare_build(bg, r);
	}
	return ret;
}

void batch_git_version(const struct batch_git *bg, int k, const char **name,
		       const char **src, const char **build)
{
	*name = bg->revs[k].name;
	*src = bg->revs[k].src;
	*build = bg->revs[k].build;
}

/* --- the commits of a finding ------------------------------------------- */

static int is_ident(char c)
{
	return isalnum((unsigned char)c) || c == '_';
}

/* A line at the left margin naming name( : a definition, or a prototype. */
static int names_function(const char *line, const char *end, const char *name)
{
	size_t n = strlen(name);
	const char *p;

	if (!is_ident(*line) || (end > line && end[-1] == ';'))
		return 0;
	for (p = line; p + n < end; p++)
		if (!strncmp(p, name, n) && p[n] == '(' &&
		    (p == line || !is_ident(p[-1])))
			return 1;
	return 0;
}

/*
 * The lines of name's definition in text: from the line naming it at
 * the left margin (the nearest above line near, or the first when near
 * is 0) to the next "}" there.  0 when it is found.
 */
static int function_span(const char *text, const char *name, unsigned int near,
			 unsigned int *start, unsigned int *end)
{
	const char *p = text, *eol;
	unsigned int n = 1;

	*start = *end = 0;
	for (; *p && (!near || n <= near); p = *eol ? eol + 1 : eol, n++) {
		eol = strchrnul(p, '\n');
		if (names_function(p, eol, name)) {
			*start = n;
			if (!near)
				break;
		}
	}
	for (p = text, n = 1; *start && *p; p = *eol ? eol + 1 : eol, n++) {
		eol = strchrnul(p, '\n');
		if (n > *start && n >= near && *p == '}') {
			*end = n;
			return 0;
		}
	}
	return -1;
}

/* The commits of a..b that touch file, oldest first. */
static void file_commits(struct batch_git *bg, int a, int b, const char *file,
			 struct strlist *out)
{
	char *range = fmt_str("%s..%s", bg->revs[a].commit, bg->revs[b].commit);
	const char *const argv[] = { "rev-list", "--reverse", range,
				     "--",	 file,	      NULL };

	git_lines(&bg->git, argv, out);
	free(range);
}

/* Those of commits that touch lines start..end of file as b has it. */
static void line_commits(struct batch_git *bg, int a, int b, const char *file,
			 unsigned int start, unsigned int end,
			 const struct strlist *commits, struct strlist *out)
{
	char *range = fmt_str("%s..%s", bg->revs[a].commit, bg->revs[b].commit);
	char *lines = fmt_str("%u,%u:%s", start, end, file);
	const char *const argv[] = { "log", "--format=commit %H",
				     "-L",  lines,
				     range, NULL };
	struct strlist log = { NULL, 0, 0 }, touched = { NULL, 0, 0 };
	int i;

	if (!git_lines(&bg->git, argv, &log))
		for (i = 0; i < log.nr; i++)
			if (!strncmp(log.items[i], "commit ", 7) &&
			    strlen(log.items[i]) == 47)
				strlist_add(&touched, log.items[i] + 7);
	for (i = 0; i < commits->nr; i++)
		if (strlist_has(&touched, commits->items[i]))
			strlist_add(out, commits->items[i]);
	strlist_release(&touched);
	strlist_release(&log);
	free(lines);
	free(range);
}

/* The commits touching f's function, as b has it; none when it has none. */
static void function_commits(struct batch_git *bg, int a, int b,
			     const struct finding *f, int fixed,
			     const struct strlist *commits, struct strlist *out)
{
	char *path = fmt_str("%s/%s", bg->revs[b].src, f->file);
	unsigned int start, end;
	size_t size;
	char *text = read_file(path, &size);

	if (text && f->function && *f->function &&
	    !function_span(text, f->function, fixed ? 0 : f->line, &start,
			   &end))
		line_commits(bg, a, b, f->file, start, end, commits, out);
	free(text);
	free(path);
}

/* Is f among found: its rule, file and function? */
static int has_finding(const struct findings *found, const struct finding *f)
{
	int i;

	for (i = 0; i < found->nr; i++) {
		const struct finding *g = &found->items[i];

		if (!strcmp(g->rule, f->rule) && !strcmp(g->file, f->file) &&
		    !strcmp(g->function, f->function))
			return 1;
	}
	return 0;
}

/* The checker's answer on f's file, as the view in use has it. */
static int checker_finds(const struct scan_options *so,
			 const struct revision *r, const struct finding *f)
{
	struct scan_options one = *so;
	const char *paths[] = { f->file };
	struct scan_result res;
	int found = -1;

	one.kdir = r->src;
	one.kbuild = r->build;
	one.progress = 0;
	if (!scan_tree(&one, 1, paths, NULL, &res))
		found = has_finding(&res.found, f);
	release_scan_result(&res);
	return found;
}

/*
 * The semantic patches' answer on f's file, as the view in use has it:
 * spatch on that one text (cocci.h), its answers cached in the scratch
 * folder, so a text met twice is asked once.
 */
static int cocci_finds(struct batch_git *bg, const struct revision *r,
		       const struct finding *f)
{
	struct strlist files = { NULL, 0, 0 };
	struct findings found = { 0 };
	char *cache = fmt_str("%s/cocci-answers", bg->scratch);
	struct cocci_run run;
	int ret;

	strlist_add(&files, f->file);
	ret = cocci_start(&run, r->src, bg->scratch, cache, &files);
	if (cocci_finish(&run, &found))
		ret = -1;
	if (!ret)
		ret = has_finding(&found, f);
	release_findings(&found);
	strlist_release(&files);
	free(cache);
	return ret;
}

/*
 * Is f there in its file as of commit (over b's tree)?  Asked of the
 * engine that found it: a finding of the semantic patches alone is
 * bisected by spatch, the others by the checker.
 */
static int found_at(struct batch_git *bg, const struct scan_options *so, int b,
		    const char *commit, const struct finding *f)
{
	const struct revision *r = &bg->revs[b];
	struct view v;
	int found;

	if (git_view_of(&bg->git, r->src, r->commit, commit, &v))
		return -1;
	fprintf(stderr, "  BISECT  %s as of %.12s%s\n", f->file, commit,
		f->by_cocci == 1 ? " (cocci)" : "");
	view_use(&v);
	found = f->by_cocci == 1 ? cocci_finds(bg, r, f) :
				   checker_finds(so, r, f);
	view_use(NULL);
	view_release(&v);
	return found;
}

/*
 * The first of commits (oldest first) at which f is there (fixed: gone),
 * found by halves: at b, past the last, it is.  -1 when none shows it.
 */
static int bisect(struct batch_git *bg, const struct scan_options *so, int b,
		  const struct strlist *commits, const struct finding *f,
		  int fixed)
{
	int lo = 0, hi = commits->nr, mid, there;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		there = found_at(bg, so, b, commits->items[mid], f);
		if (there < 0)
			return -1;
		if (there != fixed)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo < commits->nr ? lo : -1;
}

static const struct culprit *new_culprit(struct batch_git *bg,
					 const char *commit)
{
	struct culprit *c = xcalloc(1, sizeof(*c));
	char *subject = git_subject(&bg->git, commit);

	c->commit = xstrdup(commit);
	c->subject = subject ? subject : xstrdup("");
	c->fixes = fmt_str("Fixes: %.12s (\"%s\")", commit, c->subject);
	ALLOC_GROW(bg->culprits, bg->nr_culprits, bg->alloc_culprits);
	bg->culprits[bg->nr_culprits++] = c;
	return c;
}

const struct culprit *batch_git_culprit(struct batch_git *bg,
					const struct scan_options *so, int a,
					int b, const struct finding *f,
					int fixed)
{
	struct strlist all = { NULL, 0, 0 }, some = { NULL, 0, 0 };
	const struct strlist *cands = &all;
	const struct culprit *c = NULL;
	int at = -1;

	file_commits(bg, a, b, f->file, &all);
	function_commits(bg, a, b, f, fixed, &all, &some);
	if (some.nr)
		cands = &some;
	if (cands->nr == 1)
		at = 0;
	else if (cands->nr > 1) {
		fprintf(stderr, "  BISECT  %s(): %d commits of %s\n",
			f->function, cands->nr, f->file);
		at = bisect(bg, so, b, cands, f, fixed);
	}
	if (at >= 0)
		c = new_culprit(bg, cands->items[at]);
	strlist_release(&all);
	strlist_release(&some);
	return c;
}

json_t *culprit_json(const struct culprit *c)
{
	if (!c)
		return json_null();
	return json_pack("{s:s,s:s,s:s}", "commit", c->commit, "subject",
			 c->subject, "fixes", c->fixes);
}

void print_culprit(FILE *out, const char *version, const struct finding *f,
		   const struct culprit *c, int fixed)
{
	fprintf(out, "%s: %s: %s:%u: %s(): %s", version,
		fixed ? "fixed" : "new", f->file, f->line, f->function,
		f->rule);
	if (fixed)
		fprintf(out, ", by %.12s (\"%s\")\n", c->commit, c->subject);
	else
		fprintf(out, "\n%s\n", c->fixes);
}

void batch_git_close(struct batch_git *bg)
{
	int k;

	if (!bg)
		return;
	for (k = 0; k < bg->nr; k++) {
		struct revision *r = &bg->revs[k];

		free(r->name);
		free(r->rev);
		free(r->commit);
		free(r->dir);
		free(r->src);
		free(r->build);
	}
	for (k = 0; k < bg->nr_culprits; k++) {
		free(bg->culprits[k]->commit);
		free(bg->culprits[k]->subject);
		free(bg->culprits[k]->fixes);
		free(bg->culprits[k]);
	}
	free(bg->culprits);
	free(bg->revs);
	git_close(&bg->git);
	free(bg->scratch);
	free(bg);
}
