// SPDX-License-Identifier: GPL-2.0
#include <string.h>

#include "lib/diag.h"
#include "parse/parse.h"

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

int parse_source(struct source *src, const char *path, const char *const *argv,
		 int argc)
{
	enum CXErrorCode err;

	memset(src, 0, sizeof(*src));
	src->path = path;
	src->index = clang_createIndex(0, 0);
	err = clang_parseTranslationUnit2(src->index, path, argv, argc, NULL, 0,
					  parse_options, &src->tu);
	if (err != CXError_Success)
		return error("%s: %s", path, parse_failure(err));
	if (first_error(src))
		return -1;
	src->file = clang_getFile(src->tu, path);
	if (!src->file)
		return error("%s: main file not found after parsing", path);
	return 0;
}

void release_source(struct source *src)
{
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
