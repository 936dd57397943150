// SPDX-License-Identifier: GPL-2.0
/*
 * range-unbalanced, and the range state the other checks read.
 *
 * Each range has a slot keyed by what names it ("range", "wpwalk->range",
 * "mm:vma->vm_mm" for the 4.x (mm, start, end) calls):
 *
 *   INIT -> start -> OPEN -> end -> CLOSED
 *   INIT -> start_nonblock -> PENDING -> (non-zero) FAILED | (zero) OPEN
 *
 * A range the function owns (a local, or one it both starts and ends)
 * must be ended on every path that started it.  One that lives in a
 * struct or came from the caller may be handed on: that is left to the
 * summaries across functions.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rules/rules.h"
#include "parse/cursor.h"

enum range_state { R_INIT = 1, R_OPEN, R_CLOSED, R_PENDING, R_FAILED };

#define RULE rule_id(RULE_RANGE_UNBALANCED)
#define KEY_PREFIX "range:"
#define RESULT_PREFIX "result:"
#define START_PREFIX "start:"
#define GUARD_PREFIX "guard:"

static int owns_range(struct walk *w, const char *key)
{
	struct function_info *fi = walk_check_data(w);

	if (strlist_has(&fi->locals, key) && !param_named(fi, key))
		return 1;
	return strlist_has(&fi->starts, key) && strlist_has(&fi->ends, key);
}

static char *slot_key(const char *key)
{
	return xconcat(KEY_PREFIX, key);
}

static const struct slot *range_slot(struct walk *w, const char *key)
{
	char *k = slot_key(key);
	const struct slot *s = slot_get(w, k);

	free(k);
	return s;
}

static void set_range(struct walk *w, const char *key, enum range_state st,
		      struct src_pos pos)
{
	char *k = slot_key(key);

	slot_set(w, k, st, key, pos);
	free(k);
}

int range_is_open(struct walk *w)
{
	int i, n = nr_slots(w);

	for (i = 0; i < n; i++) {
		const struct slot *s = slot_of(w, RULE_RANGE_UNBALANCED, i);

		if (s && (s->value == R_OPEN || s->value == R_PENDING))
			return 1;
	}
	return 0;
}

static void start(struct walk *w, const struct event *ev, const char *key,
		  const char *name)
{
	const struct slot *s = range_slot(w, key);

	if (s && (s->value == R_OPEN || s->value == R_PENDING)) {
		walk_note(w, s->pos, "range first started here");
		walk_report(w, RULE, CONF_HIGH, ev->pos,
			    "%s() starts range '%s' again while it is open",
			    name, key);
		return;
	}
	walk_note(w, ev->pos, "range '%s' started here", key);
	set_range(w, key, R_OPEN, ev->pos);
}

static void end(struct walk *w, const struct event *ev, const char *key,
		const char *name)
{
	const struct slot *s = range_slot(w, key);
	struct src_pos pos = ev->pos;

	if (s && (s->value == R_OPEN || s->value == R_PENDING)) {
		walk_note(w, ev->pos, "range '%s' ended here", key);
		set_range(w, key, R_CLOSED, ev->pos);
		return;
	}
	if (s && s->value == R_FAILED)
		walk_report(
			w, RULE, CONF_HIGH, pos,
			"%s() ends range '%s' after its non-blocking start failed",
			name, key);
	else if (owns_range(w, key))
		walk_report(
			w, RULE, CONF_HIGH, pos,
			"%s() ends range '%s' that was not started on this path",
			name, key);
	set_range(w, key, R_CLOSED, ev->pos);
}

/*
 * 4.x: "mmu_notifier_invalidate_range_start(mm, mni_start, end)" makes
 * mni_start the range's start, tested as the "opened" flag as 5.x+
 * tests range.start.
 */
static void note_start_var(struct walk *w, const struct event *ev,
			   const char *key)
{
	char *var = arg_text(walk_tu(w), ev->cursor, 1);
	char *slot = xconcat(START_PREFIX, var);

	slot_set(w, slot, 1, key, ev->pos);
	free(slot);
	free(var);
}

static void ranges_call(struct walk *w, const struct event *ev,
			const struct api *api)
{
	const char *name = ev->macro ? ev->macro : ev->callee;
	char *key;

	if (!api || api->mm_arg < 0 || api->class > RANGE_END)
		return;
	key = range_key(walk_tu(w), ev->cursor, api);
	switch (api->class) {
	case RANGE_INIT:
		if (!range_slot(w, key))
			set_range(w, key, R_INIT, ev->pos);
		break;
	case RANGE_START:
		start(w, ev, key, name);
		if (api->flags & A_OLD_FORM)
			note_start_var(w, ev, key);
		break;
	case RANGE_START_NONBLOCK:
		walk_note(w, ev->pos, "range '%s' started here (non-blocking)",
			  key);
		set_range(w, key, R_PENDING, ev->pos);
		break;
	default:
		end(w, ev, key, name);
		break;
	}
	free(key);
}

/* "ret = mmu_notifier_invalidate_range_start_nonblock(&range);" */
static void ranges_stmt(struct walk *w, const struct event *ev)
{
	struct cursor_list kids = { NULL, 0, 0 };
	CXCursor lhs, rhs;
	char *name, *key, *var, *slot;
	const struct api *api;

	if (binary_op(ev->cursor) != CXBinaryOperator_Assign)
		return;
	children_of(ev->cursor, &kids);
	lhs = kids.items[0];
	rhs = skip_parens(kids.items[1]);
	release_cursor_list(&kids);
	if (!is_kind(rhs, CXCursor_CallExpr))
		return;
	name = callee_name(rhs);
	api = name ? api_lookup(walk_model(w), name) : NULL;
	free(name);
	if (!api || api->class != RANGE_START_NONBLOCK)
		return;
	key = range_key(walk_tu(w), rhs, api);
	var = cursor_text(walk_tu(w), skip_parens(lhs), 200);
	slot = xconcat(RESULT_PREFIX, var);
	slot_set(w, slot, 1, key, ev->pos);
	free(slot);
	free(var);
	free(key);
}

/* The range a tested expression says the fate of a non-blocking start. */
static char *nonblock_tested(struct walk *w, CXCursor cond)
{
	const struct slot *s;
	const struct api *api;
	char *name, *slot;
	const char *text;

	if (is_kind(cond, CXCursor_CallExpr)) {
		name = callee_name(cond);
		api = name ? api_lookup(walk_model(w), name) : NULL;
		free(name);
		if (api && api->class == RANGE_START_NONBLOCK)
			return range_key(walk_tu(w), cond, api);
		return NULL;
	}
	text = walk_text(w, cond);
	slot = xconcat(RESULT_PREFIX, text);
	s = slot_get(w, slot);
	free(slot);
	return s ? xstrdup(s->aux) : NULL;
}

/* "range" for "range.start" or "range->start", or NULL. */
static char *range_of_start(const char *text)
{
	const char *field = range_start_field();
	size_t len = strlen(text), n = strlen(field);

	if (len <= n || strcmp(text + len - n, field))
		return NULL;
	if (len > n + 1 && text[len - n - 1] == '.')
		return xstrndup(text, len - n - 1);
	if (len > n + 2 && !strncmp(text + len - n - 2, "->", 2))
		return xstrndup(text, len - n - 2);
	return NULL;
}

/* "if (range.start)": an initialised range has a non-zero start. */
static int lazy_start_test(struct walk *w, const char *text, int truth)
{
	char *var = xconcat(START_PREFIX, text);
	const struct slot *s = slot_get(w, var);
	char *key;

	free(var);
	key = s ? xstrdup(s->aux) : range_of_start(text);
	if (!key)
		return 0;
	s = range_slot(w, key);
	free(key);
	if (s && !truth)
		walk_prune(w);
	return s != NULL;
}

/* A test a start depends on, read again: it goes the same way. */
static int stable_guard(struct walk *w, const char *text, int truth)
{
	struct function_info *fi = walk_check_data(w);
	const struct slot *s;
	char *key;

	if (!strlist_has(&fi->range_guards, text))
		return 0;
	key = xconcat(GUARD_PREFIX, text);
	s = slot_get(w, key);
	if (s && s->value != truth)
		walk_prune(w);
	else if (!s)
		slot_set(w, key, truth, NULL, walk_last_pos(w));
	free(key);
	return 1;
}

static void ranges_branch(struct walk *w, CXCursor cond, int truth)
{
	char *key;
	const struct slot *s;

	cond = skip_parens(cond);
	if (lazy_start_test(w, walk_text(w, cond), truth) ||
	    stable_guard(w, walk_text(w, cond), truth))
		return;
	key = nonblock_tested(w, cond);
	if (!key)
		return;
	s = range_slot(w, key);
	if (s && s->value == R_PENDING) {
		if (truth)
			walk_note(w, s->pos,
				  "the non-blocking start failed (non-zero)");
		set_range(w, key, truth ? R_FAILED : R_OPEN, s->pos);
	}
	free(key);
}

static void ranges_exit(struct walk *w)
{
	int i;

	for (i = 0; i < nr_slots(w); i++) {
		const struct slot *s = slot_of(w, RULE_RANGE_UNBALANCED, i);

		if (!s || strncmp(s->key, KEY_PREFIX, strlen(KEY_PREFIX)) ||
		    (s->value != R_OPEN && s->value != R_PENDING) ||
		    !owns_range(w, s->aux))
			continue;
		walk_note(w, walk_last_pos(w), "the function returns here");
		walk_report(
			w, RULE, CONF_HIGH, s->pos,
			"range '%s' started here is not ended on a path that leaves the function",
			s->aux);
	}
}

const struct check check_ranges = {
	.name = "ranges",
	.call = ranges_call,
	.stmt = ranges_stmt,
	.branch = ranges_branch,
	.exit = ranges_exit,
};
