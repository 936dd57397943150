// SPDX-License-Identifier: GPL-2.0
/*
 * Scopes of __attribute__((cleanup(f))) variables (the kernel's guard(),
 * scoped_guard(), __free()), and the jumps resolved once all labels are
 * known: gotos that leave such scopes, asm goto and computed goto.
 *
 * libclang shows the cleanup attribute only as an UnexposedAttr: the
 * function comes from its tokens, or, when a macro wrote it, from clang's
 * pretty-printed declaration "... __attribute__((cleanup(f))) ...".
 */
#include <stdlib.h>
#include <string.h>

#include "cfg/build.h"
#include "parse/cursor.h"
#include "parse/tokens.h"
#include "lib/util.h"

void push_scope(struct builder *b)
{
	struct scope *s = xcalloc(1, sizeof(*s));

	s->outer = b->scope;
	s->id = ++b->next_scope_id;
	b->scope = s;
}

static void emit_cleanup(struct basic_block *bb, const struct cleanup_var *v,
			 struct src_pos pos)
{
	struct event *ev = add_event(bb, EVENT_CLEANUP, v->var, pos);

	ev->callee = xstrdup(v->func);
}

/* Cleanups run in reverse order of declaration. */
static void emit_scope_cleanups(struct builder *b, const struct scope *s,
				struct src_pos exit)
{
	int i;

	for (i = s->nr_vars - 1; i >= 0 && b->cur; i--)
		emit_cleanup(b->cur, &s->vars[i], exit);
}

void emit_cleanups(struct builder *b, struct scope *until, struct src_pos exit)
{
	struct scope *s;

	for (s = b->scope; s && s != until; s = s->outer)
		emit_scope_cleanups(b, s, exit);
}

static void free_scope(struct scope *s)
{
	int i;

	for (i = 0; i < s->nr_vars; i++)
		free(s->vars[i].func);
	free(s->vars);
	free(s);
}

void pop_scope(struct builder *b, struct src_pos exit)
{
	struct scope *s = b->scope;

	emit_scope_cleanups(b, s, exit);
	b->scope = s->outer;
	free_scope(s);
}

/* "cleanup ( f )" or "__cleanup__ ( f )" written out in the source. */
static char *cleanup_from_tokens(CXTranslationUnit tu, CXCursor attr)
{
	struct tokens t;
	char *func = NULL;

	tokenize_cursor(&t, tu, attr);
	if ((token_is(&t, 0, "cleanup") || token_is(&t, 0, "__cleanup__")) &&
	    token_is(&t, 1, "(") && t.nr > 2)
		func = token_spelling(&t, 2);
	release_tokens(&t);
	return func;
}

static char *cleanup_from_printing(CXCursor var)
{
	static const char marker[] = "__attribute__((cleanup(";
	CXString s = clang_getCursorPrettyPrinted(var, NULL);
	const char *text = strstr(clang_getCString(s), marker);
	char *func = NULL;

	if (text) {
		text += strlen(marker);
		func = xstrndup(text, strcspn(text, ")"));
	}
	clang_disposeString(s);
	return func;
}

struct cleanup_search {
	CXTranslationUnit tu;
	char *func;
	int unexposed;
};

static enum CXChildVisitResult find_cleanup(CXCursor c, CXCursor parent,
					    CXClientData data)
{
	struct cleanup_search *search = data;

	(void)parent;
	if (!is_kind(c, CXCursor_UnexposedAttr))
		return CXChildVisit_Continue;
	search->unexposed = 1;
	search->func = cleanup_from_tokens(search->tu, c);
	return search->func ? CXChildVisit_Break : CXChildVisit_Continue;
}

static char *cleanup_function(CXTranslationUnit tu, CXCursor var)
{
	struct cleanup_search search = { tu, NULL, 0 };

	clang_visitChildren(var, find_cleanup, &search);
	if (!search.func && search.unexposed)
		search.func = cleanup_from_printing(var);
	return search.func;
}

void declare_cleanup(struct builder *b, CXCursor var)
{
	char *func = cleanup_function(b->tu, var);
	struct scope *s = b->scope;
	struct cleanup_var *v;

	if (!func)
		return;
	ALLOC_GROW(s->vars, s->nr_vars, s->alloc_vars);
	v = &s->vars[s->nr_vars++];
	v->var = var;
	v->func = func;
	v->scope_id = s->id;
}

static char *cursor_name(CXCursor c)
{
	CXString s = clang_getCursorSpelling(c);
	char *name = xstrdup(clang_getCString(s));

	clang_disposeString(s);
	return name;
}

/* The label named by a LabelStmt or LabelRef; its block is made once. */
int find_label(struct builder *b, CXCursor name_cursor)
{
	char *name = cursor_name(name_cursor);
	struct label *l;
	int i;

	for (i = 0; i < b->nr_labels; i++) {
		if (!strcmp(b->labels[i].name, name)) {
			free(name);
			return i;
		}
	}
	ALLOC_GROW(b->labels, b->nr_labels, b->alloc_labels);
	l = &b->labels[b->nr_labels];
	memset(l, 0, sizeof(*l));
	l->name = name;
	l->block = new_block(b->cfg, clang_getNullCursor());
	return b->nr_labels++;
}

static void mark_path(struct builder *b, struct scope_path *path)
{
	struct scope *s;
	int n = 0;

	for (s = b->scope; s; s = s->outer)
		n++;
	path->marks = xmalloc(n * sizeof(*path->marks));
	path->nr = n;
	for (n = 0, s = b->scope; s; s = s->outer, n++) {
		path->marks[n].id = s->id;
		path->marks[n].nr_vars = s->nr_vars;
	}
}

void define_label(struct builder *b, int label, CXCursor stmt)
{
	struct label *l = &b->labels[label];

	if (!l->block->nr_events)
		l->block->line = cursor_pos(stmt).line;
	free(l->path.marks);
	mark_path(b, &l->path);
	l->defined = 1;
}

static void copy_live(struct pending_goto *g, const struct scope *s)
{
	int i;

	for (i = s->nr_vars - 1; i >= 0; i--) {
		g->live[g->nr_live] = s->vars[i];
		g->live[g->nr_live].func = xstrdup(s->vars[i].func);
		g->index[g->nr_live++] = i;
	}
}

void record_goto(struct builder *b, int label, CXCursor stmt)
{
	struct pending_goto *g;
	struct scope *s;
	int n = 0;

	for (s = b->scope; s; s = s->outer)
		n += s->nr_vars;
	if (!n)
		return;
	ALLOC_GROW(b->gotos, b->nr_gotos, b->alloc_gotos);
	g = &b->gotos[b->nr_gotos++];
	g->block = b->cur;
	g->stmt = stmt;
	g->label = label;
	g->live = xmalloc(n * sizeof(*g->live));
	g->index = xmalloc(n * sizeof(*g->index));
	g->nr_live = 0;
	for (s = b->scope; s; s = s->outer)
		copy_live(g, s);
}

void record_jump(struct builder *b, CXCursor stmt, int any_label)
{
	struct pending_jump *j;

	ALLOC_GROW(b->jumps, b->nr_jumps, b->alloc_jumps);
	j = &b->jumps[b->nr_jumps++];
	j->block = b->cur;
	j->stmt = stmt;
	j->any_label = any_label;
}

/*
 * Does a jump to the label end the variable's life?  Yes when the label
 * is outside the variable's scope, and when it is in the scope but
 * before the declaration (a backward goto).
 */
static int leaves_var(const struct scope_path *label_path, int scope_id,
		      int index)
{
	int i;

	for (i = 0; i < label_path->nr; i++)
		if (label_path->marks[i].id == scope_id)
			return index >= label_path->marks[i].nr_vars;
	return 1;
}

static void resolve_goto(struct builder *b, const struct pending_goto *g)
{
	const struct label *l = &b->labels[g->label];
	struct src_pos pos = cursor_pos(g->stmt);
	int i;

	for (i = 0; i < g->nr_live; i++)
		if (leaves_var(&l->path, g->live[i].scope_id, g->index[i]))
			emit_cleanup(g->block, &g->live[i], pos);
}

static int names_label(const struct tokens *t, const char *name)
{
	unsigned int i;

	for (i = 0; i < t->nr; i++)
		if (clang_getTokenKind(t->tok[i]) == CXToken_Identifier &&
		    token_is(t, i, name))
			return 1;
	return 0;
}

/*
 * libclang shows no label operands of an asm goto (nor does a macro use
 * like unsafe_get_user(x, p, Efault) say it is one): any label named in
 * its tokens may be a target.
 */
static void resolve_jump(struct builder *b, const struct pending_jump *j)
{
	struct tokens t;
	int i;

	tokenize_cursor(&t, b->tu, j->stmt);
	for (i = 0; i < b->nr_labels; i++) {
		const struct label *l = &b->labels[i];

		if (!l->defined)
			continue;
		if (j->any_label)
			add_edge(j->block, l->block, EDGE_ALWAYS,
				 clang_getNullCursor(), clang_getNullCursor());
		else if (names_label(&t, l->name))
			add_edge(j->block, l->block, EDGE_ASM_GOTO,
				 clang_getNullCursor(), clang_getNullCursor());
	}
	release_tokens(&t);
}

void resolve_jumps(struct builder *b)
{
	int i;

	for (i = 0; i < b->nr_gotos; i++)
		resolve_goto(b, &b->gotos[i]);
	for (i = 0; i < b->nr_jumps; i++)
		resolve_jump(b, &b->jumps[i]);
}

void release_builder(struct builder *b)
{
	int i, j;

	b->cur = NULL; /* no cleanup events from here */
	while (b->scope)
		pop_scope(b, cursor_pos(clang_getNullCursor()));
	for (i = 0; i < b->nr_labels; i++) {
		free(b->labels[i].name);
		free(b->labels[i].path.marks);
	}
	free(b->labels);
	for (i = 0; i < b->nr_gotos; i++) {
		for (j = 0; j < b->gotos[i].nr_live; j++)
			free(b->gotos[i].live[j].func);
		free(b->gotos[i].live);
		free(b->gotos[i].index);
	}
	free(b->gotos);
	free(b->jumps);
}
