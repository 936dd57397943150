/* SPDX-License-Identifier: GPL-2.0 */
#ifndef MMUCHECK_VERIFY_H
#define MMUCHECK_VERIFY_H

#include <stdio.h>

#include "report/findings.h"

/*
 * Compare the findings for a testcase with its expectation tags; print
 * one error line per mismatch and return their number.
 */
int verify_findings(FILE *out, const char *path, const char *text,
		    const struct findings *found);

#endif
