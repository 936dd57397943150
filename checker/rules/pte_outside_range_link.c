// SPDX-License-Identifier: GPL-2.0
/*
 * pte-outside-range across functions, over linked summaries: the
 * functions of one file, or of every file "mmucheck scan" analysed.
 *
 * A function "needs a range" when it changes an entry with no range open
 * on some path, or calls, with no range open, a function that needs one.
 * The need moves up the call graph (page walks call the callbacks of
 * their ops table) until it reaches the function that should open the
 * range: one nobody calls (a syscall, an ops callback, or a function
 * whose callers are outside the analysed files), or one that manages
 * ranges of its own and made this call outside them.  The finding is
 * placed there, on the primitive or on the call, and its notes go down
 * the chain to the primitive.  A helper every caller calls inside a range
 * stays silent.
 *
 * A function nobody calls that takes a range, mmu_gather or page-walk
 * argument runs, by contract, inside a range its caller opened; one that
 * changes the entry it was handed leaves the range to whoever walked to
 * that entry.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/model.h"
#include "rules/rules.h"

#define RULE rule_id(RULE_PTE_OUTSIDE_RANGE)
#define MAX_CHAIN 32

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

static int step_needs(struct fsum *f)
{
	int j;

	/* a function with ranges of its own answers for its calls */
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
	}
	while (changed)
		for (changed = 0, i = 0; i < p->nr; i++)
			changed |= step_needs(p->fns[i]);
}

static const struct fsum *bottom(const struct fsum *f)
{
	int depth;

	for (depth = 0; f && !f->need_op && depth < MAX_CHAIN; depth++)
		f = f->need_site ? f->need_site->target : NULL;
	return f && f->need_op ? f : NULL;
}

/* Notes for the functions below the call, down to the primitive. */
static void add_chain(struct finding *out, const struct fsum *f)
{
	char text[512];
	int depth;

	for (depth = 0; f && depth < MAX_CHAIN; depth++) {
		if (f->need_op) {
			const struct sop *op = f->need_op;

			trace_append(&out->trace, &op->trace, f->name);
			snprintf(text, sizeof(text),
				 "%s() changes entry '%s' here in %s()",
				 op->primitive, op->entry, f->name);
			trace_add(&out->trace, op->file, op->line, op->col,
				  f->name, text);
			return;
		}
		snprintf(text, sizeof(text), "%s() calls %s() here", f->name,
			 f->need_site->callee);
		trace_add(&out->trace, f->need_site->file, f->need_site->line,
			  f->need_site->col, f->name, text);
		f = f->need_site->target;
	}
}

static void report_op(struct findings *out, const struct fsum *f,
		      const struct sop *op)
{
	char msg[512];
	struct finding *fd;

	snprintf(
		msg, sizeof(msg),
		"%s() changes entry '%s' with no mmu notifier range open in %s()",
		op->primitive, op->entry, f->name);
	fd = add_finding(out, RULE, op->file, op->line, op->col, f->name,
			 CONF_HIGH, msg);
	if (fd)
		trace_append(&fd->trace, &op->trace, f->name);
}

static void report_site(struct findings *out, const struct fsum *f,
			const struct ssite *s)
{
	const struct fsum *b = bottom(s->target);
	char msg[512], text[256];
	struct finding *fd;

	snprintf(
		msg, sizeof(msg),
		"%s() called with no mmu notifier range open in %s(); it reaches %s() in %s()",
		s->via ? s->via : s->callee, f->name,
		b ? b->need_op->primitive : "?", b ? b->name : "?");
	fd = add_finding(out, RULE, s->file, s->line, s->col, f->name,
			 CONF_HIGH, msg);
	if (!fd)
		return;
	trace_append(&fd->trace, &s->trace, f->name);
	if (s->via) {
		snprintf(text, sizeof(text), "%s() runs %s()", s->via,
			 s->callee);
		trace_add(&fd->trace, s->file, s->line, s->col, f->name, text);
	}
	add_chain(fd, s->target);
}

static int responsible(const struct fsum *f)
{
	return f->manages || (!f->nr_callers && !f->in_range_param);
}

static void report_function(struct findings *out, const struct fsum *f)
{
	const struct fsum *b;
	int j;

	if (!f->manages && (!needs(f) || !responsible(f)))
		return;
	for (j = 0; j < f->nr_ops; j++)
		if (f->manages || !f->ops[j].handed_in)
			report_op(out, f, &f->ops[j]);
	for (j = 0; j < f->nr_sites; j++) {
		const struct ssite *s = &f->sites[j];

		if (!unguarded(f, s) || !needs(s->target))
			continue;
		b = bottom(s->target);
		if (!f->manages && b && (s->passes_levels & b->need_op->levels))
			continue;
		report_site(out, f, s);
	}
}

void decide_pte_outside_range(struct program *p, struct findings *out)
{
	int i;

	find_needs(p);
	for (i = 0; i < p->nr; i++)
		report_function(out, p->fns[i]);
}
