// SPDX-License-Identifier: GPL-2.0
/*
 * The path walk: a depth-first search over (block, state) pairs.  Each
 * block remembers the hashes of the states it was entered with, so a
 * loop is walked until its state stops changing and two paths that
 * agree on every slot and fact are walked once.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cfg/build.h"
#include "parse/cursor.h"
#include "model/model.h"
#include "lib/util.h"
#include "walk/walk.h"

struct seen {
	uint64_t *hashes;
	int nr, alloc;
};

struct work_item {
	const struct basic_block *block;
	struct state *state;
};

struct worklist {
	struct work_item *items;
	int nr, alloc;
};

const char *walk_intern(struct walk *w, const char *s)
{
	return strpool_intern(w->pool, s);
}

CXTranslationUnit walk_tu(const struct walk *w)
{
	return w->tu;
}
const struct model *walk_model(const struct walk *w)
{
	return w->model;
}
void *walk_check_data(const struct walk *w)
{
	return w->check_data;
}
const struct basic_block *walk_block(const struct walk *w)
{
	return w->block;
}
const struct note *walk_trail(const struct walk *w)
{
	return w->cur->trail;
}
struct src_pos walk_last_pos(const struct walk *w)
{
	return w->cur->last_pos;
}

const char *walk_text(struct walk *w, CXCursor c)
{
	return expr_text(w, c);
}

void walk_prune(struct walk *w)
{
	w->pruned = 1;
}

static void add_note(struct walk *w, struct src_pos pos, char *text,
		     int is_branch)
{
	struct note *n = xcalloc(1, sizeof(*n));

	n->prev = w->cur->trail;
	n->pos = pos;
	n->text = walk_intern(w, text);
	n->is_branch = is_branch;
	w->cur->trail = n;
	ALLOC_GROW(w->notes, w->nr_notes, w->alloc_notes);
	w->notes[w->nr_notes++] = n;
	free(text);
}

static char *vformat(const char *fmt, va_list ap)
{
	va_list copy;
	int len;
	char *buf;

	va_copy(copy, ap);
	len = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	buf = xmalloc(len + 1);
	vsnprintf(buf, len + 1, fmt, ap);
	return buf;
}

void walk_note(struct walk *w, struct src_pos pos, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	add_note(w, pos, vformat(fmt, ap), 0);
	va_end(ap);
}

void walk_report(struct walk *w, const char *rule, int confidence,
		 struct src_pos pos, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	msg = vformat(fmt, ap);
	va_end(ap);
	w->hooks->report(w->hooks->sink, w, rule, confidence, pos,
			 w->cur->trail, msg);
	free(msg);
}

#define FOR_EACH_CHECK(w, i, c)                                             \
	for ((i) = 0; (i) < (w)->hooks->nr_checks &&                        \
		      ((c) = (w)->hooks->checks[(i)], (w)->owner = (i), 1); \
	     (i)++)

static void run_begin(struct walk *w)
{
	const struct check *c;
	int i;

	FOR_EACH_CHECK(w, i, c)
	if (c->begin)
		c->begin(w);
}

/*
 * A macro of the API (6.1's ptep_clear_flush_notify(), 6.12's set_pte_at())
 * expands to several calls: the first carries the macro's meaning, the
 * rest are its implementation.
 */
static const struct api *event_api(struct walk *w, const struct event *ev)
{
	const struct api *api;

	if (ev->macro) {
		api = api_lookup(w->model, ev->macro);
		if (api) {
			if (w->cur->macro_offset == ev->pos.offset + 1)
				return NULL;
			w->cur->macro_offset = ev->pos.offset + 1;
			return api;
		}
	}
	return ev->callee ? api_lookup(w->model, ev->callee) : NULL;
}

static void run_event(struct walk *w, const struct event *ev)
{
	const struct api *api = NULL;
	const struct check *c;
	int i;

	if (ev->kind == EVENT_CALL)
		api = event_api(w, ev);
	w->cur->last_pos = ev->pos;
	FOR_EACH_CHECK(w, i, c)
	{
		if (ev->kind == EVENT_STMT && c->stmt)
			c->stmt(w, ev);
		else if (ev->kind == EVENT_CALL && c->call)
			c->call(w, ev, api);
		if (w->pruned)
			return;
	}
	facts_after_event(w, ev);
}

static void run_exit(struct walk *w)
{
	const struct check *c;
	int i;

	FOR_EACH_CHECK(w, i, c)
	if (c->exit)
		c->exit(w);
}

static void run_end(struct walk *w)
{
	const struct check *c;
	int i;

	FOR_EACH_CHECK(w, i, c)
	if (c->end)
		c->end(w);
}

/* The branch notes say which way a test went, as clang's do. */
static void branch_note(struct walk *w, const struct edge *e, int truth)
{
	struct src_pos pos = location_pos(clang_getCursorLocation(e->cond));

	const char *fmt = "taking the %s branch of '%s'";
	const char *text = expr_text(w, e->cond);
	size_t len = strlen(fmt) + strlen(text) + 8;
	char *buf = xmalloc(len);

	snprintf(buf, len, fmt, truth ? "true" : "false", text);
	add_note(w, pos, buf, 1);
}

static void run_branch(struct walk *w, const struct edge *e)
{
	const struct check *c;
	int i, truth;

	if (e->kind != EDGE_TRUE && e->kind != EDGE_FALSE)
		return;
	truth = e->kind == EDGE_TRUE;
	if (!facts_branch(w, e->cond, truth)) {
		w->pruned = 1;
		return;
	}
	FOR_EACH_CHECK(w, i, c)
	{
		if (c->branch)
			c->branch(w, e->cond, truth);
		if (w->pruned)
			return;
	}
	branch_note(w, e, truth);
}

static int seen_before(struct seen *seen, uint64_t hash)
{
	int i;

	for (i = 0; i < seen->nr; i++)
		if (seen->hashes[i] == hash)
			return 1;
	ALLOC_GROW(seen->hashes, seen->nr, seen->alloc);
	seen->hashes[seen->nr++] = hash;
	return 0;
}

static void push(struct worklist *wl, const struct basic_block *bb,
		 struct state *st)
{
	ALLOC_GROW(wl->items, wl->nr, wl->alloc);
	wl->items[wl->nr].block = bb;
	wl->items[wl->nr++].state = st;
}

struct walk_run {
	struct walk *w;
	struct worklist wl;
	struct seen *seen; /* per block */
	const struct walk_limits *limits;
	int limited;
};

static void follow_edge(struct walk_run *run, const struct edge *e)
{
	struct walk *w = run->w;
	struct state *parent = w->cur;
	struct seen *seen = &run->seen[e->to->nr];

	w->cur = state_copy(parent);
	w->pruned = 0;
	run_branch(w, e);
	/*
	 * A block entered in many states: forget what the tests said,
	 * which splits paths the most and decides the least (a widening;
	 * constants assigned, such as a "notified" flag, stay).
	 */
	if (seen->nr >= run->limits->max_states / 8)
		drop_branch_facts(w->cur);
	if (w->pruned || seen_before(seen, state_hash(w->cur))) {
		state_free(w->cur);
	} else if (seen->nr > run->limits->max_states) {
		run->limited = 1;
		state_free(w->cur);
	} else {
		push(&run->wl, e->to, w->cur);
	}
	w->cur = parent;
}

static void walk_block_events(struct walk_run *run,
			      const struct basic_block *bb)
{
	struct walk *w = run->w;
	int i;

	w->block = bb;
	w->pruned = 0;
	for (i = 0; i < bb->nr_events && !w->pruned; i++)
		run_event(w, &bb->events[i]);
	if (w->pruned)
		return;
	if (bb == w->cfg->exit)
		run_exit(w);
	for (i = 0; i < bb->nr_succs; i++)
		follow_edge(run, &bb->succs[i]);
}

static void walk_paths(struct walk_run *run)
{
	long steps = 0;

	while (run->wl.nr) {
		struct work_item item = run->wl.items[--run->wl.nr];

		if (++steps > run->limits->max_steps) {
			run->limited = 1;
			state_free(item.state);
			continue;
		}
		run->w->cur = item.state;
		walk_block_events(run, item.block);
		state_free(item.state);
	}
}

static void free_walk(struct walk *w)
{
	int i;

	for (i = 0; i < w->nr_notes; i++)
		free(w->notes[i]);
	free(w->notes);
	text_cache_free(w->texts);
	free(w->tested);
	strpool_free(w->pool);
}

int walk_function(const struct cfg *cfg, CXTranslationUnit tu,
		  const struct model *model, const struct walk_hooks *hooks,
		  const struct walk_limits *limits, void *check_data)
{
	struct walk w = { .cfg = cfg,
			  .tu = tu,
			  .model = model,
			  .hooks = hooks,
			  .check_data = check_data };
	struct walk_run run = { .w = &w, .limits = limits };
	int i;

	w.pool = strpool_new();
	run.seen = xcalloc(cfg->nr_blocks, sizeof(*run.seen));
	count_tests(&w);
	w.cur = state_new();
	run_begin(&w);
	seen_before(&run.seen[cfg->entry->nr], state_hash(w.cur));
	push(&run.wl, cfg->entry, w.cur);
	walk_paths(&run);
	w.cur = state_new();
	run_end(&w);
	state_free(w.cur);
	for (i = 0; i < cfg->nr_blocks; i++)
		free(run.seen[i].hashes);
	free(run.seen);
	free(run.wl.items);
	free_walk(&w);
	return run.limited;
}
