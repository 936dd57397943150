// SPDX-License-Identifier: GPL-2.0
/*
 * Summaries: building, linking by name, and their JSON form (jansson).
 */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "link/summary.h"
#include "lib/util.h"

struct fsum *alloc_fsum(const char *name, const char *file, unsigned int line,
			int is_static)
{
	struct fsum *f = xcalloc(1, sizeof(*f));

	f->name = xstrdup(name);
	f->file = xstrdup(file);
	f->line = line;
	f->is_static = is_static;
	return f;
}

void program_add(struct program *p, struct fsum *f)
{
	ALLOC_GROW(p->fns, p->nr, p->alloc);
	p->fns[p->nr++] = f;
}

void program_add_ref(struct program *p, const char *name, const char *file)
{
	ALLOC_GROW(p->refs, p->nr_refs, p->alloc_refs);
	p->refs[p->nr_refs].name = xstrdup(name);
	p->refs[p->nr_refs++].file = xstrdup(file);
}

struct fsum *new_fsum(struct program *p, const char *name, const char *file,
		      unsigned int line, int is_static)
{
	struct fsum *f = alloc_fsum(name, file, line, is_static);

	program_add(p, f);
	return f;
}

struct sop *add_sop(struct fsum *f)
{
	ALLOC_GROW(f->ops, f->nr_ops, f->alloc_ops);
	memset(&f->ops[f->nr_ops], 0, sizeof(struct sop));
	return &f->ops[f->nr_ops++];
}

struct ssite *add_ssite(struct fsum *f)
{
	ALLOC_GROW(f->sites, f->nr_sites, f->alloc_sites);
	memset(&f->sites[f->nr_sites], 0, sizeof(struct ssite));
	return &f->sites[f->nr_sites++];
}

struct sput *add_sput(struct fsum *f)
{
	ALLOC_GROW(f->puts, f->nr_puts, f->alloc_puts);
	memset(&f->puts[f->nr_puts], 0, sizeof(struct sput));
	return &f->puts[f->nr_puts++];
}

static int by_name(const void *a, const void *b)
{
	const struct fsum *x = *(const struct fsum *const *)a;
	const struct fsum *y = *(const struct fsum *const *)b;

	return strcmp(x->name, y->name);
}

/* The definition a call from file reaches: its own static, or a global. */
static struct fsum *resolve(struct fsum **sorted, int nr, const char *name,
			    const char *file)
{
	int lo = 0, hi = nr, i;
	struct fsum *global = NULL;

	while (lo < hi) {
		int mid = (lo + hi) / 2;

		if (strcmp(sorted[mid]->name, name) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (i = lo; i < nr && !strcmp(sorted[i]->name, name); i++) {
		if (sorted[i]->is_static && !strcmp(sorted[i]->file, file))
			return sorted[i];
		if (!sorted[i]->is_static && !global)
			global = sorted[i];
	}
	return global;
}

static void add_caller(struct fsum *callee, struct fsum *from,
		       const struct ssite *site)
{
	ALLOC_GROW(callee->in, callee->nr_in, callee->alloc_in);
	callee->in[callee->nr_in].from = from;
	callee->in[callee->nr_in++].site = site;
	callee->nr_callers++;
}

void link_program(struct program *p)
{
	struct fsum **sorted = xcalloc(p->nr, sizeof(*sorted));
	int i, j;

	/* a file with no function (a lone file where nothing parsed) */
	if (p->nr) {
		memcpy(sorted, p->fns, p->nr * sizeof(*sorted));
		qsort(sorted, p->nr, sizeof(*sorted), by_name);
	}
	for (i = 0; i < p->nr; i++) {
		p->fns[i]->nr_callers = 0;
		p->fns[i]->nr_in = 0;
		p->fns[i]->address_taken = 0;
	}
	for (i = 0; i < p->nr_refs; i++) {
		struct fsum *f = resolve(sorted, p->nr, p->refs[i].name,
					 p->refs[i].file);

		if (f)
			f->address_taken = 1;
	}
	for (i = 0; i < p->nr; i++) {
		struct fsum *f = p->fns[i];

		for (j = 0; j < f->nr_sites; j++) {
			struct ssite *s = &f->sites[j];

			s->target = resolve(sorted, p->nr, s->callee, f->file);
			if (s->target && s->target != f)
				add_caller(s->target, f, s);
		}
	}
	free(sorted);
}

void release_fsum(struct fsum *f)
{
	int i;

	for (i = 0; i < f->nr_ops; i++) {
		free(f->ops[i].file);
		free(f->ops[i].primitive);
		free(f->ops[i].entry);
		trace_release(&f->ops[i].trace);
	}
	for (i = 0; i < f->nr_sites; i++) {
		free(f->sites[i].file);
		free(f->sites[i].callee);
		free(f->sites[i].via);
		trace_release(&f->sites[i].trace);
	}
	for (i = 0; i < f->nr_puts; i++) {
		free(f->puts[i].file);
		free(f->puts[i].put);
		free(f->puts[i].clear);
		trace_release(&f->puts[i].trace);
	}
	free(f->puts);
	free(f->ops);
	free(f->sites);
	free(f->in);
	free(f->era_from);
	free(f->name);
	free(f->file);
	free(f);
}

void release_program(struct program *p)
{
	int i;

	for (i = 0; i < p->nr; i++)
		release_fsum(p->fns[i]);
	free(p->fns);
	for (i = 0; i < p->nr_refs; i++) {
		free(p->refs[i].name);
		free(p->refs[i].file);
	}
	free(p->refs);
	memset(p, 0, sizeof(*p));
}

/* JSON.  Positions in a summary's own file omit "file". */

static json_t *trace_json(const struct trace *t)
{
	json_t *a = json_array();
	int i;

	for (i = 0; i < t->nr; i++)
		json_array_append_new(a,
				      json_pack("[s,i,i,o]", t->steps[i].file,
						(json_int_t)t->steps[i].line,
						(json_int_t)t->steps[i].col,
						json_text(t->steps[i].note)));
	return a;
}

static json_t *op_json(const struct sop *o)
{
	/* the entry is source text: any bytes */
	return json_pack("{s:s,s:i,s:i,s:s,s:o,s:i,s:b,s:o}", "file", o->file,
			 "line", (json_int_t)o->line, "col", (json_int_t)o->col,
			 "primitive", o->primitive, "entry",
			 json_text(o->entry), "levels", (json_int_t)o->levels,
			 "handed_in", o->handed_in, "trace",
			 trace_json(&o->trace));
}

static json_t *site_json(const struct ssite *s)
{
	json_t *j = json_pack("{s:s,s:i,s:i,s:s,s:i,s:i,s:i}", "file", s->file,
			      "line", (json_int_t)s->line, "col",
			      (json_int_t)s->col, "callee", s->callee, "open",
			      (json_int_t)s->open_paths, "closed",
			      (json_int_t)s->closed_paths, "passes",
			      (json_int_t)s->passes_levels);

	json_object_set_new(j, "in_range", json_integer(s->in_range_paths));
	if (s->via)
		json_object_set_new(j, "via", json_string(s->via));
	if (s->closed_paths)
		json_object_set_new(j, "trace", trace_json(&s->trace));
	return j;
}

static json_t *put_json(const struct sput *p)
{
	return json_pack("{s:s,s:i,s:i,s:s,s:s,s:i,s:i,s:o}", "file", p->file,
			 "line", (json_int_t)p->line, "col", (json_int_t)p->col,
			 "put", p->put, "clear", p->clear, "clear_line",
			 (json_int_t)p->clear_line, "confidence",
			 (json_int_t)p->confidence, "trace",
			 trace_json(&p->trace));
}

static json_t *fsum_json(const struct fsum *f)
{
	json_t *ops = json_array(), *sites = json_array();
	json_t *puts = json_array(), *j;
	int i;

	for (i = 0; i < f->nr_puts; i++)
		json_array_append_new(puts, put_json(&f->puts[i]));
	for (i = 0; i < f->nr_ops; i++)
		json_array_append_new(ops, op_json(&f->ops[i]));
	for (i = 0; i < f->nr_sites; i++)
		json_array_append_new(sites, site_json(&f->sites[i]));
	j = json_pack("{s:s,s:s,s:i,s:b,s:b,s:b,s:o,s:o}", "name", f->name,
		      "file", f->file, "line", (json_int_t)f->line, "static",
		      f->is_static, "manages", f->manages, "in_range_param",
		      f->in_range_param, "ops", ops, "sites", sites);
	json_object_set_new(j, "puts", puts);
	if (f->era) {
		json_object_set_new(j, "era", json_integer(f->era));
		json_object_set_new(j, "era_from",
				    json_string(f->era_from ? f->era_from :
							      ""));
	}
	return j;
}

int write_summaries(FILE *out, const struct program *p,
		    const struct findings *found, const char *file,
		    const char *key, const struct summary_deps *deps)
{
	json_t *fns = json_array(), *refs = json_array(), *doc;
	json_t *paths = json_array();
	int i, ret;

	for (i = 0; i < p->nr; i++)
		json_array_append_new(fns, fsum_json(p->fns[i]));
	for (i = 0; i < p->nr_refs; i++)
		json_array_append_new(refs, json_pack("[s,s]", p->refs[i].name,
						      p->refs[i].file));
	doc = json_pack("{s:s,s:s,s:o,s:o}", "file", file, "key", key,
			"functions", fns, "findings", findings_to_json(found));
	json_object_set_new(doc, "refs", refs);
	for (i = 0; deps && i < deps->paths.nr; i++)
		json_array_append_new(paths, json_string(deps->paths.items[i]));
	json_object_set_new(doc, "deps", paths);
	json_object_set_new(doc, "deps_key",
			    json_string(deps ? deps->key : ""));
	if (deps && deps->made_by)
		json_object_set_new(doc, "made_by", json_string(deps->made_by));
	ret = json_dumpf(doc, out, JSON_COMPACT);
	fputc('\n', out);
	json_decref(doc);
	return ret;
}

static void read_trace(struct trace *t, json_t *a)
{
	size_t i;
	json_t *step;
	const char *file, *text;
	json_int_t line, col;

	json_array_foreach(a, i, step)
		if (!json_unpack(step, "[s,I,I,s]", &file, &line, &col, &text))
			trace_add(t, file, line, col, NULL, text);
}

static void read_op(struct fsum *f, json_t *j)
{
	struct sop *o = add_sop(f);
	const char *file = "", *prim = "", *entry = "";
	json_int_t line = 0, col = 0, levels = 0;
	int handed = 0;
	json_t *trace = NULL;

	json_unpack(j, "{s:s,s:I,s:I,s:s,s:s,s:I,s:b,s:o}", "file", &file,
		    "line", &line, "col", &col, "primitive", &prim, "entry",
		    &entry, "levels", &levels, "handed_in", &handed, "trace",
		    &trace);
	o->file = xstrdup(file);
	o->line = line;
	o->col = col;
	o->primitive = xstrdup(prim);
	o->entry = xstrdup(entry);
	o->levels = levels;
	o->handed_in = handed;
	if (trace)
		read_trace(&o->trace, trace);
}

static void read_site(struct fsum *f, json_t *j)
{
	struct ssite *s = add_ssite(f);
	const char *file = "", *callee = "";
	json_int_t line = 0, col = 0, open = 0, closed = 0, passes = 0;
	json_t *via, *trace;

	json_unpack(j, "{s:s,s:I,s:I,s:s,s:I,s:I,s:I}", "file", &file, "line",
		    &line, "col", &col, "callee", &callee, "open", &open,
		    "closed", &closed, "passes", &passes);
	s->file = xstrdup(file);
	s->line = line;
	s->col = col;
	s->callee = xstrdup(callee);
	s->open_paths = open;
	s->closed_paths = closed;
	s->passes_levels = passes;
	s->in_range_paths = json_integer_value(json_object_get(j, "in_range"));
	via = json_object_get(j, "via");
	if (json_is_string(via))
		s->via = xstrdup(json_string_value(via));
	trace = json_object_get(j, "trace");
	if (trace)
		read_trace(&s->trace, trace);
}

static void read_put(struct fsum *f, json_t *j)
{
	struct sput *p = add_sput(f);
	const char *file = "", *put = "", *clear = "";
	json_int_t line = 0, col = 0, cline = 0, conf = 0;
	json_t *trace = NULL;

	json_unpack(j, "{s:s,s:I,s:I,s:s,s:s,s:I,s:I,s:o}", "file", &file,
		    "line", &line, "col", &col, "put", &put, "clear", &clear,
		    "clear_line", &cline, "confidence", &conf, "trace", &trace);
	p->file = xstrdup(file);
	p->line = line;
	p->col = col;
	p->put = xstrdup(put);
	p->clear = xstrdup(clear);
	p->clear_line = cline;
	p->confidence = conf;
	if (trace)
		read_trace(&p->trace, trace);
}

static void read_fsum(struct program *p, json_t *j)
{
	const char *name = "", *file = "";
	json_int_t line = 0;
	int is_static = 0, manages = 0, in_range = 0, era = 0;
	const char *era_from = "";
	json_t *ops = NULL, *sites = NULL, *x;
	struct fsum *f;
	size_t i;

	json_unpack(j, "{s:s,s:s,s:I,s:b,s:b,s:b,s:o,s:o}", "name", &name,
		    "file", &file, "line", &line, "static", &is_static,
		    "manages", &manages, "in_range_param", &in_range, "ops",
		    &ops, "sites", &sites);
	f = new_fsum(p, name, file, line, is_static);
	f->manages = manages;
	f->in_range_param = in_range;
	if (!json_unpack(j, "{s:i,s:s}", "era", &era, "era_from", &era_from)) {
		f->era = era;
		f->era_from = xstrdup(era_from);
	}
	json_array_foreach(ops, i, x)
		read_op(f, x);
	json_array_foreach(sites, i, x)
		read_site(f, x);
	json_array_foreach(json_object_get(j, "puts"), i, x)
		read_put(f, x);
}

/*
 * The whole file read at once, then parsed: json_load_file() reads a
 * byte at a time, most of a warm scan's time.
 */
static json_t *load_json(const char *path, json_error_t *err)
{
	size_t size;
	char *text = read_file(path, &size);
	json_t *doc = text ? json_loadb(text, size, 0, err) : NULL;

	free(text);
	return doc;
}

/* 0 read, 1 the key differs (stale), -1 unreadable. */
int read_summaries(struct program *p, struct findings *found, const char *path,
		   const char *key)
{
	json_error_t err;
	json_t *doc = load_json(path, &err), *fns, *x, *fs;
	const char *k = NULL;
	size_t i;

	if (!doc)
		return -1;
	if (json_unpack(doc, "{s:s,s:o}", "key", &k, "functions", &fns)) {
		json_decref(doc);
		return -1;
	}
	if (key && strcmp(k, key)) {
		json_decref(doc);
		return 1;
	}
	if (!p) {
		json_decref(doc);
		return 0;
	}
	json_array_foreach(fns, i, x)
		read_fsum(p, x);
	json_array_foreach(json_object_get(doc, "refs"), i, x) {
		const char *name, *file;

		if (!json_unpack(x, "[s,s]", &name, &file))
			program_add_ref(p, name, file);
	}
	fs = json_object_get(doc, "findings");
	if (fs && found)
		findings_from_json(found, fs);
	json_decref(doc);
	return 0;
}

int read_summary_deps(const char *path, struct summary_deps *deps)
{
	json_t *doc = load_json(path, NULL), *paths, *x;
	const char *key;
	size_t i;

	if (!doc ||
	    json_unpack(doc, "{s:o,s:s}", "deps", &paths, "deps_key", &key) ||
	    !json_is_array(paths)) {
		json_decref(doc);
		return -1;
	}
	snprintf(deps->key, sizeof(deps->key), "%s", key);
	json_array_foreach(paths, i, x)
		if (json_is_string(x))
			strlist_add(&deps->paths, json_string_value(x));
	json_decref(doc);
	return 0;
}
