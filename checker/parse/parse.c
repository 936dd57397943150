// SPDX-License-Identifier: GPL-2.0
#include <stdlib.h>
#include <string.h>

#include "lib/diag.h"
#include "lib/util.h"
#include "lib/view.h"
#include "parse/cursor.h"
#include "parse/parse.h"
#include "parse/tokens.h"

/*
 * DetailedPreprocessingRecord gives the MacroExpansion cursors (macro use
 * sites); KeepGoing keeps the AST after an error so that clang reports
 * the real first error rather than a cascade.
 */
static const unsigned int parse_options =
	CXTranslationUnit_DetailedPreprocessingRecord |
	CXTranslationUnit_KeepGoing |
	CXTranslationUnit_IgnoreNonErrorsFromIncludedFiles;

static const char *parse_failure(enum CXErrorCode err)
{
	switch (err) {
	case CXError_Crashed:
		return "libclang crashed";
	case CXError_InvalidArguments:
		return "invalid arguments to libclang";
	case CXError_ASTReadError:
		return "libclang could not read an AST file";
	default:
		return "libclang failed";
	}
}

static int report_diagnostic(const struct source *src, CXDiagnostic diag)
{
	CXSourceLocation loc = clang_getDiagnosticLocation(diag);
	CXString msg = clang_getDiagnosticSpelling(diag);
	CXString name;
	CXFile file;
	unsigned int line, col;

	clang_getFileLocation(loc, &file, &line, &col, NULL);
	name = clang_getFileName(file);
	if (file)
		error_at(clang_getCString(name), line, col, "%s",
			 clang_getCString(msg));
	else
		error_at(src->path, 0, 0, "%s", clang_getCString(msg));
	clang_disposeString(name);
	clang_disposeString(msg);
	return -1;
}

/* Report the first error clang found; 0 when there is none. */
static int first_error(const struct source *src)
{
	unsigned int i, n = clang_getNumDiagnostics(src->tu);
	int ret = 0;

	for (i = 0; i < n && !ret; i++) {
		CXDiagnostic diag = clang_getDiagnostic(src->tu, i);

		if (clang_getDiagnosticSeverity(diag) >= CXDiagnostic_Error)
			ret = report_diagnostic(src, diag);
		clang_disposeDiagnostic(diag);
	}
	return ret;
}

/* The files the view in use replaces, as libclang's unsaved files. */
static struct CXUnsavedFile *view_unsaved(unsigned int *nr)
{
	const struct view *v = view_current();
	struct CXUnsavedFile *files;
	int i;

	*nr = 0;
	if (!v || !v->nr)
		return NULL;
	files = xcalloc(v->nr, sizeof(*files));
	for (i = 0; i < v->nr; i++)
		if (v->files[i].text)
			files[(*nr)++] = (struct CXUnsavedFile){
				v->files[i].path, v->files[i].text,
				(unsigned long)v->files[i].size
			};
	return files;
}

int parse_source(struct source *src, const char *path, const char *const *argv,
		 int argc)
{
	enum CXErrorCode err;
	struct CXUnsavedFile *unsaved;
	unsigned int nr_unsaved;

	memset(src, 0, sizeof(*src));
	src->path = path;
	if (view_hides(path))
		return error("%s: no such file on this side of the change",
			     path);
	src->index = clang_createIndex(0, 0);
	unsaved = view_unsaved(&nr_unsaved);
	err = clang_parseTranslationUnit2(src->index, path, argv, argc, unsaved,
					  nr_unsaved, parse_options, &src->tu);
	free(unsaved);
	if (err != CXError_Success)
		return error("%s: %s", path, parse_failure(err));
	if (first_error(src))
		return -1;
	src->file = clang_getFile(src->tu, path);
	if (!src->file)
		return error("%s: main file not found after parsing", path);
	return 0;
}

/* Where the main file shows loc: the use of the macro it came from. */
static int main_offset(const struct source *src, CXSourceLocation loc,
		       unsigned int *line, unsigned int *col,
		       unsigned int *offset)
{
	CXFile file;

	clang_getExpansionLocation(loc, &file, line, col, offset);
	return file && clang_File_isEqual(file, src->file);
}

static char *file_of(CXDiagnostic diag)
{
	CXFile file;
	CXString name;
	char *found;

	clang_getExpansionLocation(clang_getDiagnosticLocation(diag), &file,
				   NULL, NULL, NULL);
	if (!file)
		return NULL;
	name = clang_getFileName(file);
	found = xstrdup(clang_getCString(name));
	clang_disposeString(name);
	return found;
}

/* "previous declaration is here": the file of the first note with a place */
static char *note_file(CXDiagnostic diag)
{
	CXDiagnosticSet notes = clang_getChildDiagnostics(diag);
	unsigned int i, n = clang_getNumDiagnosticsInSet(notes);
	char *found = NULL;

	for (i = 0; i < n && !found; i++) {
		CXDiagnostic note = clang_getDiagnosticInSet(notes, i);

		found = file_of(note);
		clang_disposeDiagnostic(note);
	}
	return found;
}

/* The declaration an error sits on, when it redeclares a name. */
static void find_clash(struct source *src, CXDiagnostic diag,
		       struct parse_error *e)
{
	CXCursor c =
		clang_getCursor(src->tu, clang_getDiagnosticLocation(diag));
	CXString name;

	e->clash_name = e->clash_file = NULL;
	if (!e->in_main || !clang_isDeclaration(clang_getCursorKind(c)))
		return;
	e->clash_file = note_file(diag);
	if (!e->clash_file)
		return;
	name = clang_getCursorSpelling(c);
	if (*clang_getCString(name))
		e->clash_name = xstrdup(clang_getCString(name));
	clang_disposeString(name);
}

static void keep_errors(struct source *src)
{
	unsigned int i, n = clang_getNumDiagnostics(src->tu);

	for (i = 0; i < n; i++) {
		CXDiagnostic diag = clang_getDiagnostic(src->tu, i);
		struct parse_error *e;
		CXString msg;

		if (clang_getDiagnosticSeverity(diag) >= CXDiagnostic_Error) {
			ALLOC_GROW(src->errors, src->nr_errors,
				   src->alloc_errors);
			e = &src->errors[src->nr_errors++];
			e->in_main = main_offset(
				src, clang_getDiagnosticLocation(diag),
				&e->line, &e->col, &e->offset);
			msg = clang_getDiagnosticSpelling(diag);
			e->message = xstrdup(clang_getCString(msg));
			clang_disposeString(msg);
			find_clash(src, diag, e);
		}
		clang_disposeDiagnostic(diag);
	}
}

int parse_source_lenient(struct source *src, const char *path,
			 const char *const *argv, int argc,
			 struct CXUnsavedFile *unsaved, unsigned int nr_unsaved)
{
	enum CXErrorCode err;

	memset(src, 0, sizeof(*src));
	src->path = path;
	src->lenient = 1;
	src->index = clang_createIndex(0, 0);
	/* the notes of the included prelude name what a clash is with */
	err = clang_parseTranslationUnit2(
		src->index, path, argv, argc, unsaved, nr_unsaved,
		parse_options &
			~CXTranslationUnit_IgnoreNonErrorsFromIncludedFiles,
		&src->tu);
	if (err != CXError_Success)
		return error("%s: %s", path, parse_failure(err));
	src->file = clang_getFile(src->tu, path);
	if (!src->file)
		return error("%s: main file not found after parsing", path);
	keep_errors(src);
	return 0;
}

int main_range(const struct source *src, CXSourceRange range,
	       unsigned int *begin, unsigned int *end)
{
	*begin = *end = 0;
	return main_offset(src, clang_getRangeStart(range), NULL, NULL,
			   begin) &&
	       main_offset(src, clang_getRangeEnd(range), NULL, NULL, end);
}

const struct parse_error *error_in_range(const struct source *src,
					 CXSourceRange range)
{
	unsigned int begin, end;
	int i;

	if (!src->nr_errors || !main_range(src, range, &begin, &end))
		return NULL;
	for (i = 0; i < src->nr_errors; i++) {
		const struct parse_error *e = &src->errors[i];

		if (e->in_main && e->offset >= begin && e->offset <= end)
			return e;
	}
	return NULL;
}

void release_source(struct source *src)
{
	int i;

	for (i = 0; i < src->nr_errors; i++) {
		free(src->errors[i].message);
		free(src->errors[i].clash_name);
		free(src->errors[i].clash_file);
	}
	free(src->errors);
	forget_noreturn_calls();
	forget_file_texts();
	if (src->tu)
		clang_disposeTranslationUnit(src->tu);
	if (src->index)
		clang_disposeIndex(src->index);
	memset(src, 0, sizeof(*src));
}

int in_main_file(const struct source *src, CXSourceLocation loc)
{
	CXFile file;

	clang_getFileLocation(loc, &file, NULL, NULL, NULL);
	return file && clang_File_isEqual(file, src->file);
}
