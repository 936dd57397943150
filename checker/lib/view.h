/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The files as one side of a change sees them.  Without a view, a file
 * is what the disk holds.  A view replaces some files of a tree by other
 * text (a revision's blob, a patched file) or hides them, without writing
 * anything: the parser hands the texts to libclang as unsaved files, and
 * every reader of source text asks here first.
 */
#ifndef MMUCHECK_VIEW_H
#define MMUCHECK_VIEW_H

#include <stddef.h>

struct view_file {
	char *path; /* absolute */
	char *text; /* NULL: the file is absent on this side */
	size_t size;
};

struct view {
	struct view_file *files;
	int nr, alloc;
	char id[17]; /* a hash of every path and text: the view's identity */
};

/* Add or replace one file; text is copied, NULL for an absent file. */
void view_put(struct view *v, const char *path, const char *text, size_t size);
/* Make v the view every reader sees (NULL: the disk); computes v->id. */
void view_use(struct view *v);
/* The view in use, or NULL. */
const struct view *view_current(void);
void view_release(struct view *v);

/* The file as the view in use has it, else read_file(); NULL if absent. */
char *view_read(const char *path, size_t *size);
/* 1 when the view in use replaces or hides path. */
int view_has(const char *path);
/* 1 when the view in use hides path. */
int view_hides(const char *path);

#endif
