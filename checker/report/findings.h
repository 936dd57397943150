/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Findings and how they are printed: the compiler convention
 *
 *	file:line:col: warning: message [rule]
 *	file:line:col: note: a step of the path
 *
 * or one JSON object with a "findings" array (--format=json).
 */
#ifndef MMUCHECK_FINDINGS_H
#define MMUCHECK_FINDINGS_H

#include <stdio.h>

enum confidence { CONF_LOW, CONF_MEDIUM, CONF_HIGH };
/*
 * Against a baseline (report/baseline.h) or the base of a change: none
 * given, new, known, and (mmucheck diff) gone: fixed by the change.
 */
enum baseline_state {
	BASELINE_NONE,
	BASELINE_NEW,
	BASELINE_UNCHANGED,
	BASELINE_ABSENT
};

/* A step of a path: the one trace type of the walk, summaries and findings. */
struct trace_step {
	char *file;
	unsigned int line, col;
	char *function; /* NULL until the finding names it */
	char *note;
};

struct trace {
	struct trace_step *steps;
	int nr, alloc;
};

void trace_add(struct trace *t, const char *file, unsigned int line,
	       unsigned int col, const char *function, const char *note);
/* Append from's steps; a step without a function gets this one. */
void trace_append(struct trace *to, const struct trace *from,
		  const char *function);
void trace_release(struct trace *t);

struct finding {
	char *rule;
	char *file;
	unsigned int line, col;
	char *function;
	char *message;
	enum confidence confidence;
	struct trace trace;
	char fingerprint[17];
	char *era, *era_from; /* "6.1" and what it was read from, or NULL */
	enum baseline_state baseline;
	char *suppression; /* why, from "mmucheck: ignore RULE (why)" */
	int by_cocci; /* found by the semantic patches, not the checker */
	/* batch: its status against the version before, when SARIF's baselineState says less */
	const char *batch_status;
	/* SARIF's primaryLocationLineHash made with the tree (a record), or "" */
	char line_hash[40];
};

struct findings {
	struct finding *items;
	int nr, alloc;
	int nr_files, nr_failed; /* for the JSON summary */
	int nr_incomplete; /* functions whose walk ran out of its budget */
	/* those a "mmucheck: ignore" comment silences: SARIF shows them */
	struct findings *suppressed;
};

/* A new finding, or NULL if one with this rule and place exists. */
struct finding *add_finding(struct findings *list, const char *rule,
			    const char *file, unsigned int line,
			    unsigned int col, const char *function,
			    enum confidence confidence, const char *message);
struct finish_options {
	enum confidence min;
	const char *root; /* relative file names are under it ("": cwd) */
	int (*keep_rule)(const char *rule); /* NULL: every rule */
	/* one file's findings for its summary: the link step suppresses */
	int defer_suppression;
};

/*
 * The one place a finding is completed, whatever made it: findings below
 * the confidence, of a rule not kept, or under a "mmucheck: ignore RULE"
 * comment go; the others get their fingerprint from the source.
 */
void finish_findings(struct findings *list, const struct finish_options *o);
void sort_findings(struct findings *list);
void print_findings_text(FILE *out, const struct findings *list);
/* "new", "unchanged", "absent", or NULL without a baseline (SARIF's) */
const char *baseline_state_name(enum baseline_state state);
void print_findings_json(FILE *out, const struct findings *list);
void release_findings(struct findings *list);
/*
 * File names relative to root when they are under it; a relative name is
 * first taken as relative to base (NULL: left as it is).
 */
void relative_findings(struct findings *list, const char *root,
		       const char *base);
/* The era of findings from..nr that have none (docs/kernel-api.md A.8). */
void set_findings_era(struct findings *list, int from, int version,
		      const char *era_from);

/* jansson's json_t, for the summaries of "mmucheck scan" */
struct json_t;
struct json_t *findings_to_json(const struct findings *list);
/* s as a JSON string whatever its bytes: those not UTF-8 as U+FFFD */
struct json_t *json_text(const char *s);
void findings_from_json(struct findings *list, struct json_t *array);

const char *confidence_name(enum confidence c);
int parse_confidence(const char *name, enum confidence *c);

#endif
