// SPDX-License-Identifier: GPL-2.0
/*
 * What a function is before any path is walked: its parameters, locals,
 * the variables it writes, the ranges it starts and ends; the structs of
 * function pointers of the file; and the small questions the checks ask
 * about arguments and guards.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "unit/unit.h"
#include "parse/cursor.h"
#include "parse/tokens.h"

char *first_identifier(const char *text)
{
	const char *p = text;
	size_t n;

	while (*p && !(isalpha((unsigned char)*p) || *p == '_'))
		p++;
	for (n = 0; isalnum((unsigned char)p[n]) || p[n] == '_'; n++)
		;
	return xstrndup(p, n);
}

char *arg_text(CXTranslationUnit tu, CXCursor call, int i)
{
	if (i < 0 || i >= clang_Cursor_getNumArguments(call))
		return xstrdup("");
	return cursor_text(tu, skip_parens(clang_Cursor_getArgument(call, i)),
			   200);
}

char *arg_root(CXTranslationUnit tu, CXCursor call, int i)
{
	char *text = arg_text(tu, call, i);
	char *root = first_identifier(text);

	free(text);
	return root;
}

char *range_key(CXTranslationUnit tu, CXCursor call, const struct api *api)
{
	char *text = arg_text(tu, call, api->mm_arg), *p = text, *key;
	size_t len;

	while (*p == '&' || *p == '(' || *p == ' ')
		p++;
	len = strlen(p);
	while (len && (p[len - 1] == ')' || p[len - 1] == ' ') &&
	       !strchr(p, '('))
		len--;
	if (api->flags & A_OLD_FORM) {
		key = xmalloc(len + 4);
		snprintf(key, len + 4, "mm:%.*s", (int)len, p);
	} else {
		key = xstrndup(p, len);
	}
	free(text);
	return key;
}

/*
 * follow_pte_pmd(mm, addr, NULL, NULL, ...) is a plain lookup: only a
 * RANGE_START_TRY call with somewhere to put the range opens one
 * (docs/kernel-api.md E.4).
 */
int asks_for_range(CXTranslationUnit tu, CXCursor call, const struct api *api)
{
	CXCursor arg;
	long long value;
	char *text;
	int null;

	if (api->class != RANGE_START_TRY)
		return 1;
	if (range_request_arg(api) >= clang_Cursor_getNumArguments(call))
		return 0;
	arg = skip_parens(
		clang_Cursor_getArgument(call, range_request_arg(api)));
	text = arg_text(tu, call, range_request_arg(api));
	null = !strcmp(text, "NULL") || (eval_int(arg, &value) && !value);
	free(text);
	return !null;
}

static char *pointee_tag(CXType type)
{
	CXType pointee = clang_getCanonicalType(clang_getPointeeType(type));
	CXString s;
	char *tag;

	if (pointee.kind != CXType_Record)
		return NULL;
	s = clang_getCursorSpelling(clang_getTypeDeclaration(pointee));
	tag = xstrdup(clang_getCString(s));
	clang_disposeString(s);
	return tag;
}

/* "const pte_t *" -> "pte_t": the type as the source names it. */
static char *pointee_spelling(CXCursor param)
{
	CXType type = clang_getCursorType(param), pointee;
	CXString s;
	char *text;

	/* a typedef of a pointer (pgtable_t) names no entry type */
	if (type.kind != CXType_Pointer)
		return xstrdup("");
	pointee = clang_getPointeeType(type);
	if (pointee.kind == CXType_Invalid)
		return xstrdup("");
	s = clang_getTypeSpelling(pointee);
	text = xstrdup(clang_getCString(s));
	clang_disposeString(s);
	if (!strncmp(text, "const ", 6))
		memmove(text, text + 6, strlen(text + 6) + 1);
	return text;
}

static void collect_params(struct function_info *fi)
{
	int i, n = clang_Cursor_getNumArguments(fi->cursor);

	fi->nr_params = n > 0 ? n : 0;
	fi->params = xcalloc(fi->nr_params, sizeof(*fi->params));
	for (i = 0; i < fi->nr_params; i++) {
		CXCursor p = clang_Cursor_getArgument(fi->cursor, i);
		CXType type = clang_getCanonicalType(clang_getCursorType(p));
		CXString name = clang_getCursorSpelling(p);

		fi->params[i].name = xstrdup(clang_getCString(name));
		fi->params[i].is_pointer = type.kind == CXType_Pointer;
		if (fi->params[i].is_pointer) {
			fi->params[i].pointee_tag = pointee_tag(type);
			fi->params[i].pointee = pointee_spelling(p);
		}
		clang_disposeString(name);
	}
}

static void note_range_call(struct function_info *fi, CXCursor call)
{
	char *name = callee_name(call), *key;
	const struct api *api = name ? api_lookup(&fi->file->model, name) :
				       NULL;

	free(name);
	if (api && api->class == NOTIFY_AFTER)
		fi->notifies++;
	if (!api || api->mm_arg < 0)
		return;
	if (api->class != RANGE_START && !starts_on_success(api) &&
	    api->class != RANGE_END)
		return;
	if (!asks_for_range(fi->file->src->tu, call, api))
		return;
	key = range_key(fi->file->src->tu, call, api);
	strlist_add(api->class == RANGE_END ? &fi->ends : &fi->starts, key);
	free(key);
}

static void note_write(struct function_info *fi, CXCursor lhs)
{
	char *text = cursor_text(fi->file->src->tu, skip_parens(lhs), 200);
	char *root = first_identifier(text);

	if (*root)
		strlist_add(&fi->assigned, root);
	strlist_add(&fi->lvalues, text);
	free(root);
	free(text);
}

static CXCursor first_child_of(CXCursor c)
{
	struct cursor_list list = { NULL, 0, 0 };
	CXCursor ret = clang_getNullCursor();

	children_of(c, &list);
	if (list.nr)
		ret = list.items[0];
	release_cursor_list(&list);
	return ret;
}

static enum CXChildVisitResult scan_init(CXCursor c, CXCursor parent,
					 CXClientData data);

/* "struct rmap_walk_control rwc = { .rmap_one = try_to_unmap_one }" */
static void local_table(struct function_info *fi, CXCursor decl)
{
	struct ops_table t = { NULL, { NULL, 0, 0 } };
	CXString name;

	clang_visitChildren(decl, scan_init, &t);
	if (!t.functions.nr)
		return;
	name = clang_getCursorSpelling(decl);
	t.name = xstrdup(clang_getCString(name));
	clang_disposeString(name);
	ALLOC_GROW(fi->tables, fi->nr_tables, fi->alloc_tables);
	fi->tables[fi->nr_tables++] = t;
}

static enum CXChildVisitResult scan_body(CXCursor c, CXCursor parent,
					 CXClientData data)
{
	struct function_info *fi = data;
	enum CXUnaryOperatorKind uop = unary_op(c);
	CXString name;

	(void)parent;
	if (is_kind(c, CXCursor_VarDecl)) {
		name = clang_getCursorSpelling(c);
		strlist_add(&fi->locals, clang_getCString(name));
		clang_disposeString(name);
		local_table(fi, c);
	} else if (is_kind(c, CXCursor_CallExpr)) {
		note_range_call(fi, c);
	} else if (binary_op(c) == CXBinaryOperator_Assign ||
		   is_kind(c, CXCursor_CompoundAssignOperator) ||
		   (uop >= CXUnaryOperator_PostInc &&
		    uop <= CXUnaryOperator_PreDec)) {
		note_write(fi, first_child_of(c));
	}
	return CXChildVisit_Recurse;
}

char *src_pos_file(struct src_pos pos)
{
	CXString s = clang_getFileName(pos.file);
	char *path = xstrdup(clang_getCString(s) ? clang_getCString(s) : "");

	clang_disposeString(s);
	return path;
}

static struct fsum *new_summary(struct function_info *fi)
{
	struct src_pos pos = { 0 };
	struct fsum *f;
	char *path;

	clang_getFileLocation(clang_getCursorLocation(fi->cursor), &pos.file,
			      &pos.line, NULL, NULL);
	path = src_pos_file(pos);
	f = alloc_fsum(fi->name, path, pos.line,
		       clang_Cursor_getStorageClass(fi->cursor) ==
			       CX_SC_Static);
	free(path);
	return f;
}

struct function_info *new_function_info(struct file_analysis *fa, CXCursor fn)
{
	struct function_info *fi = xcalloc(1, sizeof(*fi));
	CXString name = clang_getCursorSpelling(fn);

	fi->file = fa;
	fi->cursor = fn;
	fi->name = xstrdup(clang_getCString(name));
	clang_disposeString(name);
	collect_params(fi);
	clang_visitChildren(fn, scan_body, fi);
	fi->sum = new_summary(fi);
	return fi;
}

void free_function_info(struct function_info *fi)
{
	int i;

	for (i = 0; i < fi->nr_params; i++) {
		free(fi->params[i].name);
		free(fi->params[i].pointee_tag);
		free(fi->params[i].pointee);
	}
	free(fi->params);
	if (fi->sum)
		release_fsum(fi->sum);
	strlist_release(&fi->locals);
	for (i = 0; i < fi->nr_tables; i++) {
		free(fi->tables[i].name);
		strlist_release(&fi->tables[i].functions);
	}
	free(fi->tables);
	strlist_release(&fi->assigned);
	strlist_release(&fi->lvalues);
	strlist_release(&fi->range_guards);
	strlist_release(&fi->starts);
	strlist_release(&fi->ends);
	if (fi->cfg)
		free_cfg(fi->cfg);
	free(fi->name);
	free(fi);
}

struct function_info *function_named(struct file_analysis *fa, const char *name)
{
	int i;

	for (i = 0; i < fa->nr_fns; i++)
		if (!strcmp(fa->fns[i]->name, name))
			return fa->fns[i];
	return NULL;
}

const struct ops_table *table_named(const struct function_info *fi,
				    const char *name)
{
	int i;

	for (i = 0; i < fi->nr_tables; i++)
		if (!strcmp(fi->tables[i].name, name))
			return &fi->tables[i];
	for (i = 0; i < fi->file->nr_tables; i++)
		if (!strcmp(fi->file->tables[i].name, name))
			return &fi->file->tables[i];
	return NULL;
}

const struct param *param_named(const struct function_info *fi,
				const char *name)
{
	int i;

	for (i = 0; i < fi->nr_params; i++)
		if (!strcmp(fi->params[i].name, name))
			return &fi->params[i];
	return NULL;
}

int takes_in_range_param(const struct function_info *fi)
{
	int i;

	for (i = 0; i < fi->nr_params; i++)
		if (fi->params[i].pointee_tag &&
		    is_in_range_param(fi->params[i].pointee_tag))
			return 1;
	return 0;
}

/* Function names referred to in an initializer, at any depth. */
static enum CXChildVisitResult scan_init(CXCursor c, CXCursor parent,
					 CXClientData data)
{
	struct ops_table *t = data;
	CXCursor ref;
	CXString name;

	(void)parent;
	if (!is_kind(c, CXCursor_DeclRefExpr))
		return CXChildVisit_Recurse;
	ref = clang_getCursorReferenced(c);
	if (is_kind(ref, CXCursor_FunctionDecl)) {
		name = clang_getCursorSpelling(ref);
		strlist_add(&t->functions, clang_getCString(name));
		clang_disposeString(name);
	}
	return CXChildVisit_Continue;
}

static enum CXChildVisitResult scan_top(CXCursor c, CXCursor parent,
					CXClientData data)
{
	struct file_analysis *fa = data;
	struct ops_table t = { NULL, { NULL, 0, 0 } };
	CXString name;

	(void)parent;
	if (!is_kind(c, CXCursor_VarDecl) ||
	    !in_main_file(fa->src, clang_getCursorLocation(c)))
		return CXChildVisit_Continue;
	clang_visitChildren(c, scan_init, &t);
	if (!t.functions.nr)
		return CXChildVisit_Continue;
	name = clang_getCursorSpelling(c);
	t.name = xstrdup(clang_getCString(name));
	clang_disposeString(name);
	ALLOC_GROW(fa->tables, fa->nr_tables, fa->alloc_tables);
	fa->tables[fa->nr_tables++] = t;
	return CXChildVisit_Continue;
}

void collect_ops_tables(struct file_analysis *fa)
{
	clang_visitChildren(clang_getTranslationUnitCursor(fa->src->tu),
			    scan_top, fa);
}

/* Where a line of the main file begins: from clang's table of lines. */
static const char *line_at(const struct file_analysis *fa, unsigned int line)
{
	CXSourceLocation loc;
	unsigned int found, offset;

	if (!fa->text)
		return NULL;
	loc = clang_getLocation(fa->src->tu, fa->src->file, line, 1);
	clang_getFileLocation(loc, NULL, &found, NULL, &offset);
	return found == line && offset <= fa->size ? fa->text + offset : NULL;
}

int no_need_above(const struct file_analysis *fa, unsigned int line)
{
	unsigned int first = line > NO_NEED_LINES ? line - NO_NEED_LINES : 1;
	const char *from = line_at(fa, first), *to = line_at(fa, line);
	char *text;
	int ret;

	if (!from || !to)
		return 0;
	text = xstrndup(from, to - from);
	ret = says_no_need(text);
	free(text);
	return ret;
}

static const struct edge *edge_into(const struct basic_block *bb)
{
	const struct basic_block *p;
	int i;

	if (bb->nr_preds != 1)
		return NULL;
	p = bb->preds[0];
	for (i = 0; i < p->nr_succs; i++)
		if (p->succs[i].to == bb)
			return &p->succs[i];
	return NULL;
}

/* +1 present, -1 absent, 0 when this edge says nothing. */
static int guard_of_edge(struct file_analysis *fa, const struct edge *e,
			 unsigned int levels)
{
	CXCursor cond;
	const struct api *api;
	char *name;
	int truth;

	if (!e || (e->kind != EDGE_TRUE && e->kind != EDGE_FALSE))
		return 0;
	cond = skip_parens(e->cond);
	if (!is_kind(cond, CXCursor_CallExpr))
		return 0;
	name = callee_name(cond);
	api = name ? api_lookup(&fa->model, name) : NULL;
	free(name);
	truth = e->kind == EDGE_TRUE;
	if (!api || !(api->flags & levels))
		return 0;
	if (api->class == GUARD_PRESENT)
		return truth ? 1 : -1;
	if (api->class == GUARD_MAPPED && truth)
		return 1;
	if (api->class == GUARD_ABSENT && truth)
		return -1;
	return 0;
}

static const struct edge *guarding_edge(struct file_analysis *fa,
					const struct basic_block *bb,
					unsigned int levels, int *guard)
{
	while (bb) {
		const struct edge *e = edge_into(bb);

		*guard = guard_of_edge(fa, e, levels);
		if (*guard)
			return e;
		if (bb->idom == bb)
			break;
		bb = bb->idom;
	}
	return NULL;
}

int entry_guard(struct file_analysis *fa, const struct basic_block *bb,
		unsigned int levels)
{
	int guard = 0;

	guarding_edge(fa, bb, levels, &guard);
	return guard;
}

static enum CXChildVisitResult first_ref(CXCursor c, CXCursor parent,
					 CXClientData data)
{
	(void)parent;
	if (!is_kind(c, CXCursor_DeclRefExpr))
		return CXChildVisit_Recurse;
	*(CXCursor *)data = clang_getCursorReferenced(c);
	return CXChildVisit_Break;
}

/* The type of the variable an expression starts from, as "struct x". */
static char *root_type(CXCursor expr)
{
	CXCursor decl = clang_getNullCursor();
	CXType type;
	CXString s;
	char *text;

	clang_visitChildren(expr, first_ref, &decl);
	if (clang_Cursor_isNull(decl))
		return NULL;
	type = clang_getCursorType(decl);
	if (type.kind == CXType_Pointer)
		type = clang_getPointeeType(type);
	s = clang_getTypeSpelling(type);
	text = xstrdup(clang_getCString(s));
	clang_disposeString(s);
	return text;
}

/*
 * A call on the fault path under a test that the faulting entry is
 * absent: "if (!pte_present(vmf->orig_pte)) return do_swap_page(vmf);",
 * khugepaged's swap-in of "vmf.orig_pte".  Whatever the callee writes
 * fills that entry (docs/kernel-api.md E.1).
 */
int fault_absent_guard(struct function_info *fi, const struct basic_block *bb)
{
	int guard = 0;
	const struct edge *e = guarding_edge(fi->file, bb, A_ANY_LEVEL, &guard);
	CXCursor cond;
	char *root;
	int ret;

	if (!e || guard >= 0)
		return 0;
	cond = skip_parens(e->cond);
	if (clang_Cursor_getNumArguments(cond) < 1)
		return 0;
	root = root_type(clang_Cursor_getArgument(cond, 0));
	ret = root && is_fault_param(root);
	free(root);
	return ret;
}

/* "p.arg.flags & WP" -> "p.arg.flags": the object a test reads. */
static char *tested_object(const char *text)
{
	size_t n = 0;

	while (text[n] &&
	       (isalnum((unsigned char)text[n]) || text[n] == '_' ||
		text[n] == '.' || (text[n] == '-' && text[n + 1] == '>') ||
		(text[n] == '>' && n && text[n - 1] == '-')))
		n++;
	return xstrndup(text, n);
}

/* Is nothing the test reads written in the function? */
static int test_is_stable(const struct function_info *fi, const char *text)
{
	char *object = tested_object(text);
	int i, stable = *object != '\0';

	for (i = 0; stable && i < fi->lvalues.nr; i++) {
		const char *lv = fi->lvalues.items[i];
		size_t n = strlen(lv);

		if (!strncmp(object, lv, n) &&
		    (!object[n] || object[n] == '.' || object[n] == '-'))
			stable = 0;
	}
	free(object);
	return stable;
}

static int starts_range(struct function_info *fi, const struct event *ev)
{
	const struct api *api;

	if (ev->kind != EVENT_CALL || !ev->callee)
		return 0;
	api = api_lookup(&fi->file->model, ev->callee);
	return api && (api->class == RANGE_START || starts_on_success(api));
}

/*
 * "if (flags & WP) start ... if (flags & WP) end": when nothing the test
 * reads is written in the function, the second test goes the way the
 * first went, even across calls that could have written it.
 */
void collect_range_guards(struct function_info *fi)
{
	int i, j;

	for (i = 0; i < fi->cfg->nr_blocks; i++) {
		const struct basic_block *bb = fi->cfg->blocks[i];
		const struct edge *e = edge_into(bb);
		char *text;

		for (j = 0; j < bb->nr_events; j++)
			if (starts_range(fi, &bb->events[j]))
				break;
		if (j == bb->nr_events || !e ||
		    (e->kind != EDGE_TRUE && e->kind != EDGE_FALSE))
			continue;
		text = cursor_text(fi->file->src->tu, skip_parens(e->cond),
				   200);
		if (test_is_stable(fi, text))
			strlist_add(&fi->range_guards, text);
		free(text);
	}
}

/* Was the entry ("vmf->pte") or what holds it ("vmf") written here? */
int entry_written(const struct function_info *fi, const char *entry)
{
	int i;

	for (i = 0; i < fi->lvalues.nr; i++) {
		const char *lv = fi->lvalues.items[i];
		size_t n = strlen(lv);

		if (!strncmp(entry, lv, n) && !entry[n])
			return 1;
		if (!strncmp(entry, lv, n) && !strchr(lv, '.') &&
		    !strstr(lv, "->") && (entry[n] == '.' || entry[n] == '-'))
			return 1;
	}
	return 0;
}

int is_fault_entry(const struct function_info *fi, const char *entry)
{
	char *root = first_identifier(entry);
	const struct param *p = param_named(fi, root);
	int ret = p && p->pointee && is_fault_param(p->pointee) &&
		  !entry_written(fi, entry);

	free(root);
	return ret;
}

/*
 * The API call an expression is, written as a call or as a macro (6.1's
 * page_folio() is a _Generic macro), and the identifier its argument
 * (entry_arg) is rooted in.
 */
const struct api *expr_api(struct function_info *fi, CXCursor c, char **root)
{
	const struct model *model = &fi->file->model;
	const struct api *api = NULL;
	struct file_range r;
	const char *macro;
	char *name, *text, *open;

	*root = NULL;
	c = skip_parens(c);
	if (is_kind(c, CXCursor_CallExpr)) {
		name = callee_name(c);
		api = name ? api_lookup(model, name) : NULL;
		free(name);
		if (api && api->entry_arg >= 0)
			*root = arg_root(fi->file->src->tu, c, api->entry_arg);
		return api;
	}
	macro = macro_of_cursor(&fi->file->macros, c);
	api = macro ? api_lookup(model, macro) : NULL;
	if (!api || display_range(&fi->file->macros, c, fi->file->src->tu, &r))
		return api;
	text = range_text(fi->file->src->tu, &r, 200);
	open = strchr(text, '(');
	*root = first_identifier(open ? open + 1 : text);
	free(text);
	return api;
}

static void trace_add_at(struct trace *t, struct src_pos pos, const char *text)
{
	char *file = src_pos_file(pos);

	trace_add(t, file, pos.line, pos.col, NULL, text);
	free(file);
}

#define MAX_BRANCH_NOTES 8

/*
 * The notes of a path, oldest first: every note of a check, and the
 * branches taken after the first of them (the last few).
 */
void trace_from_trail(struct trace *t, const struct note *trail)
{
	const struct note *n, **all;
	int nr = 0, i, first = -1, branches = 0;

	for (n = trail; n; n = n->prev)
		nr++;
	all = xcalloc(nr, sizeof(*all));
	for (n = trail, i = nr; n; n = n->prev)
		all[--i] = n;
	for (i = 0; i < nr && first < 0; i++)
		if (!all[i]->is_branch)
			first = i;
	for (i = nr - 1; i >= 0 && i > first; i--)
		if (all[i]->is_branch && ++branches > MAX_BRANCH_NOTES)
			all[i] = NULL;
	for (i = first < 0 ? nr : first; i < nr; i++)
		if (all[i])
			trace_add_at(t, all[i]->pos, all[i]->text);
	free(all);
}
