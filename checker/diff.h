/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mmucheck diff: what a change adds.  Two sides of a change, each a
 * revision, the work tree, or a revision with a patch applied, are
 * scanned whole (scan.h) over one tree and one build: a side other than
 * the work tree is a view (lib/view.h) of the files git says differ, so
 * nothing is checked out and the user's tree, index and build are never
 * written.  The findings of the two sides are matched (report/match.h);
 * those of the head side alone are new.
 */
#ifndef MMUCHECK_DIFF_H
#define MMUCHECK_DIFF_H

#include "scan.h"

struct diff_options {
	struct scan_options scan; /* kdir and kbuild: filled from the tree */
	const char *dir; /* -C DIR: in the work tree there */
	const char *patch; /* --patch=FILE, - for stdin */
	const char *series; /* --series=MBOX */
	int terse; /* --terse: one line a new finding */
	int b4; /* --b4: b4 prep --check's "ERROR:" lines */
	int no_cocci; /* --no-cocci: the checker alone */
};

/* revs: [BASE [HEAD]].  Exit 0 nothing new, 1 new findings, 2 an error. */
int run_diff(const struct diff_options *o, int nr, const char **revs);

#endif
