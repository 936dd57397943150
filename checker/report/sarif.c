// SPDX-License-Identifier: GPL-2.0
/*
 * Findings as SARIF 2.1.0 (docs/sarif.md): one run, the rule catalogue in
 * tool.driver, one result per finding with its trace as a code flow, the
 * project's fingerprint and GitHub's line hash in partialFingerprints.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "lib/util.h"
#include "lib/view.h"
#include "report/sarif.h"

/*
 * GitHub's primaryLocationLineHash (docs/sarif.md): a rolling hash, base
 * 37 modulo 2^64, of the first 100 characters from the start of the line,
 * blanks left out, line ends made '\n', the end of the file one 0xffff and
 * zeros after it; "HEX:N" for the N-th line with that hash in the file.
 */
#define HASH_WINDOW 100
#define HASH_BASE 37u
#define HASH_EOF 0xffffu

struct line_hash {
	unsigned int want; /* the line asked for */
	unsigned int counts_nr, counts_alloc;
	uint64_t *seen; /* hashes output so far, for the occurrence */
	char result[40];
	/* the rolling state */
	unsigned int window[HASH_WINDOW];
	int line_of[HASH_WINDOW];
	unsigned int index, line;
	int line_start, prev_cr;
	uint64_t hash, first_mod;
};

/*
 * The occurrence is counted for the line asked for only: counting it at
 * every line was quadratic in the lines of the file, for each finding.
 */
static void hash_output(struct line_hash *h)
{
	unsigned int i, n = 1;

	if ((unsigned int)h->line_of[h->index] == h->want) {
		for (i = 0; i < h->counts_nr; i++)
			n += h->seen[i] == h->hash;
		snprintf(h->result, sizeof(h->result), "%llx:%u",
			 (unsigned long long)h->hash, n);
	}
	ALLOC_GROW(h->seen, h->counts_nr, h->counts_alloc);
	h->seen[h->counts_nr++] = h->hash;
	h->line_of[h->index] = -1;
}

static void hash_update(struct line_hash *h, unsigned int c)
{
	unsigned int begin = h->window[h->index];

	h->window[h->index] = c;
	h->hash = HASH_BASE * h->hash + c - h->first_mod * begin;
	h->index = (h->index + 1) % HASH_WINDOW;
}

static void hash_char(struct line_hash *h, unsigned int c)
{
	if (c == ' ' || c == '\t' || (h->prev_cr && c == '\n')) {
		h->prev_cr = 0;
		return;
	}
	h->prev_cr = c == '\r';
	if (c == '\r')
		c = '\n';
	if (h->line_of[h->index] != -1)
		hash_output(h);
	if (h->line_start) {
		h->line_start = 0;
		h->line_of[h->index] = ++h->line;
	}
	if (c == '\n')
		h->line_start = 1;
	hash_update(h, c);
}

/* One UTF-16 unit per character, as the reference reads the file. */
static const unsigned char *next_char(const unsigned char *p, unsigned int *c)
{
	int n = *p < 0x80 ? 0 : *p < 0xe0 ? 1 : *p < 0xf0 ? 2 : 3;

	*c = n ? *p & (0x3f >> n) : *p;
	for (p++; n > 0 && (*p & 0xc0) == 0x80; n--, p++)
		*c = (*c << 6) | (*p & 0x3f);
	if (*c > 0xffff)
		*c = 0xfffd; /* a kernel source has no such character */
	return p;
}

int sarif_line_hash(const char *text, unsigned int line, char *out, size_t size)
{
	struct line_hash *h = xcalloc(1, sizeof(*h));
	const unsigned char *p = (const unsigned char *)text;
	unsigned int c;
	int i;

	h->want = line;
	h->line_start = 1;
	h->first_mod = 1;
	for (i = 0; i < HASH_WINDOW; i++) {
		h->first_mod *= HASH_BASE;
		h->line_of[i] = -1;
	}
	/* the text after the line's window changes nothing of its hash */
	while (*p && !*h->result) {
		p = next_char(p, &c);
		hash_char(h, c);
	}
	hash_char(h, HASH_EOF);
	for (i = 0; i < HASH_WINDOW; i++) {
		if (h->line_of[h->index] != -1)
			hash_output(h);
		hash_update(h, 0);
	}
	snprintf(out, size, "%s", h->result);
	free(h->seen);
	free(h);
	return *out != '\0';
}

/* A path as a URI reference (RFC 3986): absolute ones as file:// URIs. */
static char *uri_of(const char *path)
{
	static const char keep[] = "-._~/!$&'()*+,;=:@";
	const unsigned char *p;
	char *uri = xmalloc(3 * strlen(path) + sizeof("file://")), *q = uri;

	if (path[0] == '/')
		q += sprintf(q, "file://");
	for (p = (const unsigned char *)path; *p; p++)
		if (isalnum(*p) || strchr(keep, *p))
			*q++ = (char)*p;
		else
			q += sprintf(q, "%%%02X", *p);
	*q = '\0';
	return uri;
}

static json_t *location_json(const char *file, unsigned int line,
			     unsigned int col, const struct sarif_run *run)
{
	char *uri = uri_of(file);
	json_t *artifact = json_pack("{s:s}", "uri", uri);

	free(uri);
	if (file[0] != '/' && run->root)
		json_object_set_new(artifact, "uriBaseId",
				    json_string("SRCROOT"));
	return json_pack("{s:{s:o,s:{s:i,s:i}}}", "physicalLocation",
			 "artifactLocation", artifact, "region", "startLine",
			 (json_int_t)(line ? line : 1), "startColumn",
			 (json_int_t)(col ? col : 1));
}

static json_t *code_flow_json(const struct finding *f,
			      const struct sarif_run *run)
{
	json_t *steps = json_array(), *loc;
	int i;

	for (i = 0; i < f->trace.nr; i++) {
		const struct trace_step *s = &f->trace.steps[i];

		loc = location_json(s->file, s->line, s->col, run);
		json_object_set_new(loc, "message",
				    json_pack("{s:o}", "text",
					      json_text(s->note)));
		json_array_append_new(steps,
				      json_pack("{s:o}", "location", loc));
	}
	return json_pack("[{s:[{s:o}]}]", "threadFlows", "locations", steps);
}

static int rule_index(const struct sarif_run *run, const char *id)
{
	int i;

	for (i = 0; i < run->nr_rules; i++)
		if (!strcmp(run->rules[i].id, id))
			return i;
	return -1;
}

static char *source_text(const char *file, const struct sarif_run *run)
{
	char *path, *text;
	size_t size;

	path = file[0] == '/' || !run->root ? xstrdup(file) :
					      fmt_str("%s/%s", run->root, file);
	/* the text the finding was made from: the view's, not the disk's */
	text = view_read(path, &size);
	free(path);
	return text;
}

static json_t *result_json(const struct finding *f, const struct sarif_run *run)
{
	int index = rule_index(run, f->rule);
	json_t *r, *fp;
	char hash[40], *text;

	fp = json_pack("{s:s}", "mmucheck/v1", f->fingerprint);
	/* made beforehand where the tree may not be here (a record) */
	text = f->line_hash[0] ? NULL : source_text(f->file, run);
	if (f->line_hash[0])
		json_object_set_new(fp, "primaryLocationLineHash",
				    json_string(f->line_hash));
	else if (text && sarif_line_hash(text, f->line, hash, sizeof(hash)))
		json_object_set_new(fp, "primaryLocationLineHash",
				    json_string(hash));
	free(text);
	r = json_pack("{s:s,s:i,s:s,s:{s:o},s:[o],s:o}", "ruleId", f->rule,
		      "ruleIndex", (json_int_t)index, "level",
		      index >= 0 ? run->rules[index].level : "warning",
		      "message", "text", json_text(f->message), "locations",
		      location_json(f->file, f->line, f->col, run),
		      "partialFingerprints", fp);
	if (f->trace.nr)
		json_object_set_new(r, "codeFlows", code_flow_json(f, run));
	if (f->baseline)
		json_object_set_new(
			r, "baselineState",
			json_string(baseline_state_name(f->baseline)));
	json_object_set_new(r, "properties",
			    json_pack("{s:s,s:s}", "confidence",
				      confidence_name(f->confidence), "engine",
				      f->by_cocci ? "cocci" : "checker"));
	if (f->era)
		json_object_set_new(json_object_get(r, "properties"), "era",
				    json_string(f->era));
	if (f->batch_status)
		json_object_set_new(json_object_get(r, "properties"), "status",
				    json_string(f->batch_status));
	/*
	 * SARIF 3.35: silenced in the source, and the comment's reason, in
	 * whatever bytes the source has (json_pack refuses what is not
	 * UTF-8, and the finding looked unsuppressed)
	 */
	if (f->suppression)
		json_object_set_new(r, "suppressions",
				    json_pack("[{s:s,s:o}]", "kind", "inSource",
					      "justification",
					      json_text(f->suppression)));
	return r;
}

static json_t *rules_json(const struct sarif_run *run)
{
	json_t *rules = json_array();
	int i;

	for (i = 0; i < run->nr_rules; i++) {
		const struct sarif_rule *r = &run->rules[i];

		json_array_append_new(
			rules,
			json_pack("{s:s,s:{s:s},s:{s:s},s:{s:s},s:{s:s}}", "id",
				  r->id, "shortDescription", "text", r->summary,
				  "fullDescription", "text", r->help, "help",
				  "text", r->help, "defaultConfiguration",
				  "level", r->level));
	}
	return rules;
}

static json_t *run_json(const struct findings *list,
			const struct sarif_run *run)
{
	json_t *results = json_array(), *doc;
	int i;

	for (i = 0; i < list->nr; i++)
		json_array_append_new(results,
				      result_json(&list->items[i], run));
	for (i = 0; list->suppressed && i < list->suppressed->nr; i++)
		json_array_append_new(
			results, result_json(&list->suppressed->items[i], run));
	doc = json_pack(
		"{s:{s:{s:s,s:s,s:s,s:o}},s:o,s:{s:s}}", "tool", "driver",
		"name", "mmucheck", "informationUri",
		"https://www.kernel.org/doc/html/latest/mm/mmu_notifier.html",
		"version", run->tool_version, "rules", rules_json(run),
		"results", results, "automationDetails", "id", run->automation);
	if (run->root) {
		char *path = fmt_str("%s/", run->root), *uri = uri_of(path);

		free(path);

		json_object_set_new(doc, "originalUriBaseIds",
				    json_pack("{s:{s:s}}", "SRCROOT", "uri",
					      uri));
		free(uri);
	}
	/* the revision says what the files are only when they are in it */
	for (i = 0; i < list->nr && list->items[i].file[0] != '/'; i++)
		;
	if (run->revision && run->repository && i == list->nr)
		json_object_set_new(
			doc, "versionControlProvenance",
			json_pack("[{s:s,s:s,s:{s:s}}]", "repositoryUri",
				  run->repository, "revisionId", run->revision,
				  "mappedTo", "uriBaseId", "SRCROOT"));
	return doc;
}

void print_findings_sarif(FILE *out, const struct findings *list,
			  const struct sarif_run *run)
{
	json_t *doc = json_pack("{s:s,s:s,s:[o]}", "$schema",
				"https://json.schemastore.org/sarif-2.1.0.json",
				"version", "2.1.0", "runs",
				run_json(list, run));

	json_dumpf(doc, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	fputc('\n', out);
	json_decref(doc);
}
