// SPDX-License-Identifier: GPL-2.0
/*
 * The HTML report's renderer on its own, kept out of the product (as
 * git's t/helper): report.json in, the page on standard output, so that
 * tests/t0130-html-report.sh can look at the page without a batch run.
 *
 *	html-report [-x] REPORT.json [TITLE] >index.html
 *
 * -x: each "\xHH" in a string of the report (written "\\xHH" in the
 * JSON) becomes the byte HH, so that the test can hand the renderer
 * bytes that are not UTF-8, which jansson's loader refuses.
 *
 * Exit 0, 1 when the report cannot be read or rendered, 2 on bad usage.
 * Built by "make -C checker test-helpers".
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "lib/diag.h"
#include "lib/util.h"
#include "report/html.h"

static int hex(int c)
{
	return isdigit(c) ? c - '0' : tolower(c) - 'a' + 10;
}

/* s with its "\xHH" as bytes, unchecked: NULL if it has none. */
static json_t *raw_bytes(const char *s)
{
	char *buf, *q;
	json_t *raw;

	if (!strstr(s, "\\x"))
		return NULL;
	buf = q = xmalloc(strlen(s) + 1);
	while (*s)
		if (s[0] == '\\' && s[1] == 'x' &&
		    isxdigit((unsigned char)s[2]) &&
		    isxdigit((unsigned char)s[3])) {
			*q++ = (char)(hex(s[2]) << 4 | hex(s[3]));
			s += 4;
		} else {
			*q++ = *s++;
		}
	raw = json_stringn_nocheck(buf, (size_t)(q - buf));
	free(buf);
	return raw;
}

static void unescape_bytes(json_t *json)
{
	json_t *value, *raw;
	size_t i;
	void *iter;

	if (json_is_array(json))
		json_array_foreach(json, i, value) {
			raw = json_is_string(value) ?
				      raw_bytes(json_string_value(value)) :
				      NULL;
			if (raw)
				json_array_set_new(json, i, raw);
			else
				unescape_bytes(value);
		}
	for (iter = json_object_iter(json); iter;
	     iter = json_object_iter_next(json, iter)) {
		value = json_object_iter_value(iter);
		raw = json_is_string(value) ?
			      raw_bytes(json_string_value(value)) :
			      NULL;
		if (raw)
			json_object_iter_set_new(json, iter, raw);
		else
			unescape_bytes(value);
	}
}

int main(int argc, char **argv)
{
	int bytes = argc > 1 && !strcmp(argv[1], "-x");
	json_error_t err;
	json_t *report;
	int ret;

	argv += bytes;
	argc -= bytes;
	if (argc < 2 || argc > 3) {
		fprintf(stderr,
			"usage: html-report [-x] REPORT.json [TITLE]\n");
		return 2;
	}
	report = json_load_file(argv[1], 0, &err);
	if (!report) {
		error("%s:%d: %s", argv[1], err.line, err.text);
		return 1;
	}
	if (bytes)
		unescape_bytes(report);
	ret = write_html_report(stdout, report, argc > 2 ? argv[2] : NULL);
	json_decref(report);
	return ret ? 1 : 0;
}
