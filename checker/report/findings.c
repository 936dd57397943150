// SPDX-License-Identifier: GPL-2.0
#define _DEFAULT_SOURCE /* realpath */
/*
 * The list of findings, the suppression comment, and the two output
 * formats.  JSON is written with jansson, the fingerprint is xxhash's
 * XXH3 over the finding's identity.
 */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <xxhash.h>

#include "report/findings.h"
#include "lib/util.h"
#include "lib/view.h"

static const char *const confidence_names[] = {
	[CONF_LOW] = "low",
	[CONF_MEDIUM] = "medium",
	[CONF_HIGH] = "high",
};

const char *confidence_name(enum confidence c)
{
	return confidence_names[c];
}

int parse_confidence(const char *name, enum confidence *c)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(confidence_names); i++)
		if (!strcmp(name, confidence_names[i])) {
			*c = (enum confidence)i;
			return 0;
		}
	return -1;
}

static int same_place(const struct finding *f, const char *rule,
		      const char *file, unsigned int line, unsigned int col)
{
	return f->line == line && f->col == col && !strcmp(f->rule, rule) &&
	       !strcmp(f->file, file);
}

struct finding *add_finding(struct findings *list, const char *rule,
			    const char *file, unsigned int line,
			    unsigned int col, const char *function,
			    enum confidence confidence, const char *message)
{
	struct finding *f;
	int i;

	for (i = 0; i < list->nr; i++)
		if (same_place(&list->items[i], rule, file, line, col))
			return NULL;
	ALLOC_GROW(list->items, list->nr, list->alloc);
	f = &list->items[list->nr++];
	memset(f, 0, sizeof(*f));
	f->rule = xstrdup(rule);
	f->file = xstrdup(file);
	f->line = line;
	f->col = col;
	f->function = xstrdup(function);
	f->confidence = confidence;
	f->message = xstrdup(message);
	return f;
}

void trace_add(struct trace *t, const char *file, unsigned int line,
	       unsigned int col, const char *function, const char *note)
{
	struct trace_step *s;

	ALLOC_GROW(t->steps, t->nr, t->alloc);
	s = &t->steps[t->nr++];
	s->file = xstrdup(file);
	s->line = line;
	s->col = col;
	s->function = function ? xstrdup(function) : NULL;
	s->note = xstrdup(note);
}

void trace_append(struct trace *to, const struct trace *from,
		  const char *function)
{
	int i;

	for (i = 0; i < from->nr; i++) {
		const struct trace_step *s = &from->steps[i];

		trace_add(to, s->file, s->line, s->col,
			  s->function ? s->function : function, s->note);
	}
}

void trace_release(struct trace *t)
{
	int i;

	for (i = 0; i < t->nr; i++) {
		free(t->steps[i].file);
		free(t->steps[i].function);
		free(t->steps[i].note);
	}
	free(t->steps);
	t->steps = NULL;
	t->nr = t->alloc = 0;
}

/* The text of line (1-based) of a file's contents, without its newline. */
static const char *line_start(const char *text, unsigned int line)
{
	for (; text && *text && line > 1; text++)
		if (*text == '\n')
			line--;
	return line == 1 ? text : NULL;
}

static const char *skip_blanks(const char *p)
{
	while (*p == ' ' || *p == '\t')
		p++;
	return p;
}

/*
 * needle on the line that starts at p, or NULL: a search of the whole
 * rest of the text for each finding was quadratic in a file's lines.
 */
static const char *find_in_line(const char *p, const char *needle)
{
	size_t n = strlen(needle);

	for (; *p && *p != '\n'; p++)
		if (!strncmp(p, needle, n))
			return p;
	return NULL;
}

/*
 * "mmucheck:" blanks "ignore" blanks RULE on this line: the grammar of
 * the semantic patches' suppressed() too (scripts/gen-cocci writes it).
 * 1 with a reason in parentheses after the rule, 2 without one.
 */
static int mentions_ignore(const char *p, const char *rule)
{
	const char *hit;

	for (hit = find_in_line(p, "mmucheck:"); hit;
	     hit = find_in_line(hit + 1, "mmucheck:")) {
		const char *q = skip_blanks(hit + strlen("mmucheck:"));

		if (strncmp(q, "ignore", strlen("ignore")))
			continue;
		q += strlen("ignore");
		if (*q != ' ' && *q != '\t')
			continue;
		q = skip_blanks(q);
		if (strncmp(q, rule, strlen(rule)))
			continue;
		q = skip_blanks(q + strlen(rule));
		return *q == '(' && q[1] != ')' ? 1 : 2;
	}
	return 0;
}

/* The reason in "(why)" after the rule, or "" without one. */
static char *reason_of(const char *line, const char *rule)
{
	const char *hit = find_in_line(line, "mmucheck:");
	const char *q = hit ? find_in_line(hit, rule) : NULL, *close;

	if (!q)
		return xstrdup("");
	q = skip_blanks(q + strlen(rule));
	close = *q == '(' ? find_in_line(q, ")") : NULL;
	if (!close)
		return xstrdup("");
	return xstrndup(q + 1, (size_t)(close - q - 1));
}

/* "mmucheck: ignore RULE (why)" on the line or the line above. */
static int suppressed(struct finding *f, const char *text)
{
	const char *here = line_start(text, f->line);
	const char *above = f->line > 1 ? line_start(text, f->line - 1) : NULL;
	int how = here ? mentions_ignore(here, f->rule) : 0;

	if (!how && above)
		how = mentions_ignore(above, f->rule);
	else
		above = here;
	if (how) {
		free(f->suppression);
		f->suppression = reason_of(above, f->rule);
	}
	/* a suppression is a claim about the kernel: it says why */
	if (how == 2)
		fprintf(stderr,
			"%s:%u:%u: warning: 'mmucheck: ignore %s' without a reason; write it as 'mmucheck: ignore %s (why)'\n",
			f->file, f->line, f->col, f->rule, f->rule);
	return how;
}

static void free_finding(struct finding *f)
{
	trace_release(&f->trace);
	free(f->rule);
	free(f->file);
	free(f->function);
	free(f->message);
	free(f->era);
	free(f->era_from);
	free(f->suppression);
}

static char *relative_to(const char *path, const char *root, const char *base)
{
	size_t n = strlen(root);
	char *full, *rel;

	if (path[0] != '/' && !base)
		return xstrdup(path);
	full = path[0] == '/' ? xstrdup(path) : fmt_str("%s/%s", base, path);
	/* the tree may be reached through a symbolic link */
	rel = realpath(full, NULL);
	if (rel) {
		free(full);
		full = rel;
	}
	while (n && root[n - 1] == '/')
		n--;
	if (!strncmp(full, root, n) && full[n] == '/') {
		rel = xstrdup(full + n + 1);
		free(full);
		return rel;
	}
	free(full);
	return xstrdup(path);
}

static void make_relative(char **path, const char *root, const char *base)
{
	char *rel;

	if (!*path)
		return;
	rel = relative_to(*path, root, base);
	free(*path);
	*path = rel;
}

void relative_findings(struct findings *list, const char *root,
		       const char *base)
{
	int i, j;

	for (i = 0; i < list->nr; i++) {
		struct finding *f = &list->items[i];

		make_relative(&f->file, root, base);
		make_relative(&f->era_from, root, base);
		for (j = 0; j < f->trace.nr; j++)
			make_relative(&f->trace.steps[j].file, root, base);
	}
	if (list->suppressed)
		relative_findings(list->suppressed, root, base);
}

void set_findings_era(struct findings *list, int from, int version,
		      const char *era_from)
{
	int i;

	for (i = from; i < list->nr; i++) {
		struct finding *f = &list->items[i];

		if (f->era)
			continue;
		f->era = fmt_str("%d.%d", version / 100, version % 100);
		f->era_from = xstrdup(era_from);
	}
}

/* A finding silenced in the source: kept apart, for SARIF. */
static void set_aside(struct findings *list, struct finding *f)
{
	struct findings *s = list->suppressed;

	if (!s)
		s = list->suppressed = xcalloc(1, sizeof(*s));
	ALLOC_GROW(s->items, s->nr, s->alloc);
	s->items[s->nr++] = *f;
}

static void filter_findings(struct findings *list, enum confidence min,
			    const char *text, const char *file, int suppress)
{
	int i, kept = 0;

	for (i = 0; i < list->nr; i++) {
		struct finding *f = &list->items[i];
		int same_file = !strcmp(f->file, file);

		if (f->confidence < min)
			free_finding(f);
		else if (suppress && same_file && suppressed(f, text))
			set_aside(list, f);
		else
			list->items[kept++] = *f;
	}
	list->nr = kept;
}

/*
 * The identity of a finding: rule, function, the anchor line's text with
 * its blanks out (re-indenting or moving the line keeps it) and which
 * occurrence of that text in the function it is (two identical findings
 * stay two).
 */
static void hash_anchor(struct finding *f, const char *text)
{
	XXH3_state_t *h = XXH3_createState();
	const char *end = text ? strchr(text, '\n') : NULL;

	if (!end && text)
		end = text + strlen(text);
	XXH3_64bits_reset(h);
	XXH3_64bits_update(h, f->rule, strlen(f->rule) + 1);
	XXH3_64bits_update(h, f->function, strlen(f->function) + 1);
	for (; text && text < end; text++)
		if (*text != ' ' && *text != '\t' && *text != '\r')
			XXH3_64bits_update(h, text, 1);
	snprintf(f->fingerprint, sizeof(f->fingerprint), "%016llx",
		 (unsigned long long)XXH3_64bits_digest(h));
	XXH3_freeState(h);
}

static int anchor_cmp(const void *a, const void *b)
{
	const struct finding *x = *(const struct finding *const *)a;
	const struct finding *y = *(const struct finding *const *)b;
	int c = strcmp(x->fingerprint, y->fingerprint);

	if (c)
		return c;
	c = strcmp(x->file, y->file);
	if (c)
		return c;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return x->col < y->col ? -1 : x->col > y->col;
}

/* The N-th finding with one anchor text gets N in its fingerprint. */
static void number_occurrences(struct findings *list)
{
	struct finding **order = xcalloc(list->nr + 1, sizeof(*order));
	char base[sizeof(order[0]->fingerprint)] = "";
	int i, n = 0;

	for (i = 0; i < list->nr; i++)
		order[i] = &list->items[i];
	qsort(order, list->nr, sizeof(*order), anchor_cmp);
	for (i = 0; i < list->nr; i++) {
		struct finding *f = order[i];

		n = strcmp(base, f->fingerprint) ? 0 : n + 1;
		memcpy(base, f->fingerprint, sizeof(base));
		if (n) {
			char text[32];

			snprintf(text, sizeof(text), "%s#%d", base, n);
			snprintf(f->fingerprint, sizeof(f->fingerprint),
				 "%016llx",
				 (unsigned long long)XXH3_64bits(text,
								 strlen(text)));
		}
	}
	free(order);
}

static char *source_of(const char *file, const char *root)
{
	char *path, *text;
	size_t size;

	if (file[0] == '/' || !root || !*root)
		return view_read(file, &size);
	path = xmalloc(strlen(root) + strlen(file) + 2);
	sprintf(path, "%s/%s", root, file);
	text = view_read(path, &size);
	free(path);
	return text;
}

void finish_findings(struct findings *list, const struct finish_options *o)
{
	struct strlist files = { NULL, 0, 0 };
	int i, j, kept = 0;

	for (i = 0; i < list->nr; i++) {
		struct finding *f = &list->items[i];

		if (f->confidence < o->min ||
		    (o->keep_rule && !o->keep_rule(f->rule)))
			free_finding(f);
		else
			list->items[kept++] = *f;
	}
	list->nr = kept;
	for (i = 0; i < list->nr; i++)
		strlist_add(&files, list->items[i].file);
	for (i = 0; i < files.nr; i++) {
		char *text = source_of(files.items[i], o->root);

		filter_findings(list, CONF_LOW, text ? text : "",
				files.items[i], !o->defer_suppression);
		for (j = 0; j < list->nr; j++)
			if (!strcmp(list->items[j].file, files.items[i]))
				hash_anchor(&list->items[j],
					    line_start(text,
						       list->items[j].line));
		for (j = 0; list->suppressed && j < list->suppressed->nr; j++)
			if (!strcmp(list->suppressed->items[j].file,
				    files.items[i]))
				hash_anchor(&list->suppressed->items[j],
					    line_start(text, list->suppressed
								     ->items[j]
								     .line));
		free(text);
	}
	strlist_release(&files);
	number_occurrences(list);
}

static int finding_cmp(const void *a, const void *b)
{
	const struct finding *x = a, *y = b;
	int c = strcmp(x->file, y->file);

	if (c)
		return c;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if (x->col != y->col)
		return x->col < y->col ? -1 : 1;
	return strcmp(x->rule, y->rule);
}

void sort_findings(struct findings *list)
{
	if (list->nr)
		qsort(list->items, list->nr, sizeof(*list->items), finding_cmp);
}

/*
 * Source text on a terminal: a control byte (an escape sequence, a
 * carriage return) is shown as \xNN, never sent as it is.
 */
static void put_clean(FILE *out, const char *s)
{
	for (; s && *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c < 0x20 || c == 0x7f)
			fprintf(out, "\\x%02x", c);
		else
			fputc(c, out);
	}
}

static void print_text(FILE *out, const struct findings *list,
		       enum baseline_state only)
{
	int i, j;

	for (i = 0; i < list->nr; i++) {
		const struct finding *f = &list->items[i];

		if (f->baseline != only)
			continue;
		put_clean(out, f->file);
		fprintf(out, ":%u:%u: warning: ", f->line, f->col);
		put_clean(out, f->message);
		fprintf(out, " [%s]\n", f->rule);
		for (j = 0; j < f->trace.nr; j++) {
			const struct trace_step *s = &f->trace.steps[j];

			put_clean(out, s->file);
			fprintf(out, ":%u:%u: note: ", s->line, s->col);
			put_clean(out, s->note);
			fputc('\n', out);
		}
	}
}

static int count_state(const struct findings *list, enum baseline_state state)
{
	int i, n = 0;

	for (i = 0; i < list->nr; i++)
		n += list->items[i].baseline == state;
	return n;
}

/* Against a baseline, the new findings first, as the 0-day robot does. */
void print_findings_text(FILE *out, const struct findings *list)
{
	if (count_state(list, BASELINE_NONE) == list->nr) {
		print_text(out, list, BASELINE_NONE);
		return;
	}
	if (count_state(list, BASELINE_NEW)) {
		fprintf(out, "New mmucheck warnings:\n");
		print_text(out, list, BASELINE_NEW);
	}
	if (count_state(list, BASELINE_UNCHANGED)) {
		fprintf(out, "%sOld mmucheck warnings:\n",
			count_state(list, BASELINE_NEW) ? "\n" : "");
		print_text(out, list, BASELINE_UNCHANGED);
	}
	if (count_state(list, BASELINE_ABSENT)) {
		fprintf(out, "%sFixed mmucheck warnings:\n",
			count_state(list, BASELINE_NEW) ||
					count_state(list, BASELINE_UNCHANGED) ?
				"\n" :
				"");
		print_text(out, list, BASELINE_ABSENT);
	}
}

const char *baseline_state_name(enum baseline_state state)
{
	return state == BASELINE_NEW	   ? "new" :
	       state == BASELINE_UNCHANGED ? "unchanged" :
	       state == BASELINE_ABSENT	   ? "absent" :
					     NULL;
}

/* The length of the UTF-8 sequence at p (at most n bytes), 0 if none. */
static size_t utf8_len(const unsigned char *p, size_t n)
{
	size_t len, i;
	unsigned int c;

	if (p[0] < 0x80)
		return 1;
	len = p[0] >= 0xf0 && p[0] <= 0xf4 ? 4 :
	      p[0] >= 0xe0		   ? 3 :
	      p[0] >= 0xc2 && p[0] < 0xe0  ? 2 :
					     0;
	if (!len || len > n)
		return 0;
	for (i = 1; i < len; i++)
		if ((p[i] & 0xc0) != 0x80)
			return 0;
	c = len == 2 ? (p[0] & 0x1fu) << 6 | (p[1] & 0x3fu) :
	    len == 3 ? (p[0] & 0x0fu) << 12 | (p[1] & 0x3fu) << 6 |
			       (p[2] & 0x3fu) :
		       (p[0] & 0x07u) << 18 | (p[1] & 0x3fu) << 12 |
			       (p[2] & 0x3fu) << 6 | (p[3] & 0x3fu);
	/* overlong forms, surrogates, past U+10FFFF */
	if ((len == 3 && c < 0x800) || (len == 4 && c < 0x10000) ||
	    (c >= 0xd800 && c <= 0xdfff) || c > 0x10ffff)
		return 0;
	return len;
}

json_t *json_text(const char *s)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	size_t n = strlen((const char *)p), i = 0, out = 0, len;
	char *buf = xmalloc(3 * n + 1);
	json_t *j;

	/* a byte that starts no UTF-8 sequence is U+FFFD: nothing dropped */
	while (i < n) {
		len = utf8_len(p + i, n - i);
		if (len) {
			memcpy(buf + out, p + i, len);
			out += len;
			i += len;
		} else {
			memcpy(buf + out, "\xef\xbf\xbd", 3);
			out += 3;
			i++;
		}
	}
	j = json_stringn(buf, out);
	free(buf);
	return j;
}

static json_t *step_json(const struct trace_step *s)
{
	return json_pack("{s:o, s:i, s:i, s:o, s:o}", "file",
			 json_text(s->file), "line", (json_int_t)s->line,
			 "column", (json_int_t)s->col, "function",
			 json_text(s->function), "note", json_text(s->note));
}

static json_t *finding_json(const struct finding *f)
{
	json_t *trace = json_array(), *j;
	int i;

	for (i = 0; i < f->trace.nr; i++)
		json_array_append_new(trace, step_json(&f->trace.steps[i]));
	j = json_pack("{s:s, s:o, s:i, s:i, s:o, s:o, s:s, s:o, s:s}", "rule",
		      f->rule, "file", json_text(f->file), "line",
		      (json_int_t)f->line, "column", (json_int_t)f->col,
		      "function", json_text(f->function), "message",
		      json_text(f->message), "confidence",
		      confidence_name(f->confidence), "trace", trace,
		      "fingerprint", f->fingerprint);
	json_object_set_new(j, "engine",
			    json_string(f->by_cocci ? "cocci" : "checker"));
	if (f->baseline)
		json_object_set_new(
			j, "baseline",
			json_string(baseline_state_name(f->baseline)));
	if (f->era) {
		json_object_set_new(j, "era", json_string(f->era));
		json_object_set_new(j, "era_from", json_text(f->era_from));
	}
	return j;
}

json_t *findings_to_json(const struct findings *list)
{
	json_t *all = json_array();
	int i;

	for (i = 0; i < list->nr; i++)
		json_array_append_new(all, finding_json(&list->items[i]));
	return all;
}

static void finding_from_json(struct findings *list, json_t *j)
{
	const char *rule = "", *file = "", *fn = "", *msg = "", *conf = "";
	const char *fp = "", *sfile, *sfn, *note, *era, *era_from;
	json_int_t line = 0, col = 0, sline, scol;
	enum confidence c = CONF_HIGH;
	json_t *trace = NULL, *step;
	struct finding *f;
	size_t i;

	json_unpack(j, "{s:s,s:s,s:I,s:I,s:s,s:s,s:s,s:o,s:s}", "rule", &rule,
		    "file", &file, "line", &line, "column", &col, "function",
		    &fn, "message", &msg, "confidence", &conf, "trace", &trace,
		    "fingerprint", &fp);
	parse_confidence(conf, &c);
	f = add_finding(list, rule, file, line, col, fn, c, msg);
	if (!f)
		return;
	snprintf(f->fingerprint, sizeof(f->fingerprint), "%s", fp);
	if (!json_unpack(j, "{s:s,s:s}", "era", &era, "era_from", &era_from)) {
		f->era = xstrdup(era);
		f->era_from = xstrdup(era_from);
	}
	json_array_foreach(trace, i, step)
		if (!json_unpack(step, "{s:s,s:I,s:I,s:s,s:s}", "file", &sfile,
				 "line", &sline, "column", &scol, "function",
				 &sfn, "note", &note))
			trace_add(&f->trace, sfile, sline, scol, sfn, note);
}

void findings_from_json(struct findings *list, json_t *array)
{
	size_t i;
	json_t *j;

	json_array_foreach(array, i, j)
		finding_from_json(list, j);
}

void print_findings_json(FILE *out, const struct findings *list)
{
	json_t *doc;

	doc = json_pack("{s:o}", "findings", findings_to_json(list));
	json_dumpf(doc, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	fputc('\n', out);
	json_decref(doc);
}

void release_findings(struct findings *list)
{
	int i;

	for (i = 0; i < list->nr; i++)
		free_finding(&list->items[i]);
	free(list->items);
	if (list->suppressed) {
		release_findings(list->suppressed);
		free(list->suppressed);
	}
	memset(list, 0, sizeof(*list));
}
