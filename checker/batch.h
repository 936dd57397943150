/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mmucheck batch: many kernel versions in one run.  Each version is
 * scanned whole (scan.h) and the semantic patches run on the files the
 * scan analysed; each finding is followed from one version to the next
 * by its fingerprint or, failing that, by its place mapped through the
 * diff of its file (report/match.h), and gets a first and last version
 * and a status per pair of adjacent versions: new, fixed, persisting,
 * not-analysed (its file gone, failed or not built: never "fixed"), or
 * checker-changed (it came or went between versions scanned by another
 * checker: their records' made_by differ, record.h).
 * Verdicts given once (--verdicts=FILE) are carried to every version.
 * Outputs in DIR: report.json, NAME.sarif per version (baselineState
 * against the version before; properties.status for checker-changed),
 * versions/NAME.version.json, and a matrix on stdout.
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
	int record; /* --record: one version's record (record.h), no report */
};

/*
 * specs: NAME=SRC[:BUILD] or REC.version.json (a record of batch
 * --record, record.h), or with --git, NAME=REV; in version order.  Each
 * version scanned here is recorded in DIR/versions/ and read back: the
 * matching reads records only, so a batch of records made elsewhere
 * gives the same report.  0, or 2 after an error.
 */
int run_batch(const struct batch_options *o, int nr, const char **specs);

#endif
