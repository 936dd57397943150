// SPDX-License-Identifier: GPL-2.0
/*
 * --verify: a testcase carries its expectations as comments (see
 * testcases/README):
 *
 *	call(); / * expect: RULE[, RULE] * /
 *
 * and may record what this engine cannot do ("checker: cannot-see
 * (why)" inside the tag, "checker: false-alarm RULE (why)" on a line
 * without one).  Every finding must be expected and every expectation
 * found, line by line.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/findings.h"
#include "lib/util.h"
#include "report/verify.h"

#define ENGINE "checker"

struct expectation {
	unsigned int line;
	char rule[64];
	int blind; /* the engine admits it cannot see it */
	int noisy; /* the engine admits a false alarm here */
};

struct expectations {
	struct expectation *items;
	int nr, alloc;
};

static void add(struct expectations *e, unsigned int line, const char *rule,
		size_t len, int blind, int noisy)
{
	struct expectation *x;

	if (!len || len >= sizeof(x->rule))
		return;
	ALLOC_GROW(e->items, e->nr, e->alloc);
	x = &e->items[e->nr++];
	x->line = line;
	memcpy(x->rule, rule, len);
	x->rule[len] = '\0';
	x->blind = blind;
	x->noisy = noisy;
}

static size_t rule_len(const char *p)
{
	size_t n = 0;

	while (islower((unsigned char)p[n]) || p[n] == '-')
		n++;
	return n;
}

/* One comment's worth of tags, "expect: a, b; checker: cannot-see (..)" */
static void parse_comment(struct expectations *e, unsigned int line,
			  const char *c, size_t len)
{
	char *text = xstrndup(c, len), *p;
	int blind = strstr(text, ENGINE ": cannot-see") != NULL;

	p = strstr(text, "expect:");
	if (p)
		p += strlen("expect:");
	while (p) {
		p += strcspn(p, "abcdefghijklmnopqrstuvwxyz");
		add(e, line, p, rule_len(p), blind, 0);
		p += rule_len(p);
		while (*p == ' ')
			p++;
		p = *p == ',' ? p + 1 : NULL;
	}
	p = strstr(text, ENGINE ": false-alarm ");
	if (p) {
		p += strlen(ENGINE ": false-alarm ");
		add(e, line, p, rule_len(p), 0, 1);
	}
	free(text);
}

static void parse_expectations(struct expectations *e, const char *text)
{
	unsigned int line = 1;
	const char *p = text, *end;

	for (; *p; p++) {
		if (*p == '\n')
			line++;
		if (p[0] != '/' || p[1] != '*')
			continue;
		end = strstr(p + 2, "*/");
		if (!end)
			break;
		parse_comment(e, line, p + 2, end - p - 2);
		for (; p < end; p++)
			if (*p == '\n')
				line++;
	}
}

static struct expectation *expected(struct expectations *e, unsigned int line,
				    const char *rule)
{
	int i;

	for (i = 0; i < e->nr; i++)
		if (e->items[i].line == line && !strcmp(e->items[i].rule, rule))
			return &e->items[i];
	return NULL;
}

static int found_at(const struct findings *found, unsigned int line,
		    const char *rule)
{
	int i;

	for (i = 0; i < found->nr; i++)
		if (found->items[i].line == line &&
		    !strcmp(found->items[i].rule, rule))
			return 1;
	return 0;
}

int verify_findings(FILE *out, const char *path, const char *text,
		    const struct findings *found)
{
	struct expectations e = { NULL, 0, 0 };
	int i, bad = 0;

	parse_expectations(&e, text);
	for (i = 0; i < found->nr; i++) {
		const struct finding *f = &found->items[i];
		const struct expectation *x = expected(&e, f->line, f->rule);

		if (x && x->blind)
			fprintf(out,
				"%s:%u:%u: error: finding [%s] reported, but the tag says " ENGINE
				": cannot-see\n",
				path, f->line, f->col, f->rule);
		else if (!x)
			fprintf(out,
				"%s:%u:%u: error: unexpected finding [%s]: %s\n",
				path, f->line, f->col, f->rule, f->message);
		bad += !x || x->blind;
	}
	for (i = 0; i < e.nr; i++) {
		const struct expectation *x = &e.items[i];

		if (x->noisy || x->blind || found_at(found, x->line, x->rule))
			continue;
		fprintf(out,
			"%s:%u: error: expected finding [%s] not reported\n",
			path, x->line, x->rule);
		bad++;
	}
	free(e.items);
	return bad;
}
