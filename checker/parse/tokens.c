// SPDX-License-Identifier: GPL-2.0
#include <stdlib.h>
#include <string.h>

#include "parse/tokens.h"
#include "lib/util.h"

static void file_offset(CXSourceLocation loc, CXFile *file,
			unsigned int *offset)
{
	clang_getFileLocation(loc, file, NULL, NULL, offset);
}

/*
 * clang_getFileLocation maps a macro argument to where it is spelled and
 * any other macro location to the macro use site: the place a user reads.
 * If the two ends disagree (a range that starts in a macro argument and
 * ends in the macro body), fall back to the whole use site.
 */
int cursor_file_range(CXCursor c, struct file_range *r)
{
	CXSourceRange ext = clang_getCursorExtent(c);
	CXSourceLocation b = clang_getRangeStart(ext);
	CXSourceLocation e = clang_getRangeEnd(ext);
	CXFile end_file;

	file_offset(b, &r->file, &r->begin);
	file_offset(e, &end_file, &r->end);
	if (r->file && clang_File_isEqual(r->file, end_file) &&
	    r->begin < r->end)
		return 0;
	clang_getExpansionLocation(b, &r->file, NULL, NULL, &r->begin);
	clang_getExpansionLocation(e, &end_file, NULL, NULL, &r->end);
	if (r->file && clang_File_isEqual(r->file, end_file) &&
	    r->begin < r->end)
		return 0;
	return -1;
}

struct file_text {
	CXTranslationUnit tu;
	CXFile file;
	const char *text;
	size_t size;
};

static struct file_text *file_texts;
static int nr_file_texts, alloc_file_texts;

const char *file_text(CXTranslationUnit tu, CXFile file, size_t *size)
{
	struct file_text *ft;
	int i;

	for (i = 0; i < nr_file_texts; i++) {
		ft = &file_texts[i];
		if (ft->tu == tu && clang_File_isEqual(ft->file, file)) {
			*size = ft->size;
			return ft->text;
		}
	}
	ALLOC_GROW(file_texts, nr_file_texts, alloc_file_texts);
	ft = &file_texts[nr_file_texts++];
	*ft = (struct file_text){ tu, file, NULL, 0 };
	ft->text = clang_getFileContents(tu, file, &ft->size);
	*size = ft->size;
	return ft->text;
}

void forget_file_texts(void)
{
	free(file_texts);
	file_texts = NULL;
	nr_file_texts = alloc_file_texts = 0;
}

void tokenize_range(struct tokens *t, CXTranslationUnit tu,
		    const struct file_range *r)
{
	CXSourceRange range = clang_getRange(
		clang_getLocationForOffset(tu, r->file, r->begin),
		clang_getLocationForOffset(tu, r->file, r->end));

	t->tu = tu;
	clang_tokenize(tu, range, &t->tok, &t->nr);
}

void tokenize_cursor(struct tokens *t, CXTranslationUnit tu, CXCursor c)
{
	struct file_range r;

	t->tu = tu;
	t->tok = NULL;
	t->nr = 0;
	if (!cursor_file_range(c, &r))
		tokenize_range(t, tu, &r);
}

void release_tokens(struct tokens *t)
{
	if (t->tok)
		clang_disposeTokens(t->tu, t->tok, t->nr);
	t->tok = NULL;
	t->nr = 0;
}

char *token_spelling(const struct tokens *t, unsigned int i)
{
	CXString s = clang_getTokenSpelling(t->tu, t->tok[i]);
	char *ret = xstrdup(clang_getCString(s));

	clang_disposeString(s);
	return ret;
}

int token_is(const struct tokens *t, unsigned int i, const char *spelling)
{
	CXString s;
	int ret;

	if (i >= t->nr)
		return 0;
	s = clang_getTokenSpelling(t->tu, t->tok[i]);
	ret = !strcmp(clang_getCString(s), spelling);
	clang_disposeString(s);
	return ret;
}

int token_contains(const struct tokens *t, unsigned int i, const char *sub)
{
	CXString s;
	int ret;

	if (i >= t->nr)
		return 0;
	s = clang_getTokenSpelling(t->tu, t->tok[i]);
	ret = strstr(clang_getCString(s), sub) != NULL;
	clang_disposeString(s);
	return ret;
}

unsigned int token_offset(const struct tokens *t, unsigned int i)
{
	unsigned int offset;

	file_offset(clang_getTokenLocation(t->tu, t->tok[i]), NULL, &offset);
	return offset;
}

static unsigned int token_end(const struct tokens *t, unsigned int i)
{
	CXSourceRange ext = clang_getTokenExtent(t->tu, t->tok[i]);
	unsigned int offset;

	file_offset(clang_getRangeEnd(ext), NULL, &offset);
	return offset;
}

struct text {
	char *buf;
	size_t len, alloc;
};

static void text_append(struct text *txt, const char *s)
{
	size_t n = strlen(s);

	while (txt->len + n + 1 > txt->alloc) {
		txt->alloc = txt->alloc ? 2 * txt->alloc : 64;
		txt->buf = xrealloc(txt->buf, txt->alloc);
	}
	memcpy(txt->buf + txt->len, s, n + 1);
	txt->len += n;
}

static void text_truncate(struct text *txt, size_t max)
{
	if (txt->len <= max || max < 4)
		return;
	strcpy(txt->buf + max - 3, "...");
	txt->len = max;
}

/* Tokens joined by one space where the source had any whitespace. */
static void append_tokens(struct text *txt, const struct tokens *t, size_t max)
{
	unsigned int i, prev_end = 0;

	for (i = 0; i < t->nr && txt->len <= max; i++) {
		CXString s;

		if (clang_getTokenKind(t->tok[i]) == CXToken_Comment)
			continue;
		if (txt->len && token_offset(t, i) > prev_end)
			text_append(txt, " ");
		s = clang_getTokenSpelling(t->tu, t->tok[i]);
		text_append(txt, clang_getCString(s));
		clang_disposeString(s);
		prev_end = token_end(t, i);
	}
}

static void drop_semicolon(struct text *txt)
{
	if (txt->len && txt->buf[txt->len - 1] == ';')
		txt->buf[--txt->len] = '\0';
}

char *range_text(CXTranslationUnit tu, const struct file_range *r, size_t max)
{
	struct text txt = { NULL, 0, 0 };
	struct tokens t;

	text_append(&txt, "");
	tokenize_range(&t, tu, r);
	append_tokens(&txt, &t, max);
	release_tokens(&t);
	drop_semicolon(&txt);
	text_truncate(&txt, max);
	return txt.buf;
}

char *cursor_text(CXTranslationUnit tu, CXCursor c, size_t max)
{
	struct file_range r;
	CXString s;
	char *text;

	if (!cursor_file_range(c, &r))
		return range_text(tu, &r, max);
	s = clang_getCursorSpelling(c);
	text = xstrdup(clang_getCString(s));
	clang_disposeString(s);
	return text;
}

static int bracket_depth(const struct tokens *t, unsigned int i)
{
	if (token_is(t, i, "(") || token_is(t, i, "[") || token_is(t, i, "{"))
		return 1;
	if (token_is(t, i, ")") || token_is(t, i, "]") || token_is(t, i, "}"))
		return -1;
	return 0;
}

int is_one_piece(CXTranslationUnit tu, const struct file_range *r)
{
	struct tokens t;
	unsigned int i;
	int depth = 0;

	tokenize_range(&t, tu, r);
	for (i = 0; i < t.nr && depth >= 0; i++) {
		if (!depth && token_is(&t, i, ","))
			depth = -1;
		else
			depth += bracket_depth(&t, i);
	}
	release_tokens(&t);
	return depth == 0;
}
