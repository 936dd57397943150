/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The rule registry (rules/check_list.h): ids, walk hooks, link-time
 * deciders and catalogue text, and which rules a run keeps.
 */
#ifndef MMUCHECK_RULES_H
#define MMUCHECK_RULES_H

#include "link/summary.h"
#include "unit/unit.h"

enum rule_nr {
#define RULE(sym, id, walk, link, level, summary, help) RULE_##sym,
#include "rules/check_list.h"
#undef RULE
	NR_RULES
};

struct rule {
	const char *id;
	const struct check *walk;
	void (*link)(struct program *p, struct findings *out);
	const char *level;
	const char *summary, *help;
};

extern const struct rule rule_table[NR_RULES];
/* The walk hooks of every rule, in row order (walk_hooks.checks). */
extern const struct check *const rule_checks[NR_RULES];

static inline const char *rule_id(enum rule_nr nr)
{
	return rule_table[nr].id;
}

const struct rule *rule_named(const char *id);
/* "--enable=a,b" / "--disable=a,b": 0, or -1 after an error naming it. */
int select_rules(const char *list, int enable);
/* Is the rule kept in this run (finish_options.keep_rule)? */
int rule_enabled(const char *id);
/* Link the summaries, then every rule's decision over them. */
void link_rules(struct program *p, struct findings *out);
/* --list-rules */
void list_rules(FILE *out);

/* range_unbalanced.c: the state of the ranges on the current path */
int range_is_open(struct walk *w);

extern const struct check check_ranges, check_pte, check_page;
void decide_pte_outside_range(struct program *p, struct findings *out);
void decide_page_in_callers_range(struct program *p, struct findings *out);

#endif
