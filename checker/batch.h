/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mmucheck batch: many kernel versions in one run.  Each version is
 * scanned whole (scan.h) and the semantic patches run on the files the
 * scan analysed; each finding is followed from one version to the next
 * by its fingerprint or, failing that, by its place mapped through the
 * diff of its file (report/match.h), and gets a first and last version
 * and a status per pair of adjacent versions: new, fixed, persisting, or
 * not-analysed (its file gone, failed or not built: never "fixed").
 * Verdicts given once (--verdicts=FILE) are carried to every version.
 * Outputs in DIR: report.json, NAME.sarif per version (baselineState
 * against the version before), and a matrix on stdout.
 */
#ifndef MMUCHECK_BATCH_H
#define MMUCHECK_BATCH_H

#include "scan.h"

struct batch_options {
	struct scan_options scan; /* kdir: each version's; kbuild: --kbuild */
	const char *out_dir; /* -o DIR */
	const char *verdicts; /* --verdicts=FILE, or NULL */
	const char *git; /* --git=REPO: NAME=REV (batch_git.h), or NULL */
	int no_cocci;
};

/*
 * specs: NAME=SRC[:BUILD] (with --git, NAME=REV), in version order.  0,
 * or 2 after an error.
 */
int run_batch(const struct batch_options *o, int nr, const char **specs);

#endif
