// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel version a file belongs to, from the fingerprints of its
 * include/linux/mmu_notifier.h; the rows are model/era.def.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/model.h"
#include "lib/util.h"

struct era_row {
	int from;
	const char *text;
	int present; /* the text is there (1) or absent (0) */
	int to;
};

static const struct era_row era_rows[] = {
#define ERA(from, text, present, to) { from, text, present, to },
#define BOUNDARY(name, version)
#define USE(name, nargs, first, last)
#include "model/era.def"
#undef BOUNDARY
#undef USE
#undef ERA
};

static int version_of_header(const char *text)
{
	int version = 0;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(era_rows); i++) {
		const struct era_row *r = &era_rows[i];

		if (r->from == version && !!strstr(text, r->text) == r->present)
			version = r->to;
	}
	return version;
}

struct header_search {
	CXTranslationUnit tu;
	CXFile file;
};

static void find_header(CXFile file, CXSourceLocation *stack, unsigned int len,
			CXClientData data)
{
	struct header_search *hs = data;
	CXString name = clang_getFileName(file);
	const char *path = clang_getCString(name);
	size_t n = strlen(path), want = strlen("linux/mmu_notifier.h");

	(void)stack;
	(void)len;
	if (!hs->file && n >= want &&
	    !strcmp(path + n - want, "linux/mmu_notifier.h"))
		hs->file = file;
	clang_disposeString(name);
}

int detect_version(CXTranslationUnit tu, const char **source)
{
	struct header_search hs = { tu, NULL };
	static char where[4096];
	const char *text;
	CXString name;
	size_t size;

	clang_getInclusions(tu, find_header, &hs);
	if (!hs.file)
		return 0;
	text = clang_getFileContents(tu, hs.file, &size);
	if (!text)
		return 0;
	name = clang_getFileName(hs.file);
	snprintf(where, sizeof(where), "%s", clang_getCString(name));
	clang_disposeString(name);
	*source = where;
	return version_of_header(text);
}

static const struct era_use {
	const char *name;
	int nargs; /* -1: any */
	int first, last;
} era_uses[] = {
#define ERA(from, text, present, to)
#define BOUNDARY(name, version)
#define USE(name, nargs, first, last) { #name, nargs, first, last },
#include "model/era.def"
#undef USE
#undef BOUNDARY
#undef ERA
};

struct use_search {
	CXFile main;
	int lo, hi; /* the versions every call seen allows */
	int seen;
};

static void narrow(struct use_search *us, const char *name, int nargs)
{
	int lo = KV_ANY, hi = 0, found = 0;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(era_uses); i++) {
		const struct era_use *u = &era_uses[i];

		if (strcmp(u->name, name) ||
		    (u->nargs >= 0 && u->nargs != nargs))
			continue;
		found = 1;
		lo = u->first < lo ? u->first : lo;
		hi = u->last > hi ? u->last : hi;
	}
	if (!found)
		return;
	us->seen = 1;
	us->lo = lo > us->lo ? lo : us->lo;
	us->hi = hi < us->hi ? hi : us->hi;
}

static enum CXChildVisitResult find_uses(CXCursor c, CXCursor parent,
					 CXClientData data)
{
	struct use_search *us = data;
	CXFile file;

	(void)parent;
	if (clang_getCursorKind(c) == CXCursor_CallExpr) {
		clang_getSpellingLocation(clang_getCursorLocation(c), &file,
					  NULL, NULL, NULL);
		if (file && clang_File_isEqual(file, us->main)) {
			CXString s = clang_getCursorSpelling(c);

			narrow(us, clang_getCString(s),
			       clang_Cursor_getNumArguments(c));
			clang_disposeString(s);
		}
	}
	return CXChildVisit_Recurse;
}

int version_from_use(CXTranslationUnit tu, CXFile main)
{
	struct use_search us = { main, 0, KV_ANY, 0 };

	clang_visitChildren(clang_getTranslationUnitCursor(tu), find_uses, &us);
	if (!us.seen || us.lo > us.hi)
		return 0;
	return us.hi;
}
