// SPDX-License-Identifier: GPL-2.0
#define _XOPEN_SOURCE 700 /* nftw */
#include <errno.h>
#include <ftw.h>
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

static void exec_quiet(const char *const *argv, int out)
{
	int null = open("/dev/null", O_WRONLY);

	dup2(out, 1);
	if (null >= 0)
		dup2(null, 2);
	execvp(argv[0], (char *const *)argv);
	_exit(127);
}

char *run_output(const char *const *argv, int max_status, size_t *size)
{
	char *text = NULL;
	size_t alloc = 0;
	int fds[2], status;
	ssize_t n;
	pid_t pid;

	*size = 0;
	if (pipe(fds))
		return NULL;
	pid = fork();
	if (!pid) {
		close(fds[0]);
		exec_quiet(argv, fds[1]);
	}
	close(fds[1]);
	do {
		if (*size + 65537 > alloc) {
			alloc = 2 * (*size + 65537);
			text = xrealloc(text, alloc);
		}
		n = pid > 0 ? read(fds[0], text + *size, 65536) : 0;
		if (n > 0)
			*size += (size_t)n;
	} while (n > 0 || (n < 0 && errno == EINTR));
	close(fds[0]);
	text[*size] = '\0';
	if (pid < 0 || waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) ||
	    WEXITSTATUS(status) > max_status) {
		free(text);
		*size = 0;
		return NULL;
	}
	return text;
}
