/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Choosing files without an index: the .c files of a tree, and which of
 * them name one of a set of identifiers as a whole word.
 */
#ifndef MMUCHECK_CHOOSE_H
#define MMUCHECK_CHOOSE_H

#include "lib/util.h"

struct file_list {
	char **paths; /* relative to the root, sorted */
	int nr, alloc;
};

/* Every .c file under root, dot folders skipped; -1 if root is unreadable. */
int list_c_files(const char *root, struct file_list *out);
void release_file_list(struct file_list *list);

/*
 * For each file of list (under root) with want[i] set, names_any[i]
 * becomes 1 if it names one of names as a whole identifier.  The files
 * are read by jobs processes at once.
 */
void files_naming(const char *root, const struct file_list *list,
		  const char *want, const struct strlist *names, int jobs,
		  char *names_any);

/*
 * files_naming() remembered in the file memo between runs: a file whose
 * time and size are those remembered keeps its answer, the others are
 * read.  The memo is rewritten (whole or not at all) when answers change.
 */
void files_naming_remembered(const char *root, const struct file_list *list,
			     const char *want, const struct strlist *names,
			     int jobs, char *names_any, const char *memo);

#endif
