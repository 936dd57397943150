// SPDX-License-Identifier: GPL-2.0
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>

#include "parse/cursor.h"
#include "parse/tokens.h"
#include "lib/util.h"

/* "asm volatile inline goto (" fits in this many bytes */
#define ASM_HEAD_WINDOW 64

static enum CXChildVisitResult add_child(CXCursor c, CXCursor parent,
					 CXClientData data)
{
	struct cursor_list *list = data;

	(void)parent;
	ALLOC_GROW(list->items, list->nr, list->alloc);
	list->items[list->nr++] = c;
	return CXChildVisit_Continue;
}

void children_of(CXCursor c, struct cursor_list *list)
{
	list->nr = 0;
	clang_visitChildren(c, add_child, list);
}

void release_cursor_list(struct cursor_list *list)
{
	free(list->items);
	memset(list, 0, sizeof(*list));
}

enum CXBinaryOperatorKind binary_op(CXCursor c)
{
	if (!is_kind(c, CXCursor_BinaryOperator))
		return CXBinaryOperator_Invalid;
	return clang_getCursorBinaryOperatorKind(c);
}

enum CXUnaryOperatorKind unary_op(CXCursor c)
{
	if (!is_kind(c, CXCursor_UnaryOperator))
		return CXUnaryOperator_Invalid;
	return clang_getCursorUnaryOperatorKind(c);
}

struct only_child {
	CXCursor child;
	int nr;
};

static enum CXChildVisitResult take_only_child(CXCursor c, CXCursor parent,
					       CXClientData data)
{
	struct only_child *only = data;

	(void)parent;
	only->child = c;
	return ++only->nr > 1 ? CXChildVisit_Break : CXChildVisit_Continue;
}

/* The single child of c, or a null cursor when it has 0 or several. */
static CXCursor only_child(CXCursor c)
{
	struct only_child only = { clang_getNullCursor(), 0 };

	clang_visitChildren(c, take_only_child, &only);
	return only.nr == 1 ? only.child : clang_getNullCursor();
}

static int is_transparent(CXCursor c)
{
	switch (clang_getCursorKind(c)) {
	case CXCursor_ParenExpr:
	case CXCursor_UnexposedExpr: /* implicit casts among others */
		return 1;
	case CXCursor_UnaryOperator:
		return unary_op(c) == CXUnaryOperator_Extension;
	default:
		return 0;
	}
}

CXCursor skip_parens(CXCursor c)
{
	while (is_transparent(c)) {
		CXCursor child = only_child(c);

		if (clang_Cursor_isNull(child))
			break;
		c = child;
	}
	return c;
}

char *callee_name(CXCursor call)
{
	CXCursor callee = clang_getCursorReferenced(call);
	CXString s;
	char *name;

	if (!is_kind(callee, CXCursor_FunctionDecl))
		return NULL;
	s = clang_getCursorSpelling(callee);
	name = xstrdup(clang_getCString(s));
	clang_disposeString(s);
	return name;
}

int is_call_to(CXCursor call, const char *name)
{
	char *callee;
	int ret;

	if (!is_kind(call, CXCursor_CallExpr))
		return 0;
	callee = callee_name(call);
	ret = callee && !strcmp(callee, name);
	free(callee);
	return ret;
}

static const char *const pure_builtins[] = {
	"__builtin_constant_p",
	"__builtin_expect",
	"__builtin_expect_with_probability",
	"__builtin_object_size",
	"__builtin_dynamic_object_size",
	"__builtin_classify_type",
};

int is_pure_builtin_call(CXCursor call)
{
	char *callee = callee_name(call);
	size_t i;
	int ret = 0;

	for (i = 0; callee && i < ARRAY_SIZE(pure_builtins) && !ret; i++)
		ret = !strcmp(callee, pure_builtins[i]);
	free(callee);
	return ret;
}

static int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && !strcmp(s + n - m, suffix);
}

/*
 * GNU __attribute__((noreturn)) (the kernel's __noreturn) is part of the
 * function type, and libclang shows it only in the type's spelling.
 */
static int type_is_noreturn(CXType type)
{
	CXString s;
	int ret;

	type = clang_getCanonicalType(type);
	if (type.kind == CXType_Pointer)
		type = clang_getCanonicalType(clang_getPointeeType(type));
	if (type.kind != CXType_FunctionProto &&
	    type.kind != CXType_FunctionNoProto)
		return 0;
	s = clang_getTypeSpelling(type);
	ret = ends_with(clang_getCString(s), "__attribute__((noreturn))");
	clang_disposeString(s);
	return ret;
}

/*
 * Does the text of r, or the start of a token it ends on, hold s?  A
 * cheap test before tokens: clang_getLocationForOffset is not.
 */
#define LAST_TOKEN_MAX 64

static int text_near(CXTranslationUnit tu, const struct file_range *r,
		     const char *s)
{
	size_t size = 0, end;
	const char *text = file_text(tu, r->file, &size);

	if (!text || r->begin >= size)
		return 0;
	end = r->end + LAST_TOKEN_MAX < size ? r->end + LAST_TOKEN_MAX : size;
	return memmem(text + r->begin, end - r->begin, s, strlen(s)) != NULL;
}

struct attr_search {
	CXTranslationUnit tu;
	int found;
};

/* C11 _Noreturn and [[noreturn]] are declaration attributes, unexposed. */
static enum CXChildVisitResult find_noreturn_attr(CXCursor c, CXCursor parent,
						  CXClientData data)
{
	struct attr_search *search = data;
	struct file_range r;
	struct tokens t;

	(void)parent;
	if (!is_kind(c, CXCursor_UnexposedAttr) || cursor_file_range(c, &r) ||
	    !text_near(search->tu, &r, "oreturn"))
		return CXChildVisit_Continue;
	tokenize_range(&t, search->tu, &r);
	search->found = token_contains(&t, 0, "noreturn") ||
			token_contains(&t, 0, "Noreturn");
	release_tokens(&t);
	return search->found ? CXChildVisit_Break : CXChildVisit_Continue;
}

/*
 * What each callee's attributes said, for the translation unit parsed:
 * tokenizing them cost a third of a file's analysis when asked again at
 * every call (clang_getLocationForOffset).
 */
#define NORETURN_BUCKETS 4096

struct noreturn_memo {
	CXCursor decl;
	int noreturn;
	struct noreturn_memo *next;
};

static struct noreturn_memo *noreturn_memos[NORETURN_BUCKETS];

void forget_noreturn_calls(void)
{
	struct noreturn_memo *m, *next;
	int i;

	for (i = 0; i < NORETURN_BUCKETS; i++) {
		for (m = noreturn_memos[i]; m; m = next) {
			next = m->next;
			free(m);
		}
		noreturn_memos[i] = NULL;
	}
}

static int decl_is_noreturn(CXTranslationUnit tu, CXCursor decl)
{
	struct attr_search search = { tu, 0 };
	struct noreturn_memo **bucket, *m;

	if (!is_kind(decl, CXCursor_FunctionDecl))
		return 0;
	bucket = &noreturn_memos[clang_hashCursor(decl) % NORETURN_BUCKETS];
	for (m = *bucket; m; m = m->next)
		if (clang_equalCursors(m->decl, decl))
			return m->noreturn;
	clang_visitChildren(decl, find_noreturn_attr, &search);
	m = xmalloc(sizeof(*m));
	*m = (struct noreturn_memo){ decl, search.found, *bucket };
	*bucket = m;
	return search.found;
}

/* The first child of a CallExpr is the callee expression. */
static CXCursor callee_expr(CXCursor call)
{
	struct cursor_list children = { NULL, 0, 0 };
	CXCursor callee = clang_getNullCursor();

	children_of(call, &children);
	if (children.nr)
		callee = children.items[0];
	release_cursor_list(&children);
	return callee;
}

int call_is_noreturn(CXTranslationUnit tu, CXCursor call)
{
	CXCursor callee = callee_expr(call);

	if (!clang_Cursor_isNull(callee) &&
	    type_is_noreturn(clang_getCursorType(callee)))
		return 1;
	return decl_is_noreturn(tu, clang_getCursorReferenced(call));
}

/*
 * libclang has no asm goto flag, and a macro use (asm_volatile_goto(),
 * unsafe_get_user()) hides the keyword: read the tokens where the asm
 * is spelled, which may be a #define, up to its "(".
 */
int is_asm_goto(CXTranslationUnit tu, CXCursor stmt)
{
	struct file_range r;
	struct tokens t;
	size_t size;
	unsigned int i;
	int found = 0;

	clang_getSpellingLocation(clang_getCursorLocation(stmt), &r.file, NULL,
				  NULL, &r.begin);
	if (!r.file || !file_text(tu, r.file, &size))
		return 0;
	r.end = size - r.begin > ASM_HEAD_WINDOW ? r.begin + ASM_HEAD_WINDOW :
						   size;
	tokenize_range(&t, tu, &r);
	for (i = 1; i < t.nr && !found && !token_is(&t, i, "("); i++)
		found = token_is(&t, i, "goto");
	release_tokens(&t);
	return found;
}

static int same_extent(CXCursor a, CXCursor b)
{
	return clang_equalRanges(clang_getCursorExtent(a),
				 clang_getCursorExtent(b));
}

int is_gnu_conditional(CXCursor c, const struct cursor_list *children)
{
	const CXCursor *ch = children->items;

	return is_kind(c, CXCursor_UnexposedExpr) && children->nr == 4 &&
	       same_extent(ch[0], ch[1]) && same_extent(ch[1], ch[2]);
}

static int is_assignment(CXCursor c)
{
	enum CXBinaryOperatorKind op = binary_op(c);

	return op == CXBinaryOperator_Assign ||
	       is_kind(c, CXCursor_CompoundAssignOperator);
}

static int is_increment(CXCursor c)
{
	enum CXUnaryOperatorKind op = unary_op(c);

	return op == CXUnaryOperator_PostInc || op == CXUnaryOperator_PostDec ||
	       op == CXUnaryOperator_PreInc || op == CXUnaryOperator_PreDec;
}

static int is_effect(CXCursor c)
{
	if (is_kind(c, CXCursor_CallExpr))
		return !is_pure_builtin_call(c);
	return is_kind(c, CXCursor_StmtExpr) || is_assignment(c) ||
	       is_increment(c);
}

static enum CXChildVisitResult find_effect(CXCursor c, CXCursor parent,
					   CXClientData data)
{
	int *found = data;

	(void)parent;
	if (is_kind(c, CXCursor_UnaryExpr)) /* sizeof: not evaluated */
		return CXChildVisit_Continue;
	*found = is_effect(c);
	return *found ? CXChildVisit_Break : CXChildVisit_Recurse;
}

int has_side_effects(CXCursor c)
{
	int found = is_effect(c);

	if (!found)
		clang_visitChildren(c, find_effect, &found);
	return found;
}

static enum CXChildVisitResult find_write(CXCursor c, CXCursor parent,
					  CXClientData data)
{
	int *found = data;

	(void)parent;
	if (is_kind(c, CXCursor_UnaryExpr) || is_kind(c, CXCursor_StmtExpr))
		return CXChildVisit_Continue;
	*found = is_assignment(c) || is_increment(c);
	return *found ? CXChildVisit_Break : CXChildVisit_Recurse;
}

int has_writes(CXCursor c)
{
	int found = is_assignment(c) || is_increment(c);

	if (!found)
		clang_visitChildren(c, find_write, &found);
	return found;
}

/*
 * clang_Cursor_Evaluate folds "(f(), 3)" to 3, so an expression with
 * side effects is never folded here.
 */
int eval_int(CXCursor c, long long *value)
{
	CXEvalResult res;
	int ok;

	if (!clang_isExpression(clang_getCursorKind(c)) || has_side_effects(c))
		return 0;
	res = clang_Cursor_Evaluate(c);
	if (!res)
		return 0;
	ok = clang_EvalResult_getKind(res) == CXEval_Int;
	if (ok)
		*value = clang_EvalResult_getAsLongLong(res);
	clang_EvalResult_dispose(res);
	return ok;
}
