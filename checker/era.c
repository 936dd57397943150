// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel version a file belongs to, from the fingerprints of its
 * include/linux/mmu_notifier.h (DOMAIN.md A.8).  Only the generations
 * matter, so each fingerprint gives the first version that has it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"
#include "util.h"

struct fingerprint {
	const char *text;
	int present;		/* the text is there (1) or absent (0) */
	int version;
};

/* Newest first: the first that matches decides. */
static const struct fingerprint fingerprints[] = {
	{ "arch_invalidate_secondary_tlbs", 1, KV(6, 6) },
	{ "invalidate_range_only_end", 1, KV(4, 15) },
	{ "invalidate_page", 1, KV(4, 12) },
	{ "mmu_notifier_range_init", 0, KV(4, 14) },
};

/* Within the 6.6+ and 5.0+ generations, finer steps. */
static int refine(const char *text, int version)
{
	if (version == KV(6, 6) && !strstr(text, "set_pte_at_notify"))
		return KV(6, 10);
	if (version == KV(4, 15) && strstr(text, "struct mmu_notifier_range {"))
		return strstr(text, "struct vm_area_struct *vma;") ? KV(6, 1) :
								     KV(6, 3);
	if (version == KV(4, 15) && strstr(text, "start_nonblock"))
		return KV(4, 19);
	return version;
}

static int version_of_header(const char *text)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(fingerprints); i++) {
		const struct fingerprint *f = &fingerprints[i];

		if (!!strstr(text, f->text) == f->present)
			return refine(text, f->version);
	}
	return KV(5, 0);
}

struct header_search {
	CXTranslationUnit tu;
	CXFile file;
};

static void find_header(CXFile file, CXSourceLocation *stack, unsigned len,
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
