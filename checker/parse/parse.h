/* SPDX-License-Identifier: GPL-2.0 */
/*
 * One source file through libclang.  Parsing stops at nothing (KeepGoing),
 * but a file with an error is reported and refused: every later phase
 * assumes a complete AST.  A lone file (--no-tree) is parsed leniently
 * instead: its errors are kept, and a function with one in it is left out
 * of every later phase (error_in_range()).
 */
#ifndef MMUCHECK_PARSE_H
#define MMUCHECK_PARSE_H

#include <clang-c/Index.h>

/* An error of a lenient parse, where the main file shows it. */
struct parse_error {
	int in_main; /* 0: not in or expanded into the main file */
	unsigned int offset, line, col;
	char *message;
	/*
	 * A clash with an earlier declaration: the name declared where the
	 * error is, and the file of that earlier one; else NULL.
	 */
	char *clash_name, *clash_file;
};

struct source {
	const char *path;
	CXIndex index;
	CXTranslationUnit tu;
	CXFile file; /* the main file */
	int lenient; /* errors kept, not refused */
	struct parse_error *errors; /* in the order clang gave them */
	int nr_errors, alloc_errors;
};

/*
 * Parse path with clang flags argv.  On failure print the first error as
 * "file:line:col: error: message" and return -1; the caller decides.
 */
int parse_source(struct source *src, const char *path, const char *const *argv,
		 int argc);
/*
 * Parse path from memory (unsaved holds it and its headers) and keep its
 * errors in src->errors; -1 only if libclang made no translation unit.
 */
int parse_source_lenient(struct source *src, const char *path,
			 const char *const *argv, int argc,
			 struct CXUnsavedFile *unsaved,
			 unsigned int nr_unsaved);
void release_source(struct source *src);

/*
 * The main-file offsets of a range, its macro uses taken whole; 0 when it
 * is not in the main file.
 */
int main_range(const struct source *src, CXSourceRange range,
	       unsigned int *begin, unsigned int *end);
/* The first error of a lenient parse inside the range, or NULL. */
const struct parse_error *error_in_range(const struct source *src,
					 CXSourceRange range);

/* Is the location in the main file (after mapping out of macros)? */
int in_main_file(const struct source *src, CXSourceLocation loc);

#endif
