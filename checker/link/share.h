/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A summary made in another tree: a copy or a move of the tree, the next
 * revision of a batch, a release that left the file alone.  Every build
 * keeps its summaries in its own folder of mmucheck's cache, named after
 * the file and keyed by its text, its flags and this mmucheck; beside
 * each one a record (SLOT.tree) says where it was made and under which
 * shared key: the same key with the tree's and the build's paths left
 * out of the flags.  A file whose own build has no summary takes another
 * build's of the same shared key, its paths rewritten to this tree, if
 * the headers it read hold the same texts here (the caller checks).
 */
#ifndef MMUCHECK_SHARE_H
#define MMUCHECK_SHARE_H

#include "input/flags.h"

/*
 * args with the loaded tree's source and build paths replaced by
 * placeholders (argv owned by norm), or -1 when those paths hold a byte
 * JSON would escape: such a tree's summaries are not shared.
 */
int share_args(const struct clang_args *args, struct clang_args *norm);
void share_args_release(struct clang_args *norm);
/*
 * path with the tree's paths replaced as share_args() does (a copy of
 * path when they cannot be): how a header a summary read is named in the
 * key of its headers' texts.
 */
char *share_path(const char *path);

/* slot holds the summary of key, shared key shared, made in this tree. */
void share_record(const char *slot, const char *key, const char *shared);
/* 1 when slot has a record of key (it was recorded already). */
int share_recorded(const char *slot, const char *key);

/*
 * Another build's summary of rel under shared, rewritten into slot for
 * key; each one in turn until holds(slot, key) accepts it.  1 when slot
 * holds one (and is recorded), 0 when none did (a candidate that did not
 * hold is removed from slot).
 */
int share_take(const char *slot, const char *rel, const char *key,
	       const char *shared, int (*holds)(const char *, const char *));

#endif
