// SPDX-License-Identifier: GPL-2.0
/*
 * What the program itself says about an expression on the current path:
 * a branch on it, or a constant assigned to it.  Facts are kept by the
 * expression's source text and dropped when anything in that text may
 * have been written: an assignment to a variable it names, a call that
 * gets the variable's address or a pointer it dereferences.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "parse/cursor.h"
#include "parse/tokens.h"
#include "lib/util.h"
#include "walk/walk.h"

#define FACT_TEXT_MAX 200

struct text_entry {
	CXCursor cursor;
	const char *text;
};

struct text_cache {
	struct text_entry *entries; /* open addressing */
	size_t size, used;
};

static struct text_cache *cache_new(size_t size)
{
	struct text_cache *tc = xcalloc(1, sizeof(*tc));

	tc->size = size;
	tc->entries = xcalloc(size, sizeof(*tc->entries));
	return tc;
}

static size_t cache_probe(const struct text_cache *tc, CXCursor c)
{
	size_t mask = tc->size - 1, i = clang_hashCursor(c) & mask;

	while (tc->entries[i].text &&
	       !clang_equalCursors(tc->entries[i].cursor, c))
		i = (i + 1) & mask;
	return i;
}

static void cache_grow(struct walk *w)
{
	struct text_cache *old = w->texts, *tc = cache_new(old->size * 2);
	size_t i;

	for (i = 0; i < old->size; i++)
		if (old->entries[i].text)
			tc->entries[cache_probe(tc, old->entries[i].cursor)] =
				old->entries[i];
	tc->used = old->used;
	free(old->entries);
	free(old);
	w->texts = tc;
}

void text_cache_free(struct text_cache *tc)
{
	if (!tc)
		return;
	free(tc->entries);
	free(tc);
}

/* The compact source text of an expression, interned and cached. */
const char *expr_text(struct walk *w, CXCursor c)
{
	struct text_entry *e;
	char *text;

	if (!w->texts)
		w->texts = cache_new(64);
	if (2 * (w->texts->used + 1) > w->texts->size)
		cache_grow(w);
	e = &w->texts->entries[cache_probe(w->texts, c)];
	if (e->text)
		return e->text;
	text = cursor_text(w->tu, skip_parens(c), FACT_TEXT_MAX);
	e->cursor = c;
	e->text = walk_intern(w, text);
	w->texts->used++;
	free(text);
	return e->text;
}

static int is_ident_char(char ch)
{
	return isalnum((unsigned char)ch) || ch == '_';
}

/* Does text name the identifier as a whole word? */
static const char *find_word(const char *text, const char *word)
{
	size_t n = strlen(word);
	const char *p = text;

	while ((p = strstr(p, word))) {
		if ((p == text || !is_ident_char(p[-1])) &&
		    !is_ident_char(p[n]))
			return p;
		p += n;
	}
	return NULL;
}

/* ...or something the pointer points to ("p->x", "*p", "p[i]")? */
static int derefs_word(const char *text, const char *word)
{
	const char *p = text;
	size_t n = strlen(word);

	while ((p = find_word(p, word))) {
		if (!strncmp(p + n, "->", 2) || p[n] == '[' ||
		    (p > text && p[-1] == '*'))
			return 1;
		p += n;
	}
	return 0;
}

static void drop_facts(struct state *st, const char *word, int deref_only)
{
	int i, kept = 0;

	for (i = 0; i < st->nr_facts; i++) {
		const char *text = st->facts[i].text;
		int hit = deref_only ? derefs_word(text, word) :
				       find_word(text, word) != NULL;

		if (!hit)
			st->facts[kept++] = st->facts[i];
	}
	st->nr_facts = kept;
}

static struct fact *find_fact(struct state *st, const char *text)
{
	int i;

	for (i = 0; i < st->nr_facts; i++)
		if (st->facts[i].text == text)
			return &st->facts[i];
	return NULL;
}

static void set_fact(struct state *st, const char *text, int exact,
		     long long value, int from_branch)
{
	struct fact *f = find_fact(st, text);
	int i;

	if (!f) {
		ALLOC_GROW(st->facts, st->nr_facts, st->alloc_facts);
		for (i = st->nr_facts;
		     i > 0 && strcmp(st->facts[i - 1].text, text) > 0; i--)
			st->facts[i] = st->facts[i - 1];
		f = &st->facts[i];
		st->nr_facts++;
	}
	f->text = text;
	f->exact = exact;
	f->value = value;
	f->from_branch = from_branch;
}

void drop_branch_facts(struct state *st)
{
	int i, kept = 0;

	for (i = 0; i < st->nr_facts; i++)
		if (!st->facts[i].from_branch)
			st->facts[kept++] = st->facts[i];
	st->nr_facts = kept;
}

/* The variable an lvalue is rooted in: "range" for "range.start". */
static char *root_word(const char *text)
{
	const char *p = text;
	size_t n;

	while (*p && !is_ident_char(*p))
		p++;
	for (n = 0; is_ident_char(p[n]); n++)
		;
	return xstrndup(p, n);
}

static CXCursor nth_child(CXCursor c, int n)
{
	struct cursor_list list = { NULL, 0, 0 };
	CXCursor ret = clang_getNullCursor();

	children_of(c, &list);
	if (n < list.nr)
		ret = list.items[n];
	release_cursor_list(&list);
	return ret;
}

static int times_tested(const struct walk *w, const char *text)
{
	int i;

	for (i = 0; i < w->nr_tested; i++)
		if (w->tested[i].text == text)
			return w->tested[i].count;
	return 0;
}

static void add_test(struct walk *w, const char *text)
{
	int i;

	for (i = 0; i < w->nr_tested; i++)
		if (w->tested[i].text == text) {
			w->tested[i].count++;
			return;
		}
	ALLOC_GROW(w->tested, w->nr_tested, w->alloc_tested);
	w->tested[w->nr_tested].text = text;
	w->tested[w->nr_tested++].count = 1;
}

/* "a < b" reads a and b, "!a" reads a: facts about them can decide it. */
static void add_operands(struct walk *w, CXCursor cond)
{
	enum CXBinaryOperatorKind op = binary_op(cond);

	if (unary_op(cond) == CXUnaryOperator_LNot) {
		add_test(w, expr_text(w, nth_child(cond, 0)));
	} else if (op >= CXBinaryOperator_LT && op <= CXBinaryOperator_NE) {
		add_test(w, expr_text(w, nth_child(cond, 0)));
		add_test(w, expr_text(w, nth_child(cond, 1)));
	}
}

/*
 * A fact is worth its place in the state only if a test can use it:
 * without this, every branch taken would split the paths for good.
 */
void count_tests(struct walk *w)
{
	int i, j;

	for (i = 0; i < w->cfg->nr_blocks; i++) {
		const struct basic_block *bb = w->cfg->blocks[i];

		for (j = 0; j < bb->nr_succs; j++) {
			CXCursor cond = bb->succs[j].cond;

			if (bb->succs[j].kind != EDGE_TRUE)
				continue;
			add_test(w, expr_text(w, cond));
			add_operands(w, skip_parens(cond));
		}
	}
}

static void written(struct walk *w, CXCursor lhs, CXCursor rhs)
{
	const char *text = expr_text(w, lhs);
	char *root = root_word(text);
	long long value;

	if (*root)
		drop_facts(w->cur, root, 0);
	free(root);
	if (!clang_Cursor_isNull(rhs) && times_tested(w, text) &&
	    eval_int(rhs, &value))
		set_fact(w->cur, text, 1, value, 0);
}

static void var_decl(struct walk *w, CXCursor decl)
{
	CXString name = clang_getCursorSpelling(decl);
	const char *text = walk_intern(w, clang_getCString(name));
	struct cursor_list list = { NULL, 0, 0 };
	long long value;

	clang_disposeString(name);
	drop_facts(w->cur, text, 0);
	children_of(decl, &list);
	if (list.nr && times_tested(w, text) &&
	    eval_int(list.items[list.nr - 1], &value))
		set_fact(w->cur, text, 1, value, 0);
	release_cursor_list(&list);
}

static enum CXChildVisitResult find_writes(CXCursor c, CXCursor parent,
					   CXClientData data)
{
	struct walk *w = data;
	enum CXUnaryOperatorKind uop = unary_op(c);

	(void)parent;
	if (is_kind(c, CXCursor_UnaryExpr) || is_kind(c, CXCursor_StmtExpr))
		return CXChildVisit_Continue;
	if (binary_op(c) == CXBinaryOperator_Assign)
		written(w, nth_child(c, 0), nth_child(c, 1));
	else if (is_kind(c, CXCursor_CompoundAssignOperator))
		written(w, nth_child(c, 0), clang_getNullCursor());
	else if (uop >= CXUnaryOperator_PostInc &&
		 uop <= CXUnaryOperator_PreDec)
		written(w, nth_child(c, 0), clang_getNullCursor());
	else if (is_kind(c, CXCursor_VarDecl))
		var_decl(w, c);
	return CXChildVisit_Recurse;
}

/* A call may write what it gets the address of, or a pointer's target. */
static void call_args(struct walk *w, CXCursor call)
{
	int i, n = clang_Cursor_getNumArguments(call);

	for (i = 0; i < n; i++) {
		CXCursor arg = skip_parens(clang_Cursor_getArgument(call, i));
		char *root = root_word(expr_text(w, arg));

		if (*root)
			drop_facts(w->cur, root,
				   unary_op(arg) != CXUnaryOperator_AddrOf);
		free(root);
	}
}

void facts_after_event(struct walk *w, const struct event *ev)
{
	if (ev->kind == EVENT_CALL) {
		call_args(w, ev->cursor);
		return;
	}
	if (ev->kind != EVENT_STMT)
		return;
	if (find_writes(ev->cursor, clang_getNullCursor(), w) ==
	    CXChildVisit_Recurse)
		clang_visitChildren(ev->cursor, find_writes, w);
}

static int fact_truth(const struct fact *f)
{
	return f->exact ? f->value != 0 : 1;
}

static int compare(enum CXBinaryOperatorKind op, long long a, long long b)
{
	switch (op) {
	case CXBinaryOperator_EQ:
		return a == b;
	case CXBinaryOperator_NE:
		return a != b;
	case CXBinaryOperator_LT:
		return a < b;
	case CXBinaryOperator_GT:
		return a > b;
	case CXBinaryOperator_LE:
		return a <= b;
	case CXBinaryOperator_GE:
		return a >= b;
	default:
		return -1;
	}
}

/* The value of an operand: a constant, or an exact fact; 0 if unknown. */
static int known_value(struct walk *w, CXCursor c, long long *value)
{
	struct fact *f;

	if (eval_int(c, value))
		return 1;
	f = find_fact(w->cur, expr_text(w, c));
	if (!f || !f->exact)
		return 0;
	*value = f->value;
	return 1;
}

/*
 * "x < 0" or "end > start" with known values, "!x" with x known: its
 * truth, or -1.
 */
static int comparison_truth(struct walk *w, CXCursor cond)
{
	enum CXBinaryOperatorKind op = binary_op(cond);
	long long lhs, rhs;
	struct fact *f;

	if (unary_op(cond) == CXUnaryOperator_LNot) {
		f = find_fact(w->cur, expr_text(w, nth_child(cond, 0)));
		return f ? !fact_truth(f) : -1;
	}
	if (compare(op, 0, 0) < 0)
		return -1;
	if (!known_value(w, nth_child(cond, 0), &lhs) ||
	    !known_value(w, nth_child(cond, 1), &rhs))
		return -1;
	return compare(op, lhs, rhs);
}

int facts_branch(struct walk *w, CXCursor cond, int truth)
{
	const char *text = expr_text(w, cond);
	struct fact *f = find_fact(w->cur, text);
	int known = f ? fact_truth(f) : comparison_truth(w, skip_parens(cond));

	if (known >= 0)
		return known == truth;
	if (times_tested(w, text) > 1)
		set_fact(w->cur, text, !truth, 0, 1);
	return 1;
}
