/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A version record: what "mmucheck batch --record -o DIR NAME=SRC[:BUILD]"
 * leaves of one version's scan in DIR/NAME.version.json, and all that the
 * matching step ("mmucheck batch -o DIR REC.version.json...") reads of
 * that version.  The per-version scans are then plain commands, spread
 * over machines by GNU parallel or make -j, and the matching is a step
 * over their outputs.
 *
 *   {"format": "mmucheck version record 1",
 *    "name": "6.1", "tree": "/abs/src", "build": "/abs/build",
 *    "made_by": {"tool", "summaries", "model", "rules", "confidence"},
 *    "cocci_by": "cocci HASH",           -- absent with --no-cocci
 *    "analysed": N, "analysed_files": [...], "failed": [...],
 *    "findings": [{"rule", "file", "line", "column", "function",
 *                  "message", "confidence", "fingerprint",
 *                  "engines": ["checker", "cocci"],
 *                  "text": "the finding's source line",
 *                  "trace": [{"file", "line", "column", "function",
 *                             "note", "text"}],
 *                  "subsystem": "MAINTAINERS section",   -- if any
 *                  "line_hash": "SARIF's primaryLocationLineHash"}]}
 *
 * Findings are in the order the scan sorted them; every text the HTML
 * report and the SARIF show is in the record, so they need no tree.
 * Matching through the diff does: the record keeps the tree's path, and
 * the matching reads a file's two versions there.  Where a tree is not at
 * its path on the machine that matches, its findings are matched by
 * fingerprint alone (a warning says so).
 *
 * made_by is the checker's identity (its binary, what made its summaries,
 * the API model, the rules kept and the confidence: all of it bears on
 * both engines' findings), cocci_by the semantic patches': between two
 * versions whose made_by differ, a finding that comes or goes is
 * "checker-changed", neither new nor fixed; so is one the semantic
 * patches report when their cocci_by differ.
 */
#ifndef MMUCHECK_RECORD_H
#define MMUCHECK_RECORD_H

#include <jansson.h>

#include "report/findings.h"
#include "scan.h"

/* What the scan of one version left, to be written as its record. */
struct record_source {
	const char *name, *tree, *build;
	const struct scan_result *res; /* the files analysed and failed */
	const struct findings *found; /* both engines, sorted */
	enum confidence min_confidence;
	int no_cocci;
	/* the MAINTAINERS section of a file, or NULL */
	const char *(*subsystem)(const void *ctx, const char *file);
	const void *ctx;
};

int write_record(const char *path, const struct record_source *s);
/*
 * doc written to path whole or not at all: a matching step may read it
 * at any time, and another process may write it at the same time.
 */
int write_json_whole(const char *path, const json_t *doc);

/* Is this argument of batch a record (it ends in ".version.json")? */
int is_record_path(const char *arg);

/* The record at path, validated; NULL after one error line. */
json_t *read_record(const char *path);
/* Its findings, in its order: finding i is the record's findings[i]. */
void record_findings(const json_t *rec, struct findings *found);
void record_files(const json_t *rec, struct strlist *analysed,
		  struct strlist *failed);
const char *record_str(const json_t *rec, const char *field);
/* Finding i's steps as report.json shows them (report/html.h). */
json_t *record_trace(const json_t *rec, int i);
/* Finding i's subsystem, or NULL */
const char *record_subsystem(const json_t *rec, int i);
/*
 * Did what reports f (its engines) change from record a to record b?
 * Then f coming or going is the checker's doing, not the code's.
 */
int record_checker_changed(const json_t *a, const json_t *b,
			   const struct finding *f);

#endif
