// SPDX-License-Identifier: GPL-2.0
/*
 * pte-outside-range across functions, over linked summaries: the
 * functions of one file, or of every file "mmucheck scan" analysed.
 *
 * The finding goes where the fix goes (docs/kernel-api.md F.2: every
 * missing range the kernel fixed was opened in the function that made
 * the change).  For each change made with no range open:
 *
 *  - in a function that manages ranges of its own, or that nobody calls,
 *    the finding is on the change;
 *  - when no chain of callers above the function holds a range, it is on
 *    the change too, once, with a note for each chain of callers that
 *    reaches it without one (the root first, the call at each level);
 *  - only when some callers hold a range and others do not, each caller
 *    that calls without one and has no range above it is blamed, at its
 *    call.  A caller that manages ranges of its own is blamed at its call:
 *    the call belongs inside its range.
 *
 * A function nobody calls that takes a range, mmu_gather or page-walk
 * argument runs, by contract, inside a range its caller opened.  One that
 * changes the entry it was handed (a pte_t * parameter) with no caller in
 * sight is reported at low confidence: its callers are unknown; at the
 * default confidence in a whole-tree scan, when nothing calls it and
 * nothing takes its address.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/model.h"
#include "rules/rules.h"

#define RULE rule_id(RULE_PTE_OUTSIDE_RANGE)
#define MAX_CHAIN 32
/* roots whose chains of callers are shown as notes under one finding */
#define MAX_CHAINS 8

enum above { ABOVE_UNKNOWN, ABOVE_NONE, ABOVE_RANGE };

static int needs(const struct fsum *f)
{
	return f->need_op || f->need_site;
}

/* Is the call made with no range on some path that matters? */
static int unguarded(const struct fsum *f, const struct ssite *s)
{
	if (!s->closed_paths || !s->target || s->target == f)
		return 0;
	/* a range on some paths: the function correlates it (is_cow) */
	return !(f->manages && s->open_paths);
}

/* What needs a caller's range: for the scan, whose callers to look for. */
static int step_needs(struct fsum *f)
{
	int j;

	if (needs(f) || f->manages)
		return 0;
	if (f->nr_ops) {
		f->need_op = &f->ops[0];
		return 1;
	}
	for (j = 0; j < f->nr_sites; j++) {
		const struct ssite *s = &f->sites[j];

		if (unguarded(f, s) && needs(s->target)) {
			f->need_site = s;
			return 1;
		}
	}
	return 0;
}

static void find_needs(struct program *p)
{
	int i, changed = 1;

	for (i = 0; i < p->nr; i++) {
		p->fns[i]->need_op = NULL;
		p->fns[i]->need_site = NULL;
		p->fns[i]->above = ABOVE_UNKNOWN;
		p->fns[i]->on_chain = 0;
	}
	while (changed)
		for (changed = 0, i = 0; i < p->nr; i++)
			changed |= step_needs(p->fns[i]);
}

/* Nobody calls it, and by contract it runs inside its caller's range. */
static int contract_root(const struct fsum *f)
{
	return !f->nr_in && f->in_range_param;
}

/* Does some chain of callers above f hold a range? */
static int range_above(struct fsum *f, int depth)
{
	int i, found = 0;

	if (f->above != ABOVE_UNKNOWN)
		return f->above == ABOVE_RANGE;
	if (f->on_chain || depth > MAX_CHAIN)
		return 0;
	f->on_chain = 1;
	for (i = 0; i < f->nr_in && !found; i++) {
		struct fsum *from = f->in[i].from;

		found = !unguarded(from, f->in[i].site) || from->manages ||
			contract_root(from) || range_above(from, depth + 1);
	}
	f->on_chain = 0;
	f->above = found ? ABOVE_RANGE : ABOVE_NONE;
	return found;
}

/* Does some chain of callers above f walk to the entry itself? */
static int walked_above(struct fsum *f, unsigned int levels, int depth)
{
	int i, found = 0;

	if (f->on_chain || depth > MAX_CHAIN)
		return 0;
	f->on_chain = 1;
	for (i = 0; i < f->nr_in && !found; i++) {
		const struct caller_edge *e = &f->in[i];

		if (unguarded(e->from, e->site))
			found = !(e->site->passes_levels & levels) ||
				walked_above(e->from, levels, depth + 1);
	}
	f->on_chain = 0;
	return found;
}

/* The calls from the anchor down to the change; calls[0] reaches it. */
struct chain {
	const struct caller_edge *calls[MAX_CHAIN];
	int nr;
};

struct placement {
	struct program *program;
	struct findings *out;
	const struct fsum *owner; /* makes the change */
	const struct sop *op;
	struct chain down;
	struct strlist anchored; /* "file:line:col" of calls reported */
};

/* Confidence of a change to an entry a caller nobody sees handed in. */
static enum confidence handed_in_confidence(const struct placement *pl,
					    const struct fsum *root)
{
	if (pl->program->whole && !root->address_taken)
		return CONF_MEDIUM;
	return CONF_LOW;
}

/* The anchor was handed the entry: every call down passes it on. */
static int handed(const struct placement *pl)
{
	int i;

	if (!pl->op->handed_in)
		return 0;
	for (i = 0; i < pl->down.nr; i++)
		if (!(pl->down.calls[i]->site->passes_levels & pl->op->levels))
			return 0;
	return 1;
}

static void add_call_note(struct finding *fd, const struct caller_edge *e)
{
	const struct ssite *s = e->site;
	char text[512];

	if (s->via)
		snprintf(
			text, sizeof(text),
			"%s() calls %s() here, which runs %s(), with no range open",
			e->from->name, s->via, s->callee);
	else
		snprintf(text, sizeof(text),
			 "%s() calls %s() here with no range open",
			 e->from->name, s->callee);
	trace_add(&fd->trace, s->file, s->line, s->col, e->from->name, text);
}

/* Chains of callers above f with no range: notes, the root first. */
struct chains_shown {
	struct finding *fd;
	const struct caller_edge *path[MAX_CHAIN];
	int depth, shown, more;
	struct strlist noted; /* calls already shown, for shared tails */
};

static void show_chains(struct chains_shown *cs, struct fsum *f)
{
	int i, j, top = 1;

	if (cs->depth >= MAX_CHAIN)
		return;
	f->on_chain = 1;
	for (i = 0; i < f->nr_in; i++) {
		const struct caller_edge *e = &f->in[i];

		if (!unguarded(e->from, e->site) || e->from->on_chain)
			continue;
		top = 0;
		cs->path[cs->depth++] = e;
		show_chains(cs, e->from);
		cs->depth--;
	}
	f->on_chain = 0;
	if (!top || !cs->depth)
		return;
	if (cs->shown == MAX_CHAINS) {
		cs->more++;
		return;
	}
	cs->shown++;
	for (j = cs->depth - 1; j >= 0; j--) {
		const struct ssite *site = cs->path[j]->site;
		char where[64];

		snprintf(where, sizeof(where), "%p", (const void *)site);
		if (strlist_has(&cs->noted, where))
			continue;
		strlist_add(&cs->noted, where);
		add_call_note(cs->fd, cs->path[j]);
	}
}

static void add_chains_above(struct finding *fd, struct fsum *f)
{
	struct chains_shown cs = { .fd = fd };
	char text[128];

	show_chains(&cs, f);
	strlist_release(&cs.noted);
	if (!cs.more)
		return;
	snprintf(text, sizeof(text),
		 "and %d more callers with no range above reach %s()", cs.more,
		 f->name);
	trace_add(&fd->trace, f->file, f->line, 1, f->name, text);
}

static struct finding *anchor_finding(struct placement *pl, struct fsum *at,
				      enum confidence conf, const char *why)
{
	const struct sop *op = pl->op;
	const struct ssite *s;
	char msg[512], where[64];

	if (!pl->down.nr) {
		snprintf(
			msg, sizeof(msg),
			"%s() changes entry '%s' with no mmu notifier range open in %s()%s",
			op->primitive, op->entry, at->name, why);
		return add_finding(pl->out, RULE, op->file, op->line, op->col,
				   at->name, conf, msg);
	}
	s = pl->down.calls[pl->down.nr - 1]->site;
	snprintf(where, sizeof(where), "%s:%u:%u", s->file, s->line, s->col);
	if (strlist_has(&pl->anchored, where))
		return NULL;
	strlist_add(&pl->anchored, where);
	snprintf(
		msg, sizeof(msg),
		"%s() called with no mmu notifier range open in %s()%s; it reaches %s() in %s()",
		s->via ? s->via : s->callee, at->name, why, op->primitive,
		pl->owner->name);
	return add_finding(pl->out, RULE, s->file, s->line, s->col, at->name,
			   conf, msg);
}

/*
 * The path to the change in its function, and the change; below a call
 * the change names its function, in the path's own last step when that
 * is the change.
 */
static void add_change_notes(struct finding *fd, const struct placement *pl)
{
	const struct sop *op = pl->op;
	struct trace *t = &fd->trace;
	struct trace_step *last;
	char text[512];

	trace_append(t, &op->trace, pl->owner->name);
	last = t->nr ? &t->steps[t->nr - 1] : NULL;
	if (last && (last->line != op->line || last->col != op->col))
		last = NULL;
	if (last && !pl->down.nr)
		return;
	snprintf(text, sizeof(text), "%s() changes entry '%s' here in %s()",
		 op->primitive, op->entry, pl->owner->name);
	if (last) {
		free(last->note);
		last->note = xstrdup(text);
		return;
	}
	trace_add(t, op->file, op->line, op->col, pl->owner->name, text);
}

/*
 * The finding at the anchor (the change, or the call on the way down to
 * it in at()), with notes: the path in at(), the calls down and the
 * change, then the chains of callers above with no range when asked.
 */
static void report_at(struct placement *pl, struct fsum *at,
		      enum confidence conf, const char *why, int chains)
{
	struct finding *fd = anchor_finding(pl, at, conf, why);
	int i;

	if (!fd)
		return;
	if (pl->down.nr)
		trace_append(&fd->trace,
			     &pl->down.calls[pl->down.nr - 1]->site->trace,
			     at->name);
	for (i = pl->down.nr - 1; i >= 0; i--)
		add_call_note(fd, pl->down.calls[i]);
	add_change_notes(fd, pl);
	if (chains)
		add_chains_above(fd, at);
}

static void place(struct placement *pl, struct fsum *at);

/* Each call into at made with no range open, placed in its caller. */
static void place_callers(struct placement *pl, struct fsum *at, int blame)
{
	int i;

	if (pl->down.nr >= MAX_CHAIN || at->on_chain)
		return;
	at->on_chain = 1;
	for (i = 0; i < at->nr_in; i++) {
		const struct caller_edge *e = &at->in[i];
		struct fsum *from = e->from;

		if (!unguarded(from, e->site) || contract_root(from))
			continue;
		pl->down.calls[pl->down.nr++] = e;
		if (blame && !from->manages && from->nr_in &&
		    !from->in_range_param && !range_above(from, 0))
			report_at(pl, from, CONF_HIGH,
				  ", where other callers hold one", 1);
		else
			place(pl, from);
		pl->down.nr--;
	}
	at->on_chain = 0;
}

/*
 * Where the range for a change seen in at() belongs: in at() when it
 * manages ranges, when nobody calls it, or when no chain of callers holds
 * one; in its callers when it runs in its caller's range by contract, or
 * when some callers hold a range and others do not.
 */
static void place(struct placement *pl, struct fsum *at)
{
	if (at->manages) {
		report_at(pl, at, CONF_HIGH, "", 0);
	} else if (!at->nr_in) {
		if (!contract_root(at))
			report_at(pl, at,
				  handed(pl) ? handed_in_confidence(pl, at) :
					       CONF_HIGH,
				  "", 0);
	} else if (at->in_range_param) {
		place_callers(pl, at, 0);
	} else if (!range_above(at, 0)) {
		report_at(pl, at,
			  handed(pl) && !walked_above(at, pl->op->levels, 0) ?
				  CONF_LOW :
				  CONF_HIGH,
			  ", and no caller opens one", 1);
	} else {
		place_callers(pl, at, 1);
	}
}

void decide_pte_outside_range(struct program *p, struct findings *out)
{
	struct placement pl = { .program = p, .out = out };
	int i, j;

	find_needs(p);
	for (i = 0; i < p->nr; i++) {
		/* the API's own definitions: each use is checked as a change */
		if (is_api_name(p->fns[i]->name))
			continue;
		for (j = 0; j < p->fns[i]->nr_ops; j++) {
			pl.owner = p->fns[i];
			pl.op = &p->fns[i]->ops[j];
			pl.down.nr = 0;
			place(&pl, p->fns[i]);
		}
	}
	strlist_release(&pl.anchored);
}
