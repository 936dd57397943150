/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Allocation helpers: every allocation either succeeds or dies, so the
 * analysis code never has to carry out-of-memory paths.
 */
#ifndef MMUCHECK_UTIL_H
#define MMUCHECK_UTIL_H

#include <stddef.h>

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

/* mkdir -p: 0, or -1 with the error said */
int mkdir_p(const char *dir);
/* rm -rf of a scratch folder of ours; symbolic links are not followed */
void remove_tree(const char *dir);
/*
 * argv[0] run with argv, never through a shell (paths may come from
 * files made elsewhere), stderr to /dev/null: its stdout, NUL-terminated,
 * its length in *size, when it exits with a status of at most max_status;
 * else NULL.
 */
char *run_output(const char *const *argv, int max_status, size_t *size);

#endif
