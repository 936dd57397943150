// SPDX-License-Identifier: GPL-2.0
/*
 * pte-outside-range, the part that walks one function: every change of
 * a page-table entry made with no range open is recorded with its path,
 * and so is every call into the file's own functions (and the callbacks
 * a page walk runs), with whether a range was open.  decide.c turns them
 * into findings once every function of the file has been walked.
 *
 * Not a change that needs a range (docs/kernel-api.md B.4, E.1, E.2, E.8, E.11):
 * writes under a test that the entry is absent, installs into a slot not
 * known to be present, an entry cleared and put back old (aging), the
 * mms without notifiers, the kernel's "no need to invalidate" mark, and
 * the ptes of a table whose pmd was cleared inside a range (khugepaged
 * copies from the table it detached, after ending the range).  Up to
 * 4.12 a change told to the secondary MMUs afterwards (model class
 * NOTIFY_AFTER: mmu_notifier_invalidate_page()) was the era's form and
 * needs no range (docs/kernel-api.md A.2).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rules/rules.h"
#include "parse/cursor.h"

#define PENDING "pending:" /* cleared outside a range, maybe aging */
#define CLEARED "cleared:" /* cleared on this path */
#define AGED "aged:" /* a variable holding an entry made old */
#define DETACHED "detached" /* a pmd was cleared inside a range */

static int exempt_mm(struct walk *w, CXCursor call, const struct api *api)
{
	char *text = arg_text(walk_tu(w), call, api->mm_arg), *p = text;
	int ret = 0;

	while (*p && !ret) {
		char *word = first_identifier(p);
		size_t n = strlen(word);

		ret = n && is_exempt_mm(word);
		p = n ? strstr(p, word) + n : p + strlen(p);
		free(word);
	}
	free(text);
	return ret;
}

/*
 * A change made with no range open; trail: the path's notes up to the
 * change (a change recorded at the exit keeps the notes of its own time).
 */
static void record_op(struct walk *w, struct src_pos pos, const char *primitive,
		      const char *entry, const struct note *trail)
{
	const struct api *api = api_lookup(walk_model(w), primitive);
	struct function_info *fi = walk_check_data(w);
	char *file = src_pos_file(pos), *root;
	const struct param *p;
	struct sop *op;
	int i;

	for (i = 0; i < fi->sum->nr_ops; i++)
		if (same_place(fi->sum->ops[i].file, fi->sum->ops[i].line,
			       fi->sum->ops[i].col, file, pos)) {
			free(file);
			return;
		}
	op = add_sop(fi->sum);
	op->file = file;
	op->line = pos.line;
	op->col = pos.col;
	op->primitive = xstrdup(primitive);
	op->entry = xstrdup(entry);
	op->levels = api ? api->flags & A_ANY_LEVEL : A_ANY_LEVEL;
	root = first_identifier(entry);
	p = param_named(fi, root);
	op->handed_in = p && p->is_pointer && !entry_written(fi, entry);
	free(root);
	trace_from_trail(&op->trace, trail);
}

static struct ssite *site_at(struct function_info *fi, struct src_pos pos,
			     const char *callee)
{
	char *file = src_pos_file(pos);
	struct ssite *s;
	int i;

	for (i = 0; i < fi->sum->nr_sites; i++) {
		s = &fi->sum->sites[i];
		if (same_place(s->file, s->line, s->col, file, pos) &&
		    !strcmp(s->callee, callee)) {
			free(file);
			return s;
		}
	}
	s = add_ssite(fi->sum);
	s->file = file;
	s->line = pos.line;
	s->col = pos.col;
	s->callee = xstrdup(callee);
	return s;
}

static void record_call(struct walk *w, const struct event *ev,
			const char *callee, const char *via, int opens_itself)
{
	struct function_info *fi = walk_check_data(w);
	struct ssite *s = site_at(fi, ev->pos, callee);
	int i, n = clang_Cursor_getNumArguments(ev->cursor);

	if (via && !s->via)
		s->via = xstrdup(via);
	for (i = 0; i < n && !s->open_paths && !s->closed_paths; i++) {
		char *root = arg_root(walk_tu(w), ev->cursor, i);
		const struct param *p = param_named(fi, root);

		/* the entry parameters the call passes on */
		if (p && p->pointee)
			s->passes_levels |= entry_param_levels(p->pointee);
		free(root);
	}
	if (range_is_open(w))
		s->in_range_paths++;
	/* a call under a test that the fault's entry is absent fills it */
	if (range_is_open(w) || opens_itself || slot_get(w, DETACHED) ||
	    fault_absent_guard(fi, walk_block(w))) {
		s->open_paths++;
		return;
	}
	if (!s->closed_paths++)
		trace_from_trail(&s->trace, walk_trail(w));
}

/*
 * Does one of the table's callbacks start a range?  Then the walk opens
 * it itself (.pre_vma starts, .post_vma ends: mapping_dirty_helpers).
 */
static int table_opens_range(struct file_analysis *fa,
			     const struct ops_table *t)
{
	int j;

	for (j = 0; j < t->functions.nr; j++) {
		struct function_info *cb =
			function_named(fa, t->functions.items[j]);

		if (cb && cb->starts.nr)
			return 1;
	}
	return 0;
}

/*
 * A call given the address of a table of function pointers may call any
 * of them: walk_page_range(..., &ops, ...) runs the walk callbacks,
 * rmap_walk(folio, &rwc) runs rwc.rmap_one.
 */
static void record_tables(struct walk *w, const struct event *ev)
{
	struct function_info *fi = walk_check_data(w);
	int i, j, n = clang_Cursor_getNumArguments(ev->cursor);
	const char *via = ev->macro ? ev->macro : ev->callee;

	for (i = 0; i < n && via; i++) {
		CXCursor arg =
			skip_parens(clang_Cursor_getArgument(ev->cursor, i));
		const struct ops_table *t;
		char *name;
		int opens;

		if (unary_op(arg) != CXUnaryOperator_AddrOf)
			continue;
		name = arg_root(walk_tu(w), ev->cursor, i);
		t = table_named(fi, name);
		free(name);
		if (!t)
			continue;
		opens = table_opens_range(fi->file, t);
		for (j = 0; j < t->functions.nr; j++)
			record_call(w, ev, t->functions.items[j], via, opens);
	}
}

/* An entry value made old and nothing else (pte_mkold(), not mkclean). */
struct value_calls {
	const struct model *model;
	int aging, downgrade;
};

static enum CXChildVisitResult find_value_calls(CXCursor c, CXCursor parent,
						CXClientData data)
{
	struct value_calls *vc = data;
	const struct api *api;
	char *name;

	(void)parent;
	if (!is_kind(c, CXCursor_CallExpr))
		return CXChildVisit_Recurse;
	name = callee_name(c);
	api = name ? api_lookup(vc->model, name) : NULL;
	free(name);
	if (api && api->class == VALUE_AGING)
		vc->aging = 1;
	if (api && api->class == VALUE_DOWNGRADE)
		vc->downgrade = 1;
	return CXChildVisit_Recurse;
}

static int is_aging_value(struct walk *w, CXCursor value)
{
	struct value_calls vc = { walk_model(w), 0, 0 };

	find_value_calls(value, clang_getNullCursor(), &vc);
	clang_visitChildren(value, find_value_calls, &vc);
	return vc.aging && !vc.downgrade;
}

static int puts_back_old(struct walk *w, const struct event *ev,
			 const struct api *api, const char *entry)
{
	CXCursor value;
	char *key;
	const struct slot *aged;
	int ret;

	if (api->entry_arg + 1 >= clang_Cursor_getNumArguments(ev->cursor))
		return 0;
	value = skip_parens(
		clang_Cursor_getArgument(ev->cursor, api->entry_arg + 1));
	key = xconcat(AGED, walk_text(w, value));
	aged = slot_get(w, key);
	ret = (aged && aged->value) || is_aging_value(w, value);
	free(key);
	(void)entry;
	return ret;
}

static void install(struct walk *w, const struct event *ev,
		    const struct api *api, const char *entry, int guard)
{
	char *pending = xconcat(PENDING, entry);
	char *cleared = xconcat(CLEARED, entry);
	int was_cleared = slot_get(w, cleared) != NULL;

	if (slot_get(w, pending) && puts_back_old(w, ev, api, entry))
		slot_drop(w, pending);
	if (!was_cleared && guard > 0 && !range_is_open(w) &&
	    !slot_get(w, DETACHED))
		record_op(w, ev->pos, api->name, entry, walk_trail(w));
	free(pending);
	free(cleared);
}

static void change(struct walk *w, const struct event *ev,
		   const struct api *api, const char *entry)
{
	char *cleared = xconcat(CLEARED, entry);
	char *pending = xconcat(PENDING, entry);

	slot_set(w, cleared, 1, NULL, ev->pos);
	if (range_is_open(w) && (api->flags & (A_PMD | A_PUD)))
		slot_set(w, DETACHED, 1, NULL, ev->pos);
	if (!range_is_open(w) && !slot_get(w, DETACHED)) {
		if (api->class == PTE_REPLACE)
			record_op(w, ev->pos, api->name, entry, walk_trail(w));
		else
			slot_set(w, pending, 1, api->name, ev->pos);
	}
	free(cleared);
	free(pending);
}

/* The changes pending on this path were told to the secondary MMUs. */
static void notified(struct walk *w)
{
	int i;

	for (i = nr_slots(w) - 1; i >= 0; i--) {
		const struct slot *s = slot_of(w, RULE_PTE_OUTSIDE_RANGE, i);
		char *key;

		if (!s || strncmp(s->key, PENDING, strlen(PENDING)))
			continue;
		key = xstrdup(s->key);
		slot_drop(w, key);
		free(key);
	}
}

static void pte_call(struct walk *w, const struct event *ev,
		     const struct api *api)
{
	struct function_info *fi = walk_check_data(w);
	char *entry;
	int guard;

	if (api && api->class == NOTIFY_AFTER) {
		notified(w);
		return;
	}
	if (!api || api->class == PAGE_WALK)
		record_tables(w, ev);
	if (!api) {
		/* any function: its definition may be in another file */
		if (ev->callee)
			record_call(w, ev, ev->callee, NULL, 0);
		return;
	}
	if (api->class < PTE_CLEAR || api->class > PTE_REPLACE ||
	    exempt_mm(w, ev->cursor, api))
		return;
	guard = entry_guard(fi->file, walk_block(w), api->flags & A_ANY_LEVEL);
	if (guard < 0 || no_need_above(fi->file, ev->pos.line))
		return;
	entry = arg_text(walk_tu(w), ev->cursor, api->entry_arg);
	if (is_fault_entry(fi, entry)) {
		free(entry);
		return;
	}
	if (api->class == PTE_INSTALL)
		install(w, ev, api, entry, guard);
	else
		change(w, ev, api, entry);
	free(entry);
}

/* "ptent = pte_mkold(ptent);" makes ptent an aged entry value. */
static void pte_stmt(struct walk *w, const struct event *ev)
{
	struct cursor_list kids = { NULL, 0, 0 };
	char *key;

	if (binary_op(ev->cursor) != CXBinaryOperator_Assign)
		return;
	children_of(ev->cursor, &kids);
	key = xconcat(AGED, walk_text(w, skip_parens(kids.items[0])));
	if (is_aging_value(w, kids.items[1]))
		slot_set(w, key, 1, NULL, ev->pos);
	else
		slot_drop(w, key);
	free(key);
	release_cursor_list(&kids);
}

static void pte_exit(struct walk *w)
{
	int i;

	for (i = 0; i < nr_slots(w); i++) {
		const struct slot *s = slot_of(w, RULE_PTE_OUTSIDE_RANGE, i);

		if (s && !strncmp(s->key, PENDING, strlen(PENDING)))
			record_op(w, s->pos, s->aux, s->key + strlen(PENDING),
				  s->trail);
	}
}

const struct check check_pte = {
	.name = "pte",
	.call = pte_call,
	.stmt = pte_stmt,
	.exit = pte_exit,
};
