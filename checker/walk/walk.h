/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Internals shared by the dataflow engine's files: the path state and
 * the walk.  Checks use dataflow.h only.
 */
#ifndef MMUCHECK_WALK_H
#define MMUCHECK_WALK_H

#include <stdint.h>

#include "walk/dataflow.h"

struct fact {
	const char *text; /* interned source text of an expression */
	int exact; /* value is known, else "non-zero" */
	long long value;
	int from_branch; /* learnt from a test, not an assignment */
};

struct state {
	struct slot *slots; /* sorted by owner, key */
	int nr_slots, alloc_slots;
	struct fact *facts; /* sorted by text */
	int nr_facts, alloc_facts;
	const struct note *trail;
	struct src_pos last_pos; /* of the last event on the path */
	unsigned int macro_offset; /* 1 + offset of the last API macro */
};

struct strpool;

struct walk {
	const struct cfg *cfg;
	CXTranslationUnit tu;
	const struct model *model;
	const struct walk_hooks *hooks;
	void *check_data;
	struct state *cur;
	const struct basic_block *block;
	int owner;
	int pruned;
	struct strpool *pool;
	struct note **notes; /* every note, freed with the walk */
	int nr_notes, alloc_notes;
	struct text_cache *texts;
	struct tested *tested; /* how often the function tests a text */
	int nr_tested, alloc_tested;
};

struct tested {
	const char *text; /* interned */
	int count;
};

struct state *state_new(void);
struct state *state_copy(const struct state *st);
void state_free(struct state *st);
uint64_t state_hash(const struct state *st);

/* facts.c */
void facts_after_event(struct walk *w, const struct event *ev);
/* 0 if the edge contradicts what is known, else records it */
int facts_branch(struct walk *w, CXCursor cond, int truth);
/* Forget what tests said (assignments stay): the walk's widening. */
void drop_branch_facts(struct state *st);
/* Count the tests of the function: only facts that can decide one live. */
void count_tests(struct walk *w);
const char *expr_text(struct walk *w, CXCursor c);
void text_cache_free(struct text_cache *tc);

/* strpool.c */
struct strpool *strpool_new(void);
const char *strpool_intern(struct strpool *pool, const char *s);
void strpool_free(struct strpool *pool);

#endif
