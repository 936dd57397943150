/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The semantic patches (the .cocci files of cocci/) on a few files, for
 * mmucheck diff and for a batch's trees after the first: spatch -D
 * report --dir over a folder of the files (each file alone, as make
 * coccicheck takes them), one process a rule, its report lines read back
 * as findings.  What a rule says of a file's text is cached by that text
 * and the rule's, so the unchanged side, or a file unchanged between two
 * versions, costs nothing.
 */
#ifndef MMUCHECK_COCCI_H
#define MMUCHECK_COCCI_H

#include "lib/util.h"
#include "report/findings.h"

struct cocci_run {
	const char *top; /* the work tree, for the paths of the reports */
	char *dir; /* where the side's texts were written */
	const char *cache;
	struct strlist files; /* tree-relative, on this side */
	char **keys; /* per rule and file: its answer's name in the cache */
	int pids[8]; /* per rule: the spatch at work on the files not cached */
	char *raw[8]; /* per rule: its report */
	int failed;
};

/* 0: spatch and cocci/ are there; -1 with one error line. */
int cocci_available(void);
/*
 * Start the rules on files (tree-relative) as the view in use has them;
 * texts not on the disk are written under scratch.  Returns at once.
 */
int cocci_start(struct cocci_run *r, const char *top, const char *scratch,
		const char *cache, const struct strlist *files);
/* Wait, and read the reports into found (tree-relative, unfinished). */
int cocci_finish(struct cocci_run *r, struct findings *found);

/*
 * The rules over a whole prepared tree through the kernel's own make
 * coccicheck (scripts/cocci-run): findings tree-relative, unfinished.
 */
int cocci_tree(const char *src, const char *build, struct findings *found);

/*
 * As cocci_tree() over src, given prev, what cocci_tree() found over
 * prev_src (unfinished, as it gave them): a .c file of the same text in
 * both trees keeps its findings of prev (--no-includes: a file's answer
 * is its text's), the others are asked of spatch, each alone; with more
 * than 200 changed, cocci_tree() again.  The answers are kept
 * under scratch.
 */
int cocci_tree_since(const char *src, const char *build, const char *prev_src,
		     const struct findings *prev, const char *scratch,
		     struct findings *found);
/* A copy of f, one of the semantic patches' findings, into to. */
void cocci_copy_finding(struct findings *to, const struct finding *f);

/* The semantic patches' identity: a hash of every rule's .cocci text. */
char *cocci_identity(void);

#endif
