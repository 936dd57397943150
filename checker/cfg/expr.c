// SPDX-License-Identifier: GPL-2.0
/*
 * Expressions and conditions.  In a condition, "&&", "||", "!", "?:",
 * "a ?: b", the comma operator, __builtin_expect() and a statement
 * expression's value are taken apart until a leaf remains; the leaf
 * branches with a true and a false edge.  In a value, the same operators
 * are split into blocks only when their conditional part has effects
 * (a call, an assignment): otherwise they are evaluated in one piece.
 */

#include "cfg/build.h"
#include "parse/cursor.h"
#include "parse/macros.h"
#include "lib/util.h"

static void emit_call(struct builder *b, CXCursor call)
{
	const char *macro;
	struct event *ev;

	if (is_pure_builtin_call(call))
		return;
	ev = add_event(current_block(b, call), EVENT_CALL, call,
		       cursor_pos(call));
	ev->callee = callee_name(call);
	macro = macro_of_cursor(b->macros, call);
	ev->macro = macro ? xstrdup(macro) : NULL;
	if (call_is_noreturn(b->tu, call))
		b->cur = NULL;
}

static void build_children(struct builder *b, const struct cursor_list *ch)
{
	int i;

	for (i = 0; i < ch->nr; i++)
		if (clang_isExpression(clang_getCursorKind(ch->items[i])))
			build_expr(b, ch->items[i]);
}

static void build_logical(struct builder *b, CXCursor expr,
			  const struct cursor_list *ch)
{
	struct basic_block *rhs = new_block(b->cfg, ch->items[1]);
	struct basic_block *join = new_block(b->cfg, clang_getNullCursor());

	if (binary_op(expr) == CXBinaryOperator_LAnd)
		build_cond(b, ch->items[0], rhs, join);
	else
		build_cond(b, ch->items[0], join, rhs);
	b->cur = rhs;
	build_expr(b, ch->items[1]);
	jump_to(b, join);
	b->cur = join;
}

static void build_binary(struct builder *b, CXCursor expr,
			 const struct cursor_list *ch)
{
	enum CXBinaryOperatorKind op = binary_op(expr);

	if ((op == CXBinaryOperator_LAnd || op == CXBinaryOperator_LOr) &&
	    ch->nr == 2 && has_side_effects(ch->items[1]))
		build_logical(b, expr, ch);
	else
		build_children(b, ch);
}

/* Evaluate value in its own block, then go on at join. */
static void build_arm(struct builder *b, struct basic_block *bb, CXCursor value,
		      struct basic_block *join)
{
	b->cur = bb;
	build_expr(b, value);
	jump_to(b, join);
}

static void build_conditional(struct builder *b, const struct cursor_list *ch)
{
	struct basic_block *t, *f, *join;

	if (ch->nr != 3 || (!has_side_effects(ch->items[1]) &&
			    !has_side_effects(ch->items[2]))) {
		build_children(b, ch);
		return;
	}
	t = new_block(b->cfg, ch->items[1]);
	f = new_block(b->cfg, ch->items[2]);
	join = new_block(b->cfg, clang_getNullCursor());
	build_cond(b, ch->items[0], t, f);
	build_arm(b, t, ch->items[1], join);
	build_arm(b, f, ch->items[2], join);
	b->cur = join;
}

/* "a ?: b": a is evaluated once, b only when a is false. */
static void build_gnu_conditional(struct builder *b,
				  const struct cursor_list *ch)
{
	struct basic_block *f, *join;

	if (!has_side_effects(ch->items[3])) {
		build_expr(b, ch->items[0]);
		return;
	}
	f = new_block(b->cfg, ch->items[3]);
	join = new_block(b->cfg, clang_getNullCursor());
	build_cond(b, ch->items[0], join, f);
	build_arm(b, f, ch->items[3], join);
	b->cur = join;
}

void build_expr(struct builder *b, CXCursor expr)
{
	struct cursor_list ch = { NULL, 0, 0 };

	children_of(expr, &ch);
	switch (clang_getCursorKind(expr)) {
	case CXCursor_UnaryExpr: /* sizeof, alignof: not evaluated */
		break;
	case CXCursor_StmtExpr:
		if (ch.nr)
			build_compound(b, ch.items[0]);
		break;
	case CXCursor_CStyleCastExpr: /* the type may hold typeof(expr) */
	case CXCursor_CompoundLiteralExpr:
		if (ch.nr)
			build_expr(b, ch.items[ch.nr - 1]);
		break;
	case CXCursor_BinaryOperator:
		build_binary(b, expr, &ch);
		break;
	case CXCursor_ConditionalOperator:
		build_conditional(b, &ch);
		break;
	case CXCursor_CallExpr:
		build_children(b, &ch);
		emit_call(b, expr);
		break;
	default:
		if (is_gnu_conditional(expr, &ch))
			build_gnu_conditional(b, &ch);
		else
			build_children(b, &ch);
		break;
	}
	release_cursor_list(&ch);
}

static void branch_on(struct builder *b, CXCursor cond, struct basic_block *t,
		      struct basic_block *f)
{
	struct basic_block *bb = current_block(b, cond);

	if (!bb->line)
		bb->line = cursor_pos(cond).line;
	add_edge(bb, t, EDGE_TRUE, cond, clang_getNullCursor());
	add_edge(bb, f, EDGE_FALSE, cond, clang_getNullCursor());
	b->cur = NULL;
}

/* An assignment in a condition is an event of its own. */
static void build_leaf_effects(struct builder *b, CXCursor leaf)
{
	build_expr(b, leaf);
	if (has_writes(leaf))
		emit_stmt(b, leaf);
}

/*
 * A constant leaf (sizeof(x) == 4, a config option) has one way out.
 * __builtin_constant_p() of a non-constant is left to the optimizer by
 * clang; both arms are equivalent by contract, take the runtime one.
 */
static void build_leaf(struct builder *b, CXCursor leaf, struct basic_block *t,
		       struct basic_block *f)
{
	long long value;

	if (eval_int(leaf, &value)) {
		jump_to(b, value ? t : f);
		return;
	}
	if (is_call_to(leaf, "__builtin_constant_p")) {
		jump_to(b, f);
		return;
	}
	build_leaf_effects(b, leaf);
	branch_on(b, leaf, t, f);
}

static int build_logical_cond(struct builder *b, CXCursor cond,
			      const struct cursor_list *ch,
			      struct basic_block *t, struct basic_block *f)
{
	enum CXBinaryOperatorKind op = binary_op(cond);
	struct basic_block *rhs;

	if (ch->nr != 2)
		return 0;
	if (op == CXBinaryOperator_Comma) {
		build_leaf_effects(b, ch->items[0]);
		build_cond(b, ch->items[1], t, f);
		return 1;
	}
	if (op != CXBinaryOperator_LAnd && op != CXBinaryOperator_LOr)
		return 0;
	rhs = new_block(b->cfg, ch->items[1]);
	if (op == CXBinaryOperator_LAnd)
		build_cond(b, ch->items[0], rhs, f);
	else
		build_cond(b, ch->items[0], t, rhs);
	b->cur = rhs;
	build_cond(b, ch->items[1], t, f);
	return 1;
}

static void build_cond_in(struct builder *b, struct basic_block *bb,
			  CXCursor cond, struct basic_block *t,
			  struct basic_block *f)
{
	b->cur = bb;
	build_cond(b, cond, t, f);
}

static void build_conditional_cond(struct builder *b,
				   const struct cursor_list *ch,
				   struct basic_block *t, struct basic_block *f)
{
	struct basic_block *tb = new_block(b->cfg, ch->items[1]);
	struct basic_block *fb = new_block(b->cfg, ch->items[2]);

	build_cond(b, ch->items[0], tb, fb);
	build_cond_in(b, tb, ch->items[1], t, f);
	build_cond_in(b, fb, ch->items[2], t, f);
}

static void build_gnu_conditional_cond(struct builder *b,
				       const struct cursor_list *ch,
				       struct basic_block *t,
				       struct basic_block *f)
{
	struct basic_block *fb = new_block(b->cfg, ch->items[3]);

	build_cond(b, ch->items[0], t, fb);
	build_cond_in(b, fb, ch->items[3], t, f);
}

static struct src_pos end_of(CXCursor c)
{
	return location_pos(clang_getRangeEnd(clang_getCursorExtent(c)));
}

/*
 * ({ ...; value; }) as a condition (WARN_ON(x)): the statements run, then
 * the value is the condition.  With a cleanup variable in it, the
 * cleanup runs between the two, so the whole expression is the leaf.
 */
static int build_stmt_expr_cond(struct builder *b, CXCursor cond,
				struct basic_block *t, struct basic_block *f)
{
	struct cursor_list body = { NULL, 0, 0 }, ch = { NULL, 0, 0 };
	CXCursor value;
	int i;

	children_of(cond, &ch);
	if (ch.nr == 1)
		children_of(ch.items[0], &body);
	value = body.nr ? body.items[body.nr - 1] : clang_getNullCursor();
	if (clang_Cursor_isNull(value) ||
	    !clang_isExpression(clang_getCursorKind(value))) {
		release_cursor_list(&ch);
		release_cursor_list(&body);
		return 0;
	}
	push_scope(b);
	for (i = 0; i < body.nr - 1; i++)
		build_stmt(b, body.items[i]);
	if (b->scope->nr_vars) {
		build_expr(b, value);
		pop_scope(b, end_of(cond));
		branch_on(b, cond, t, f);
	} else {
		pop_scope(b, end_of(cond));
		build_cond(b, value, t, f);
	}
	release_cursor_list(&ch);
	release_cursor_list(&body);
	return 1;
}

static int is_expect(CXCursor c)
{
	return is_call_to(c, "__builtin_expect") ||
	       is_call_to(c, "__builtin_expect_with_probability");
}

/* Take cond apart if it is a compound condition; 0 if it is a leaf. */
static int build_compound_cond(struct builder *b, CXCursor cond,
			       const struct cursor_list *ch,
			       struct basic_block *t, struct basic_block *f)
{
	switch (clang_getCursorKind(cond)) {
	case CXCursor_UnaryOperator:
		if (unary_op(cond) != CXUnaryOperator_LNot || ch->nr != 1)
			return 0;
		build_cond(b, ch->items[0], f, t);
		return 1;
	case CXCursor_BinaryOperator:
		return build_logical_cond(b, cond, ch, t, f);
	case CXCursor_ConditionalOperator:
		if (ch->nr != 3)
			return 0;
		build_conditional_cond(b, ch, t, f);
		return 1;
	case CXCursor_CallExpr:
		if (!is_expect(cond))
			return 0;
		build_cond(b, clang_Cursor_getArgument(cond, 0), t, f);
		return 1;
	case CXCursor_StmtExpr:
		return build_stmt_expr_cond(b, cond, t, f);
	default:
		if (!is_gnu_conditional(cond, ch))
			return 0;
		build_gnu_conditional_cond(b, ch, t, f);
		return 1;
	}
}

void build_cond(struct builder *b, CXCursor cond, struct basic_block *t,
		struct basic_block *f)
{
	struct cursor_list ch = { NULL, 0, 0 };
	CXCursor c = skip_parens(cond);

	children_of(c, &ch);
	if (!build_compound_cond(b, c, &ch, t, f))
		build_leaf(b, c, t, f);
	release_cursor_list(&ch);
}
