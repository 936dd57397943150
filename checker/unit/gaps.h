/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What a lenient parse (--no-tree) left out: the functions of the main
 * file with a parse error in them, and the errors outside any function.
 * A function left out that names the model (api.def, context.def), or
 * calls a function of the file that does, is a gap in the analysis; the
 * others are only counted.
 */
#ifndef MMUCHECK_GAPS_H
#define MMUCHECK_GAPS_H

#include "parse/parse.h"

struct gap {
	char *name;
	unsigned int line, col; /* of the name */
	int is_function; /* 0: a declaration outside functions */
	int uses_model;
	const struct parse_error *error; /* the first one in it */
};

struct gaps {
	struct gap *items;
	int nr, alloc;
	int nr_functions; /* definitions in the main file */
	int nr_failed; /* of them, left out */
	int nr_real; /* items that use the model */
	int nr_real_functions; /* of them, functions */
	int nr_loose; /* errors in no declaration of the main file */
	const struct parse_error *first_loose;
};

void find_gaps(const struct source *src, struct gaps *out);
void release_gaps(struct gaps *g);

#endif
