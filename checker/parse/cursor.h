/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Small questions about cursors that libclang does not answer directly:
 * children as an array, operators, callees, noreturn, constants.
 */
#ifndef MMUCHECK_CURSOR_H
#define MMUCHECK_CURSOR_H

#include <clang-c/Index.h>

struct cursor_list {
	CXCursor *items;
	int nr, alloc;
};

void children_of(CXCursor c, struct cursor_list *list);
void release_cursor_list(struct cursor_list *list);

static inline int is_kind(CXCursor c, enum CXCursorKind kind)
{
	return clang_getCursorKind(c) == kind;
}

enum CXBinaryOperatorKind binary_op(CXCursor c);
enum CXUnaryOperatorKind unary_op(CXCursor c);

/* Look through parentheses, implicit casts and __extension__. */
CXCursor skip_parens(CXCursor c);

/* The called function's name; NULL for a call through a pointer. */
char *callee_name(CXCursor call);
int is_call_to(CXCursor call, const char *name);
/* A builtin without effects that is not worth an event (__builtin_expect). */
int is_pure_builtin_call(CXCursor call);
int call_is_noreturn(CXTranslationUnit tu, CXCursor call);
/* Before the translation unit is disposed: its callees are remembered. */
void forget_noreturn_calls(void);

/* Is this GCCAsmStmt an asm goto? */
int is_asm_goto(CXTranslationUnit tu, CXCursor stmt);

/* GNU "a ?: b": an UnexposedExpr whose first three children are "a". */
int is_gnu_conditional(CXCursor c, const struct cursor_list *children);

/* Assignments, increments, calls with effects or statement expressions. */
int has_side_effects(CXCursor c);

/* Assignments or increments, outside statement expressions. */
int has_writes(CXCursor c);

/* Fold an expression without side effects to an integer. */
int eval_int(CXCursor c, long long *value);

struct for_parts {
	CXCursor init, cond, inc, body; /* null cursors when absent */
};

/*
 * libclang gives a ForStmt only its present children: "for (;;)" has
 * just the body.  Work out which is which; -1 if it had to guess.
 */
int for_parts(CXTranslationUnit tu, CXCursor stmt, struct for_parts *parts);
#endif
