/* SPDX-License-Identifier: GPL-2.0 */
/*
 * One source file through libclang.  Parsing stops at nothing (KeepGoing),
 * but a file with an error is reported and refused: every later phase
 * assumes a complete AST.
 */
#ifndef MMUCHECK_PARSE_H
#define MMUCHECK_PARSE_H

#include <clang-c/Index.h>

struct source {
	const char *path;
	CXIndex index;
	CXTranslationUnit tu;
	CXFile file; /* the main file */
};

/*
 * Parse path with clang flags argv.  On failure print the first error as
 * "file:line:col: error: message" and return -1; the caller decides.
 */
int parse_source(struct source *src, const char *path, const char *const *argv,
		 int argc);
void release_source(struct source *src);

/* Is the location in the main file (after mapping out of macros)? */
int in_main_file(const struct source *src, CXSourceLocation loc);

#endif
