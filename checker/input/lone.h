/* SPDX-License-Identifier: GPL-2.0 */
/*
 * One file without its kernel tree (mmucheck --no-tree FILE, or - for
 * stdin).  Its text is read here and handed to libclang from memory with
 * the declarations of model/no-tree/ under a folder that exists only
 * there: the era's prelude.h is forced in, and every header the file
 * includes is an empty file, so that a lone mm/rmap.c or a mailed patch's
 * file parses as far as the prelude knows its names.
 */
#ifndef MMUCHECK_LONE_H
#define MMUCHECK_LONE_H

#include <stddef.h>

#include <clang-c/Index.h>

#include "input/flags.h"
#include "lib/util.h"

struct lone_file {
	char *name; /* the file as given, or the name stdin is shown as */
	char *text;
	size_t size;
	struct strlist includes; /* every header name its #include lines give */
	struct strlist quoted; /* those written "name" */
	/* names the file declares its own way: the prelude's are renamed */
	struct strlist hidden;
	char *unhide; /* the #undef lines forced in after the prelude */
	/* what lone_args() made: clang's arguments and in-memory files */
	struct clang_args args;
	struct CXUnsavedFile *unsaved;
	int nr_unsaved, alloc_unsaved;
	char **owned; /* the arguments' and paths' storage */
	int nr_owned, alloc_owned;
};

/*
 * Read path ("-": stdin, shown as stdin_name).  An unreadable or empty
 * input is one error line and -1.
 */
int lone_read(struct lone_file *lf, const char *path, const char *stdin_name);

/*
 * clang's arguments for the era version (KV(); 0: the probe that reads the
 * era from the file's calls), then the user's extra flags (-D, -U).
 * Called again for another era, it replaces the previous ones.
 */
void lone_args(struct lone_file *lf, int version, const char *const *extra,
	       int nr_extra);

/*
 * A name the file declares its own way (a function, variable or type the
 * prelude declares otherwise): hidden from the prelude from the next
 * lone_args() on.  Returns 1 if it was not hidden yet.
 */
int lone_hide(struct lone_file *lf, const char *name);
/* Is path one of the prelude's in-memory files? */
int lone_in_prelude(const char *path);

void lone_release(struct lone_file *lf);

#endif
