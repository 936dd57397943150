/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Source text and tokens of cursors.  libclang's own extents start and
 * end inside macro definitions for macro-expanded code, and clang_tokenize
 * then returns nothing or the wrong file's tokens; these helpers map every
 * extent to the text the user wrote first (the macro use site, or the
 * macro argument).
 */
#ifndef MMUCHECK_TOKENS_H
#define MMUCHECK_TOKENS_H

#include <stddef.h>

#include <clang-c/Index.h>

struct file_range {
	CXFile file;
	unsigned int begin, end; /* byte offsets, end exclusive */
};

struct tokens {
	CXTranslationUnit tu;
	CXToken *tok;
	unsigned int nr;
};

int cursor_file_range(CXCursor c, struct file_range *r);

/*
 * The text of a file of the translation unit, or NULL.  Kept for the
 * unit: clang_getFileContents looks a header up by a walk over every
 * file and macro expansion the unit has (half a million steps a call in
 * mm/memory.c); forget_file_texts() when the unit goes.
 */
const char *file_text(CXTranslationUnit tu, CXFile file, size_t *size);
void forget_file_texts(void);
void tokenize_range(struct tokens *t, CXTranslationUnit tu,
		    const struct file_range *r);
void tokenize_cursor(struct tokens *t, CXTranslationUnit tu, CXCursor c);
void release_tokens(struct tokens *t);

int token_is(const struct tokens *t, unsigned int i, const char *spelling);
int token_contains(const struct tokens *t, unsigned int i, const char *s);
unsigned int token_offset(const struct tokens *t, unsigned int i);
char *token_spelling(const struct tokens *t, unsigned int i);

/*
 * Compact source text: whitespace collapsed, a final ";" dropped, cut to
 * about max chars.
 */
char *range_text(CXTranslationUnit tu, const struct file_range *r, size_t max);
char *cursor_text(CXTranslationUnit tu, CXCursor c, size_t max);

/* Does the text read as one piece: brackets balanced, no top-level ","? */
int is_one_piece(CXTranslationUnit tu, const struct file_range *r);

#endif
