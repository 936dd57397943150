// SPDX-License-Identifier: GPL-2.0
/*
 * Statements: one builder function per kind of statement, each leaving
 * b->cur at the block where control continues (NULL when it does not).
 */
#include <string.h>

#include "cfg/build.h"
#include "parse/cursor.h"
#include "lib/util.h"

/* The block receiving events; after a jump, a fresh unreachable one. */
struct basic_block *current_block(struct builder *b, CXCursor origin)
{
	if (!b->cur)
		b->cur = new_block(b->cfg, origin);
	return b->cur;
}

/* Continue in bb, falling through from the current block. */
void start_block(struct builder *b, struct basic_block *bb)
{
	if (b->cur && b->cur != bb)
		add_edge(b->cur, bb, EDGE_ALWAYS, clang_getNullCursor(),
			 clang_getNullCursor());
	b->cur = bb;
}

void jump_to(struct builder *b, struct basic_block *target)
{
	if (b->cur)
		add_edge(b->cur, target, EDGE_ALWAYS, clang_getNullCursor(),
			 clang_getNullCursor());
	b->cur = NULL;
}

void emit_stmt(struct builder *b, CXCursor stmt)
{
	add_event(current_block(b, stmt), EVENT_STMT, stmt, cursor_pos(stmt));
}

/*
 * An expression statement is an event when it writes something: its
 * calls are events already, and "(void)x;" or a statement expression's
 * value "__ret;" tell nothing.
 */
static void build_expr_stmt(struct builder *b, CXCursor expr)
{
	build_expr(b, expr);
	if (has_writes(expr))
		emit_stmt(b, expr);
}

static struct src_pos end_pos(CXCursor c)
{
	return location_pos(clang_getRangeEnd(clang_getCursorExtent(c)));
}

static enum CXChildVisitResult build_child_stmt(CXCursor c, CXCursor parent,
						CXClientData data)
{
	(void)parent;
	build_stmt(data, c);
	return CXChildVisit_Continue;
}

void build_compound(struct builder *b, CXCursor compound)
{
	push_scope(b);
	clang_visitChildren(compound, build_child_stmt, b);
	pop_scope(b, end_pos(compound));
}

static void build_if(struct builder *b, CXCursor stmt)
{
	struct cursor_list ch = { NULL, 0, 0 };
	struct basic_block *then_bb, *else_bb, *join;

	children_of(stmt, &ch);
	if (ch.nr < 2) {
		release_cursor_list(&ch);
		return;
	}
	then_bb = new_block(b->cfg, ch.items[1]);
	join = new_block(b->cfg, clang_getNullCursor());
	else_bb = ch.nr > 2 ? new_block(b->cfg, ch.items[2]) : join;
	build_cond(b, ch.items[0], then_bb, else_bb);
	b->cur = then_bb;
	build_stmt(b, ch.items[1]);
	jump_to(b, join);
	if (ch.nr > 2) {
		b->cur = else_bb;
		build_stmt(b, ch.items[2]);
		jump_to(b, join);
	}
	b->cur = join;
	release_cursor_list(&ch);
}

/* Build a loop body with break and continue going to brk and cont. */
static void build_body(struct builder *b, CXCursor body,
		       struct basic_block *brk, struct basic_block *cont)
{
	struct jump_target saved_brk = b->brk, saved_cont = b->cont;

	b->brk.block = brk;
	b->brk.scope = b->scope;
	b->cont.block = cont;
	b->cont.scope = b->scope;
	build_stmt(b, body);
	b->brk = saved_brk;
	b->cont = saved_cont;
}

static void build_while(struct builder *b, CXCursor stmt)
{
	struct cursor_list ch = { NULL, 0, 0 };
	struct basic_block *head, *body, *exit;

	children_of(stmt, &ch);
	if (ch.nr < 2) {
		release_cursor_list(&ch);
		return;
	}
	head = new_block(b->cfg, stmt);
	body = new_block(b->cfg, ch.items[1]);
	exit = new_block(b->cfg, clang_getNullCursor());
	start_block(b, head);
	build_cond(b, ch.items[0], body, exit);
	b->cur = body;
	build_body(b, ch.items[1], exit, head);
	jump_to(b, head);
	b->cur = exit;
	release_cursor_list(&ch);
}

static void build_do(struct builder *b, CXCursor stmt)
{
	struct cursor_list ch = { NULL, 0, 0 };
	struct basic_block *body, *cond, *exit;

	children_of(stmt, &ch);
	if (ch.nr < 2) {
		release_cursor_list(&ch);
		return;
	}
	body = new_block(b->cfg, ch.items[0]);
	cond = new_block(b->cfg, ch.items[1]);
	exit = new_block(b->cfg, clang_getNullCursor());
	start_block(b, body);
	build_body(b, ch.items[0], exit, cond);
	start_block(b, cond);
	build_cond(b, ch.items[1], body, exit);
	b->cur = exit;
	release_cursor_list(&ch);
}

/* The for statement is a scope: cleanups of its init run at loop exit. */
static void build_for(struct builder *b, CXCursor stmt)
{
	struct basic_block *head, *body, *next, *exit;
	struct for_parts p;

	for_parts(b->tu, stmt, &p);
	push_scope(b);
	if (!clang_Cursor_isNull(p.init))
		build_stmt(b, p.init);
	head = new_block(b->cfg, stmt);
	body = new_block(b->cfg, p.body);
	/* without an increment, "for (;;) ;" may leave just this block */
	next = new_block(b->cfg, clang_Cursor_isNull(p.inc) ? stmt : p.inc);
	exit = new_block(b->cfg, clang_getNullCursor());
	start_block(b, head);
	if (!clang_Cursor_isNull(p.cond))
		build_cond(b, p.cond, body, exit);
	jump_to(b, body);
	b->cur = body;
	build_body(b, p.body, exit, next);
	start_block(b, next);
	if (!clang_Cursor_isNull(p.inc))
		build_expr_stmt(b, p.inc);
	jump_to(b, head);
	b->cur = exit;
	pop_scope(b, end_pos(stmt));
}

static void build_switch(struct builder *b, CXCursor stmt)
{
	struct cursor_list ch = { NULL, 0, 0 };
	struct switch_ctx sw, *saved_sw = b->sw;
	struct jump_target saved_brk = b->brk;
	struct basic_block *exit;

	children_of(stmt, &ch);
	if (ch.nr < 2) {
		release_cursor_list(&ch);
		return;
	}
	build_expr(b, ch.items[0]);
	sw.head = current_block(b, stmt);
	if (!sw.head->line)
		sw.head->line = cursor_pos(stmt).line;
	sw.cond = ch.items[0];
	sw.has_default = 0;
	exit = new_block(b->cfg, clang_getNullCursor());
	b->sw = &sw;
	b->brk.block = exit;
	b->brk.scope = b->scope;
	b->cur = NULL;
	build_stmt(b, ch.items[ch.nr - 1]);
	jump_to(b, exit);
	if (!sw.has_default)
		add_edge(sw.head, exit, EDGE_NO_CASE, sw.cond,
			 clang_getNullCursor());
	b->sw = saved_sw;
	b->brk = saved_brk;
	b->cur = exit;
	release_cursor_list(&ch);
}

/* case X: / case X ... Y: / default: -- the sub-statement is last. */
static void build_case(struct builder *b, CXCursor stmt, enum edge_kind kind)
{
	struct cursor_list ch = { NULL, 0, 0 };
	struct basic_block *bb = new_block(b->cfg, stmt);

	children_of(stmt, &ch);
	start_block(b, bb);
	if (b->sw) {
		add_edge(b->sw->head, bb, kind, b->sw->cond, stmt);
		b->sw->has_default |= kind == EDGE_DEFAULT;
	}
	if (ch.nr)
		build_stmt(b, ch.items[ch.nr - 1]);
	release_cursor_list(&ch);
}

static void build_break(struct builder *b, CXCursor stmt,
			const struct jump_target *target)
{
	if (!target->block)
		return;
	emit_cleanups(b, target->scope, cursor_pos(stmt));
	jump_to(b, target->block);
}

static void build_return(struct builder *b, CXCursor stmt)
{
	struct cursor_list ch = { NULL, 0, 0 };

	children_of(stmt, &ch);
	if (ch.nr)
		build_expr(b, ch.items[0]);
	emit_stmt(b, stmt);
	emit_cleanups(b, NULL, cursor_pos(stmt));
	jump_to(b, b->cfg->exit);
	release_cursor_list(&ch);
}

static enum CXChildVisitResult first_child(CXCursor c, CXCursor parent,
					   CXClientData data)
{
	(void)parent;
	*(CXCursor *)data = c;
	return CXChildVisit_Break;
}

static void build_goto(struct builder *b, CXCursor stmt)
{
	CXCursor ref = clang_getNullCursor();
	int label;

	clang_visitChildren(stmt, first_child, &ref);
	label = find_label(b, ref);
	current_block(b, stmt);
	record_goto(b, label, stmt);
	jump_to(b, b->labels[label].block);
}

static void build_indirect_goto(struct builder *b, CXCursor stmt)
{
	CXCursor target = clang_getNullCursor();

	clang_visitChildren(stmt, first_child, &target);
	build_expr(b, target);
	emit_stmt(b, stmt);
	record_jump(b, stmt, 1);
	b->cur = NULL;
}

static void build_label(struct builder *b, CXCursor stmt)
{
	CXCursor sub = clang_getNullCursor();
	int label = find_label(b, stmt);

	start_block(b, b->labels[label].block);
	define_label(b, label, stmt);
	clang_visitChildren(stmt, first_child, &sub);
	if (!clang_Cursor_isNull(sub))
		build_stmt(b, sub);
}

static enum CXChildVisitResult build_operand(CXCursor c, CXCursor parent,
					     CXClientData data)
{
	(void)parent;
	if (clang_isExpression(clang_getCursorKind(c)))
		build_expr(data, c);
	return CXChildVisit_Continue;
}

/*
 * An asm goto ends its block; resolve_jumps() adds the edges to the
 * labels it names.
 */
static void build_asm(struct builder *b, CXCursor stmt)
{
	clang_visitChildren(stmt, build_operand, b);
	emit_stmt(b, stmt);
	if (!is_asm_goto(b->tu, stmt))
		return;
	record_jump(b, stmt, 0);
	start_block(b, new_block(b->cfg, stmt));
}

static int is_local_var(CXCursor var)
{
	enum CX_StorageClass sc = clang_Cursor_getStorageClass(var);

	return is_kind(var, CXCursor_VarDecl) && sc != CX_SC_Static &&
	       sc != CX_SC_Extern;
}

/* Initializers are evaluated in order; the statement is one event. */
static void build_decl(struct builder *b, CXCursor stmt)
{
	struct cursor_list ch = { NULL, 0, 0 };
	int i, initialized = 0;

	children_of(stmt, &ch);
	for (i = 0; i < ch.nr; i++) {
		CXCursor var = ch.items[i], init;

		if (!is_local_var(var))
			continue;
		init = clang_Cursor_getVarDeclInitializer(var);
		if (!clang_Cursor_isNull(init)) {
			build_expr(b, init);
			initialized = 1;
		}
		declare_cleanup(b, var);
	}
	if (initialized)
		emit_stmt(b, stmt);
	release_cursor_list(&ch);
}

static void build_case_stmt(struct builder *b, CXCursor stmt)
{
	build_case(b, stmt, EDGE_CASE);
}

static void build_default_stmt(struct builder *b, CXCursor stmt)
{
	build_case(b, stmt, EDGE_DEFAULT);
}

static void build_break_stmt(struct builder *b, CXCursor stmt)
{
	build_break(b, stmt, &b->brk);
}

static void build_continue_stmt(struct builder *b, CXCursor stmt)
{
	build_break(b, stmt, &b->cont);
}

/* AttributedStmt ("fallthrough;", [[likely]]) is unexposed: its children */
static void build_unexposed(struct builder *b, CXCursor stmt)
{
	clang_visitChildren(stmt, build_child_stmt, b);
}

static void build_nothing(struct builder *b, CXCursor stmt)
{
	(void)b;
	(void)stmt;
}

static const struct {
	enum CXCursorKind kind;
	void (*build)(struct builder *b, CXCursor stmt);
} stmt_builders[] = {
	{ CXCursor_CompoundStmt, build_compound },
	{ CXCursor_IfStmt, build_if },
	{ CXCursor_WhileStmt, build_while },
	{ CXCursor_DoStmt, build_do },
	{ CXCursor_ForStmt, build_for },
	{ CXCursor_SwitchStmt, build_switch },
	{ CXCursor_CaseStmt, build_case_stmt },
	{ CXCursor_DefaultStmt, build_default_stmt },
	{ CXCursor_BreakStmt, build_break_stmt },
	{ CXCursor_ContinueStmt, build_continue_stmt },
	{ CXCursor_ReturnStmt, build_return },
	{ CXCursor_GotoStmt, build_goto },
	{ CXCursor_IndirectGotoStmt, build_indirect_goto },
	{ CXCursor_LabelStmt, build_label },
	{ CXCursor_GCCAsmStmt, build_asm },
	{ CXCursor_DeclStmt, build_decl },
	{ CXCursor_UnexposedStmt, build_unexposed },
	{ CXCursor_NullStmt, build_nothing },
};

void build_stmt(struct builder *b, CXCursor stmt)
{
	enum CXCursorKind kind = clang_getCursorKind(stmt);
	size_t i;

	for (i = 0; i < ARRAY_SIZE(stmt_builders); i++) {
		if (stmt_builders[i].kind == kind) {
			stmt_builders[i].build(b, stmt);
			return;
		}
	}
	if (clang_isExpression(kind))
		build_expr_stmt(b, stmt);
}

static CXCursor function_body(CXCursor function)
{
	struct cursor_list ch = { NULL, 0, 0 };
	CXCursor body = clang_getNullCursor();
	int i;

	children_of(function, &ch);
	for (i = 0; i < ch.nr; i++)
		if (is_kind(ch.items[i], CXCursor_CompoundStmt))
			body = ch.items[i];
	release_cursor_list(&ch);
	return body;
}

static struct cfg *new_cfg(CXCursor function)
{
	struct cfg *cfg = xcalloc(1, sizeof(*cfg));
	CXString name = clang_getCursorSpelling(function);

	cfg->function = function;
	cfg->name = xstrdup(clang_getCString(name));
	cfg->line = cursor_pos(function).line;
	clang_disposeString(name);
	return cfg;
}

struct cfg *build_cfg(CXTranslationUnit tu, CXCursor function,
		      const struct macro_map *macros)
{
	CXCursor body = function_body(function);
	struct builder b;

	if (clang_Cursor_isNull(body))
		return NULL;
	memset(&b, 0, sizeof(b));
	b.tu = tu;
	b.macros = macros;
	b.cfg = new_cfg(function);
	b.cfg->macros = macros;
	b.cfg->entry = new_block(b.cfg, body);
	b.cfg->exit = new_block(b.cfg, clang_getNullCursor());
	b.cur = b.cfg->entry;
	build_compound(&b, body);
	jump_to(&b, b.cfg->exit);
	resolve_jumps(&b);
	release_builder(&b);
	finish_cfg(b.cfg);
	return b.cfg;
}
