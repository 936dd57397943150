// SPDX-License-Identifier: GPL-2.0
/*
 * range-unbalanced, and the range state the other checks read.
 *
 * Each range has a slot keyed by what names it ("range", "wpwalk->range",
 * "mm:vma->vm_mm" for the 4.x (mm, start, end) calls):
 *
 *   INIT -> start -> OPEN -> end -> CLOSED
 *   INIT -> start_nonblock -> PENDING -> (non-zero) FAILED | (zero) OPEN
 *   follow_pte_pmd(..., &range, ...) -> PENDING -> the same
 *
 * A conditional start (model class RANGE_START_NONBLOCK or
 * RANGE_START_TRY) is open once its result was tested zero; a failed
 * follow_pte_pmd() has ended its range itself, so an end after it is as
 * wrong as one after a failed _start_nonblock() (docs/kernel-api.md E.4).
 * One given NULL where the range would go opens nothing.
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
#define BOUND_PREFIX "bound:"
#define GUARD_PREFIX "guard:"
#define OPENER_PREFIX "opener:"

enum bound { B_START = 1, B_END };

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

static void failed_end(struct walk *w, struct src_pos pos, const char *key,
		       const char *name)
{
	char *slot = xconcat(OPENER_PREFIX, key);
	const struct slot *o = slot_get(w, slot);

	free(slot);
	if (o && o->value == RANGE_START_TRY)
		walk_report(
			w, RULE, CONF_HIGH, pos,
			"%s() ends range '%s' after %s() failed and ended it itself",
			name, key, o->aux);
	else
		walk_report(
			w, RULE, CONF_HIGH, pos,
			"%s() ends range '%s' after its non-blocking start failed",
			name, key);
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
		failed_end(w, pos, key, name);
	else if (owns_range(w, key))
		walk_report(
			w, RULE, CONF_HIGH, pos,
			"%s() ends range '%s' that was not started on this path",
			name, key);
	set_range(w, key, R_CLOSED, ev->pos);
}

static void note_bound(struct walk *w, const struct event *ev, int arg,
		       enum bound which, const char *key)
{
	char *var = arg_text(walk_tu(w), ev->cursor, arg);
	char *slot = xconcat(BOUND_PREFIX, var + (*var == '&'));

	slot_set(w, slot, which, key, ev->pos);
	free(slot);
	free(var);
}

/*
 * 4.x: "mmu_notifier_invalidate_range_start(mm, mmun_start, mmun_end)"
 * makes mmun_start and mmun_end the range's bounds (model: the entry
 * argument and the next), tested afterwards as 5.x+ tests range.start:
 * "if (mni_start)", "if (mmun_end > mmun_start)" (docs/kernel-api.md E.6).
 * follow_pte_pmd(mm, addr, &start, &end, ...) writes them.
 */
static void note_bounds(struct walk *w, const struct event *ev,
			const struct api *api, const char *key)
{
	if (!(api->flags & A_OLD_FORM) || api->entry_arg < 0)
		return;
	note_bound(w, ev, api->entry_arg, B_START, key);
	note_bound(w, ev, api->entry_arg + 1, B_END, key);
}

/* A start that opens on success: remember which, for the messages. */
static void pending(struct walk *w, const struct event *ev,
		    const struct api *api, const char *key, const char *name)
{
	char *slot = xconcat(OPENER_PREFIX, key);

	walk_note(w, ev->pos, "range '%s' started here (%s)", key,
		  api->class == RANGE_START_NONBLOCK ? "non-blocking" :
						       "if it returns 0");
	set_range(w, key, R_PENDING, ev->pos);
	slot_set(w, slot, api->class, name, ev->pos);
	free(slot);
}

static void ranges_call(struct walk *w, const struct event *ev,
			const struct api *api)
{
	const char *name = ev->macro ? ev->macro : ev->callee;
	char *key;

	if (!api || api->mm_arg < 0 || api->class > RANGE_END ||
	    !asks_for_range(walk_tu(w), ev->cursor, api))
		return;
	key = range_key(walk_tu(w), ev->cursor, api);
	switch (api->class) {
	case RANGE_INIT:
		if (!range_slot(w, key))
			set_range(w, key, R_INIT, ev->pos);
		break;
	case RANGE_START:
		start(w, ev, key, name);
		note_bounds(w, ev, api, key);
		break;
	case RANGE_START_NONBLOCK:
	case RANGE_START_TRY:
		pending(w, ev, api, key, name);
		note_bounds(w, ev, api, key);
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
	/* a bound written again no longer says the range was started */
	var = cursor_text(walk_tu(w), skip_parens(lhs), 200);
	slot = xconcat(BOUND_PREFIX, var);
	slot_drop(w, slot);
	free(slot);
	free(var);
	if (!is_kind(rhs, CXCursor_CallExpr))
		return;
	name = callee_name(rhs);
	api = name ? api_lookup(walk_model(w), name) : NULL;
	free(name);
	if (!api || !starts_on_success(api) ||
	    !asks_for_range(walk_tu(w), rhs, api))
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
		if (api && starts_on_success(api) &&
		    asks_for_range(walk_tu(w), cond, api))
			return range_key(walk_tu(w), cond, api);
		return NULL;
	}
	text = walk_text(w, cond);
	slot = xconcat(RESULT_PREFIX, text);
	s = slot_get(w, slot);
	free(slot);
	return s ? xstrdup(s->aux) : NULL;
}

/* "range" for "range.start" or "range->start" (field), or NULL. */
static char *range_of_field(const char *text, const char *field)
{
	size_t len = strlen(text), n = strlen(field);

	if (len <= n || strcmp(text + len - n, field))
		return NULL;
	if (len > n + 1 && text[len - n - 1] == '.')
		return xstrndup(text, len - n - 1);
	if (len > n + 2 && !strncmp(text + len - n - 2, "->", 2))
		return xstrndup(text, len - n - 2);
	return NULL;
}

/*
 * Is the expression one of a range's bounds: a variable a 4.x start took
 * ("mmun_start"), or the start or end member of a range ("range.start")?
 * The range's key, allocated, and which bound; NULL if neither.
 */
static char *bound_of(struct walk *w, CXCursor c, enum bound *which)
{
	const char *text = walk_text(w, skip_parens(c));
	char *slot = xconcat(BOUND_PREFIX, text), *key;
	const struct slot *s = slot_get(w, slot);

	free(slot);
	if (s) {
		*which = s->value;
		return xstrdup(s->aux);
	}
	key = range_of_field(text, range_start_field());
	*which = B_START;
	if (!key) {
		key = range_of_field(text, range_end_field());
		*which = B_END;
	}
	return key;
}

static CXCursor operand(CXCursor c, int n)
{
	struct cursor_list kids = { NULL, 0, 0 };
	CXCursor ret = clang_getNullCursor();

	children_of(c, &kids);
	if (n < kids.nr)
		ret = kids.items[n];
	release_cursor_list(&kids);
	return ret;
}

/* "end OP start": its truth once the range was set up (end > start > 0). */
static int bounds_compared(enum CXBinaryOperatorKind op, enum bound lhs,
			   enum bound rhs)
{
	int ordered = lhs == B_END && rhs == B_START;

	if (lhs == rhs)
		return -1;
	switch (op) {
	case CXBinaryOperator_GT:
	case CXBinaryOperator_GE:
		return ordered;
	case CXBinaryOperator_LT:
	case CXBinaryOperator_LE:
		return !ordered;
	case CXBinaryOperator_NE:
		return 1;
	case CXBinaryOperator_EQ:
		return 0;
	default:
		return -1;
	}
}

/*
 * A test of the values a start set (docs/kernel-api.md E.6): "if
 * (range.start)", "if (mni_start)", "if (!range.start)", "if (mmun_end >
 * mmun_start)".  Its range's key, allocated, and the truth it has once
 * the range was set up; NULL if the test is none of these.
 */
static char *bound_test(struct walk *w, CXCursor cond, int *truth)
{
	enum CXBinaryOperatorKind op;
	enum bound a, b;
	char *ka, *kb;

	cond = skip_parens(cond);
	if (unary_op(cond) == CXUnaryOperator_LNot) {
		ka = bound_test(w, operand(cond, 0), truth);
		*truth = !*truth;
		return ka;
	}
	op = binary_op(cond);
	if (op < CXBinaryOperator_LT || op > CXBinaryOperator_NE) {
		*truth = 1;
		return bound_of(w, cond, &a);
	}
	ka = bound_of(w, operand(cond, 0), &a);
	kb = ka ? bound_of(w, operand(cond, 1), &b) : NULL;
	*truth = kb && !strcmp(ka, kb) ? bounds_compared(op, a, b) : -1;
	free(kb);
	if (*truth >= 0)
		return ka;
	free(ka);
	return NULL;
}

/*
 * Once the range was set up (range_init, or the start of a 4.x range),
 * a test of its bounds goes the way a set-up range makes it go; before,
 * the values the function gave them decide (the walk's facts).
 */
static int lazy_start_test(struct walk *w, CXCursor cond, int truth)
{
	int started_truth;
	char *key = bound_test(w, cond, &started_truth);
	const struct slot *s;

	if (!key)
		return 0;
	s = range_slot(w, key);
	free(key);
	if (s && truth != started_truth)
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
	if (lazy_start_test(w, cond, truth) ||
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
