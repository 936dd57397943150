// SPDX-License-Identifier: GPL-2.0
/*
 * pte-outside-range across the functions of one file.
 *
 * A function "needs a range" when it changes an entry with no range open
 * on some path, or calls, with no range open, a function that needs one.
 * The need moves up the file's call graph (page walks call the callbacks
 * of their ops table) until it reaches the function that should open the
 * range: one with no caller in the file, or one that manages ranges of
 * its own and made this call outside them.  The finding is placed there,
 * on the primitive or on the call, and carries the chain down to the
 * primitive.  A helper every caller calls inside a range stays silent.
 *
 * A function without callers in the file that takes a range, mmu_gather
 * or page-walk argument, or changes an entry it was handed, is called by
 * contract inside a range its caller in another file opened: that is the
 * cross-file pass's business.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis.h"

#define RULE "pte-outside-range"
#define MAX_CHAIN 16

struct need {
	const struct function_info *fn;
	const struct unguarded_op *op;		/* where it ends */
	const struct call_site *site;		/* or how it goes on */
	const struct need *next;
};

struct decision {
	struct file_analysis *fa;
	struct need *needs;	/* one per function, fn NULL: no need */
};

static int index_of(const struct file_analysis *fa,
		    const struct function_info *fi)
{
	int i;

	for (i = 0; i < fa->nr_fns; i++)
		if (fa->fns[i] == fi)
			return i;
	return -1;
}

static int manages_ranges(const struct function_info *fi)
{
	return fi->starts.nr > 0;
}

/* Is the call made with no range on some path that matters? */
static int unguarded(const struct function_info *fi,
		     const struct call_site *s)
{
	if (!s->closed_paths)
		return 0;
	/* a range on some paths: the function correlates it (is_cow) */
	return !(manages_ranges(fi) && s->open_paths);
}

static int has_callers(const struct file_analysis *fa,
		       const struct function_info *fi)
{
	int i, j;

	for (i = 0; i < fa->nr_fns; i++) {
		const struct function_info *g = fa->fns[i];

		for (j = 0; g != fi && j < g->nr_sites; j++)
			if (!strcmp(g->sites[j].callee, fi->name))
				return 1;
	}
	return 0;
}

static int step_needs(struct decision *d, int i)
{
	const struct function_info *fi = d->fa->fns[i];
	int j;

	/* a function with ranges of its own answers for its calls */
	if (d->needs[i].fn || manages_ranges(fi))
		return 0;
	if (fi->nr_ops) {
		d->needs[i] = (struct need){ fi, &fi->ops[0], NULL, NULL };
		return 1;
	}
	for (j = 0; j < fi->nr_sites; j++) {
		const struct call_site *s = &fi->sites[j];
		int k = index_of(d->fa, function_named(d->fa, s->callee));

		if (k < 0 || k == i || !d->needs[k].fn || !unguarded(fi, s))
			continue;
		d->needs[i] = (struct need){ fi, NULL, s, &d->needs[k] };
		return 1;
	}
	return 0;
}

static void find_needs(struct decision *d)
{
	int i, changed = 1;

	while (changed)
		for (changed = 0, i = 0; i < d->fa->nr_fns; i++)
			changed |= step_needs(d, i);
}

static int handed_in(const struct function_info *fi, const char *entry)
{
	char *root = first_identifier(entry);
	const struct param *p = param_named(fi, root);
	int ret = p && p->is_pointer && !entry_written(fi, entry);

	free(root);
	return ret;
}

/*
 * The call passes on the entry (or the fault) this function was handed,
 * at the level of the entry the callee changes: a pmd_t * handed on to a
 * helper that walks to its ptes is not the entry it changes.
 */
static int passes_entry(const struct function_info *fi,
			const struct call_site *s, unsigned int levels)
{
	int i;

	for (i = 0; i < s->args.nr; i++) {
		const struct param *p = param_named(fi, s->args.items[i]);

		if (p && p->pointee && (entry_param_levels(p->pointee) & levels))
			return 1;
	}
	return 0;
}

static char *pos_file(struct src_pos pos)
{
	CXString s = clang_getFileName(pos.file);
	char *path = xstrdup(clang_getCString(s) ? clang_getCString(s) : "");

	clang_disposeString(s);
	return path;
}

static void add_steps(struct finding *f, const struct trace *t,
		      const char *function)
{
	int i;

	for (i = 0; i < t->nr; i++) {
		char *file = pos_file(t->steps[i].pos);

		add_finding_step(f, file, t->steps[i].pos.line,
				 t->steps[i].pos.col, function,
				 t->steps[i].text);
		free(file);
	}
}

static void add_step(struct finding *f, struct src_pos pos,
		     const char *function, const char *text)
{
	char *file = pos_file(pos);

	add_finding_step(f, file, pos.line, pos.col, function, text);
	free(file);
}

/* Notes for the functions below the call, down to the primitive. */
static void add_chain(struct finding *f, const struct need *n)
{
	char text[512];
	int depth;

	for (depth = 0; n && depth < MAX_CHAIN; n = n->next, depth++) {
		if (n->op) {
			add_steps(f, &n->op->trace, n->fn->name);
			snprintf(text, sizeof(text),
				 "%s() changes entry '%s' here in %s()",
				 n->op->primitive, n->op->entry, n->fn->name);
			add_step(f, n->op->pos, n->fn->name, text);
			return;
		}
		snprintf(text, sizeof(text), "%s() calls %s() here",
			 n->fn->name, n->site->callee);
		add_step(f, n->site->pos, n->fn->name, text);
	}
}

static const struct unguarded_op *bottom_op(const struct need *n)
{
	while (n && !n->op)
		n = n->next;
	return n ? n->op : NULL;
}

static const char *bottom_fn(const struct need *n)
{
	while (n && !n->op)
		n = n->next;
	return n ? n->fn->name : "?";
}

static struct finding *new_finding(struct file_analysis *fa,
				   const struct function_info *fi,
				   struct src_pos pos, const char *message)
{
	char *file = pos_file(pos);
	struct finding *f = add_finding(fa->findings, RULE, file, pos.line,
					pos.col, fi->name, CONF_HIGH,
					message);

	free(file);
	return f;
}

static void report_op(struct decision *d, const struct function_info *fi,
		      const struct unguarded_op *op)
{
	char msg[512];
	struct finding *f;

	snprintf(msg, sizeof(msg),
		 "%s() changes entry '%s' with no mmu notifier range open in %s()",
		 op->primitive, op->entry, fi->name);
	f = new_finding(d->fa, fi, op->pos, msg);
	if (f)
		add_steps(f, &op->trace, fi->name);
}

static void report_site(struct decision *d, const struct function_info *fi,
			const struct call_site *s, const struct need *callee)
{
	const struct unguarded_op *op = bottom_op(callee);
	char msg[512];
	struct finding *f;

	snprintf(msg, sizeof(msg),
		 "%s() called with no mmu notifier range open in %s(); it reaches %s() in %s()",
		 s->via ? s->via : s->callee, fi->name,
		 op ? op->primitive : "?", bottom_fn(callee));
	f = new_finding(d->fa, fi, s->pos, msg);
	if (!f)
		return;
	add_steps(f, &s->trace, fi->name);
	if (s->via) {
		char text[256];

		snprintf(text, sizeof(text), "%s() runs %s()", s->via,
			 s->callee);
		add_step(f, s->pos, fi->name, text);
	}
	add_chain(f, callee);
}

static int responsible(const struct decision *d,
		       const struct function_info *fi)
{
	if (manages_ranges(fi))
		return 1;
	return !has_callers(d->fa, fi) && !takes_in_range_param(fi);
}

static void report_function(struct decision *d, int i)
{
	const struct function_info *fi = d->fa->fns[i];
	int j;

	if (!manages_ranges(fi) && (!d->needs[i].fn || !responsible(d, fi)))
		return;
	for (j = 0; j < fi->nr_ops; j++)
		if (manages_ranges(fi) || !handed_in(fi, fi->ops[j].entry))
			report_op(d, fi, &fi->ops[j]);
	for (j = 0; j < fi->nr_sites; j++) {
		const struct call_site *s = &fi->sites[j];
		int k = index_of(d->fa, function_named(d->fa, s->callee));

		if (k < 0 || k == i || !d->needs[k].fn || !unguarded(fi, s))
			continue;
		if (!manages_ranges(fi) &&
		    passes_entry(fi, s, bottom_op(&d->needs[k])->levels))
			continue;
		report_site(d, fi, s, &d->needs[k]);
	}
}

void decide_pte_outside_range(struct file_analysis *fa)
{
	struct decision d = { fa, xcalloc(fa->nr_fns, sizeof(struct need)) };
	int i;

	find_needs(&d);
	for (i = 0; i < fa->nr_fns; i++)
		report_function(&d, i);
	free(d.needs);
}
