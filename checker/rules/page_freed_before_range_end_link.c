// SPDX-License-Identifier: GPL-2.0
/*
 * page-freed-before-range-end across functions: a function without
 * ranges of its own that clears an entry and then drops a reference to
 * the page, with no secondary-TLB flush between, frees it too early when
 * a caller calls it inside a range (the caller's range end is the flush).
 * The finding is on the put; its notes start at the caller's call.
 */
#include <stdio.h>

#include "rules/rules.h"

#define RULE rule_id(RULE_PAGE_FREED_BEFORE_RANGE_END)

static const struct ssite *call_in_range(const struct program *p,
					 const struct fsum *callee,
					 const struct fsum **caller)
{
	int i, j;

	for (i = 0; i < p->nr; i++)
		for (j = 0; j < p->fns[i]->nr_sites; j++) {
			const struct ssite *s = &p->fns[i]->sites[j];

			if (s->target == callee && s->in_range_paths &&
			    p->fns[i] != callee) {
				*caller = p->fns[i];
				return s;
			}
		}
	return NULL;
}

static void report_put(struct findings *out, const struct fsum *f,
		       const struct sput *put, const struct fsum *caller,
		       const struct ssite *site)
{
	char msg[512], note[256];
	struct finding *fd;

	snprintf(
		msg, sizeof(msg),
		"%s() may free the page of the entry cleared by %s() at line %u while the range %s() opened is still open, before the secondary TLBs are invalidated",
		put->put, put->clear, put->clear_line, caller->name);
	fd = add_finding(out, RULE, put->file, put->line, put->col, f->name,
			 put->confidence, msg);
	if (!fd)
		return;
	snprintf(note, sizeof(note), "%s() calls %s() here with a range open",
		 caller->name, f->name);
	trace_add(&fd->trace, site->file, site->line, site->col, caller->name,
		  note);
	trace_append(&fd->trace, &put->trace, f->name);
}

void decide_page_in_callers_range(struct program *p, struct findings *out)
{
	const struct fsum *caller;
	const struct ssite *site;
	int i, j;

	for (i = 0; i < p->nr; i++) {
		const struct fsum *f = p->fns[i];

		for (j = 0; j < f->nr_puts; j++) {
			site = call_in_range(p, f, &caller);
			if (site)
				report_put(out, f, &f->puts[j], caller, site);
		}
	}
}
