// SPDX-License-Identifier: GPL-2.0
#define _XOPEN_SOURCE 700 /* nftw */
#include <errno.h>
#include <ftw.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "lib/diag.h"
#include "lib/util.h"

void *xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);

	if (!p)
		die("out of memory allocating %zu bytes", size);
	return p;
}

void *xcalloc(size_t nmemb, size_t size)
{
	void *p = calloc(nmemb ? nmemb : 1, size ? size : 1);

	if (!p)
		die("out of memory allocating %zu bytes", nmemb * size);
	return p;
}

void *xrealloc(void *ptr, size_t size)
{
	void *p = realloc(ptr, size ? size : 1);

	if (!p)
		die("out of memory allocating %zu bytes", size);
	return p;
}

char *xstrndup(const char *s, size_t len)
{
	char *p = xmalloc(len + 1);

	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

void strlist_add(struct strlist *list, const char *s)
{
	if (strlist_has(list, s))
		return;
	ALLOC_GROW(list->items, list->nr, list->alloc);
	list->items[list->nr++] = xstrdup(s);
}

int strlist_has(const struct strlist *list, const char *s)
{
	int i;

	for (i = 0; i < list->nr; i++)
		if (!strcmp(list->items[i], s))
			return 1;
	return 0;
}

void strlist_release(struct strlist *list)
{
	int i;

	for (i = 0; i < list->nr; i++)
		free(list->items[i]);
	free(list->items);
	memset(list, 0, sizeof(*list));
}

char *xconcat(const char *a, const char *b)
{
	size_t n = strlen(a);
	char *s = xmalloc(n + strlen(b) + 1);

	memcpy(s, a, n);
	strcpy(s + n, b);
	return s;
}

char *read_file(const char *path, size_t *size)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long n;

	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	buf = xmalloc(n + 1);
	*size = fread(buf, 1, n, f);
	buf[*size] = '\0';
	fclose(f);
	return buf;
}

char *fmt_str(const char *fmt, ...)
{
	va_list ap;
	int len;
	char *s;

	va_start(ap, fmt);
	len = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	s = xmalloc((size_t)len + 1);
	va_start(ap, fmt);
	vsnprintf(s, (size_t)len + 1, fmt, ap);
	va_end(ap);
	return s;
}

int mkdir_p(const char *dir)
{
	char *path = xstrdup(dir), *p;
	int ret = 0;

	for (p = path + 1; *p && !ret; p++)
		if (*p == '/') {
			*p = '\0';
			if (mkdir(path, 0777) && errno != EEXIST)
				ret = error("cannot create %s: %s", path,
					    strerror(errno));
			*p = '/';
		}
	if (!ret && mkdir(path, 0777) && errno != EEXIST)
		ret = error("cannot create %s: %s", path, strerror(errno));
	free(path);
	return ret;
}

static int remove_one(const char *path, const struct stat *st, int flag,
		      struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

void remove_tree(const char *dir)
{
	nftw(dir, remove_one, 16, FTW_DEPTH | FTW_PHYS);
}

char *project_path(const char *rel)
{
	char exe[PATH_MAX], *slash;
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);

	if (n <= 0)
		return NULL;
	exe[n] = '\0';
	slash = strrchr(exe, '/');
	if (!slash)
		return NULL;
	*slash = '\0';
	return fmt_str("%s/../%s", exe, rel);
}

FILE *start_output(struct child_output *c, const char *dir,
		   const char *const *argv, int quiet)
{
	int fds[2];

	c->out = NULL;
	if (pipe(fds))
		return NULL;
	fflush(stdout);
	c->pid = fork();
	if (!c->pid) {
		int null = open("/dev/null", O_WRONLY);

		close(fds[0]);
		dup2(fds[1], 1);
		if (quiet && null >= 0)
			dup2(null, 2);
		if (!dir || !chdir(dir))
			execvp(argv[0], (char *const *)argv);
		_exit(127);
	}
	close(fds[1]);
	c->out = c->pid < 0 ? NULL : fdopen(fds[0], "r");
	if (!c->out) {
		close(fds[0]);
		if (c->pid > 0)
			finish_output(c);
		return NULL;
	}
	return c->out;
}

int finish_output(struct child_output *c)
{
	int status;

	if (c->out)
		fclose(c->out);
	c->out = NULL;
	while (waitpid(c->pid, &status, 0) < 0)
		if (errno != EINTR)
			return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

char *run_output_in(const char *dir, const char *const *argv, int max_status,
		    size_t *size)
{
	struct child_output c;
	char *text = NULL;
	size_t alloc = 0, n;
	int status;

	*size = 0;
	if (!start_output(&c, dir, argv, 1))
		return NULL;
	do {
		if (*size + 65537 > alloc) {
			alloc = 2 * (*size + 65537);
			text = xrealloc(text, alloc);
		}
		n = fread(text + *size, 1, 65536, c.out);
		*size += n;
	} while (n);
	text[*size] = '\0';
	status = finish_output(&c);
	if (status < 0 || status > max_status) {
		free(text);
		*size = 0;
		return NULL;
	}
	return text;
}

char *run_output(const char *const *argv, int max_status, size_t *size)
{
	return run_output_in(NULL, argv, max_status, size);
}

FILE *replace_begin(struct replacement *r, const char *path)
{
	static unsigned int made;
	int fd;

	r->path = path;
	r->tmp = fmt_str("%s.tmp.%ld.%u", path, (long)getpid(), ++made);
	r->file = NULL;
	fd = open(r->tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
	if (fd >= 0) {
		r->file = fdopen(fd, "w");
		if (!r->file)
			close(fd);
	}
	if (!r->file) {
		int saved = errno;

		unlink(r->tmp);
		free(r->tmp);
		r->tmp = NULL;
		errno = saved;
	}
	return r->file;
}

int replace_commit(struct replacement *r)
{
	int bad = ferror(r->file), saved;

	if (fclose(r->file))
		bad = 1;
	else if (bad)
		errno = EIO;
	if (!bad && !rename(r->tmp, r->path)) {
		free(r->tmp);
		r->tmp = NULL;
		return 0;
	}
	saved = errno;
	unlink(r->tmp);
	free(r->tmp);
	r->tmp = NULL;
	errno = saved;
	return -1;
}

void replace_abort(struct replacement *r)
{
	int saved = errno;

	if (r->file)
		fclose(r->file);
	if (r->tmp)
		unlink(r->tmp);
	free(r->tmp);
	r->tmp = NULL;
	r->file = NULL;
	errno = saved;
}

int write_whole(const char *path, const char *text, size_t size)
{
	struct replacement r;

	if (!replace_begin(&r, path))
		return -1;
	if (fwrite(text, 1, size, r.file) != size) {
		replace_abort(&r);
		return -1;
	}
	return replace_commit(&r);
}
