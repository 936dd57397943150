/* SPDX-License-Identifier: GPL-2.0 */
/*
 * SARIF 2.1.0 output for code scanning (docs/sarif.md).
 */
#ifndef MMUCHECK_SARIF_H
#define MMUCHECK_SARIF_H

#include <stdio.h>

#include "report/findings.h"

/* One rule of the catalogue, from the rule registry. */
struct sarif_rule {
	const char *id, *summary, *help, *level;
};

struct sarif_run {
	const struct sarif_rule *rules;
	int nr_rules;
	const char *root; /* relative file names are under it (SRCROOT) */
	const char *automation; /* automationDetails.id: "mmucheck/scan/" */
	const char *tool_version;
	/* versionControlProvenance, when root is a git work tree */
	const char *repository, *revision;
};

/* primaryLocationLineHash of line in text: 1, or 0 when it has none */
int sarif_line_hash(const char *text, unsigned int line, char *out,
		    size_t size);

void print_findings_sarif(FILE *out, const struct findings *list,
			  const struct sarif_run *run);

#endif
