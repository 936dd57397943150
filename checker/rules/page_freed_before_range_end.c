// SPDX-License-Identifier: GPL-2.0
/*
 * page-freed-before-range-end: after an entry is cleared, the page it
 * mapped may still be in a secondary TLB until the secondary TLBs are
 * invalidated: by a *_notify primitive, mmu_notifier_invalidate_range()
 * or range_end up to 6.5, by the TLB flush itself from 6.6, up to 4.12
 * by the mmu_notifier_invalidate_page() that followed the change (the
 * model says which call does it in which era; docs/kernel-api.md A.2).  A put in that window must not
 * drop the last reference (docs/kernel-api.md 0, E.12).
 *
 * It is not the last when the function took its own reference on the
 * page earlier on the path.  When the page came from the caller, the
 * caller normally holds one (try_to_unmap(), KSM, uprobes): low
 * confidence.  Pages of non-present entries and pages handed to the
 * mmu_gather are not affected.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rules/rules.h"
#include "parse/cursor.h"

#define RULE rule_id(RULE_PAGE_FREED_BEFORE_RANGE_END)
#define PENDING "pending:" /* cleared, secondary TLBs not flushed */
#define REF "ref:" /* a reference this function took */
#define ALIAS "alias:" /* folio = page_folio(page) */
#define MAX_ALIASES 4

static const struct slot *first_pending(struct walk *w)
{
	int i;

	for (i = 0; i < nr_slots(w); i++) {
		const struct slot *s =
			slot_of(w, RULE_PAGE_FREED_BEFORE_RANGE_END, i);

		if (s && !strncmp(s->key, PENDING, strlen(PENDING)))
			return s;
	}
	return NULL;
}

static void flushed(struct walk *w)
{
	const struct slot *s;

	while ((s = first_pending(w))) {
		char *key = xstrdup(s->key);

		slot_drop(w, key);
		free(key);
	}
}

/* value 1: inside this function's range; 2: maybe inside a caller's */
static void cleared(struct walk *w, const struct event *ev,
		    const struct api *api, int in_callers_range)
{
	char *entry = arg_text(walk_tu(w), ev->cursor, api->entry_arg);
	char *key = xconcat(PENDING, entry);

	walk_note(w, ev->pos, "entry '%s' cleared here by %s()", entry,
		  api->name);
	slot_set(w, key, in_callers_range ? 2 : 1, api->name, ev->pos);
	free(key);
	free(entry);
}

static int has_slot(struct walk *w, const char *prefix, const char *name)
{
	char *key = xconcat(prefix, name);
	int ret = slot_get(w, key) != NULL;

	free(key);
	return ret;
}

static const char *alias_of(struct walk *w, const char *name)
{
	char *key = xconcat(ALIAS, name);
	const struct slot *s = slot_get(w, key);

	free(key);
	return s ? s->aux : NULL;
}

/* CONF_HIGH: may be the last reference; -1: it is not the last. */
static int reference_kind(struct walk *w, const char *root)
{
	struct function_info *fi = walk_check_data(w);
	const char *name = root;
	int i;

	for (i = 0; name && i < MAX_ALIASES; i++) {
		if (has_slot(w, REF, name))
			return -1;
		if (param_named(fi, name))
			return CONF_LOW;
		name = alias_of(w, name);
	}
	return CONF_HIGH;
}

static const char *secondary_flush_hint(struct walk *w)
{
	struct function_info *fi = walk_check_data(w);

	if (fi->notifies)
		return "the secondary MMUs are told of the change";
	if (cpu_flush_is_secondary(walk_model(w)))
		return "the TLB flush";
	return "mmu_notifier_invalidate_range() or the range end";
}

/*
 * A clear and a put in a function without ranges: a bug if a caller
 * calls it inside its range (the range end flushes too late), which only
 * the summaries can tell.
 */
static void record_put(struct walk *w, const struct event *ev,
		       const struct api *api, const struct slot *pending,
		       int confidence)
{
	struct function_info *fi = walk_check_data(w);
	char *file = src_pos_file(ev->pos);
	struct sput *pp;
	int i;

	for (i = 0; i < fi->sum->nr_puts; i++)
		if (same_place(fi->sum->puts[i].file, fi->sum->puts[i].line,
			       fi->sum->puts[i].col, file, ev->pos)) {
			free(file);
			return;
		}
	pp = add_sput(fi->sum);
	pp->file = file;
	pp->line = ev->pos.line;
	pp->col = ev->pos.col;
	pp->put = xstrdup(api->name);
	pp->clear = xstrdup(pending->aux);
	pp->clear_line = pending->pos.line;
	pp->confidence = confidence;
	trace_from_trail(&pp->trace, walk_trail(w));
}

static void put(struct walk *w, const struct event *ev, const struct api *api)
{
	struct function_info *fi = walk_check_data(w);
	const struct slot *pending = first_pending(w);
	char *root;
	int kind;

	if (!pending || entry_guard(fi->file, walk_block(w), A_ANY_LEVEL) < 0)
		return;
	root = arg_root(walk_tu(w), ev->cursor, api->entry_arg);
	kind = reference_kind(w, root);
	if (kind >= 0 && pending->value == 2)
		record_put(w, ev, api, pending, kind);
	else if (kind >= 0)
		walk_report(
			w, RULE, kind, ev->pos,
			"%s() may free the page of the entry cleared by %s() at line %u before %s",
			api->name, pending->aux, pending->pos.line,
			secondary_flush_hint(w));
	free(root);
}

static void got(struct walk *w, const struct event *ev, const struct api *api)
{
	char *root = arg_root(walk_tu(w), ev->cursor, api->entry_arg);
	char *key = xconcat(REF, root);

	slot_set(w, key, 1, NULL, ev->pos);
	free(key);
	free(root);
}

static void page_call(struct walk *w, const struct event *ev,
		      const struct api *api)
{
	struct function_info *fi = walk_check_data(w);

	if (!api)
		return;
	switch (api->class) {
	case PTE_CLEAR:
		/*
		 * Outside a range it is pte-outside-range's business, unless
		 * the function has no range at all: then its callers' may be.
		 */
		if (api_flushes_secondary(walk_model(w), api))
			break;
		/* a function that tells the change afterwards owns the window */
		if (range_is_open(w) || fi->notifies)
			cleared(w, ev, api, 0);
		else if (!fi->starts.nr)
			cleared(w, ev, api, 1);
		break;
	case TLB_FLUSH:
	case RANGE_END:
	case NOTIFY_AFTER:
		if (api_flushes_secondary(walk_model(w), api))
			flushed(w);
		break;
	case PAGE_GET:
		got(w, ev, api);
		break;
	case PAGE_PUT:
		put(w, ev, api);
		break;
	default:
		break;
	}
}

/*
 * "folio = page_folio(page)": a reference on one is one on the other;
 * "folio = filemap_lock_folio(...)": the function holds a reference.
 */
static void assigned(struct walk *w, const char *var, CXCursor rhs,
		     struct src_pos pos)
{
	char *root, *key;
	const struct api *api = expr_api(walk_check_data(w), rhs, &root);

	if (api && api->class == PAGE_ALIAS && root) {
		key = xconcat(ALIAS, var);
		slot_set(w, key, 1, root, pos);
		free(key);
	} else if (api && api->class == PAGE_GET_RET) {
		key = xconcat(REF, var);
		slot_set(w, key, 1, NULL, pos);
		free(key);
	}
	free(root);
}

static void assigned_decl(struct walk *w, CXCursor decl, struct src_pos pos)
{
	struct cursor_list kids = { NULL, 0, 0 };
	CXString name;

	if (!is_kind(decl, CXCursor_VarDecl))
		return;
	children_of(decl, &kids);
	name = clang_getCursorSpelling(decl);
	if (kids.nr)
		assigned(w, clang_getCString(name), kids.items[kids.nr - 1],
			 pos);
	clang_disposeString(name);
	release_cursor_list(&kids);
}

static void page_stmt(struct walk *w, const struct event *ev)
{
	struct cursor_list kids = { NULL, 0, 0 };
	int i;

	char *var;

	if (binary_op(ev->cursor) == CXBinaryOperator_Assign) {
		children_of(ev->cursor, &kids);
		var = first_identifier(walk_text(w, kids.items[0]));
		assigned(w, var, kids.items[1], ev->pos);
		free(var);
	} else if (is_kind(ev->cursor, CXCursor_DeclStmt)) {
		children_of(ev->cursor, &kids);
		for (i = 0; i < kids.nr; i++)
			assigned_decl(w, kids.items[i], ev->pos);
	}
	release_cursor_list(&kids);
}

const struct check check_page = {
	.name = "page",
	.call = page_call,
	.stmt = page_stmt,
};
