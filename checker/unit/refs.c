// SPDX-License-Identifier: GPL-2.0
/*
 * Functions whose address the file takes: put in an ops table, passed as
 * a callback, stored in a pointer.  Something the checker does not follow
 * may call them, so "nothing calls it" is only known for functions whose
 * address nobody takes.
 */
#include <stdlib.h>

#include "unit/unit.h"
#include "parse/cursor.h"

struct refs_scan {
	struct file_analysis *fa;
	struct strlist names;
};

static void add_ref(struct refs_scan *rs, CXCursor fn)
{
	CXString name = clang_getCursorSpelling(fn);

	if (!strlist_has(&rs->names, clang_getCString(name)))
		strlist_add(&rs->names, clang_getCString(name));
	clang_disposeString(name);
}

static enum CXChildVisitResult scan_refs(CXCursor c, CXCursor parent,
					 CXClientData data);

/* One call's children: the first is its callee. */
struct call_scan {
	struct refs_scan *rs;
	int nr_seen;
};

/* The callee of a direct call is a call, not an address taken. */
static enum CXChildVisitResult scan_call_child(CXCursor c, CXCursor parent,
					       CXClientData data)
{
	struct call_scan *cs = data;

	if (cs->nr_seen++ == 0 &&
	    is_kind(clang_getCursorReferenced(parent), CXCursor_FunctionDecl))
		return CXChildVisit_Continue;
	return scan_refs(c, parent, cs->rs);
}

static enum CXChildVisitResult scan_refs(CXCursor c, CXCursor parent,
					 CXClientData data)
{
	struct refs_scan *rs = data;
	CXCursor ref;

	(void)parent;
	if (is_kind(c, CXCursor_CallExpr)) {
		struct call_scan cs = { rs, 0 };

		clang_visitChildren(c, scan_call_child, &cs);
		return CXChildVisit_Continue;
	}
	if (is_kind(c, CXCursor_DeclRefExpr)) {
		ref = clang_getCursorReferenced(c);
		if (is_kind(ref, CXCursor_FunctionDecl))
			add_ref(rs, ref);
	}
	return CXChildVisit_Recurse;
}

static enum CXChildVisitResult scan_decl(CXCursor c, CXCursor parent,
					 CXClientData data)
{
	struct refs_scan *rs = data;

	(void)parent;
	if (!in_main_file(rs->fa->src, clang_getCursorLocation(c)))
		return CXChildVisit_Continue;
	if (is_kind(c, CXCursor_FunctionDecl) || is_kind(c, CXCursor_VarDecl))
		clang_visitChildren(c, scan_refs, rs);
	return CXChildVisit_Continue;
}

void collect_address_refs(struct file_analysis *fa, struct program *p)
{
	struct refs_scan rs = { fa, { NULL, 0, 0 } };
	struct src_pos main = { 0 };
	char *file;
	int i;

	clang_visitChildren(clang_getTranslationUnitCursor(fa->src->tu),
			    scan_decl, &rs);
	/* spelled as the summaries of the file's functions spell it */
	main.file = clang_getFile(fa->src->tu, fa->src->path);
	file = main.file ? src_pos_file(main) : xstrdup(fa->src->path);
	for (i = 0; i < rs.names.nr; i++)
		program_add_ref(p, rs.names.items[i], file);
	free(file);
	strlist_release(&rs.names);
}
