// SPDX-License-Identifier: GPL-2.0
/*
 * Baseline files.  A line is
 *
 *	FINGERPRINT RULE FILE:FUNCTION # MESSAGE
 *
 * sorted, so that two baselines diff line by line; '#' lines and blank
 * lines are comments.  A finding is known when its fingerprint and rule
 * are on some line: the fingerprint already holds the function and the
 * anchor line's text, and leaves the file out so that a moved file keeps
 * its findings known.
 */
#define _GNU_SOURCE /* getline */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/diag.h"
#include "lib/util.h"
#include "report/baseline.h"

static int parse_line(char *line, struct baseline_entry *e)
{
	char *fp = strtok(line, " \t"), *rule = strtok(NULL, " \t");
	char *where = strtok(NULL, " \t\n");
	size_t i;

	if (!fp || !rule || !where || strlen(fp) != 16)
		return -1;
	for (i = 0; i < 16; i++)
		if (!isxdigit((unsigned char)fp[i]))
			return -1;
	memcpy(e->fingerprint, fp, 17);
	e->rule = xstrdup(rule);
	e->where = xstrdup(where);
	e->seen = 0;
	return 0;
}

int read_baseline(const char *path, struct baseline *b)
{
	FILE *in = fopen(path, "r");
	char *line = NULL, *p;
	size_t cap = 0;
	int nr = 0, ret = 0;

	if (!in)
		return error("--baseline: cannot read %s: %s", path,
			     strerror(errno));
	while (!ret && getline(&line, &cap, in) > 0) {
		nr++;
		for (p = line; isspace((unsigned char)*p); p++)
			;
		if (!*p || *p == '#')
			continue;
		ALLOC_GROW(b->items, b->nr, b->alloc);
		if (parse_line(p, &b->items[b->nr]))
			ret = error(
				"%s:%d: not a baseline line (FINGERPRINT RULE FILE:FUNCTION # MESSAGE)",
				path, nr);
		else
			b->nr++;
	}
	free(line);
	fclose(in);
	return ret;
}

static int by_text(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* One line of text: the message's own line ends and tabs made blanks. */
static char *one_line(const char *text)
{
	char *copy = xstrdup(text), *p;

	for (p = copy; *p; p++)
		if (*p == '\n' || *p == '\r' || *p == '\t')
			*p = ' ';
	return copy;
}

int write_baseline(const char *path, const struct findings *list)
{
	char **lines = xcalloc(list->nr ? list->nr : 1, sizeof(*lines));
	struct replacement out;
	char *msg;
	int i, ret = 0;

	if (!replace_begin(&out, path)) {
		ret = error("--write-baseline: cannot write %s: %s", path,
			    strerror(errno));
		goto done;
	}
	for (i = 0; i < list->nr; i++) {
		const struct finding *f = &list->items[i];

		msg = one_line(f->message);
		lines[i] = fmt_str("%s %s %s:%s # %s\n", f->fingerprint,
				   f->rule, f->file, f->function, msg);
		free(msg);
	}
	qsort(lines, list->nr, sizeof(*lines), by_text);
	fprintf(out.file,
		"# mmucheck baseline: %d known findings (FINGERPRINT RULE FILE:FUNCTION # MESSAGE)\n",
		list->nr);
	for (i = 0; i < list->nr; i++)
		fputs(lines[i], out.file);
	if (replace_commit(&out))
		ret = error("--write-baseline: cannot write %s: %s", path,
			    strerror(errno));
done:
	for (i = 0; i < list->nr; i++)
		free(lines[i]);
	free(lines);
	return ret;
}

void apply_baseline(struct findings *list, struct baseline *b)
{
	int i, j;

	for (i = 0; i < list->nr; i++) {
		struct finding *f = &list->items[i];

		f->baseline = BASELINE_NEW;
		for (j = 0; j < b->nr; j++) {
			struct baseline_entry *e = &b->items[j];

			if (!e->seen &&
			    !strcmp(e->fingerprint, f->fingerprint) &&
			    !strcmp(e->rule, f->rule)) {
				e->seen = 1;
				f->baseline = BASELINE_UNCHANGED;
				break;
			}
		}
	}
}

void release_baseline(struct baseline *b)
{
	int i;

	for (i = 0; i < b->nr; i++) {
		free(b->items[i].rule);
		free(b->items[i].where);
	}
	free(b->items);
	memset(b, 0, sizeof(*b));
}
