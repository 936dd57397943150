/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mmucheck batch --git=REPO: the versions are revisions of one git
 * repository (NAME=REV).  Each is written into mmucheck's scratch folder
 * through a scratch index (git read-tree, git checkout-index --prefix),
 * never checked out in the repository, and built there as
 * scripts/kernel-tree prepares a tree (x86_64_defconfig, the notifier
 * users' options, olddefconfig, prepare) or, with --kbuild=BUILD, over
 * that one prepared build folder, shared by every revision and never
 * written: each revision gets a folder of links to its parts.  The
 * caches of these trees live in the scratch folder and go with it.
 *
 * For a finding new between two revisions A and B, the commit that
 * brought it; for one fixed, the commit that fixed it: of the commits of
 * A..B that touch its file, those that touch its function's lines (git
 * log -L), and when several are left, bisected by a scan of that file
 * as of each (a view of the commit over B's tree, lib/view.h): the
 * checker's, or spatch's for a finding of the semantic patches alone.
 */
#ifndef MMUCHECK_BATCH_GIT_H
#define MMUCHECK_BATCH_GIT_H

#include <stdio.h>

#include <jansson.h>

#include "batch.h"
#include "report/findings.h"

struct culprit {
	char *commit; /* the full object name */
	char *subject;
	char *fixes; /* Fixes: 0123456789ab ("subject") */
};

struct batch_git;

/*
 * The repository o->git and each NAME=REV of specs resolved; nothing is
 * written yet.  0, or -1 after one error line.
 */
int batch_git_open(struct batch_git **bg, const struct batch_options *o,
		   const char *scratch, int nr, const char **specs);

/* Each revision written into the scratch folder and prepared. */
int batch_git_checkout(struct batch_git *bg);

/* Revision k's name, its files' folder and its build folder. */
void batch_git_version(const struct batch_git *bg, int k, const char **name,
		       const char **src, const char **build);

/*
 * The commit of a..b (version indexes) that made f appear in b (fixed
 * 0) or go from a (fixed 1), or NULL when none is found.  The result
 * belongs to bg.
 */
const struct culprit *batch_git_culprit(struct batch_git *bg,
					const struct scan_options *so, int a,
					int b, const struct finding *f,
					int fixed);

/* {"commit", "subject", "fixes"}, or null for c NULL */
json_t *culprit_json(const struct culprit *c);

/* The stdout lines of a culprit: the finding, and a ready Fixes: line. */
void print_culprit(FILE *out, const char *version, const struct finding *f,
		   const struct culprit *c, int fixed);

void batch_git_close(struct batch_git *bg);

#endif
