/* SPDX-License-Identifier: GPL-2.0 */
/*
 * One translation unit through every rule.
 */
#ifndef MMUCHECK_ANALYSE_H
#define MMUCHECK_ANALYSE_H

#include "rules/rules.h"

/*
 * Walk every function of the file.  The findings of one function go to
 * out; what needs more than one function is decided over the file's own
 * functions, unless summaries is given: then they go there, for a
 * decision over many files.
 */
int check_translation_unit(struct source *src, const struct model *forced,
			   enum confidence min, struct findings *out,
			   struct program *summaries);

/*
 * After a lenient parse (--no-tree): one error line per function (or
 * declaration) left out that names the model, and a note counting the
 * rest.  -1 when such a gap exists or no function could be analysed.
 */
int report_gaps(const struct source *src);

#endif
