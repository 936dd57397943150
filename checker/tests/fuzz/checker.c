// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target: the checker on arbitrary C.  The input's first byte
 * picks the era of testcases/ whose headers it is built with (as
 * tests/t0330 builds each testcase), the rest is the main file, handed
 * to libclang as an unsaved file and parsed leniently: a function with
 * an error is left out, the others are walked by every rule, the era is
 * read from the headers or the calls, and the findings are finished
 * (suppressions, fingerprints) and printed.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "analyse.h"
#include "lib/util.h"
#include "lib/view.h"
#include "parse/parse.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define PATH "/fuzz/input.c"

/* MMUCHECK_TOP: the repository, from the Makefile */
static const char *const era_flags[][2] = {
	{ "-I" MMUCHECK_TOP "/testcases/4.12/include",
	  "-I" MMUCHECK_TOP "/testcases/include" },
	{ "-I" MMUCHECK_TOP "/testcases/4.14/include",
	  "-I" MMUCHECK_TOP "/testcases/include" },
	{ "-I" MMUCHECK_TOP "/testcases/5.4/include",
	  "-I" MMUCHECK_TOP "/testcases/include" },
	{ "-I" MMUCHECK_TOP "/testcases/5.15/include",
	  "-I" MMUCHECK_TOP "/testcases/include" },
	{ "-I" MMUCHECK_TOP "/testcases/6.1/include",
	  "-I" MMUCHECK_TOP "/testcases/include" },
	{ "-I" MMUCHECK_TOP "/testcases/6.12/include",
	  "-I" MMUCHECK_TOP "/testcases/include" },
};

static void check(const char *text, size_t size, const char *const *argv)
{
	struct finish_options o = { CONF_LOW, NULL, NULL, 0 };
	struct CXUnsavedFile unsaved = { PATH, text, (unsigned long)size };
	struct findings found = { 0 };
	struct model forced = { 0, NULL };
	struct source src;
	static FILE *devnull;

	if (!devnull)
		devnull = fopen("/dev/null", "w");
	if (!parse_source_lenient(&src, PATH, argv, 2, &unsaved, 1)) {
		report_gaps(&src);
		check_translation_unit(&src, &forced, CONF_LOW, &found, NULL);
		finish_findings(&found, &o);
		sort_findings(&found);
		print_findings_text(devnull, &found);
		print_findings_json(devnull, &found);
	}
	release_findings(&found);
	release_source(&src);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct view v = { 0 };

	if (!size)
		return 0;
	/* the text for libclang and for every later reader of the file */
	view_put(&v, PATH, (const char *)data + 1, size - 1);
	view_use(&v);
	check(v.files[0].text, size - 1,
	      era_flags[data[0] % ARRAY_SIZE(era_flags)]);
	view_use(NULL);
	view_release(&v);
	return 0;
}
