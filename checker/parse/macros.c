// SPDX-License-Identifier: GPL-2.0
#include <stdlib.h>
#include <string.h>

#include "parse/macros.h"
#include "lib/util.h"

static enum CXChildVisitResult collect_use(CXCursor c, CXCursor parent,
					   CXClientData data)
{
	struct macro_map *map = data;
	CXSourceRange ext;
	struct macro_use *use;
	CXString name;
	CXFile file;

	(void)parent;
	if (clang_getCursorKind(c) != CXCursor_MacroExpansion)
		return CXChildVisit_Continue;
	ext = clang_getCursorExtent(c);
	clang_getFileLocation(clang_getRangeStart(ext), &file, NULL, NULL,
			      NULL);
	if (!file || !clang_File_isEqual(file, map->file))
		return CXChildVisit_Continue;
	ALLOC_GROW(map->uses, map->nr, map->alloc);
	use = &map->uses[map->nr++];
	clang_getFileLocation(clang_getRangeStart(ext), NULL, NULL, NULL,
			      &use->begin);
	clang_getFileLocation(clang_getRangeEnd(ext), NULL, NULL, NULL,
			      &use->end);
	name = clang_getCursorSpelling(c);
	use->name = xstrdup(clang_getCString(name));
	clang_disposeString(name);
	return CXChildVisit_Continue;
}

static int compare_uses(const void *a, const void *b)
{
	const struct macro_use *x = a, *y = b;

	if (x->begin != y->begin)
		return x->begin < y->begin ? -1 : 1;
	/* the outer use first, so that a backward walk meets inner ones */
	return x->end > y->end ? -1 : x->end < y->end;
}

void build_macro_map(struct macro_map *map, CXTranslationUnit tu, CXFile file)
{
	memset(map, 0, sizeof(*map));
	map->file = file;
	clang_visitChildren(clang_getTranslationUnitCursor(tu), collect_use,
			    map);
	if (map->nr)
		qsort(map->uses, map->nr, sizeof(*map->uses), compare_uses);
}

void release_macro_map(struct macro_map *map)
{
	int i;

	for (i = 0; i < map->nr; i++)
		free(map->uses[i].name);
	free(map->uses);
	memset(map, 0, sizeof(*map));
}

/* Index of the last use that begins at or before offset, or -1. */
static int last_use_before(const struct macro_map *map, unsigned int offset)
{
	int lo = 0, hi = map->nr - 1, found = -1;

	while (lo <= hi) {
		int mid = lo + (hi - lo) / 2;

		if (map->uses[mid].begin <= offset) {
			found = mid;
			lo = mid + 1;
		} else {
			hi = mid - 1;
		}
	}
	return found;
}

/*
 * Uses nest or are disjoint, so walking back from the last one that
 * begins before offset, the first that also ends after it is innermost.
 */
static const struct macro_use *use_at(const struct macro_map *map, CXFile file,
				      unsigned int offset)
{
	int i;

	if (!file || !map->file || !clang_File_isEqual(file, map->file))
		return NULL;
	for (i = last_use_before(map, offset); i >= 0; i--)
		if (offset < map->uses[i].end)
			return &map->uses[i];
	return NULL;
}

const char *macro_at(const struct macro_map *map, CXFile file,
		     unsigned int offset)
{
	const struct macro_use *use = use_at(map, file, offset);

	return use ? use->name : NULL;
}

/* Spelled where the user reads it: outside macros or in a macro argument. */
static int spelled_where_read(CXSourceLocation loc)
{
	CXFile spelled, read;
	unsigned int spelled_at, read_at;

	clang_getSpellingLocation(loc, &spelled, NULL, NULL, &spelled_at);
	clang_getFileLocation(loc, &read, NULL, NULL, &read_at);
	return spelled && read && clang_File_isEqual(spelled, read) &&
	       spelled_at == read_at;
}

/*
 * A cursor spelled where the user reads it (its spelling location is its
 * file location) was written by the user, even inside a macro argument.
 */
const char *macro_of_cursor(const struct macro_map *map, CXCursor c)
{
	CXSourceLocation loc = clang_getCursorLocation(c);
	CXFile file;
	unsigned int offset;

	if (spelled_where_read(loc))
		return NULL;
	clang_getFileLocation(loc, &file, NULL, NULL, &offset);
	return macro_at(map, file, offset);
}

int display_range(const struct macro_map *map, CXCursor c, CXTranslationUnit tu,
		  struct file_range *r)
{
	CXSourceLocation begin = clang_getRangeStart(clang_getCursorExtent(c));
	const struct macro_use *use;
	int found = !cursor_file_range(c, r);

	if (found && spelled_where_read(begin) && is_one_piece(tu, r))
		return 0;
	if (!found) {
		/* both ends mapped to the same use site */
		clang_getFileLocation(begin, &r->file, NULL, NULL, &r->begin);
		r->end = r->begin;
	}
	use = use_at(map, r->file, r->begin);
	if (!use)
		return found ? 0 : -1;
	r->begin = use->begin;
	if (r->end < use->end)
		r->end = use->end;
	return 0;
}
