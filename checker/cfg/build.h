/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Internals of the CFG builder, shared by cfg_stmt.c (statements),
 * cfg_expr.c (expressions and conditions) and cfg_scope.c (cleanup
 * scopes, gotos and asm goto).
 */
#ifndef MMUCHECK_CFG_BUILD_H
#define MMUCHECK_CFG_BUILD_H

#include "cfg/cfg.h"

struct cleanup_var {
	CXCursor var; /* the VarDecl */
	char *func; /* its __attribute__((cleanup(func))) */
	int scope_id;
};

struct scope {
	struct scope *outer;
	int id;
	struct cleanup_var *vars; /* in declaration order */
	int nr_vars, alloc_vars;
};

/* How many cleanup variables each enclosing scope had at some point. */
struct scope_mark {
	int id;
	int nr_vars;
};

struct scope_path {
	struct scope_mark *marks; /* innermost first */
	int nr;
};

struct jump_target {
	struct basic_block *block; /* NULL: not inside a loop/switch */
	struct scope *scope; /* the scope the target is in */
};

struct label {
	char *name;
	struct basic_block *block;
	struct scope_path path; /* valid once defined */
	int defined;
};

/* A goto leaving scopes with cleanup variables, resolved at the end. */
struct pending_goto {
	struct basic_block *block;
	CXCursor stmt;
	int label;
	struct cleanup_var *live; /* innermost first, copies */
	int *index; /* position of each in its scope */
	int nr_live;
};

/* An asm goto or computed goto: its label edges are added at the end. */
struct pending_jump {
	struct basic_block *block;
	CXCursor stmt;
	int any_label; /* computed goto: every label */
};

struct switch_ctx {
	struct basic_block *head;
	CXCursor cond;
	int has_default;
};

struct builder {
	struct cfg *cfg;
	CXTranslationUnit tu;
	const struct macro_map *macros;
	struct basic_block *cur; /* NULL: the code here is unreachable */
	struct jump_target brk, cont;
	struct switch_ctx *sw;
	struct scope *scope;
	int next_scope_id;
	struct label *labels;
	int nr_labels, alloc_labels;
	struct pending_goto *gotos;
	int nr_gotos, alloc_gotos;
	struct pending_jump *jumps;
	int nr_jumps, alloc_jumps;
};

/* cfg.c: the graph */
struct basic_block *new_block(struct cfg *cfg, CXCursor origin);
void add_edge(struct basic_block *from, struct basic_block *to,
	      enum edge_kind kind, CXCursor cond, CXCursor label);
struct event *add_event(struct basic_block *bb, enum event_kind kind,
			CXCursor cursor, struct src_pos pos);
struct src_pos cursor_pos(CXCursor c);
struct src_pos location_pos(CXSourceLocation loc);
void finish_cfg(struct cfg *cfg);

/* cfg_stmt.c */
struct basic_block *current_block(struct builder *b, CXCursor origin);
void start_block(struct builder *b, struct basic_block *bb);
void jump_to(struct builder *b, struct basic_block *target);
void emit_stmt(struct builder *b, CXCursor stmt);
void build_stmt(struct builder *b, CXCursor stmt);
void build_compound(struct builder *b, CXCursor compound);

/* cfg_expr.c */
void build_expr(struct builder *b, CXCursor expr);
void build_cond(struct builder *b, CXCursor cond, struct basic_block *t,
		struct basic_block *f);

/* cfg_scope.c */
void push_scope(struct builder *b);
void pop_scope(struct builder *b, struct src_pos exit);
void declare_cleanup(struct builder *b, CXCursor var);
void emit_cleanups(struct builder *b, struct scope *until, struct src_pos exit);
int find_label(struct builder *b, CXCursor name_cursor);
void define_label(struct builder *b, int label, CXCursor stmt);
void record_goto(struct builder *b, int label, CXCursor stmt);
void record_jump(struct builder *b, CXCursor stmt, int any_label);
void resolve_jumps(struct builder *b);
void release_builder(struct builder *b);

#endif
