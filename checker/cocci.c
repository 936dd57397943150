// SPDX-License-Identifier: GPL-2.0
/*
 * The semantic patches for mmucheck diff (see cocci.h).  A report line is
 *
 *	FILE:LINE:COL-COL: [rule] message ... in function() ...
 *
 * (coccilib's print_report, the .cocci files of cocci/); the first "in NAME()" of the
 * message is the function the finding's fingerprint names.
 */
#define _GNU_SOURCE /* getline, nftw */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <ftw.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <xxhash.h>

#include "cocci.h"
#include "lib/diag.h"
#include "lib/util.h"
#include "lib/view.h"
#include "rules/rules.h"

/* The project's cocci/, beside the checker/ the binary was built in. */
static const char *cocci_dir(void)
{
	static char *dir;
	const char *env = getenv("MMUCHECK_COCCI");

	if (dir)
		return dir;
	if (env && *env)
		return dir = xstrdup(env);
	return dir = project_path("cocci");
}

/* cocci/pte_outside_range.cocci for "pte-outside-range" */
static char *rule_file(const char *rule)
{
	char *name = xstrdup(rule), *p, *path;

	for (p = name; *p; p++)
		if (*p == '-')
			*p = '_';
	path = fmt_str("%s/%s.cocci", cocci_dir(), name);
	free(name);
	return path;
}

/* spatch on PATH (running it to ask costs a third of a second) */
static int have_spatch(void)
{
	const char *path = getenv("PATH");
	char *dirs = xstrdup(path ? path : "/usr/bin"), *dir, *save = NULL;
	int found = 0;

	for (dir = strtok_r(dirs, ":", &save); dir && !found;
	     dir = strtok_r(NULL, ":", &save)) {
		char *exe = fmt_str("%s/spatch", *dir ? dir : ".");

		found = !access(exe, X_OK);
		free(exe);
	}
	free(dirs);
	return found;
}

int cocci_available(void)
{
	char *path;
	int ok;

	if (!have_spatch())
		return error(
			"diff: spatch not found (package coccinelle): install it, or give --no-cocci");
	path = rule_file(rule_id(0));
	ok = cocci_dir() && !access(path, R_OK);
	free(path);
	return ok ? 0 :
		    error("diff: no semantic patches at %s (MMUCHECK_COCCI names another folder)",
			  cocci_dir() ? cocci_dir() : "?");
}

/* The name of a rule's answer on one file: the rule's text, the file's. */
static char *answer_key(const char *rule, const char *rel, const char *text,
			size_t size)
{
	XXH3_state_t *h = XXH3_createState();
	char *path = rule_file(rule), *rule_text, *key;
	size_t rule_size = 0;

	XXH3_64bits_reset(h);
	rule_text = read_file(path, &rule_size);
	XXH3_64bits_update(h, rule_text ? rule_text : "", rule_size);
	XXH3_64bits_update(h, rel, strlen(rel) + 1);
	XXH3_64bits_update(h, text ? text : "", text ? size : 0);
	key = fmt_str("%016llx", (unsigned long long)XXH3_64bits_digest(h));
	XXH3_freeState(h);
	free(rule_text);
	free(path);
	return key;
}

/*
 * A file's text, as the view in use has it, into dir (a rule's folder):
 * spatch --dir takes each file of a folder alone, as make coccicheck
 * does; files named together on its command line are one group, and a
 * rule's bindings in one would carry into the others.
 */
static void copy_for_spatch(struct cocci_run *r, const char *dir,
			    const char *rel)
{
	char *path = fmt_str("%s/%s", r->top, rel), *copy, *text;
	size_t size = 0;
	FILE *f;

	text = view_read(path, &size);
	free(path);
	copy = fmt_str("%s/%s", dir, rel);
	*strrchr(copy, '/') = '\0';
	mkdir_p(copy);
	copy[strlen(copy)] = '/';
	f = fopen(copy, "w");
	if (!f || (text && fwrite(text, 1, size, f) != size) || fclose(f))
		r->failed = error("cannot write %s: %s", copy, strerror(errno));
	free(text);
	free(copy);
}

/*
 * In a child: spatch, and its exit status left beside its report.  The
 * scan that runs meanwhile reaps every child of this process as it
 * waits for its own (input/isolate.c), so the status cannot be waited
 * for: it is read from the file.
 */
static void __attribute__((noreturn)) run_spatch(const char *out,
						 const char **argv)
{
	char *status_file = fmt_str("%s.status", out);
	int fd, status = 0;
	pid_t pid = fork();
	FILE *f;

	if (!pid) {
		fd = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0644);
		if (fd < 0)
			_exit(127);
		dup2(fd, 1);
		fd = open("/dev/null", O_WRONLY);
		dup2(fd, 2);
		execvp("spatch", (char *const *)argv);
		_exit(127);
	}
	if (pid < 0 || waitpid(pid, &status, 0) < 0)
		status = -1;
	f = fopen(status_file, "w");
	if (f) {
		fprintf(f, "%d\n", status);
		fclose(f);
	}
	_exit(0);
}

/* The status run_spatch() left: 0 when spatch ran and exited 0. */
static int spatch_status(const char *out)
{
	char *status_file = fmt_str("%s.status", out);
	size_t size;
	char *text = read_file(status_file, &size);
	int status = text ? atoi(text) : -1;

	unlink(status_file);
	free(status_file);
	free(text);
	return WIFEXITED(status) && !WEXITSTATUS(status) ? 0 : -1;
}

static void start_rule(struct cocci_run *r, int k, const char *dir)
{
	char *cocci = rule_file(rule_id(k));
	const char *argv[] = { "spatch",
			       "-D",
			       "report",
			       "--very-quiet",
			       "--no-show-diff",
			       "--no-includes",
			       "--timeout",
			       "120",
			       "--cocci-file",
			       cocci,
			       "--dir",
			       dir,
			       NULL };
	pid_t pid;

	r->raw[k] = fmt_str("%s/%s.report", r->dir, rule_id(k));
	fflush(stdout);
	fflush(stderr);
	pid = fork();
	if (pid < 0)
		die("cannot fork: %s", strerror(errno));
	if (!pid)
		run_spatch(r->raw[k], argv);
	r->pids[k] = pid;
	free(cocci);
}

static char **key_slot(const struct cocci_run *r, int k, int i)
{
	return &r->keys[k * r->files.nr + i];
}

static char *answer_path(const struct cocci_run *r, int k, int i)
{
	return fmt_str("%s/%s.txt", r->cache, *key_slot(r, k, i));
}

int cocci_start(struct cocci_run *r, const char *top, const char *scratch,
		const char *cache, const struct strlist *files)
{
	static int runs;
	int i, k, nr;

	memset(r, 0, sizeof(*r));
	r->top = top;
	r->cache = cache;
	for (i = 0; i < files->nr; i++) {
		char *path = fmt_str("%s/%s", top, files->items[i]);

		/* on this side: in the view, or on the disk the view leaves */
		if (view_has(path) ? !view_hides(path) : !access(path, F_OK))
			strlist_add(&r->files, files->items[i]);
		free(path);
	}
	if (!r->files.nr)
		return 0;
	r->dir = fmt_str("%s/cocci.%d.%d", scratch, (int)getpid(), runs++);
	mkdir_p(r->dir);
	mkdir_p(cache);
	r->keys = xcalloc((size_t)NR_RULES * r->files.nr, sizeof(*r->keys));
	for (i = 0; i < r->files.nr; i++) {
		char *path = fmt_str("%s/%s", top, r->files.items[i]), *text;
		size_t size = 0;

		text = view_read(path, &size);
		for (k = 0; k < NR_RULES; k++)
			*key_slot(r, k, i) = answer_key(
				rule_id(k), r->files.items[i], text, size);
		free(text);
		free(path);
	}
	for (k = 0; k < NR_RULES; k++) {
		char *dir = fmt_str("%s/%s", r->dir, rule_id(k));

		for (nr = 0, i = 0; i < r->files.nr; i++) {
			char *answer = answer_path(r, k, i);

			/* a file's answer already there is not asked again */
			if (access(answer, R_OK)) {
				copy_for_spatch(r, dir, r->files.items[i]);
				nr++;
			}
			free(answer);
		}
		if (nr && !r->failed)
			start_rule(r, k, dir);
		free(dir);
	}
	return r->failed;
}

/* "in NAME()": the function of a report's message, or "". */
static char *function_in(const char *message)
{
	const char *p;

	for (p = strstr(message, " in "); p; p = strstr(p + 1, " in ")) {
		const char *name = p + 4, *q = name;

		while ((*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z') ||
		       (*q >= '0' && *q <= '9') || *q == '_')
			q++;
		if (q > name && q[0] == '(' && q[1] == ')')
			return xstrndup(name, (size_t)(q - name));
	}
	return xstrdup("");
}

/* The report's path as the tree names it. */
static const char *tree_name(const struct cocci_run *r, const char *path)
{
	size_t n = r->dir ? strlen(r->dir) : 0, t = strlen(r->top);

	/* r->dir/RULE/rel: a rule's folder */
	if (n && !strncmp(path, r->dir, n) && path[n] == '/') {
		const char *rel = strchr(path + n + 1, '/');

		return rel ? rel + 1 : path + n + 1;
	}
	if (!strncmp(path, r->top, t) && path[t] == '/')
		return path + t + 1;
	return path;
}

/* A finding of the semantic patches, as a report line gives it. */
static void add_cocci_finding(struct findings *found, const char *rule,
			      const char *file, unsigned int line,
			      unsigned int col, const char *function,
			      enum confidence confidence, const char *message)
{
	struct finding *x = add_finding(found, rule, file, line, col, function,
					confidence, message);

	if (x) {
		x->by_cocci = 1;
		trace_add(&x->trace, x->file, line, col, NULL,
			  "found by the semantic patch (cocci/)");
	}
}

void cocci_copy_finding(struct findings *to, const struct finding *f)
{
	add_cocci_finding(to, f->rule, f->file, f->line, f->col, f->function,
			  f->confidence, f->message);
}

/* One report line as a finding of found; its path as name() gives it. */
static void read_line(const char *line,
		      const char *(*name)(const void *, const char *),
		      const void *data, struct findings *found)
{
	char file[PATH_MAX], rule[64], *fn;
	unsigned int at, col;
	int pos;

	if (sscanf(line, "%4095[^:]:%u:%u-%*u: [%63[^]]] %n", file, &at, &col,
		   rule, &pos) < 4)
		return;
	fn = function_in(line + pos);
	add_cocci_finding(found, rule, name(data, file), at, col + 1, fn,
			  CONF_MEDIUM, line + pos);
	free(fn);
}

static const char *run_name(const void *data, const char *path)
{
	return tree_name(data, path);
}

static void read_lines(FILE *f, const char *(*name)(const void *, const char *),
		       const void *data, struct findings *found)
{
	char *line = NULL;
	size_t cap = 0;

	while (f && getline(&line, &cap, f) > 0) {
		line[strcspn(line, "\n")] = '\0';
		read_line(line, name, data, found);
	}
	free(line);
}

static void read_report(const struct cocci_run *r, const char *report,
			struct findings *found)
{
	FILE *f = fopen(report, "r");

	read_lines(f, run_name, r, found);
	if (f)
		fclose(f);
}

static const char *as_given(const void *data, const char *path)
{
	(void)data;
	return path;
}

int cocci_tree(const char *src, const char *build, struct findings *found)
{
	char *script = project_path("scripts/cocci-run");
	struct child_output run;
	int k, ret = 0;

	if (!script)
		return error("cannot find mmucheck's own folder");
	for (k = 0; k < NR_RULES && !ret; k++) {
		/* the kernel's make coccicheck, as scripts/scan runs it */
		const char *const argv[] = { script,	 src,	   build,
					     rule_id(k), "report", NULL };

		if (!start_output(&run, NULL, argv, 0)) {
			ret = error("cannot run %s: %s", script,
				    strerror(errno));
			break;
		}
		read_lines(run.out, as_given, NULL, found);
		if (finish_output(&run))
			ret = error("scripts/cocci-run failed on %s (%s)", src,
				    rule_id(k));
	}
	free(script);
	return ret;
}

/* --- a tree after another -------------------------------------------- */

/*
 * More .c files changed than this: make coccicheck over the tree again.
 * spatch --dir has no index to pick the files by their tokens: the 1516
 * files changed from 6.1.190-1 to 6.1.192-3 cost more than make
 * coccicheck with the tree's index (about 12 s a tree, README).
 */
#define COCCI_SINCE_MAX 200

/* What the walk of note_file() compares (nftw passes no data). */
static struct {
	const char *prev;
	size_t skip; /* the tree's path and its '/' */
	struct strlist *changed;
} since;

/* Does path's text (st) equal other's? */
static int same_text(const char *path, const struct stat *st, const char *other)
{
	size_t a_size = 0, b_size = 0;
	char *a, *b;
	struct stat ost;
	int same;

	if (lstat(other, &ost) || !S_ISREG(ost.st_mode))
		return 0;
	/* trees of one series share their unchanged files as hard links */
	if (st->st_dev == ost.st_dev && st->st_ino == ost.st_ino)
		return 1;
	if (st->st_size != ost.st_size)
		return 0;
	a = read_file(path, &a_size);
	b = read_file(other, &b_size);
	same = a && b && a_size == b_size && !memcmp(a, b, a_size);
	free(a);
	free(b);
	return same;
}

static int note_file(const char *path, const struct stat *st, int type,
		     struct FTW *ftw)
{
	size_t len = strlen(path);
	char *other;

	(void)ftw;
	/* make coccicheck's spatch --dir takes .c files, not headers */
	if (type != FTW_F || !S_ISREG(st->st_mode) || len < 3 ||
	    strcmp(path + len - 2, ".c"))
		return 0;
	other = fmt_str("%s/%s", since.prev, path + since.skip);
	if (!same_text(path, st, other))
		strlist_add(since.changed, path + since.skip);
	free(other);
	return since.changed->nr > COCCI_SINCE_MAX;
}

int cocci_tree_since(const char *src, const char *build, const char *prev_src,
		     const struct findings *prev, const char *scratch,
		     struct findings *found)
{
	struct strlist changed = { NULL, 0, 0 };
	struct cocci_run run;
	char *cache;
	int i, ret;

	since.prev = prev_src;
	since.skip = strlen(src) + 1;
	since.changed = &changed;
	if (nftw(src, note_file, 16, FTW_PHYS) ||
	    changed.nr > COCCI_SINCE_MAX) {
		strlist_release(&changed);
		return cocci_tree(src, build, found);
	}
	fprintf(stderr, "  COCCI   %s: %d .c files changed since %s\n", src,
		changed.nr, prev_src);
	for (i = 0; i < prev->nr; i++) {
		char *path = fmt_str("%s/%s", src, prev->items[i].file);

		/* --no-includes: a file's answer is its text's */
		if (!strlist_has(&changed, prev->items[i].file) &&
		    !access(path, F_OK))
			cocci_copy_finding(found, &prev->items[i]);
		free(path);
	}
	cache = fmt_str("%s/cocci-answers", scratch);
	ret = cocci_start(&run, src, scratch, cache, &changed);
	if (cocci_finish(&run, found))
		ret = -1;
	free(cache);
	strlist_release(&changed);
	return ret;
}

/*
 * A rule's report split by file into each file's answer in the cache,
 * each path as the tree names it (the side's texts were in a folder of
 * this run only); a file without a line gets an empty answer.
 */
static void keep_answers(const struct cocci_run *r, int k)
{
	size_t size = 0;
	char *report = read_file(r->raw[k], &size), *line, *save = NULL;
	char **texts = xcalloc(r->files.nr + 1, sizeof(*texts));
	int i;

	for (line = report ? strtok_r(report, "\n", &save) : NULL; line;
	     line = strtok_r(NULL, "\n", &save)) {
		char *colon = strchr(line, ':'), *more;
		const char *name;

		if (!colon)
			continue;
		*colon = '\0';
		name = tree_name(r, line);
		for (i = 0; i < r->files.nr; i++)
			if (!strcmp(r->files.items[i], name))
				break;
		if (i == r->files.nr)
			continue;
		more = fmt_str("%s%s:%s\n", texts[i] ? texts[i] : "", name,
			       colon + 1);
		free(texts[i]);
		texts[i] = more;
	}
	for (i = 0; i < r->files.nr; i++) {
		char *answer = answer_path(r, k, i);

		if (access(answer, R_OK))
			write_whole(answer, texts[i] ? texts[i] : "",
				    texts[i] ? strlen(texts[i]) : 0);
		free(answer);
		free(texts[i]);
	}
	free(texts);
	free(report);
}

int cocci_finish(struct cocci_run *r, struct findings *found)
{
	int k, i, status, ret = r->failed;

	for (k = 0; k < NR_RULES && r->files.nr; k++) {
		if (!r->pids[k])
			continue;
		/* ECHILD: the scan reaped it, its status is on file */
		while (waitpid(r->pids[k], &status, 0) < 0 && errno == EINTR)
			;
		if (spatch_status(r->raw[k]))
			ret = error("spatch failed on %s (%s)",
				    r->files.items[0], rule_id(k));
		else
			keep_answers(r, k);
		unlink(r->raw[k]);
		free(r->raw[k]);
	}
	for (k = 0; k < NR_RULES && r->files.nr; k++)
		for (i = 0; i < r->files.nr; i++) {
			char *answer = answer_path(r, k, i);

			read_report(r, answer, found);
			free(answer);
			free(*key_slot(r, k, i));
		}
	free(r->keys);
	strlist_release(&r->files);
	free(r->dir);
	return ret;
}

char *cocci_identity(void)
{
	XXH3_state_t *h = XXH3_createState();
	char *path, *text, *id;
	size_t size;
	int r;

	XXH3_64bits_reset(h);
	for (r = 0; r < NR_RULES; r++) {
		path = rule_file(rule_id(r));
		size = 0;
		text = read_file(path, &size);
		/* the name too: a rule's text moved to another rule differs */
		XXH3_64bits_update(h, rule_id(r), strlen(rule_id(r)) + 1);
		XXH3_64bits_update(h, text ? text : "", text ? size : 0);
		free(text);
		free(path);
	}
	id = fmt_str("cocci %016llx",
		     (unsigned long long)XXH3_64bits_digest(h));
	XXH3_freeState(h);
	return id;
}
