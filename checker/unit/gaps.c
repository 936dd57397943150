// SPDX-License-Identifier: GPL-2.0
/*
 * Which declarations of a lone file the analysis could not see, and
 * which of them matter: those whose tokens name the model, directly or
 * through a function of the same file (a caller of a helper that clears
 * entries is where its range would be opened).
 */
#include <stdlib.h>
#include <string.h>

#include "lib/util.h"
#include "model/model.h"
#include "parse/tokens.h"
#include "unit/gaps.h"

struct decl {
	CXCursor cursor;
	unsigned int begin, end; /* main-file offsets */
	char *name;
	int is_function;
	const struct parse_error *error;
	struct strlist names; /* the identifiers it is written with */
	int uses_model;
};

struct decls {
	const struct source *src;
	struct decl *items;
	int nr, alloc;
};

static int in_main(const struct source *src, CXCursor c)
{
	return in_main_file(src, clang_getCursorLocation(c));
}

static void collect_names(const struct source *src, struct decl *d)
{
	struct tokens t;
	unsigned int i;

	tokenize_cursor(&t, src->tu, d->cursor);
	for (i = 0; i < t.nr; i++) {
		char *s;

		if (clang_getTokenKind(t.tok[i]) != CXToken_Identifier)
			continue;
		s = token_spelling(&t, i);
		strlist_add(&d->names, s);
		if (is_model_name(s))
			d->uses_model = 1;
		free(s);
	}
	release_tokens(&t);
}

static enum CXChildVisitResult collect_decl(CXCursor c, CXCursor parent,
					    CXClientData data)
{
	struct decls *ds = data;
	int is_function = clang_getCursorKind(c) == CXCursor_FunctionDecl &&
			  clang_isCursorDefinition(c);
	struct decl *d;
	CXString name;

	(void)parent;
	if (!in_main(ds->src, c) ||
	    !clang_isDeclaration(clang_getCursorKind(c)))
		return CXChildVisit_Continue;
	ALLOC_GROW(ds->items, ds->nr, ds->alloc);
	d = &ds->items[ds->nr++];
	memset(d, 0, sizeof(*d));
	d->cursor = c;
	main_range(ds->src, clang_getCursorExtent(c), &d->begin, &d->end);
	d->is_function = is_function;
	d->error = error_in_range(ds->src, clang_getCursorExtent(c));
	name = clang_getCursorSpelling(c);
	d->name = xstrdup(clang_getCString(name));
	clang_disposeString(name);
	if (is_function || d->error)
		collect_names(ds->src, d);
	return CXChildVisit_Continue;
}

/* A function naming one of the file's model users is one itself. */
static void spread_model_use(struct decls *ds)
{
	int changed = 1, i, j;

	while (changed) {
		changed = 0;
		for (i = 0; i < ds->nr; i++) {
			struct decl *d = &ds->items[i];

			for (j = 0; j < ds->nr && !d->uses_model; j++) {
				const struct decl *callee = &ds->items[j];

				if (callee->is_function && callee->uses_model &&
				    strlist_has(&d->names, callee->name)) {
					d->uses_model = 1;
					changed = 1;
				}
			}
		}
	}
}

static int in_some_decl(const struct decls *ds, const struct parse_error *e)
{
	int i;

	for (i = 0; i < ds->nr; i++)
		if (e->in_main && e->offset >= ds->items[i].begin &&
		    e->offset <= ds->items[i].end)
			return 1;
	return 0;
}

static void add_gap(struct gaps *out, const struct decl *d)
{
	struct gap *g;

	ALLOC_GROW(out->items, out->nr, out->alloc);
	g = &out->items[out->nr++];
	g->name = xstrdup(d->name);
	clang_getFileLocation(clang_getCursorLocation(d->cursor), NULL,
			      &g->line, &g->col, NULL);
	g->is_function = d->is_function;
	g->uses_model = d->uses_model;
	g->error = d->error;
	out->nr_real += d->uses_model;
	out->nr_real_functions += d->uses_model && d->is_function;
}

void find_gaps(const struct source *src, struct gaps *out)
{
	struct decls ds = { src, NULL, 0, 0 };
	int i;

	memset(out, 0, sizeof(*out));
	clang_visitChildren(clang_getTranslationUnitCursor(src->tu),
			    collect_decl, &ds);
	spread_model_use(&ds);
	for (i = 0; i < ds.nr; i++) {
		const struct decl *d = &ds.items[i];

		out->nr_functions += d->is_function;
		if (!d->error)
			continue;
		out->nr_failed += d->is_function;
		add_gap(out, d);
	}
	/* in no declaration: a directive, tokens clang dropped, the prelude */
	for (i = 0; i < src->nr_errors; i++) {
		const struct parse_error *e = &src->errors[i];

		if (in_some_decl(&ds, e))
			continue;
		if (!out->nr_loose++)
			out->first_loose = e;
	}
	for (i = 0; i < ds.nr; i++) {
		free(ds.items[i].name);
		strlist_release(&ds.items[i].names);
	}
	free(ds.items);
}

void release_gaps(struct gaps *g)
{
	int i;

	for (i = 0; i < g->nr; i++)
		free(g->items[i].name);
	free(g->items);
	memset(g, 0, sizeof(*g));
}
