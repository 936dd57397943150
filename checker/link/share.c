// SPDX-License-Identifier: GPL-2.0
/*
 * Summaries across trees (share.h).  A summary names its files by their
 * absolute paths, in JSON strings; a summary made in tree A is one made
 * in tree B once A's source and build paths at the start of each string
 * read B's.  That holds only when the paths are written as they are:
 * printable ASCII without '"' or '\\' (the cases JSON escapes, and bytes
 * that are not UTF-8, which a summary writes as U+FFFD).
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "input/inputs.h"
#include "lib/util.h"
#include "link/share.h"

#define RECORD_FORMAT "mmucheck summary record 1"
#define RECORD_SUFFIX ".tree"

/* The placeholders of the shared key: no path holds a byte below 0x20. */
static const char *const placeholders[2] = { "\001SRC", "\001BUILD" };

static int plain_path(const char *path)
{
	const unsigned char *p;

	for (p = (const unsigned char *)path; *p; p++)
		if (*p < 0x20 || *p >= 0x7f || *p == '"' || *p == '\\')
			return 0;
	return 1;
}

/* A path ends there: the next byte starts another part or ends it. */
static int path_ends(char c)
{
	return c == '/' || c == '"' || c == '=' || c == '\0';
}

/*
 * Which of from[] (the longer first: a build inside its source) starts
 * at text + at and ends as a path does; -1 for none.
 */
static int match_at(const char *text, size_t size, size_t at,
		    const char *const from[2])
{
	int order[2] = { 0, 1 }, k, i;
	size_t len;

	if (strlen(from[1]) > strlen(from[0])) {
		order[0] = 1;
		order[1] = 0;
	}
	for (k = 0; k < 2; k++) {
		i = order[k];
		len = strlen(from[i]);
		if (!len || at + len > size || memcmp(text + at, from[i], len))
			continue;
		if (at + len == size || path_ends(text[at + len]))
			return i;
	}
	return -1;
}

/*
 * text with from[i] replaced by to[i] where it starts a path: anywhere
 * (flags, "-I/tree/include") or, with in_strings, only at the start of a
 * JSON string.  NUL-terminated; *out_size without the NUL.
 */
static char *retarget(const char *text, size_t size, const char *const from[2],
		      const char *const to[2], int in_strings, size_t *out_size)
{
	size_t alloc = size + 64, len = 0, at = 0, add;
	char *out = xmalloc(alloc);
	const char *piece;
	int i;

	while (at < size) {
		i = in_strings && (!at || text[at - 1] != '"') ?
			    -1 :
			    match_at(text, size, at, from);
		piece = i < 0 ? text + at : to[i];
		add = i < 0 ? 1 : strlen(to[i]);
		if (len + add + 1 > alloc) {
			alloc = 2 * (len + add + 1);
			out = xrealloc(out, alloc);
		}
		memcpy(out + len, piece, add);
		len += add;
		at += i < 0 ? 1 : strlen(from[i]);
	}
	out[len] = '\0';
	if (out_size)
		*out_size = len;
	return out;
}

static int tree_paths(const char *from[2])
{
	kbuild_paths(&from[0], &from[1]);
	if (!from[0] || !from[1])
		return -1;
	return plain_path(from[0]) && plain_path(from[1]) ? 0 : -1;
}

char *share_path(const char *path)
{
	const char *from[2];

	if (tree_paths(from))
		return xstrdup(path);
	return retarget(path, strlen(path), from, placeholders, 0, NULL);
}

int share_args(const struct clang_args *args, struct clang_args *norm)
{
	const char *from[2];
	int i;

	memset(norm, 0, sizeof(*norm));
	if (tree_paths(from))
		return -1;
	norm->argc = args->argc;
	norm->argv = xcalloc((size_t)args->argc + 1, sizeof(*norm->argv));
	for (i = 0; i < args->argc; i++)
		norm->argv[i] = retarget(args->argv[i], strlen(args->argv[i]),
					 from, placeholders, 0, NULL);
	return 0;
}

void share_args_release(struct clang_args *norm)
{
	int i;

	for (i = 0; i < norm->argc; i++)
		free((char *)norm->argv[i]);
	free(norm->argv);
	memset(norm, 0, sizeof(*norm));
}

/* --- the records beside the summaries ----------------------------------- */

struct record {
	char *text; /* the lines below point into it */
	const char *key, *shared, *src, *build;
};

static int read_record(const char *slot, struct record *rec)
{
	char *path = fmt_str("%s%s", slot, RECORD_SUFFIX), *save = NULL;
	const char *format;
	size_t size;

	memset(rec, 0, sizeof(*rec));
	rec->text = read_file(path, &size);
	free(path);
	if (!rec->text)
		return -1;
	format = strtok_r(rec->text, "\n", &save);
	rec->key = strtok_r(NULL, "\n", &save);
	rec->shared = strtok_r(NULL, "\n", &save);
	rec->src = strtok_r(NULL, "\n", &save);
	rec->build = strtok_r(NULL, "\n", &save);
	if (format && !strcmp(format, RECORD_FORMAT) && rec->build)
		return 0;
	free(rec->text);
	rec->text = NULL;
	return -1;
}

void share_record(const char *slot, const char *key, const char *shared)
{
	char *path = fmt_str("%s%s", slot, RECORD_SUFFIX);
	struct replacement out;
	const char *tree[2];
	FILE *f;

	/* a record is a shortcut: one that cannot be written is none */
	f = tree_paths(tree) ? NULL : replace_begin(&out, path);
	if (f) {
		fprintf(f, "%s\n%s\n%s\n%s\n%s\n", RECORD_FORMAT, key, shared,
			tree[0], tree[1]);
		if (ferror(f))
			replace_abort(&out);
		else
			replace_commit(&out);
	}
	free(path);
}

int share_recorded(const char *slot, const char *key)
{
	struct record rec;
	int ret;

	if (read_record(slot, &rec))
		return 0;
	ret = !strcmp(rec.key, key);
	free(rec.text);
	return ret;
}

/* --- taking another build's summary -------------------------------------- */

/*
 * The candidate's text for this tree: its tree paths rewritten, and its
 * key (the first "key" member, the summary's own) this build's.
 */
static char *rewrite(const char *text, size_t size, const struct record *rec,
		     const char *key, size_t *out_size)
{
	const char *from[2] = { rec->src, rec->build }, *to[2];
	char *moved, *old, *at;

	if (tree_paths(to))
		return NULL;
	moved = retarget(text, size, from, to, 1, out_size);
	old = fmt_str("\"key\":\"%s\"", rec->key);
	at = strstr(moved, old);
	/* keys are 16 hex digits: the text keeps its length */
	if (at && strlen(key) == strlen(rec->key))
		memcpy(at + 7, key, strlen(key));
	free(old);
	return moved;
}

/* Try the summary of rel in the build folder dir of the cache. */
static int take_from(const char *dir, const char *slot, const char *rel,
		     const char *key, const char *shared,
		     int (*holds)(const char *, const char *))
{
	char *cand = fmt_str("%s/summaries/%s.json", dir, rel), *text, *moved;
	struct record rec;
	size_t size = 0, moved_size = 0;
	int ret = 0;

	if (!strcmp(cand, slot) || read_record(cand, &rec)) {
		free(cand);
		return 0;
	}
	text = strcmp(rec.shared, shared) ? NULL : read_file(cand, &size);
	moved = text ? rewrite(text, size, &rec, key, &moved_size) : NULL;
	if (moved && !write_whole(slot, moved, moved_size)) {
		ret = holds(slot, key);
		if (ret)
			share_record(slot, key, shared);
		else
			unlink(slot);
	}
	free(moved);
	free(text);
	free(rec.text);
	free(cand);
	return ret;
}

int share_take(const char *slot, const char *rel, const char *key,
	       const char *shared, int (*holds)(const char *, const char *))
{
	char *builds = xstrdup(kbuild_cache_dir()), *slash, *dir;
	struct dirent *e;
	DIR *d;
	int ret = 0;

	/* the build folders sit side by side in the cache's builds/ */
	slash = strrchr(builds, '/');
	if (slash)
		*slash = '\0';
	d = slash ? opendir(builds) : NULL;
	while (!ret && d && (e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		dir = fmt_str("%s/%s", builds, e->d_name);
		ret = take_from(dir, slot, rel, key, shared, holds);
		free(dir);
	}
	if (d)
		closedir(d);
	free(builds);
	return ret;
}
