// SPDX-License-Identifier: GPL-2.0
/*
 * The semantic patches for mmucheck diff (see cocci.h).  A report line is
 *
 *	FILE:LINE:COL-COL: [rule] message ... in function() ...
 *
 * (coccilib's print_report, the .cocci files of cocci/); the first "in NAME()" of the
 * message is the function the finding's fingerprint names.
 */
#define _GNU_SOURCE /* getline */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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

/* Where spatch reads each file: the work tree, or the side's text. */
static char *file_for_spatch(struct cocci_run *r, const char *rel)
{
	char *path = fmt_str("%s/%s", r->top, rel), *copy, *text;
	size_t size;
	FILE *f;

	if (!view_has(path))
		return path;
	text = view_read(path, &size);
	free(path);
	copy = fmt_str("%s/%s", r->dir, rel);
	*strrchr(copy, '/') = '\0';
	mkdir_p(copy);
	copy[strlen(copy)] = '/';
	f = fopen(copy, "w");
	if (!f || (text && fwrite(text, 1, size, f) != size) || fclose(f))
		r->failed = error("cannot write %s: %s", copy, strerror(errno));
	free(text);
	return copy;
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

static void start_rule(struct cocci_run *r, int k, char **paths, int nr)
{
	char *cocci = rule_file(rule_id(k));
	const char **argv = xcalloc(nr + 12, sizeof(*argv));
	int n = 0, i;
	pid_t pid;

	argv[n++] = "spatch";
	argv[n++] = "-D";
	argv[n++] = "report";
	argv[n++] = "--very-quiet";
	argv[n++] = "--no-show-diff";
	argv[n++] = "--no-includes";
	argv[n++] = "--timeout";
	argv[n++] = "120";
	argv[n++] = "--cocci-file";
	argv[n++] = cocci;
	for (i = 0; i < nr; i++)
		argv[n++] = paths[i];
	r->raw[k] = fmt_str("%s/%s.report", r->dir, rule_id(k));
	fflush(stdout);
	fflush(stderr);
	pid = fork();
	if (pid < 0)
		die("cannot fork: %s", strerror(errno));
	if (!pid)
		run_spatch(r->raw[k], argv);
	r->pids[k] = pid;
	free(argv);
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
	char **paths, **todo;
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
	paths = xcalloc(r->files.nr + 1, sizeof(*paths));
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
	todo = xcalloc(r->files.nr + 1, sizeof(*todo));
	for (k = 0; k < NR_RULES; k++) {
		for (nr = 0, i = 0; i < r->files.nr; i++) {
			char *answer = answer_path(r, k, i);

			/* a file's answer already there is not asked again */
			if (access(answer, R_OK)) {
				if (!paths[i])
					paths[i] = file_for_spatch(
						r, r->files.items[i]);
				todo[nr++] = paths[i];
			}
			free(answer);
		}
		if (nr)
			start_rule(r, k, todo, nr);
	}
	for (i = 0; i < r->files.nr; i++)
		free(paths[i]);
	free(paths);
	free(todo);
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

	if (n && !strncmp(path, r->dir, n) && path[n] == '/')
		return path + n + 1;
	if (!strncmp(path, r->top, t) && path[t] == '/')
		return path + t + 1;
	return path;
}

/* One report line as a finding of found; its path as name() gives it. */
static void read_line(const char *line,
		      const char *(*name)(const void *, const char *),
		      const void *data, struct findings *found)
{
	char file[PATH_MAX], rule[64], *fn;
	unsigned int at, col;
	struct finding *x;
	int pos;

	if (sscanf(line, "%4095[^:]:%u:%u-%*u: [%63[^]]] %n", file, &at, &col,
		   rule, &pos) < 4)
		return;
	fn = function_in(line + pos);
	x = add_finding(found, rule, name(data, file), at, col + 1, fn,
			CONF_MEDIUM, line + pos);
	if (x) {
		x->by_cocci = 1;
		trace_add(&x->trace, x->file, at, col + 1, NULL,
			  "found by the semantic patch (cocci/)");
	}
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

/* Write text to path whole or not at all. */
static void write_whole(const char *path, const char *text, size_t size)
{
	struct replacement r;

	if (!replace_begin(&r, path))
		return;
	if (fwrite(text, 1, size, r.file) != size)
		replace_abort(&r);
	else
		replace_commit(&r);
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
			ret = error("diff: spatch failed on %s (%s)",
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
