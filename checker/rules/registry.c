// SPDX-License-Identifier: GPL-2.0
/*
 * The rule registry: the rows of rules/check_list.h, and the selection
 * of --enable/--disable.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/diag.h"
#include "lib/util.h"
#include "rules/rules.h"

const struct rule rule_table[NR_RULES] = {
#define RULE(sym, id, walk, link, level, summary, help) \
	[RULE_##sym] = { id, walk, link, level, summary, help },
#include "rules/check_list.h"
#undef RULE
};

const struct check *const rule_checks[NR_RULES] = {
/* in row order, as enum rule_nr */
#define RULE(sym, id, walk, link, level, summary, help) walk,
#include "rules/check_list.h"
#undef RULE
};

static int disabled[NR_RULES];

const struct rule *rule_named(const char *id)
{
	int i;

	for (i = 0; i < NR_RULES; i++)
		if (!strcmp(rule_table[i].id, id))
			return &rule_table[i];
	return NULL;
}

int select_rules(const char *list, int enable)
{
	char *copy = xstrdup(list), *name, *next;
	int i, ret = 0;

	if (enable)
		for (i = 0; i < NR_RULES; i++)
			disabled[i] = 1;
	for (name = copy; name; name = next) {
		const struct rule *r;

		next = strchr(name, ',');
		if (next)
			*next++ = '\0';
		r = rule_named(name);

		if (!r) {
			error("unknown rule '%s' (mmucheck --list-rules)",
			      name);
			ret = -1;
			break;
		}
		disabled[r - rule_table] = !enable;
	}
	free(copy);
	return ret;
}

int rule_enabled(const char *id)
{
	const struct rule *r = rule_named(id);

	return r && !disabled[r - rule_table];
}

/* A finding made over many files: the era of its function's file. */
static void set_era_of_function(const struct program *p, struct finding *fd)
{
	int i;

	for (i = 0; i < p->nr && !fd->era; i++) {
		const struct fsum *f = p->fns[i];

		if (f->era && !strcmp(f->name, fd->function) &&
		    !strcmp(f->file, fd->file)) {
			fd->era = fmt_str("%d.%d", f->era / 100, f->era % 100);
			fd->era_from = xstrdup(f->era_from ? f->era_from : "");
		}
	}
}

void link_rules(struct program *p, struct findings *out)
{
	int i, first = out->nr;

	link_program(p);
	for (i = 0; i < NR_RULES; i++)
		if (rule_table[i].link)
			rule_table[i].link(p, out);
	for (i = first; i < out->nr; i++)
		set_era_of_function(p, &out->items[i]);
}

void list_rules(FILE *out)
{
	int i;

	for (i = 0; i < NR_RULES; i++)
		fprintf(out, "%-28s %s\n", rule_table[i].id,
			rule_table[i].summary);
}
