/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A change as git has it, read without touching the user's work tree,
 * index or object store: every git run has GIT_OPTIONAL_LOCKS=0 (no
 * index refresh), and what mmucheck must write (a patch applied, a tree
 * made of it) goes to a scratch index and object folder of its own, the
 * repository's objects reached as alternates.
 */
#ifndef MMUCHECK_GIT_H
#define MMUCHECK_GIT_H

#include <stddef.h>

#include "lib/util.h"
#include "lib/view.h"
#include "report/match.h"

struct git {
	char *top; /* the work tree's top folder, a real path */
	char *scratch; /* mmucheck's folder for this run, or NULL */
	char *objects; /* the repository's object store */
};

/* 0, or -1 with one error line when dir is not in a git work tree. */
int git_open(struct git *g, const char *dir, const char *scratch);
void git_close(struct git *g);

/* The full object name of rev (a commit or a tree), or NULL after an error. */
char *git_resolve(const struct git *g, const char *rev);
/* The commit's subject line, or NULL. */
char *git_subject(const struct git *g, const char *rev);

/*
 * The tree rev as a view over the work tree: every file that differs
 * between the work tree and rev gets rev's text, or is hidden when rev
 * has none.  rev NULL: the work tree itself (an empty view).
 */
int git_view(const struct git *g, const char *rev, struct view *v);

/*
 * The tree rev as a view over root, a folder holding the files of base:
 * the files that differ between base and rev get rev's text, or are
 * hidden when rev has none.
 */
int git_view_of(const struct git *g, const char *root, const char *base,
		const char *rev, struct view *v);

/*
 * The files of rev written into dir (made by git), through the scratch
 * index: the user's work tree, index and refs are not touched.
 */
int git_materialise(const struct git *g, const char *rev, const char *dir);

/* git argv's output, a line each into lines; -1 when git fails (quiet). */
int git_lines(const struct git *g, const char *const *argv,
	      struct strlist *lines);

/*
 * The tree of patch applied to base, in the scratch object folder: its
 * object name, or NULL after an error naming what did not apply (quiet:
 * NULL, nothing said).
 */
char *git_apply(const struct git *g, const char *base, const char *patch,
		size_t size, const char *name, int quiet);

/*
 * The commit among base..HEAD (base NULL: HEAD's last 200) whose change
 * is patch, by git patch-id; or NULL.
 */
char *git_commit_of_patch(const struct git *g, const char *base,
			  const char *patch, size_t size);

/*
 * How files and lines of from map onto to (NULL: the work tree), renames
 * followed (git diff -M).
 */
int git_line_map(const struct git *g, const char *from, const char *to,
		 struct line_map *map);

/* The mails of an mbox, each a patch with its subject. */
struct mail {
	char *subject;
	char *text;
	size_t size;
};

int git_split_mbox(const struct git *g, const char *mbox, struct mail **mails,
		   int *nr);
void release_mails(struct mail *mails, int nr);

#endif
