// SPDX-License-Identifier: GPL-2.0
/*
 * Recover init, condition and increment of a ForStmt.  With all three
 * present or none the children say it; otherwise the positions of the
 * header's ";" and ")" tokens do.  They are read where the "for" keyword
 * is spelled: in the file, or in the #define of a macro that wrote the
 * loop (for_each_cpu() has no increment), and each child is placed by
 * where its first token, operator or last token is spelled.
 */

#include "parse/cursor.h"
#include "parse/tokens.h"
#include "lib/util.h"

/* How far after "for" to look for the ")" of its header. */
#define HEADER_WINDOW 4096

/* Offsets of the two ";" and the ")" of a "for (...)" header. */
struct for_header {
	unsigned int lparen, semi[2], rparen;
};

static int depth_change(const struct tokens *t, unsigned int i)
{
	if (token_is(t, i, "(") || token_is(t, i, "[") || token_is(t, i, "{"))
		return 1;
	if (token_is(t, i, ")") || token_is(t, i, "]") || token_is(t, i, "}"))
		return -1;
	return 0;
}

static int scan_header(const struct tokens *t, struct for_header *h)
{
	unsigned int i, nr_semi = 0;
	int depth = 0;

	if (!token_is(t, 0, "for") || !token_is(t, 1, "("))
		return -1;
	h->lparen = token_offset(t, 1);
	for (i = 2; i < t->nr; i++) {
		if (!depth && token_is(t, i, ")")) {
			h->rparen = token_offset(t, i);
			return nr_semi == 2 ? 0 : -1;
		}
		if (!depth && token_is(t, i, ";")) {
			if (nr_semi == 2)
				return -1;
			h->semi[nr_semi++] = token_offset(t, i);
		}
		depth += depth_change(t, i);
	}
	return -1;
}

static CXCursor *slot_for(struct for_parts *p, const struct for_header *h,
			  unsigned int offset)
{
	if (offset <= h->lparen || offset > h->rparen)
		return NULL;
	if (offset < h->semi[0])
		return &p->init;
	if (offset < h->semi[1])
		return &p->cond;
	return &p->inc;
}

static int spelled_in(CXSourceLocation loc, CXFile file, unsigned int *offset)
{
	CXFile spelled;

	clang_getSpellingLocation(loc, &spelled, NULL, NULL, offset);
	return spelled && clang_File_isEqual(spelled, file);
}

/* A macro argument is spelled elsewhere: try the operator, the end. */
static CXCursor *slot_of_child(struct for_parts *p, const struct for_header *h,
			       CXFile file, CXCursor child)
{
	CXSourceRange ext = clang_getCursorExtent(child);
	CXSourceLocation where[3] = {
		clang_getRangeStart(ext),
		clang_getCursorLocation(child),
		clang_getRangeEnd(ext),
	};
	unsigned int i, offset;
	CXCursor *slot;

	for (i = 0; i < ARRAY_SIZE(where); i++) {
		if (!spelled_in(where[i], file, &offset))
			continue;
		/* the end is one past the last character */
		slot = slot_for(p, h, i == 2 && offset ? offset - 1 : offset);
		if (slot)
			return slot;
	}
	return NULL;
}

static int read_header(CXTranslationUnit tu, CXCursor stmt,
		       struct for_header *h, CXFile *file)
{
	struct file_range r;
	struct tokens t;
	size_t size;
	int ret;

	clang_getSpellingLocation(clang_getCursorLocation(stmt), file, NULL,
				  NULL, &r.begin);
	if (!*file || !file_text(tu, *file, &size))
		return -1;
	r.file = *file;
	r.end = size - r.begin > HEADER_WINDOW ? r.begin + HEADER_WINDOW : size;
	tokenize_range(&t, tu, &r);
	ret = scan_header(&t, h);
	release_tokens(&t);
	return ret;
}

static int parts_from_tokens(CXTranslationUnit tu, CXCursor stmt,
			     const struct cursor_list *ch, struct for_parts *p)
{
	struct for_header h;
	CXFile file = NULL;
	int i;

	if (read_header(tu, stmt, &h, &file))
		return -1;
	for (i = 0; i < ch->nr - 1; i++) {
		CXCursor *slot = slot_of_child(p, &h, file, ch->items[i]);

		if (!slot || !clang_Cursor_isNull(*slot))
			return -1;
		*slot = ch->items[i];
	}
	return 0;
}

static void clear_parts(struct for_parts *p)
{
	p->init = p->cond = p->inc = p->body = clang_getNullCursor();
}

/* Last resort: the condition is the likeliest part to be written. */
static void guess_parts(const struct cursor_list *ch, struct for_parts *p)
{
	clear_parts(p);
	p->cond = ch->items[0];
	if (ch->nr == 3)
		p->inc = ch->items[1];
}

static int ambiguous_parts(CXTranslationUnit tu, CXCursor stmt,
			   const struct cursor_list *ch, struct for_parts *p)
{
	if (!parts_from_tokens(tu, stmt, ch, p))
		return 0;
	guess_parts(ch, p);
	return -1;
}

int for_parts(CXTranslationUnit tu, CXCursor stmt, struct for_parts *p)
{
	struct cursor_list ch = { NULL, 0, 0 };
	int ret = 0;

	clear_parts(p);
	children_of(stmt, &ch);
	if (ch.nr == 4) {
		p->init = ch.items[0];
		p->cond = ch.items[1];
		p->inc = ch.items[2];
	} else if (ch.nr == 2 || ch.nr == 3) {
		ret = ambiguous_parts(tu, stmt, &ch, p);
	}
	if (ch.nr)
		p->body = ch.items[ch.nr - 1];
	release_cursor_list(&ch);
	return ret;
}
