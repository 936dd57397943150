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

struct finding_step {
	char *file;
	unsigned int line, col;
	char *function;
	char *note;
};

struct finding {
	char *rule;
	char *file;
	unsigned int line, col;
	char *function;
	char *message;
	enum confidence confidence;
	struct finding_step *trace;
	int nr_trace, alloc_trace;
	char fingerprint[17];
};

struct findings {
	struct finding *items;
	int nr, alloc;
	int nr_files, nr_failed; /* for the JSON summary */
};

/* A new finding, or NULL if one with this rule and place exists. */
struct finding *add_finding(struct findings *list, const char *rule,
			    const char *file, unsigned int line,
			    unsigned int col, const char *function,
			    enum confidence confidence, const char *message);
void add_finding_step(struct finding *f, const char *file, unsigned int line,
		      unsigned int col, const char *function, const char *note);
struct finish_options {
	enum confidence min;
	const char *root; /* relative file names are under it ("": cwd) */
	int (*keep_rule)(const char *rule); /* NULL: every rule */
};

/*
 * The one place a finding is completed, whatever made it: findings below
 * the confidence, of a rule not kept, or under a "mmucheck: ignore RULE"
 * comment go; the others get their fingerprint from the source.
 */
void finish_findings(struct findings *list, const struct finish_options *o);
void sort_findings(struct findings *list);
void print_findings_text(FILE *out, const struct findings *list);
void print_findings_json(FILE *out, const struct findings *list);
void release_findings(struct findings *list);

/* jansson's json_t, for the summaries of "mmucheck scan" */
struct json_t;
struct json_t *findings_to_json(const struct findings *list);
void findings_from_json(struct findings *list, struct json_t *array);

const char *confidence_name(enum confidence c);
int parse_confidence(const char *name, enum confidence *c);

#endif
