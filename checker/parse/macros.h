/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Macro use sites of one file, from the MacroExpansion cursors of the
 * preprocessing record.  Macros are not in the AST: a call that a macro
 * made (6.12's set_pte_at() -> set_ptes()) is found here by the position
 * of the use site that contains it.
 */
#ifndef MMUCHECK_MACROS_H
#define MMUCHECK_MACROS_H

#include <clang-c/Index.h>

#include "parse/tokens.h"

struct macro_use {
	unsigned int begin, end; /* byte offsets of name(args) */
	char *name;
};

struct macro_map {
	CXFile file;
	struct macro_use *uses; /* sorted by begin */
	int nr, alloc;
};

void build_macro_map(struct macro_map *map, CXTranslationUnit tu, CXFile file);
void release_macro_map(struct macro_map *map);

/* The innermost macro use containing the offset, or NULL. */
const char *macro_at(const struct macro_map *map, CXFile file,
		     unsigned int offset);

/*
 * The macro a cursor was expanded from, or NULL when the user wrote it
 * (also when it is written in a macro argument).
 */
const char *macro_of_cursor(const struct macro_map *map, CXCursor c);

/*
 * The text to show for a cursor: what the user wrote if the cursor is
 * all inside one macro argument or outside macros, else the whole use
 * of the macro that made it ("set_pte_at(mm, addr, ptep, pte)").
 */
int display_range(const struct macro_map *map, CXCursor c, CXTranslationUnit tu,
		  struct file_range *r);

#endif
