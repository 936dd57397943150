// SPDX-License-Identifier: GPL-2.0
/*
 * git plumbing for mmucheck diff (see git.h).  git is run directly
 * (fork and exec, no shell), its output read whole.
 */
#define _GNU_SOURCE /* setenv in the child, mkdtemp */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "input/git.h"
#include "lib/diag.h"
#include "lib/util.h"

struct output {
	char *text;
	size_t size, alloc;
};

static void output_add(struct output *o, const char *s, size_t n)
{
	if (o->size + n + 1 > o->alloc) {
		o->alloc = (o->size + n + 1) * 2;
		o->text = xrealloc(o->text, o->alloc);
	}
	memcpy(o->text + o->size, s, n);
	o->size += n;
	o->text[o->size] = '\0';
}

/* How git runs: its stderr thrown away; on the scratch index. */
enum { GIT_QUIET = 1, GIT_SCRATCH_INDEX = 2 };

/*
 * In the child: git's environment.  The scratch object folder is always
 * there (a tree made of a patch is only there); the scratch index only
 * for the commands that build such a tree, every other one reads the
 * user's index (and GIT_OPTIONAL_LOCKS=0 keeps git from refreshing it).
 */
static void child_env(const struct git *g, int how)
{
	setenv("GIT_OPTIONAL_LOCKS", "0", 1);
	setenv("LC_ALL", "C", 1);
	unsetenv("GIT_DIR");
	unsetenv("GIT_WORK_TREE");
	if (!g->scratch)
		return;
	if (how & GIT_SCRATCH_INDEX)
		setenv("GIT_INDEX_FILE", fmt_str("%s/index", g->scratch), 1);
	setenv("GIT_OBJECT_DIRECTORY", fmt_str("%s/objects", g->scratch), 1);
	setenv("GIT_ALTERNATE_OBJECT_DIRECTORIES", g->objects, 1);
}

static void exec_git(const struct git *g, const char *const *argv, int in,
		     int out, int how)
{
	const char **args;
	int n = 0, i;

	while (argv[n])
		n++;
	args = xcalloc(n + 8, sizeof(*args));
	args[0] = "git";
	args[1] = "-C";
	args[2] = g->top;
	/* never the repository's housekeeping (git gc --auto) */
	args[3] = "-c";
	args[4] = "gc.auto=0";
	args[5] = "-c";
	args[6] = "maintenance.auto=false";
	for (i = 0; i < n; i++)
		args[7 + i] = argv[i];
	child_env(g, how);
	dup2(in, 0);
	dup2(out, 1);
	if (how & GIT_QUIET) {
		int null = open("/dev/null", O_WRONLY);

		if (null >= 0)
			dup2(null, 2);
	}
	execvp("git", (char *const *)args);
	_exit(127);
}

/* Feed input, gather output, both at once (a big patch fills a pipe). */
static void pump(int to, int from, const char *input, size_t size,
		 struct output *out)
{
	struct pollfd fds[2] = { { from, POLLIN, 0 }, { to, POLLOUT, 0 } };
	size_t done = 0;
	char buf[65536];
	ssize_t n;

	if (!size) {
		close(to);
		fds[1].fd = -1;
	}
	while (fds[0].fd >= 0) {
		if (poll(fds, 2, -1) < 0 && errno != EINTR)
			break;
		if (fds[1].fd >= 0 && fds[1].revents) {
			n = write(to, input + done, size - done);
			if (n > 0)
				done += (size_t)n;
			if (n < 0 || done == size) {
				close(to);
				fds[1].fd = -1;
			}
		}
		if (fds[0].revents) {
			n = read(from, buf, sizeof(buf));
			if (n <= 0)
				fds[0].fd = -1;
			else
				output_add(out, buf, (size_t)n);
		}
	}
	if (fds[1].fd >= 0)
		close(to);
	close(from);
}

/* git ARGV in the work tree: its exit status, its stdout in out. */
static int run_git(const struct git *g, const char *const *argv,
		   const char *input, size_t size, struct output *out, int how)
{
	int in[2], outp[2], status;
	pid_t pid;

	if (pipe(in) || pipe(outp))
		die("cannot make a pipe: %s", strerror(errno));
	pid = fork();
	if (pid < 0)
		die("cannot fork: %s", strerror(errno));
	if (!pid) {
		close(in[1]);
		close(outp[0]);
		exec_git(g, argv, in[0], outp[1], how);
	}
	close(in[0]);
	close(outp[1]);
	signal(SIGPIPE, SIG_IGN);
	output_add(out, "", 0);
	pump(in[1], outp[0], input, size, out);
	if (waitpid(pid, &status, 0) < 0)
		return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* The first line of git's output, or NULL when git fails. */
static char *git_line_how(const struct git *g, const char *const *argv,
			  int how);

static char *git_first_line(const struct git *g, const char *const *argv)
{
	return git_line_how(g, argv, GIT_QUIET);
}

static char *git_line_how(const struct git *g, const char *const *argv, int how)
{
	struct output out = { NULL, 0, 0 };
	char *line = NULL;

	if (!run_git(g, argv, NULL, 0, &out, how) && out.size) {
		out.text[strcspn(out.text, "\n")] = '\0';
		line = xstrdup(out.text);
	}
	free(out.text);
	return line;
}

int git_open(struct git *g, const char *dir, const char *scratch)
{
	static const char *const top[] = { "rev-parse", "--show-toplevel",
					   NULL };
	static const char *const objects[] = { "rev-parse",
					       "--path-format=absolute",
					       "--git-common-dir", NULL };
	char *common, *path;
	int ret;

	memset(g, 0, sizeof(*g));
	g->top = realpath(dir, NULL);
	if (!g->top)
		return error("%s: %s", dir, strerror(errno));
	path = git_first_line(g, top);
	if (!path) {
		free(g->top);
		g->top = NULL;
		return error("%s is not in a git work tree", dir);
	}
	free(g->top);
	g->top = path;
	if (!scratch)
		return 0;
	common = git_first_line(g, objects);
	if (!common)
		return error("%s: cannot find the git object store", g->top);
	g->objects = fmt_str("%s/objects", common);
	free(common);
	path = fmt_str("%s/objects", scratch);
	ret = mkdir_p(path);
	free(path);
	g->scratch = xstrdup(scratch);
	return ret;
}

void git_close(struct git *g)
{
	free(g->top);
	free(g->scratch);
	free(g->objects);
	memset(g, 0, sizeof(*g));
}

char *git_resolve(const struct git *g, const char *rev)
{
	char *spec = fmt_str("%s^{tree}", rev), *name, *line;
	const char *const argv[] = { "rev-parse", "--verify", "-q", spec,
				     NULL };
	const char *const commit[] = { "rev-parse", "--verify", "-q", NULL,
				       NULL };
	const char *args[5];

	line = git_first_line(g, argv);
	free(spec);
	if (!line) {
		error("%s: not a revision of %s", rev, g->top);
		return NULL;
	}
	/* a commit by its commit name (SARIF's revision), a tree by its own */
	memcpy(args, commit, sizeof(args));
	spec = fmt_str("%s^{commit}", rev);
	args[3] = spec;
	name = git_first_line(g, args);
	free(spec);
	if (name) {
		free(line);
		return name;
	}
	return line;
}

char *git_subject(const struct git *g, const char *rev)
{
	const char *const argv[] = {
		"log", "-1", "--format=%s", rev, "--", NULL
	};

	return git_first_line(g, argv);
}

/*
 * The paths git diff --name-status -z from [to] names ("status\0path\0"
 * records; to NULL: the work tree): those of status gone into absent,
 * the others into present.
 */
static int changed_paths(const struct git *g, const char *from, const char *to,
			 char gone, struct strlist *present,
			 struct strlist *absent)
{
	const char *const argv[] = {
		"diff", "--no-renames", "--no-ext-diff", "--name-status",
		"-z",	from,		to ? to : "--",	 to ? "--" : NULL,
		NULL
	};
	struct output out = { NULL, 0, 0 };
	size_t at;
	int ret;

	ret = run_git(g, argv, NULL, 0, &out, 0);
	for (at = 0; !ret && at < out.size;) {
		const char *status = out.text + at;
		const char *path = status + strlen(status) + 1;

		if (path >= out.text + out.size)
			break;
		strlist_add(*status == gone ? absent : present, path);
		at = (size_t)(path - out.text) + strlen(path) + 1;
	}
	free(out.text);
	if (ret)
		return error("git diff %s%s%s failed in %s", from,
			     to ? " " : "", to ? to : "", g->top);
	return 0;
}

/* What rev has that differs from the work tree, and what it has not. */
static int differing_files(const struct git *g, const char *rev,
			   struct strlist *present, struct strlist *absent)
{
	const char *const untracked[] = { "ls-files", "-z", "--others",
					  "--exclude-standard", NULL };
	struct output out = { NULL, 0, 0 };
	size_t at;
	int ret;

	/* the work tree added what rev has not: hidden on rev's side */
	if (changed_paths(g, rev, NULL, 'A', present, absent))
		return -1;
	ret = run_git(g, untracked, NULL, 0, &out, 0);
	for (at = 0; !ret && at < out.size; at += strlen(out.text + at) + 1)
		strlist_add(absent, out.text + at);
	free(out.text);
	return ret ? error("git ls-files failed in %s", g->top) : 0;
}

/* The blobs of rev:path for each path under root, by one git cat-file. */
static int put_blobs(const struct git *g, const char *root, const char *rev,
		     const struct strlist *paths, struct view *v)
{
	const char *const argv[] = { "cat-file", "--batch", NULL };
	struct output in = { NULL, 0, 0 }, out = { NULL, 0, 0 };
	size_t at = 0;
	int i, ret;

	for (i = 0; i < paths->nr; i++) {
		char *line = fmt_str("%s:%s\n", rev, paths->items[i]);

		output_add(&in, line, strlen(line));
		free(line);
	}
	ret = in.size ? run_git(g, argv, in.text, in.size, &out, 0) : 0;
	for (i = 0; !ret && i < paths->nr; i++) {
		char *nl = memchr(out.text + at, '\n', out.size - at);
		char *path = fmt_str("%s/%s", root, paths->items[i]);
		char type[16];
		unsigned long size;

		if (!nl) {
			ret = -1;
		} else if (sscanf(out.text + at, "%*s %15s %lu", type, &size) ==
				   2 &&
			   !strcmp(type, "blob") &&
			   size <= out.size - (size_t)(nl + 1 - out.text)) {
			view_put(v, path, nl + 1, size);
			at = (size_t)(nl + 1 - out.text) + size + 1;
		} else {
			/* "missing": a submodule or nothing; hidden */
			view_put(v, path, NULL, 0);
			at = (size_t)(nl + 1 - out.text);
		}
		free(path);
	}
	free(in.text);
	free(out.text);
	return ret ? error("git cat-file failed in %s", g->top) : 0;
}

/* Each of paths under root: not there in the view. */
static void hide_paths(struct view *v, const char *root,
		       const struct strlist *paths)
{
	int i;

	for (i = 0; i < paths->nr; i++) {
		char *path = fmt_str("%s/%s", root, paths->items[i]);

		view_put(v, path, NULL, 0);
		free(path);
	}
}

int git_view(const struct git *g, const char *rev, struct view *v)
{
	struct strlist present = { NULL, 0, 0 }, absent = { NULL, 0, 0 };
	int ret;

	memset(v, 0, sizeof(*v));
	if (!rev)
		return 0;
	ret = differing_files(g, rev, &present, &absent);
	if (!ret)
		ret = put_blobs(g, g->top, rev, &present, v);
	if (!ret)
		hide_paths(v, g->top, &absent);
	strlist_release(&present);
	strlist_release(&absent);
	return ret;
}

int git_view_of(const struct git *g, const char *root, const char *base,
		const char *rev, struct view *v)
{
	struct strlist present = { NULL, 0, 0 }, absent = { NULL, 0, 0 };
	int ret;

	memset(v, 0, sizeof(*v));
	ret = changed_paths(g, base, rev, 'D', &present, &absent);
	if (!ret) {
		hide_paths(v, root, &absent);
		ret = put_blobs(g, root, rev, &present, v);
	}
	strlist_release(&present);
	strlist_release(&absent);
	return ret;
}

int git_materialise(const struct git *g, const char *rev, const char *dir)
{
	char *prefix = fmt_str("--prefix=%s/", dir);
	const char *const read_tree[] = { "read-tree", rev, NULL };
	const char *const checkout[] = { "checkout-index", "-a", "-f", prefix,
					 NULL };
	struct output out = { NULL, 0, 0 };
	int ret;

	if (!g->scratch)
		BUG("git_materialise() without a scratch store");
	ret = run_git(g, read_tree, NULL, 0, &out, GIT_SCRATCH_INDEX);
	free(out.text);
	out = (struct output){ NULL, 0, 0 };
	if (!ret)
		ret = run_git(g, checkout, NULL, 0, &out, GIT_SCRATCH_INDEX);
	free(out.text);
	free(prefix);
	return ret ? error("cannot write the files of %s into %s", rev, dir) :
		     0;
}

int git_lines(const struct git *g, const char *const *argv,
	      struct strlist *lines)
{
	struct output out = { NULL, 0, 0 };
	char *line, *save;
	int ret = run_git(g, argv, NULL, 0, &out, GIT_QUIET);

	for (line = ret ? NULL : strtok_r(out.text, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save))
		strlist_add(lines, line);
	free(out.text);
	return ret ? -1 : 0;
}

char *git_apply(const struct git *g, const char *base, const char *patch,
		size_t size, const char *name, int quiet)
{
	const char *const read_tree[] = { "read-tree", base, NULL };
	const char *const apply[] = { "apply", "--cached", "-", NULL };
	const char *const write_tree[] = { "write-tree", NULL };
	struct output out = { NULL, 0, 0 };
	int ret;

	if (!g->scratch)
		BUG("git_apply() without a scratch store");
	ret = run_git(g, read_tree, NULL, 0, &out, GIT_SCRATCH_INDEX);
	free(out.text);
	if (ret) {
		error("%s: cannot read the tree %s", name, base);
		return NULL;
	}
	out = (struct output){ NULL, 0, 0 };
	ret = run_git(g, apply, patch, size, &out,
		      GIT_SCRATCH_INDEX | (quiet ? GIT_QUIET : 0));
	free(out.text);
	if (ret) {
		if (!quiet)
			error("%s does not apply to %s", name, base);
		return NULL;
	}
	return git_line_how(g, write_tree, GIT_QUIET | GIT_SCRATCH_INDEX);
}

static char *patch_id(const struct git *g, const char *patch, size_t size)
{
	const char *const argv[] = { "patch-id", "--stable", NULL };
	struct output out = { NULL, 0, 0 };
	char *id = NULL;

	if (!run_git(g, argv, patch, size, &out, GIT_QUIET) && out.size)
		id = xstrndup(out.text, strcspn(out.text, "\n "));
	free(out.text);
	return id;
}

char *git_commit_of_patch(const struct git *g, const char *base,
			  const char *patch, size_t size)
{
	char *range = base ? fmt_str("%s..HEAD", base) : xstrdup("HEAD");
	char *id = patch_id(g, patch, size);
	/* one parent: a root commit's patch is the whole tree */
	const char *const log[] = {
		"log", "-p",  "--max-parents=1",    "--min-parents=1",
		"-n",  "200", "--format=commit %H", range,
		"--",  NULL
	};
	struct output out = { NULL, 0, 0 }, ids = { NULL, 0, 0 };
	const char *const argv[] = { "patch-id", "--stable", NULL };
	char *commit = NULL, *line;

	if (id && !run_git(g, log, NULL, 0, &out, GIT_QUIET) && out.size &&
	    !run_git(g, argv, out.text, out.size, &ids, GIT_QUIET)) {
		/* "patch-id commit-id" lines */
		for (line = strtok(ids.text, "\n"); line && !commit;
		     line = strtok(NULL, "\n"))
			if (!strncmp(line, id, strlen(id)) &&
			    line[strlen(id)] == ' ')
				commit = xstrdup(line + strlen(id) + 1);
	}
	free(range);
	free(id);
	free(out.text);
	free(ids.text);
	return commit;
}

int git_line_map(const struct git *g, const char *from, const char *to,
		 struct line_map *map)
{
	const char *const argv[] = { "diff",	      "-M", "-U0", "--no-color",
				     "--no-ext-diff", from, to,	   NULL };
	const char *const worktree[] = {
		"diff",		 "-M", "-U0", "--no-color",
		"--no-ext-diff", from, "--",  NULL
	};
	struct output out = { NULL, 0, 0 };
	int ret;

	ret = run_git(g, to ? argv : worktree, NULL, 0, &out, 0);
	if (!ret)
		ret = parse_unified_diff(out.text, out.size, "git diff", map);
	else
		ret = error("git diff %s %s failed in %s", from,
			    to ? to : "(the work tree)", g->top);
	free(out.text);
	return ret;
}

/* The Subject: header of a mail, its folded lines joined. */
static char *mail_subject(const char *text)
{
	const char *s = strstr(text, "\nSubject: ");
	struct output out = { NULL, 0, 0 };
	const char *end;

	if (!strncmp(text, "Subject: ", 9))
		s = text - 1;
	if (!s)
		return xstrdup("(no subject)");
	s += 10;
	/* "[PATCH v2 3/5] ": the series says which patch it is */
	if (*s == '[' && strchr(s, ']') && strchr(s, ']') < strchr(s, '\n'))
		s = strchr(s, ']') + 1 + (strchr(s, ']')[1] == ' ');
	do {
		end = strchr(s, '\n');
		if (!end)
			end = s + strlen(s);
		output_add(&out, s, (size_t)(end - s));
		s = end + 1;
	} while (*end && (*s == ' ' || *s == '\t'));
	return out.text;
}

int git_split_mbox(const struct git *g, const char *mbox, struct mail **mails,
		   int *nr)
{
	char *dir = fmt_str("%s/series", g->scratch), *count, *line;
	const char *const argv[] = { "mailsplit", "-b", NULL, mbox, NULL };
	const char *args[5];
	int i, n, alloc = 0;

	*mails = NULL;
	*nr = 0;
	if (mkdir_p(dir)) {
		free(dir);
		return -1;
	}
	memcpy(args, argv, sizeof(args));
	args[2] = count = fmt_str("-o%s", dir);
	line = git_first_line(g, args);
	n = line ? atoi(line) : 0;
	free(line);
	free(count);
	for (i = 1; i <= n; i++) {
		char *path = fmt_str("%s/%04d", dir, i);
		struct mail m;

		m.text = read_file(path, &m.size);
		free(path);
		if (!m.text)
			continue;
		m.subject = mail_subject(m.text);
		ALLOC_GROW(*mails, *nr, alloc);
		(*mails)[(*nr)++] = m;
	}
	free(dir);
	if (!*nr)
		return error("%s: no mail with a patch in it", mbox);
	return 0;
}

void release_mails(struct mail *mails, int nr)
{
	int i;

	for (i = 0; i < nr; i++) {
		free(mails[i].subject);
		free(mails[i].text);
	}
	free(mails);
}
