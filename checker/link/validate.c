// SPDX-License-Identifier: GPL-2.0
/*
 * The summary schema (see validate.h and write_summaries()), as tables:
 * one row a field, its type, and whether it must be there.
 */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "lib/diag.h"
#include "lib/util.h"
#include "link/validate.h"

enum kind { STRING, INTEGER, BOOLEAN, PATH, PATHS, TRACE, ARRAY, OBJECT };

struct field {
	const char *name;
	enum kind kind;
	int optional;
	const struct field *items; /* ARRAY: each item an object of these */
};

static const struct field op_fields[] = {
	{ "file", PATH, 0, NULL },	   { "line", INTEGER, 0, NULL },
	{ "col", INTEGER, 0, NULL },	   { "primitive", STRING, 0, NULL },
	{ "entry", STRING, 0, NULL },	   { "levels", INTEGER, 0, NULL },
	{ "handed_in", BOOLEAN, 0, NULL }, { "trace", TRACE, 0, NULL },
	{ NULL, STRING, 0, NULL },
};

static const struct field site_fields[] = {
	{ "file", PATH, 0, NULL },	{ "line", INTEGER, 0, NULL },
	{ "col", INTEGER, 0, NULL },	{ "callee", STRING, 0, NULL },
	{ "open", INTEGER, 0, NULL },	{ "closed", INTEGER, 0, NULL },
	{ "passes", INTEGER, 0, NULL }, { "in_range", INTEGER, 1, NULL },
	{ "via", STRING, 1, NULL },	{ "trace", TRACE, 1, NULL },
	{ NULL, STRING, 0, NULL },
};

static const struct field put_fields[] = {
	{ "file", PATH, 0, NULL },	    { "line", INTEGER, 0, NULL },
	{ "col", INTEGER, 0, NULL },	    { "put", STRING, 0, NULL },
	{ "clear", STRING, 0, NULL },	    { "clear_line", INTEGER, 0, NULL },
	{ "confidence", INTEGER, 0, NULL }, { "trace", TRACE, 0, NULL },
	{ NULL, STRING, 0, NULL },
};

static const struct field function_fields[] = {
	{ "name", STRING, 0, NULL },
	{ "file", PATH, 0, NULL },
	{ "line", INTEGER, 0, NULL },
	{ "static", BOOLEAN, 0, NULL },
	{ "manages", BOOLEAN, 0, NULL },
	{ "in_range_param", BOOLEAN, 0, NULL },
	{ "ops", ARRAY, 0, op_fields },
	{ "sites", ARRAY, 0, site_fields },
	{ "puts", ARRAY, 1, put_fields },
	{ "era", INTEGER, 1, NULL },
	{ "era_from", PATH, 1, NULL },
	{ NULL, STRING, 0, NULL },
};

static const struct field step_fields[] = {
	{ "file", PATH, 0, NULL },	{ "line", INTEGER, 0, NULL },
	{ "column", INTEGER, 0, NULL }, { "function", STRING, 0, NULL },
	{ "note", STRING, 0, NULL },	{ NULL, STRING, 0, NULL },
};

static const struct field finding_fields[] = {
	{ "rule", STRING, 0, NULL },	    { "file", PATH, 0, NULL },
	{ "line", INTEGER, 0, NULL },	    { "column", INTEGER, 0, NULL },
	{ "function", STRING, 0, NULL },    { "message", STRING, 0, NULL },
	{ "confidence", STRING, 0, NULL },  { "trace", ARRAY, 0, step_fields },
	{ "fingerprint", STRING, 0, NULL }, { NULL, STRING, 0, NULL },
};

static const struct field summary_fields[] = {
	{ "file", PATH, 0, NULL },
	{ "key", STRING, 0, NULL },
	{ "functions", ARRAY, 0, function_fields },
	{ "findings", ARRAY, 0, finding_fields },
	{ "refs", ARRAY, 1, NULL }, /* [name, file] pairs, checked below */
	{ "deps", ARRAY, 1, NULL },
	{ "deps_key", STRING, 1, NULL },
	{ "made_by", STRING, 0, NULL },
	{ NULL, STRING, 0, NULL },
};

/* A version record (batch --record): checker/record.h. */
static const struct field made_by_fields[] = {
	{ "tool", STRING, 0, NULL },	   { "summaries", STRING, 0, NULL },
	{ "model", STRING, 0, NULL },	   { "rules", STRING, 0, NULL },
	{ "confidence", STRING, 0, NULL }, { NULL, STRING, 0, NULL },
};

static const struct field shown_step_fields[] = {
	{ "file", PATH, 0, NULL },	{ "line", INTEGER, 0, NULL },
	{ "column", INTEGER, 0, NULL }, { "function", STRING, 0, NULL },
	{ "note", STRING, 0, NULL },	{ "text", STRING, 0, NULL },
	{ NULL, STRING, 0, NULL },
};

static const struct field record_finding_fields[] = {
	{ "rule", STRING, 0, NULL },
	{ "file", PATH, 0, NULL },
	{ "line", INTEGER, 0, NULL },
	{ "column", INTEGER, 0, NULL },
	{ "function", STRING, 0, NULL },
	{ "message", STRING, 0, NULL },
	{ "confidence", STRING, 0, NULL },
	{ "fingerprint", STRING, 0, NULL },
	{ "engines", ARRAY, 0, NULL },
	{ "text", STRING, 0, NULL },
	{ "trace", ARRAY, 0, shown_step_fields },
	{ "subsystem", STRING, 1, NULL },
	{ "line_hash", STRING, 1, NULL },
	{ "era", STRING, 1, NULL },
	{ "era_from", STRING, 1, NULL },
	{ NULL, STRING, 0, NULL },
};

static const struct field record_fields[] = {
	{ "format", STRING, 0, NULL },
	{ "name", STRING, 0, NULL },
	{ "tree", STRING, 0, NULL },
	{ "build", STRING, 0, NULL },
	{ "made_by", OBJECT, 0, made_by_fields },
	{ "cocci_by", STRING, 1, NULL },
	{ "analysed", INTEGER, 0, NULL },
	{ "analysed_files", PATHS, 0, NULL },
	{ "failed", PATHS, 0, NULL },
	{ "findings", ARRAY, 0, record_finding_fields },
	{ NULL, STRING, 0, NULL },
};

struct place {
	const char *path, *root;
	char where[256];
};

static int bad(const struct place *p, const char *what)
{
	return error("%s: %s: %s", p->path, p->where[0] ? p->where : "(top)",
		     what);
}

/* Relative without "..", or absolute inside root. */
static int path_ok(const char *s, const char *root)
{
	size_t n = root ? strlen(root) : 0;
	const char *c;

	for (c = s; (c = strstr(c, "..")); c += 2)
		if ((c == s || c[-1] == '/') && (!c[2] || c[2] == '/'))
			return 0;
	if (s[0] != '/')
		return 1;
	return !root || (!strncmp(s, root, n) && (s[n] == '/' || !s[n]));
}

static int check_value(struct place *p, const json_t *v, enum kind kind,
		       const struct field *items);

static int check_object(struct place *p, const json_t *o,
			const struct field *fields)
{
	size_t at = strlen(p->where);
	const struct field *f;
	int ret = 0;

	if (!json_is_object(o))
		return bad(p, "not an object");
	for (f = fields; f->name && !ret; f++) {
		const json_t *v = json_object_get(o, f->name);

		snprintf(p->where + at, sizeof(p->where) - at, "%s%s",
			 at ? "." : "", f->name);
		if (!v && !f->optional)
			ret = bad(p, "missing");
		else if (v)
			ret = check_value(p, v, f->kind, f->items);
	}
	p->where[at] = '\0';
	return ret;
}

/* [file, line, column, note] a step */
static int check_trace(struct place *p, const json_t *a)
{
	size_t i, at = strlen(p->where);
	const json_t *s;

	if (!json_is_array(a))
		return bad(p, "not an array");
	json_array_foreach(a, i, s) {
		snprintf(p->where + at, sizeof(p->where) - at, "[%zu]", i);
		if (!json_is_array(s) || json_array_size(s) != 4 ||
		    !json_is_string(json_array_get(s, 0)) ||
		    !json_is_integer(json_array_get(s, 1)) ||
		    !json_is_integer(json_array_get(s, 2)) ||
		    !json_is_string(json_array_get(s, 3)))
			return bad(p, "not [file, line, column, note]");
		if (check_value(p, json_array_get(s, 0), PATH, NULL) ||
		    check_value(p, json_array_get(s, 1), INTEGER, NULL) ||
		    check_value(p, json_array_get(s, 2), INTEGER, NULL))
			return -1;
	}
	p->where[at] = '\0';
	return 0;
}

static int check_array(struct place *p, const json_t *a,
		       const struct field *items)
{
	size_t i, at = strlen(p->where);
	const json_t *x;

	if (!json_is_array(a))
		return bad(p, "not an array");
	json_array_foreach(a, i, x) {
		snprintf(p->where + at, sizeof(p->where) - at, "[%zu]", i);
		if (items ? check_object(p, x, items) :
		    !json_is_array(x) && !json_is_string(x) ?
			    bad(p, "not an array or a string") :
			    0)
			return -1;
	}
	p->where[at] = '\0';
	return 0;
}

/* an array of file names */
static int check_paths(struct place *p, const json_t *a)
{
	size_t i, at = strlen(p->where);
	const json_t *x;

	if (!json_is_array(a))
		return bad(p, "not an array");
	json_array_foreach(a, i, x) {
		snprintf(p->where + at, sizeof(p->where) - at, "[%zu]", i);
		if (check_value(p, x, PATH, NULL))
			return -1;
	}
	p->where[at] = '\0';
	return 0;
}

static int check_value(struct place *p, const json_t *v, enum kind kind,
		       const struct field *items)
{
	switch (kind) {
	case STRING:
		return json_is_string(v) ? 0 : bad(p, "not a string");
	case PATH:
		if (!json_is_string(v))
			return bad(p, "not a string");
		return path_ok(json_string_value(v), p->root) ?
			       0 :
			       bad(p, "a file outside the tree");
	case INTEGER:
		if (!json_is_integer(v))
			return bad(p, "not an integer");
		return json_integer_value(v) >= 0 &&
				       json_integer_value(v) <= INT_MAX ?
			       0 :
			       bad(p, "out of range");
	case PATHS:
		return check_paths(p, v);
	case BOOLEAN:
		return json_is_boolean(v) ? 0 : bad(p, "not true or false");
	case TRACE:
		return check_trace(p, v);
	case ARRAY:
		return check_array(p, v, items);
	default:
		return check_object(p, v, items);
	}
}

int validate_summary(const json_t *doc, const char *path, const char *root)
{
	struct place p = { path, root, "" };

	return check_object(&p, doc, summary_fields);
}

int validate_record(const json_t *doc, const char *path)
{
	struct place p = { path, NULL, "" };

	return check_object(&p, doc, record_fields);
}
