// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target: the "mmucheck: ignore RULE (why)" comments
 * (report/findings.c) over an arbitrary source text, the fingerprints
 * of the anchor lines, the expectation tags of --verify
 * (report/verify.c) and the SARIF output with its line hash
 * (report/sarif.c).  The text is a file of a view, as mmucheck diff
 * hands a revision's text to every reader.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/util.h"
#include "lib/view.h"
#include "report/findings.h"
#include "report/sarif.h"
#include "report/verify.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define PATH "/fuzz/a.c"
/*
 * Findings on the lines with a "mmucheck" and the lines after them, and
 * on the first and last: the comments decide, not the findings' number.
 */
#define MAX_LINES 16

static const char *const rules[] = {
	"pte-outside-range",
	"range-unbalanced",
	"page-freed-before-range-end",
};

static const struct sarif_rule sarif_rules[] = {
	{ "pte-outside-range", "summary", "help", "warning" },
	{ "range-unbalanced", "summary", "help", "error" },
};

static void add_line(struct findings *list, unsigned int line)
{
	size_t r;

	for (r = 0; r < ARRAY_SIZE(rules); r++)
		add_finding(list, rules[r], PATH, line, 1 + r, "f", CONF_HIGH,
			    "fuzz");
}

static void add_all(struct findings *list, const char *text, size_t size)
{
	static const char mark[] = "mmucheck";
	unsigned int line = 1, nr = 0;
	size_t i;

	add_line(list, 1);
	for (i = 0; i < size && nr < MAX_LINES; i++) {
		if (text[i] == '\n')
			line++;
		else if (size - i >= strlen(mark) &&
			 !memcmp(text + i, mark, strlen(mark))) {
			add_line(list, line);
			add_line(list, line + 1);
			nr += 2;
		}
	}
	for (; i < size; i++)
		line += text[i] == '\n';
	add_line(list, line);
}

static void print_all(struct findings *list, FILE *out)
{
	struct sarif_run run = { sarif_rules, ARRAY_SIZE(sarif_rules),
				 "/fuzz",     "mmucheck/fuzz/",
				 "0",	      NULL,
				 NULL };

	print_findings_text(out, list);
	print_findings_json(out, list);
	print_findings_sarif(out, list, &run);
	if (list->suppressed)
		print_findings_sarif(out, list->suppressed, &run);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct finish_options o = { CONF_LOW, NULL, NULL, 0 };
	struct findings list = { 0 };
	struct view v = { 0 };
	static FILE *devnull;
	char *text;

	if (!devnull)
		devnull = fopen("/dev/null", "w");
	view_put(&v, PATH, (const char *)data, size);
	view_use(&v);
	add_all(&list, (const char *)data, size);
	finish_findings(&list, &o);
	sort_findings(&list);
	print_all(&list, devnull);
	text = xstrndup((const char *)data, size);
	verify_findings(devnull, PATH, text, &list);
	free(text);
	release_findings(&list);
	view_use(NULL);
	view_release(&v);
	return 0;
}
