/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Allocation helpers: every allocation either succeeds or dies, so the
 * analysis code never has to carry out-of-memory paths.
 */
#ifndef MMUCHECK_UTIL_H
#define MMUCHECK_UTIL_H

#include <stddef.h>
#include <stdio.h>
#include <sys/types.h>

void *xmalloc(size_t size);
void *xcalloc(size_t nmemb, size_t size);
void *xrealloc(void *ptr, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t len);

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* Make room for one more element of a growable array (git's ALLOC_GROW). */
#define ALLOC_GROW(array, nr, alloc)                                           \
	do {                                                                   \
		if ((nr) >= (alloc)) {                                         \
			(alloc) = (alloc) ? 2 * (alloc) : 8;                   \
			(array) = xrealloc((array), (size_t)(alloc) *          \
							    sizeof(*(array))); \
		}                                                              \
	} while (0)

/* a followed by b, newly allocated */
char *xconcat(const char *a, const char *b);
/* A whole file, NUL-terminated, or NULL if it cannot be read. */
char *read_file(const char *path, size_t *size);
/* A new string, printf-style. */
char *fmt_str(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* A small set of strings, kept in insertion order. */
struct strlist {
	char **items;
	int nr, alloc;
};

void strlist_add(struct strlist *list, const char *s);
int strlist_has(const struct strlist *list, const char *s);
void strlist_release(struct strlist *list);

/*
 * A file of the project beside the mmucheck binary (checker/mmucheck:
 * "scripts/cocci-run" is checker/../scripts/cocci-run), or NULL.
 */
char *project_path(const char *rel);
/* mkdir -p: 0, or -1 with the error said */
int mkdir_p(const char *dir);
/* rm -rf of a scratch folder of ours; symbolic links are not followed */
void remove_tree(const char *dir);
/*
 * argv[0] run with argv in dir (NULL: here), never through a shell
 * (paths may come from files made elsewhere), its stdout to read from
 * c->out, its stderr to /dev/null when quiet; NULL if it cannot start.
 */
struct child_output {
	pid_t pid;
	FILE *out;
};

FILE *start_output(struct child_output *c, const char *dir,
		   const char *const *argv, int quiet);
/* c->out closed and the child waited for: its exit status, or -1. */
int finish_output(struct child_output *c);
/*
 * The whole stdout of a quiet child, NUL-terminated, its length in
 * *size, when it exits with a status of at most max_status; else NULL.
 */
char *run_output_in(const char *dir, const char *const *argv, int max_status,
		    size_t *size);
/* run_output_in() here */
char *run_output(const char *const *argv, int max_status, size_t *size);

/*
 * A file replaced whole or not at all: written under a name of this
 * process's own beside it (git's lockfile, without the lock) and renamed
 * over path, so that processes writing one path at once never write
 * into each other's file and a reader sees the old file or the new one.
 */
struct replacement {
	const char *path; /* the caller's; kept until the commit */
	char *tmp;
	FILE *file;
};

/* The stream to write, or NULL with errno (nothing left behind). */
FILE *replace_begin(struct replacement *r, const char *path);
/* Closed and renamed: 0, or -1 with errno and the temporary file gone. */
int replace_commit(struct replacement *r);
/* Closed and removed; errno kept. */
void replace_abort(struct replacement *r);
/* text written to path whole (a replacement) or not at all: 0 or -1. */
int write_whole(const char *path, const char *text, size_t size);

#endif
