// SPDX-License-Identifier: GPL-2.0
/*
 * Version records (see record.h): written after a version's scan, read
 * back, validated, by the matching step.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <jansson.h>

#include "cocci.h"
#include "lib/diag.h"
#include "lib/util.h"
#include "link/validate.h"
#include "model/model.h"
#include "record.h"
#include "report/sarif.h"
#include "rules/rules.h"

#define RECORD_FORMAT "mmucheck version record 1"
#define RECORD_SUFFIX ".version.json"
/* far above a real record (a tree's findings are a few dozen) */
#define MAX_RECORD_SIZE (256L << 20)

/* --- writing ----------------------------------------------------------- */

static char *tree_file(const char *src, const char *file)
{
	char *path = file[0] == '/' ? xstrdup(file) :
				      fmt_str("%s/%s", src, file);
	size_t size;
	char *text = read_file(path, &size);

	free(path);
	return text;
}

/* The text of line LINE of src/file, "" when there is none. */
static char *line_text(const char *src, const char *file, unsigned int line)
{
	char *text = tree_file(src, file), *p, *end;
	unsigned int n;

	if (!text)
		return xstrdup("");
	for (p = text, n = 1; n < line && (p = strchr(p, '\n')); n++)
		p++;
	if (!p) {
		free(text);
		return xstrdup("");
	}
	end = strchr(p, '\n');
	p = end ? xstrndup(p, (size_t)(end - p)) : xstrdup(p);
	free(text);
	return p;
}

/* The rules this run keeps, by id: another choice is another checker. */
static char *kept_rules(void)
{
	char *list = xstrdup(""), *more;
	int r;

	for (r = 0; r < NR_RULES; r++) {
		if (!rule_enabled(rule_id(r)))
			continue;
		more = fmt_str("%s%s%s", list, *list ? "," : "", rule_id(r));
		free(list);
		list = more;
	}
	return list;
}

/* The summaries' identity (scan.c: binary, format, model), and more. */
static json_t *made_by_json(enum confidence min)
{
	char *tool = fmt_str("mmucheck 1.0.0 (binary %s)", tool_id());
	char *rules = kept_rules();
	json_t *j = json_pack("{s:s,s:s,s:s,s:s,s:s}", "tool", tool,
			      "summaries", summary_made_by(), "model",
			      model_id(), "rules", rules, "confidence",
			      confidence_name(min));

	free(rules);
	free(tool);
	return j;
}

static json_t *engines_json(const struct finding *f)
{
	json_t *a = json_array();

	if (f->by_cocci != 1)
		json_array_append_new(a, json_string("checker"));
	if (f->by_cocci)
		json_array_append_new(a, json_string("cocci"));
	return a;
}

static json_t *step_json(const char *tree, const struct trace_step *s)
{
	char *text = line_text(tree, s->file, s->line);
	json_t *j = json_pack("{s:o,s:i,s:i,s:o,s:o,s:o}", "file",
			      json_text(s->file), "line", (json_int_t)s->line,
			      "column", (json_int_t)s->col, "function",
			      json_text(s->function), "note",
			      json_text(s->note), "text", json_text(text));

	free(text);
	return j;
}

static json_t *finding_json(const struct record_source *s,
			    const struct finding *f)
{
	char *text = line_text(s->tree, f->file, f->line);
	const char *sub = s->subsystem ? s->subsystem(s->ctx, f->file) : NULL;
	json_t *trace = json_array(), *j;
	char hash[40];
	int i;

	for (i = 0; i < f->trace.nr; i++)
		json_array_append_new(trace,
				      step_json(s->tree, &f->trace.steps[i]));
	j = json_pack("{s:s,s:o,s:i,s:i,s:o,s:o,s:s,s:s,s:o,s:o,s:o}", "rule",
		      f->rule, "file", json_text(f->file), "line",
		      (json_int_t)f->line, "column", (json_int_t)f->col,
		      "function", json_text(f->function), "message",
		      json_text(f->message), "confidence",
		      confidence_name(f->confidence), "fingerprint",
		      f->fingerprint, "engines", engines_json(f), "text",
		      json_text(text), "trace", trace);
	free(text);
	if (sub)
		json_object_set_new(j, "subsystem", json_text(sub));
	/* SARIF's, which reads the whole file: the matching may not have it */
	text = tree_file(s->tree, f->file);
	if (text && sarif_line_hash(text, f->line, hash, sizeof(hash)))
		json_object_set_new(j, "line_hash", json_string(hash));
	free(text);
	if (f->era) {
		json_object_set_new(j, "era", json_text(f->era));
		json_object_set_new(j, "era_from", json_text(f->era_from));
	}
	return j;
}

static json_t *paths_json(const struct strlist *list)
{
	json_t *a = json_array();
	int i;

	for (i = 0; i < list->nr; i++)
		json_array_append_new(a, json_text(list->items[i]));
	return a;
}

static json_t *record_json(const struct record_source *s)
{
	json_t *findings = json_array(), *doc;
	int i;

	for (i = 0; i < s->found->nr; i++)
		json_array_append_new(findings,
				      finding_json(s, &s->found->items[i]));
	doc = json_pack("{s:s,s:o,s:o,s:o,s:o}", "format", RECORD_FORMAT,
			"name", json_text(s->name), "tree", json_text(s->tree),
			"build", json_text(s->build), "made_by",
			made_by_json(s->min_confidence));
	if (!s->no_cocci) {
		char *id = cocci_identity();

		json_object_set_new(doc, "cocci_by", json_string(id));
		free(id);
	}
	json_object_set_new(doc, "analysed", json_integer(s->res->analysed));
	json_object_set_new(doc, "analysed_files",
			    paths_json(&s->res->analysed_files));
	json_object_set_new(doc, "failed", paths_json(&s->res->failed));
	json_object_set_new(doc, "findings", findings);
	return doc;
}

int write_json_whole(const char *path, const json_t *doc)
{
	struct replacement out;

	if (!replace_begin(&out, path))
		return error("cannot write %s: %s", path, strerror(errno));
	if (json_dumpf(doc, out.file, JSON_INDENT(1) | JSON_PRESERVE_ORDER)) {
		replace_abort(&out);
		return error("cannot write %s: %s", path, strerror(errno));
	}
	if (replace_commit(&out))
		return error("cannot write %s: %s", path, strerror(errno));
	return 0;
}

int write_record(const char *path, const struct record_source *s)
{
	json_t *doc = record_json(s);
	int ret = write_json_whole(path, doc);

	json_decref(doc);
	return ret;
}

/* --- reading ----------------------------------------------------------- */

int is_record_path(const char *arg)
{
	size_t n = strlen(arg), k = strlen(RECORD_SUFFIX);

	return n > k && !strcmp(arg + n - k, RECORD_SUFFIX);
}

/* What validate_record() cannot say: the values, not their types. */
static int check_record_values(const json_t *doc, const char *path)
{
	const char *name = json_string_value(json_object_get(doc, "name"));
	const json_t *f;
	size_t i;

	if (strcmp(json_string_value(json_object_get(doc, "format")),
		   RECORD_FORMAT))
		return error("%s: format: not \"%s\"", path, RECORD_FORMAT);
	if (!*name || strchr(name, '/'))
		return error("%s: name: empty or with a '/'", path);
	json_array_foreach(json_object_get(doc, "findings"), i, f) {
		const json_t *e, *engines = json_object_get(f, "engines");
		size_t k;

		if (!json_array_size(engines))
			return error("%s: findings[%zu].engines: empty", path,
				     i);
		json_array_foreach(engines, k, e)
			if (!json_is_string(e) ||
			    (strcmp(json_string_value(e), "checker") &&
			     strcmp(json_string_value(e), "cocci")))
				return error(
					"%s: findings[%zu].engines[%zu]: not \"checker\" or \"cocci\"",
					path, i, k);
	}
	return 0;
}

json_t *read_record(const char *path)
{
	struct stat st;
	json_error_t err;
	json_t *doc;
	char *text;
	size_t size;

	if (stat(path, &st))
		return error("%s: %s", path, strerror(errno)), NULL;
	if (st.st_size > MAX_RECORD_SIZE)
		return error("%s: %lld bytes, too big for a record", path,
			     (long long)st.st_size),
		       NULL;
	text = read_file(path, &size);
	if (!text)
		return error("%s: %s", path, strerror(errno)), NULL;
	doc = json_loadb(text, size, 0, &err);
	free(text);
	if (!doc)
		return error("%s: not JSON (line %d: %s)", path, err.line,
			     err.text),
		       NULL;
	if (validate_record(doc, path) || check_record_values(doc, path)) {
		json_decref(doc);
		return NULL;
	}
	return doc;
}

const char *record_str(const json_t *rec, const char *field)
{
	return json_string_value(json_object_get(rec, field));
}

static int engines_of(const json_t *f)
{
	const json_t *e;
	int by = 0;
	size_t i;

	json_array_foreach(json_object_get(f, "engines"), i, e)
		by |= strcmp(json_string_value(e), "cocci") ? 1 : 2;
	return by == 3 ? 2 : by == 2 ? 1 : 0; /* as finding.by_cocci */
}

static const char *str_of(const json_t *o, const char *field)
{
	const char *s = json_string_value(json_object_get(o, field));

	return s ? s : "";
}

static unsigned int uint_of(const json_t *o, const char *field)
{
	return (unsigned int)json_integer_value(json_object_get(o, field));
}

/* Not add_finding(): that drops a second finding of a place. */
static void record_finding(struct findings *found, const json_t *j)
{
	const json_t *s;
	struct finding *f;
	size_t i;

	ALLOC_GROW(found->items, found->nr, found->alloc);
	f = &found->items[found->nr++];
	memset(f, 0, sizeof(*f));
	f->rule = xstrdup(str_of(j, "rule"));
	f->file = xstrdup(str_of(j, "file"));
	f->line = uint_of(j, "line");
	f->col = uint_of(j, "column");
	f->function = xstrdup(str_of(j, "function"));
	f->message = xstrdup(str_of(j, "message"));
	parse_confidence(str_of(j, "confidence"), &f->confidence);
	snprintf(f->fingerprint, sizeof(f->fingerprint), "%s",
		 str_of(j, "fingerprint"));
	snprintf(f->line_hash, sizeof(f->line_hash), "%s",
		 str_of(j, "line_hash"));
	if (json_object_get(j, "era")) {
		f->era = xstrdup(str_of(j, "era"));
		f->era_from = xstrdup(str_of(j, "era_from"));
	}
	f->by_cocci = engines_of(j);
	json_array_foreach(json_object_get(j, "trace"), i, s)
		trace_add(&f->trace, str_of(s, "file"), uint_of(s, "line"),
			  uint_of(s, "column"), str_of(s, "function"),
			  str_of(s, "note"));
}

void record_findings(const json_t *rec, struct findings *found)
{
	const json_t *j;
	size_t i;

	json_array_foreach(json_object_get(rec, "findings"), i, j)
		record_finding(found, j);
}

static void add_paths(struct strlist *to, const json_t *a)
{
	const json_t *s;
	size_t i;

	json_array_foreach(a, i, s)
		strlist_add(to, json_string_value(s));
}

void record_files(const json_t *rec, struct strlist *analysed,
		  struct strlist *failed)
{
	add_paths(analysed, json_object_get(rec, "analysed_files"));
	add_paths(failed, json_object_get(rec, "failed"));
}

static const json_t *finding_at(const json_t *rec, int i)
{
	return json_array_get(json_object_get(rec, "findings"), (size_t)i);
}

static json_t *shown_step(const char *file, json_int_t line, const char *note,
			  const char *text)
{
	return json_pack("{s:s,s:I,s:s,s:s}", "file", file, "line", line,
			 "note", note, "text", text);
}

json_t *record_trace(const json_t *rec, int i)
{
	const json_t *f = finding_at(rec, i), *s;
	json_t *steps = json_array();
	size_t k;

	/* the finding itself first, its message the note */
	json_array_append_new(
		steps,
		shown_step(str_of(f, "file"),
			   json_integer_value(json_object_get(f, "line")),
			   str_of(f, "message"), str_of(f, "text")));
	json_array_foreach(json_object_get(f, "trace"), k, s)
		json_array_append_new(
			steps,
			shown_step(
				str_of(s, "file"),
				json_integer_value(json_object_get(s, "line")),
				str_of(s, "note"), str_of(s, "text")));
	return steps;
}

const char *record_subsystem(const json_t *rec, int i)
{
	return json_string_value(
		json_object_get(finding_at(rec, i), "subsystem"));
}

int record_checker_changed(const json_t *a, const json_t *b,
			   const struct finding *f)
{
	/* an absent cocci_by (--no-cocci) equals only another absent one */
	const json_t *ca = json_object_get(a, "cocci_by"),
		     *cb = json_object_get(b, "cocci_by");
	int cocci = ca && cb ? !json_equal(ca, cb) : ca != cb;

	/* the binary, rules kept and confidence count for both engines */
	if (!json_equal(json_object_get(a, "made_by"),
			json_object_get(b, "made_by")))
		return 1;
	return f->by_cocci && cocci;
}
