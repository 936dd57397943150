/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Path-sensitive walk of one function's CFG, in the manner of smatch:
 * the checks keep their state in named slots of the path state, hooks
 * are called for every call, statement, branch and function exit, and
 * the engine explores each (block, state) pair once.
 *
 * The engine knows C, not the kernel: besides the slots of the checks it
 * tracks what branches and constant assignments say about expressions
 * ("facts", by their source text), so that a later test of the same
 * expression takes only the edge the earlier one allows (the correlated
 * conditions of lazy ranges: range.start, notified, is_cow).
 *
 * Every path carries a trail of notes (where a range started, the
 * branches taken); a finding copies the trail of the path that found it.
 * The trail is not part of the state: the first path to reach a block in
 * a given state is the witness.
 */
#ifndef MMUCHECK_DATAFLOW_H
#define MMUCHECK_DATAFLOW_H

#include "cfg/cfg.h"

struct walk;
struct model;
struct api;

struct slot {
	int owner; /* the check (index in the check table) */
	const char *key; /* interned */
	long value;
	const char *aux; /* interned, or NULL */
	struct src_pos pos; /* where the value was set (not compared) */
	/* the path's notes when it was set, for a finding made of it later */
	const struct note *trail;
};

struct note {
	const struct note *prev;
	struct src_pos pos;
	const char *text;
	int is_branch;
};

/* A check: a small state machine on these hooks (all optional). */
struct check {
	const char *name;
	void (*begin)(struct walk *w);
	void (*call)(struct walk *w, const struct event *ev,
		     const struct api *api);
	void (*stmt)(struct walk *w, const struct event *ev);
	void (*branch)(struct walk *w, CXCursor cond, int truth);
	void (*exit)(struct walk *w);
	void (*end)(struct walk *w); /* after every path was walked */
};

struct walk_hooks {
	const struct check *const *checks;
	int nr_checks;
	/* receives a finding: the trail is the path's notes, newest first */
	void (*report)(void *sink, struct walk *w, const char *rule,
		       int confidence, struct src_pos pos,
		       const struct note *trail, const char *message);
	void *sink;
};

struct walk_limits {
	long max_steps; /* blocks walked per function */
	int max_states; /* distinct states per block */
};

/* Walk every path of cfg; 1 if a limit stopped it early. */
int walk_function(const struct cfg *cfg, CXTranslationUnit tu,
		  const struct model *model, const struct walk_hooks *hooks,
		  const struct walk_limits *limits, void *check_data);

/* For the hooks: where we are. */
CXTranslationUnit walk_tu(const struct walk *w);
const struct model *walk_model(const struct walk *w);
void *walk_check_data(const struct walk *w);
const struct basic_block *walk_block(const struct walk *w);
/* The notes of the current path, newest first. */
const struct note *walk_trail(const struct walk *w);
/* Where the path was last: the return statement, at the exit hook. */
struct src_pos walk_last_pos(const struct walk *w);

/* Slots of the current path (owner is the calling check). */
const struct slot *slot_get(struct walk *w, const char *key);
void slot_set(struct walk *w, const char *key, long value, const char *aux,
	      struct src_pos pos);
void slot_drop(struct walk *w, const char *key);
/* Slots of another check, read-only (ranges are read by two checks). */
const struct slot *slot_of(struct walk *w, int owner, int index);
int nr_slots(const struct walk *w);

/* A string that lives as long as the walk. */
const char *walk_intern(struct walk *w, const char *s);

/* Add a note to this path's trail. */
void walk_note(struct walk *w, struct src_pos pos, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* This path cannot happen: stop it. */
void walk_prune(struct walk *w);
void walk_report(struct walk *w, const char *rule, int confidence,
		 struct src_pos pos, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
/* The compact source text of an expression, interned. */
const char *walk_text(struct walk *w, CXCursor c);

#endif
