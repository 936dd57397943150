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
#include "model/era.def"
#undef BOUNDARY
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
