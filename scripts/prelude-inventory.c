// SPDX-License-Identifier: GPL-2.0
/*
 * prelude-inventory MODE ARG CLANG-ARGS... FILE: what a kernel file
 * takes from its headers, as scripts/gen-prelude reads it (one row a
 * line, fields separated by tabs).  Built and run by gen-prelude only.
 *
 *   inventory -   the names FILE uses that its headers declare:
 *		   F name signature place inline type   functions
 *		   M struct member type bitwidth        members it reaches
 *		   E name value enum                    enumerators
 *		   T type kind underlying name          types it names
 *		   V name type                          variables
 *		   X name function-like place           macros it expands
 *		   C type                               records it holds whole
 *		   D name underlying canonical          every typedef
 *		 exit 3 when FILE does not parse (not built in this config)
 *   records WANT  every member of the structs named in the file WANT
 *		   (" struct a  struct b "), anonymous members flattened:
 *		   R struct member type bitwidth
 *   values NAMES  the value of each object-like macro of the file NAMES
 *		   that is an integer constant: NAME s|u VALUE, else NAME ?
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <clang-c/Index.h>

static CXTranslationUnit tu;
static CXFile main_file;
static const char *main_name;

static char *str(CXString s)
{
	char *r = strdup(clang_getCString(s));

	clang_disposeString(s);
	return r;
}

static int in_main(CXSourceLocation loc)
{
	CXFile f;

	clang_getFileLocation(loc, &f, NULL, NULL, NULL);
	return f && clang_File_isEqual(f, main_file);
}

static char *place(CXCursor d)
{
	char buf[4096];
	unsigned int line;
	CXFile f;
	char *name;

	clang_getSpellingLocation(clang_getCursorLocation(d), &f, &line, NULL,
				  NULL);
	if (!f)
		return strdup("?");
	name = str(clang_getFileName(f));
	snprintf(buf, sizeof(buf), "%s:%u", name, line);
	free(name);
	return strdup(buf);
}

static void function_row(CXCursor d)
{
	char *name = str(clang_getCursorSpelling(d));
	char *ret = str(clang_getTypeSpelling(clang_getCursorResultType(d)));
	CXType type = clang_getCursorType(d);
	int n = clang_Cursor_getNumArguments(d), i;
	char *where = place(d), *spelled;

	printf("F\t%s\t%s %s(", name, ret, name);
	for (i = 0; i < n; i++) {
		CXCursor a = clang_Cursor_getArgument(d, i);
		char *t = str(clang_getTypeSpelling(clang_getCursorType(a)));
		char *an = str(clang_getCursorSpelling(a));

		printf("%s%s%s%s", i ? ", " : "", t, *an ? " " : "", an);
		free(t);
		free(an);
	}
	if (clang_isFunctionTypeVariadic(type))
		printf(", ...");
	else if (!n)
		printf("void");
	spelled = str(clang_getTypeSpelling(type));
	printf(")\t%s\t%s\t%s\n", where,
	       clang_Cursor_isFunctionInlined(d) ? "inline" : "", spelled);
	free(spelled);
	free(name);
	free(ret);
	free(where);
}

/* The named record a member belongs to, through anonymous ones. */
static CXCursor named_parent(CXCursor field)
{
	CXCursor p = clang_getCursorSemanticParent(field);

	while (clang_Cursor_isAnonymous(p) ||
	       clang_Cursor_isAnonymousRecordDecl(p)) {
		CXCursor up = clang_getCursorSemanticParent(p);

		if (clang_Cursor_isNull(up) ||
		    clang_getCursorKind(up) == CXCursor_TranslationUnit)
			break;
		p = up;
	}
	return p;
}

static void reference_row(CXCursor d)
{
	enum CXCursorKind k = clang_getCursorKind(d);
	char *name = str(clang_getCursorSpelling(d)), *a, *b;

	switch (k) {
	case CXCursor_FunctionDecl:
		function_row(d);
		break;
	case CXCursor_FieldDecl:
		a = str(clang_getTypeSpelling(
			clang_getCursorType(named_parent(d))));
		b = str(clang_getTypeSpelling(clang_getCursorType(d)));
		if (*name)
			printf("M\t%s\t%s\t%s\t%d\n", a, name, b,
			       clang_getFieldDeclBitWidth(d));
		free(a);
		free(b);
		break;
	case CXCursor_EnumConstantDecl:
		a = str(clang_getTypeSpelling(
			clang_getCursorType(clang_getCursorSemanticParent(d))));
		printf("E\t%s\t%lld\t%s\n", name,
		       clang_getEnumConstantDeclValue(d), a);
		free(a);
		break;
	case CXCursor_VarDecl:
		a = str(clang_getTypeSpelling(clang_getCursorType(d)));
		printf("V\t%s\t%s\n", name, a);
		free(a);
		break;
	case CXCursor_StructDecl:
	case CXCursor_UnionDecl:
	case CXCursor_EnumDecl:
	case CXCursor_TypedefDecl:
		a = str(clang_getTypeSpelling(clang_getCursorType(d)));
		b = k == CXCursor_TypedefDecl ?
			    str(clang_getTypeSpelling(
				    clang_getTypedefDeclUnderlyingType(d))) :
			    strdup("");
		printf("T\t%s\t%d\t%s\t%s\n", a, k, b, name);
		free(a);
		free(b);
		break;
	default:
		break;
	}
	free(name);
}

static enum CXChildVisitResult inventory(CXCursor c, CXCursor parent,
					 CXClientData data)
{
	enum CXCursorKind k = clang_getCursorKind(c);
	CXCursor d;

	(void)data;
	if (k == CXCursor_MacroExpansion) {
		char *name, *where;

		d = clang_getCursorReferenced(c);
		if (!in_main(clang_getCursorLocation(c)) ||
		    clang_Cursor_isNull(d) ||
		    in_main(clang_getCursorLocation(d)))
			return CXChildVisit_Continue;
		name = str(clang_getCursorSpelling(c));
		where = place(d);
		printf("X\t%s\t%d\t%s\n", name,
		       clang_Cursor_isMacroFunctionLike(d), where);
		free(name);
		free(where);
		return CXChildVisit_Continue;
	}
	if (k == CXCursor_TypedefDecl &&
	    clang_getCursorKind(parent) == CXCursor_TranslationUnit) {
		CXType u = clang_getTypedefDeclUnderlyingType(c);
		char *name = str(clang_getCursorSpelling(c));
		char *us = str(clang_getTypeSpelling(u));
		char *cs = str(clang_getTypeSpelling(clang_getCanonicalType(u)));

		printf("D\t%s\t%s\t%s\n", name, us, cs);
		free(name);
		free(us);
		free(cs);
	}
	/* what the file wrote, or a macro it used expanded to */
	if (!in_main(clang_getCursorLocation(c)))
		return CXChildVisit_Recurse;
	if (k == CXCursor_VarDecl || k == CXCursor_ParmDecl ||
	    k == CXCursor_FieldDecl) {
		CXType t = clang_getCanonicalType(clang_getCursorType(c));

		while (t.kind == CXType_ConstantArray ||
		       t.kind == CXType_IncompleteArray)
			t = clang_getCanonicalType(clang_getArrayElementType(t));
		if (t.kind == CXType_Record) {
			char *ts = str(clang_getTypeSpelling(t));

			printf("C\t%s\n", ts);
			free(ts);
		}
	}
	if (k == CXCursor_DeclRefExpr || k == CXCursor_TypeRef ||
	    k == CXCursor_MemberRefExpr || k == CXCursor_MemberRef ||
	    k == CXCursor_CallExpr) {
		d = clang_getCursorReferenced(c);
		if (!clang_Cursor_isNull(d) &&
		    !in_main(clang_getCursorLocation(d)))
			reference_row(d);
	}
	return CXChildVisit_Recurse;
}

static const char *want;
static char *record;

static enum CXChildVisitResult fields(CXCursor c, CXCursor parent,
				      CXClientData data)
{
	enum CXCursorKind k = clang_getCursorKind(c);
	char *n, *t;

	(void)parent;
	(void)data;
	if ((k == CXCursor_StructDecl || k == CXCursor_UnionDecl) &&
	    clang_Cursor_isAnonymousRecordDecl(c)) {
		clang_visitChildren(c, fields, NULL);
		return CXChildVisit_Continue;
	}
	if (k != CXCursor_FieldDecl)
		return CXChildVisit_Continue;
	n = str(clang_getCursorSpelling(c));
	t = str(clang_getTypeSpelling(clang_getCursorType(c)));
	if (!*n || strstr(t, "(anonymous") || strstr(t, "(unnamed")) {
		CXCursor r = clang_getTypeDeclaration(
			clang_getCanonicalType(clang_getCursorType(c)));
		enum CXCursorKind rk = clang_getCursorKind(r);

		if (rk == CXCursor_StructDecl || rk == CXCursor_UnionDecl)
			clang_visitChildren(r, fields, NULL);
	} else if (!strstr(n, "anonymous")) {
		printf("R\t%s\t%s\t%s\t%d\n", record, n, t,
		       clang_getFieldDeclBitWidth(c));
	}
	free(n);
	free(t);
	return CXChildVisit_Continue;
}

static enum CXChildVisitResult records(CXCursor c, CXCursor parent,
				       CXClientData data)
{
	enum CXCursorKind k = clang_getCursorKind(c);
	char key[512];

	(void)parent;
	(void)data;
	if ((k != CXCursor_StructDecl && k != CXCursor_UnionDecl) ||
	    !clang_isCursorDefinition(c) || in_main(clang_getCursorLocation(c)))
		return CXChildVisit_Continue;
	record = str(clang_getTypeSpelling(clang_getCursorType(c)));
	snprintf(key, sizeof(key), " %s ", record);
	if (strstr(want, key))
		clang_visitChildren(c, fields, NULL);
	free(record);
	return CXChildVisit_Continue;
}

static enum CXChildVisitResult values(CXCursor c, CXCursor parent,
				      CXClientData data)
{
	CXEvalResult r;
	char *name;

	(void)parent;
	(void)data;
	if (clang_getCursorKind(c) != CXCursor_VarDecl)
		return CXChildVisit_Continue;
	name = str(clang_getCursorSpelling(c));
	if (strncmp(name, "__mc_v_", 7)) {
		free(name);
		return CXChildVisit_Continue;
	}
	r = clang_Cursor_Evaluate(c);
	if (r && clang_EvalResult_getKind(r) == CXEval_Int) {
		if (clang_EvalResult_isUnsignedInt(r))
			printf("%s\tu\t%llu\n", name + 7,
			       clang_EvalResult_getAsUnsigned(r));
		else
			printf("%s\ts\t%lld\n", name + 7,
			       clang_EvalResult_getAsLongLong(r));
	} else {
		printf("%s\t?\n", name + 7);
	}
	if (r)
		clang_EvalResult_dispose(r);
	free(name);
	return CXChildVisit_Continue;
}

static char *slurp(const char *path, size_t extra, size_t *size)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long n;

	if (!f) {
		perror(path);
		exit(2);
	}
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	buf = malloc((size_t)n + extra + 1);
	*size = fread(buf, 1, (size_t)n, f);
	buf[*size] = '\0';
	fclose(f);
	return buf;
}

/* The file, and after it one variable per macro to evaluate. */
static char *with_values(const char *names_path, size_t *size)
{
	size_t names_size, len, cap;
	char *names = slurp(names_path, 0, &names_size);
	char *text = slurp(main_name, 0, &len), *line, *save;

	cap = len + 3 * names_size + 64 * 1024;
	text = realloc(text, cap);
	for (line = strtok_r(names, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save)) {
		if (len + 3 * strlen(line) + 64 >= cap)
			text = realloc(text, cap *= 2);
		len += (size_t)sprintf(text + len,
				       "\n__typeof__((%s) + 0) __mc_v_%s = (%s);",
				       line, line, line);
	}
	free(names);
	*size = len;
	return text;
}

static int count_errors(void)
{
	unsigned int n = clang_getNumDiagnostics(tu), i, errors = 0;

	for (i = 0; i < n; i++) {
		CXDiagnostic d = clang_getDiagnostic(tu, i);

		errors += clang_getDiagnosticSeverity(d) >= CXDiagnostic_Error;
		clang_disposeDiagnostic(d);
	}
	return (int)errors;
}

int main(int argc, char **argv)
{
	struct CXUnsavedFile unsaved = { NULL, NULL, 0 };
	CXIndex index = clang_createIndex(0, 0);
	const char *mode, *arg;
	size_t want_size, size;
	int nr_unsaved = 0;

	if (argc < 4) {
		fprintf(stderr, "usage: prelude-inventory inventory|records|values ARG CLANG-ARGS... FILE\n");
		return 2;
	}
	mode = argv[1];
	arg = argv[2];
	main_name = argv[argc - 1];
	if (!strcmp(mode, "values")) {
		unsaved.Filename = main_name;
		unsaved.Contents = with_values(arg, &size);
		unsaved.Length = (unsigned long)size;
		nr_unsaved = 1;
	}
	if (clang_parseTranslationUnit2(index, main_name,
					(const char *const *)argv + 3, argc - 4,
					nr_unsaved ? &unsaved : NULL,
					(unsigned int)nr_unsaved,
					CXTranslationUnit_DetailedPreprocessingRecord |
						CXTranslationUnit_KeepGoing,
					&tu))
		return 2;
	main_file = clang_getFile(tu, main_name);
	if (!strcmp(mode, "inventory")) {
		if (count_errors())
			return 3;
		clang_visitChildren(clang_getTranslationUnitCursor(tu),
				    inventory, NULL);
	} else if (!strcmp(mode, "records")) {
		want = slurp(arg, 0, &want_size);
		clang_visitChildren(clang_getTranslationUnitCursor(tu), records,
				    NULL);
	} else {
		clang_visitChildren(clang_getTranslationUnitCursor(tu), values,
				    NULL);
	}
	return 0;
}
