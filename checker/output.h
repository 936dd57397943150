/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Findings in the format asked for: compiler-style text, JSON or SARIF.
 */
#ifndef MMUCHECK_OUTPUT_H
#define MMUCHECK_OUTPUT_H

#include <stdio.h>

#include "report/findings.h"

enum output_format { OUTPUT_TEXT, OUTPUT_JSON, OUTPUT_SARIF };

/* 0, or -1 when name is not text, json or sarif */
int parse_output_format(const char *name, enum output_format *format);

/*
 * root: relative file names are under it (NULL: the current folder);
 * command: "check", "scan", "link", for SARIF's automationDetails.
 */
void print_findings(FILE *out, const struct findings *found,
		    enum output_format format, const char *root,
		    const char *command);

#endif
