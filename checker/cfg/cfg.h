/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Control-flow graph of one function, built from libclang cursors.
 *
 * A basic block holds the events evaluated in it, in order: calls (after
 * their arguments), full statements, and the implicit calls of
 * __attribute__((cleanup)) at scope exits.  Its successor edges say why
 * control goes there: a branch edge carries the condition it tested (a
 * leaf: "&&", "||", "!" and "?:" are split into blocks), a switch edge
 * the case label.  Every return edges to the exit block; a call to a
 * noreturn function ends its block with no successor.
 */
#ifndef MMUCHECK_CFG_H
#define MMUCHECK_CFG_H

#include <stdio.h>

#include <clang-c/Index.h>

struct macro_map;

/* A place as the user reads it: a macro's expansion is at its use site. */
struct src_pos {
	CXFile file;
	unsigned int line, col, offset;
};

enum event_kind {
	EVENT_STMT, /* a statement or full expression */
	EVENT_CALL, /* a call, after its arguments */
	EVENT_CLEANUP, /* a cleanup function called at scope exit */
};

struct event {
	enum event_kind kind;
	CXCursor cursor; /* the statement, CallExpr, or VarDecl */
	struct src_pos pos;
	char *callee; /* NULL for a call through a pointer */
	char *macro; /* the macro a call came from, or NULL */
};

enum edge_kind {
	EDGE_ALWAYS,
	EDGE_TRUE, /* cond was true */
	EDGE_FALSE, /* cond was false */
	EDGE_CASE, /* label is the CaseStmt, cond the switch condition */
	EDGE_DEFAULT, /* label is the DefaultStmt */
	EDGE_NO_CASE, /* a switch without default matched nothing */
	EDGE_ASM_GOTO, /* an asm goto may jump to this label */
};

struct basic_block;

struct edge {
	struct basic_block *to;
	enum edge_kind kind;
	CXCursor cond;
	CXCursor label;
};

struct basic_block {
	int nr;
	unsigned int line; /* where the block starts */
	struct event *events;
	int nr_events, alloc_events;
	struct edge *succs;
	int nr_succs, alloc_succs;
	struct basic_block **preds;
	int nr_preds, alloc_preds;
	int visited; /* scratch for graph walks */
	struct basic_block *idom; /* set by compute_dominators() */
};

struct cfg {
	CXCursor function;
	const struct macro_map *macros; /* must outlive the cfg */
	char *name;
	unsigned int line;
	struct basic_block *entry, *exit;
	struct basic_block **blocks; /* blocks[i]->nr == i */
	int nr_blocks, alloc_blocks;
};

struct cfg *build_cfg(CXTranslationUnit tu, CXCursor function,
		      const struct macro_map *macros);
void free_cfg(struct cfg *cfg);

/*
 * Immediate dominators (Cooper, Harvey and Kennedy's iteration over the
 * reverse postorder the blocks are numbered in).  The entry's idom is
 * itself; unreachable blocks keep NULL.
 */
void compute_dominators(struct cfg *cfg);

/* One line per block, stable for golden tests. */
void dump_cfg(FILE *out, CXTranslationUnit tu, const struct cfg *cfg);

#endif
