// SPDX-License-Identifier: GPL-2.0
/*
 * The graph itself: blocks, edges, events, and the clean-up after
 * building (drop unreachable blocks, fold empty and straight-line
 * blocks, number blocks in reverse postorder).
 */
#include <stdlib.h>
#include <string.h>

#include "cfg/build.h"
#include "lib/diag.h"
#include "lib/util.h"

struct src_pos location_pos(CXSourceLocation loc)
{
	struct src_pos pos;

	clang_getFileLocation(loc, &pos.file, &pos.line, &pos.col, &pos.offset);
	return pos;
}

struct src_pos cursor_pos(CXCursor c)
{
	return location_pos(clang_getCursorLocation(c));
}

struct basic_block *new_block(struct cfg *cfg, CXCursor origin)
{
	struct basic_block *bb = xcalloc(1, sizeof(*bb));

	if (!clang_Cursor_isNull(origin))
		bb->line = cursor_pos(origin).line;
	ALLOC_GROW(cfg->blocks, cfg->nr_blocks, cfg->alloc_blocks);
	bb->nr = cfg->nr_blocks;
	cfg->blocks[cfg->nr_blocks++] = bb;
	return bb;
}

void add_edge(struct basic_block *from, struct basic_block *to,
	      enum edge_kind kind, CXCursor cond, CXCursor label)
{
	struct edge *e;

	ALLOC_GROW(from->succs, from->nr_succs, from->alloc_succs);
	e = &from->succs[from->nr_succs++];
	e->to = to;
	e->kind = kind;
	e->cond = cond;
	e->label = label;
}

struct event *add_event(struct basic_block *bb, enum event_kind kind,
			CXCursor cursor, struct src_pos pos)
{
	struct event *ev;

	if (!bb->nr_events && pos.line)
		bb->line = pos.line;
	ALLOC_GROW(bb->events, bb->nr_events, bb->alloc_events);
	ev = &bb->events[bb->nr_events++];
	memset(ev, 0, sizeof(*ev));
	ev->kind = kind;
	ev->cursor = cursor;
	ev->pos = pos;
	return ev;
}

static void free_block(struct basic_block *bb)
{
	int i;

	for (i = 0; i < bb->nr_events; i++) {
		free(bb->events[i].callee);
		free(bb->events[i].macro);
	}
	free(bb->events);
	free(bb->succs);
	free(bb->preds);
	free(bb);
}

void free_cfg(struct cfg *cfg)
{
	int i;

	if (!cfg)
		return;
	for (i = 0; i < cfg->nr_blocks; i++)
		free_block(cfg->blocks[i]);
	free(cfg->blocks);
	free(cfg->name);
	free(cfg);
}

static void mark_reachable(struct basic_block *bb)
{
	int i;

	if (bb->visited)
		return;
	bb->visited = 1;
	for (i = 0; i < bb->nr_succs; i++)
		mark_reachable(bb->succs[i].to);
}

/* Keep the blocks that are visited (and the exit), free the others. */
static void sweep_blocks(struct cfg *cfg)
{
	int i, kept = 0;

	for (i = 0; i < cfg->nr_blocks; i++) {
		struct basic_block *bb = cfg->blocks[i];

		if (bb->visited || bb == cfg->exit)
			cfg->blocks[kept++] = bb;
		else
			free_block(bb);
	}
	cfg->nr_blocks = kept;
}

static void clear_visited(struct cfg *cfg)
{
	int i;

	for (i = 0; i < cfg->nr_blocks; i++)
		cfg->blocks[i]->visited = 0;
}

static void redirect_edges(struct cfg *cfg, struct basic_block *from,
			   struct basic_block *to)
{
	int i, j;

	for (i = 0; i < cfg->nr_blocks; i++) {
		struct basic_block *bb = cfg->blocks[i];

		for (j = 0; j < bb->nr_succs; j++)
			if (bb->succs[j].to == from)
				bb->succs[j].to = to;
	}
}

static int is_plain_jump(const struct basic_block *bb)
{
	return bb->nr_succs == 1 && bb->succs[0].kind == EDGE_ALWAYS &&
	       bb->succs[0].to != bb;
}

/*
 * An empty block that only jumps on ("do { } while (0)", a case label
 * falling through) is bypassed; visited marks it for the sweep.
 */
static void bypass_empty_blocks(struct cfg *cfg)
{
	int i;

	for (i = 0; i < cfg->nr_blocks; i++) {
		struct basic_block *bb = cfg->blocks[i];

		if (bb == cfg->entry || bb == cfg->exit || bb->nr_events ||
		    !is_plain_jump(bb))
			continue;
		redirect_edges(cfg, bb, bb->succs[0].to);
		bb->visited = 1;
	}
}

static void count_preds(struct cfg *cfg)
{
	int i, j;

	for (i = 0; i < cfg->nr_blocks; i++)
		cfg->blocks[i]->nr_preds = 0;
	for (i = 0; i < cfg->nr_blocks; i++) {
		struct basic_block *bb = cfg->blocks[i];

		for (j = 0; j < bb->nr_succs; j++)
			bb->succs[j].to->nr_preds++;
	}
}

static void append_events(struct basic_block *to, struct basic_block *from)
{
	int i;

	for (i = 0; i < from->nr_events; i++) {
		ALLOC_GROW(to->events, to->nr_events, to->alloc_events);
		to->events[to->nr_events++] = from->events[i];
	}
	from->nr_events = 0;
}

/* next has no other way in: its events and edges become bb's. */
static void merge_into(struct basic_block *bb, struct basic_block *next)
{
	struct edge *succs = bb->succs;

	append_events(bb, next);
	bb->succs = next->succs;
	bb->nr_succs = next->nr_succs;
	bb->alloc_succs = next->alloc_succs;
	next->succs = succs;
	next->nr_succs = 0;
	next->visited = 1;
}

static void merge_straight_lines(struct cfg *cfg)
{
	int i;

	count_preds(cfg);
	for (i = 0; i < cfg->nr_blocks; i++) {
		struct basic_block *bb = cfg->blocks[i];

		if (bb->visited)
			continue;
		while (is_plain_jump(bb)) {
			struct basic_block *next = bb->succs[0].to;

			if (next->nr_preds != 1 || next == cfg->exit ||
			    next == cfg->entry)
				break;
			merge_into(bb, next);
		}
	}
}

static void number_postorder(struct basic_block *bb, struct basic_block **out,
			     int *nr)
{
	int i;

	bb->visited = 1;
	/* reversed, so that reverse postorder lists the true branch first */
	for (i = bb->nr_succs - 1; i >= 0; i--)
		if (!bb->succs[i].to->visited)
			number_postorder(bb->succs[i].to, out, nr);
	out[(*nr)++] = bb;
}

/* Reverse postorder from the entry, the exit block last. */
static void renumber(struct cfg *cfg)
{
	struct basic_block **order = xmalloc(cfg->nr_blocks * sizeof(*order));
	int i, nr = 0;

	clear_visited(cfg);
	cfg->exit->visited = 1;
	number_postorder(cfg->entry, order, &nr);
	if (nr != cfg->nr_blocks - 1)
		BUG("%d blocks, %d numbered", cfg->nr_blocks, nr);
	for (i = 0; i < nr; i++) {
		cfg->blocks[i] = order[nr - 1 - i];
		cfg->blocks[i]->nr = i;
	}
	cfg->blocks[nr] = cfg->exit;
	cfg->exit->nr = nr;
	free(order);
	clear_visited(cfg);
}

static void fill_preds(struct cfg *cfg)
{
	int i, j;

	for (i = 0; i < cfg->nr_blocks; i++)
		cfg->blocks[i]->nr_preds = 0;
	for (i = 0; i < cfg->nr_blocks; i++) {
		struct basic_block *bb = cfg->blocks[i];

		for (j = 0; j < bb->nr_succs; j++) {
			struct basic_block *to = bb->succs[j].to;

			ALLOC_GROW(to->preds, to->nr_preds, to->alloc_preds);
			to->preds[to->nr_preds++] = bb;
		}
	}
}

static void sweep_marked(struct cfg *cfg)
{
	int i;

	/* sweep_blocks keeps visited blocks: invert the marks */
	for (i = 0; i < cfg->nr_blocks; i++)
		cfg->blocks[i]->visited = !cfg->blocks[i]->visited;
	sweep_blocks(cfg);
	clear_visited(cfg);
}

void finish_cfg(struct cfg *cfg)
{
	clear_visited(cfg);
	mark_reachable(cfg->entry);
	sweep_blocks(cfg);
	clear_visited(cfg);
	bypass_empty_blocks(cfg);
	sweep_marked(cfg);
	merge_straight_lines(cfg);
	sweep_marked(cfg);
	renumber(cfg);
	fill_preds(cfg);
}
