// SPDX-License-Identifier: GPL-2.0
/*
 * report.json as one HTML page (report/html.h has the schema and the
 * page's ids).  The report is read once into a few arrays indexed by
 * version, then each part of the page is written from them: the trend
 * plot as SVG drawn here, the tables, and a section per finding.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "lib/diag.h"
#include "lib/util.h"
#include "report/html.h"

enum status {
	ST_ABSENT,
	ST_NEW,
	ST_PERSISTING,
	ST_FIXED,
	ST_NOT_ANALYSED,
	ST_CHECKER_CHANGED
};

static const char *const status_names[] = {
	[ST_ABSENT] = "absent",
	[ST_NEW] = "new",
	[ST_PERSISTING] = "persisting",
	[ST_FIXED] = "fixed",
	[ST_NOT_ANALYSED] = "not-analysed",
	/* came or went as the checker's rules or model changed */
	[ST_CHECKER_CHANGED] = "checker-changed",
};

/* One line of the plot: a rule as one engine reports it. */
struct series {
	const char *rule, *engine;
	int rule_nr, engine_nr; /* its colour and its dash */
	int *counts; /* per version */
	int total;
};

/* One finding, its per-version facts worked out. */
struct item {
	const json_t *json;
	const char *id, *rule, *file, *function, *message;
	char *anchor; /* "f-" and the id, safe in an id and a fragment */
	const char *verdict, *why; /* verdict NULL: none yet */
	const char *subsystem; /* "(none)" for null */
	int by_checker, by_cocci;
	char *present; /* per version */
	enum status *status; /* per version */
	int nr_present, first, last; /* version indexes, -1 if never */
	int fixed_in; /* a version index, -1 while present */
};

struct page {
	FILE *out;
	const char *title, *tool;
	int nr_versions, nr_items, nr_unjudged;
	const json_t **versions;
	const char **names;
	struct strlist rules, engines;
	struct series *series;
	int nr_series, alloc_series;
	struct item *items;
	int *total_at, *new_at, *fixed_at; /* per version */
};

static void put(struct page *p, const char *s)
{
	fputs(s, p->out);
}

static void putf(struct page *p, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void putf(struct page *p, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfprintf(p->out, fmt, ap);
	va_end(ap);
}

/*
 * The code point of the UTF-8 sequence at s and its length in *len, or
 * -1 with *len 1 for a byte that starts no valid one: stray continuation
 * bytes, overlong forms, surrogates and values past U+10FFFF.
 */
static long utf8_code(const unsigned char *s, int *len)
{
	static const long least[] = { 0, 0, 0x80, 0x800, 0x10000 };
	long c;
	int n, i;

	*len = 1;
	if (*s < 0x80)
		return *s;
	n = *s >= 0xf0 ? 4 : *s >= 0xe0 ? 3 : *s >= 0xc0 ? 2 : 0;
	if (!n || *s >= 0xf8)
		return -1;
	c = *s & (0x7f >> n);
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80) /* the NUL too */
			return -1;
		c = c << 6 | (s[i] & 0x3f);
	}
	if (c < least[n] || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return -1;
	*len = n;
	return c;
}

/* Controls other than blanks are parse errors in HTML: shown as U+FFFD. */
static int is_control(long c)
{
	return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') ||
	       (c >= 0x7f && c < 0xa0);
}

/* Text of the report, safe between tags and in a quoted attribute. */
static void text(struct page *p, const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	long c;
	int len;

	while (u && *u) {
		c = utf8_code(u, &len);
		if (c == '&')
			put(p, "&amp;");
		else if (c == '<')
			put(p, "&lt;");
		else if (c == '>')
			put(p, "&gt;");
		else if (c == '"')
			put(p, "&quot;");
		else if (c == '\'')
			put(p, "&#39;");
		else if (c < 0 || is_control(c))
			put(p, "\xef\xbf\xbd");
		else
			fwrite(u, 1, (size_t)len, p->out);
		u += len;
	}
}

static const char *str_of(const json_t *obj, const char *key)
{
	const char *s = json_string_value(json_object_get(obj, key));

	return s ? s : "";
}

static int int_of(const json_t *obj, const char *key)
{
	return (int)json_integer_value(json_object_get(obj, key));
}

static int version_index(const struct page *p, const char *name)
{
	int i;

	for (i = 0; name && i < p->nr_versions; i++)
		if (!strcmp(p->names[i], name))
			return i;
	return -1;
}

static int list_index(const struct strlist *list, const char *s)
{
	int i;

	for (i = 0; i < list->nr; i++)
		if (!strcmp(list->items[i], s))
			return i;
	return -1;
}

/* The rules and engines of the versions' counts, in the order they come. */
static void collect_names(struct page *p)
{
	const char *engine, *rule;
	json_t *rules, *count;
	int v;

	for (v = 0; v < p->nr_versions; v++)
		json_object_foreach(json_object_get(p->versions[v], "findings"),
				    engine, rules) {
			if (!strlist_has(&p->engines, engine))
				strlist_add(&p->engines, engine);
			json_object_foreach(rules, rule, count)
				if (!strlist_has(&p->rules, rule))
					strlist_add(&p->rules, rule);
		}
}

static const json_t *count_of(const struct page *p, int v, const char *engine,
			      const char *rule)
{
	return json_object_get(
		json_object_get(json_object_get(p->versions[v], "findings"),
				engine),
		rule);
}

/* The series a rule and an engine make, when some version counts it. */
static void add_series(struct page *p, int r, int e)
{
	const char *rule = p->rules.items[r], *engine = p->engines.items[e];
	struct series *s;
	int v, counted = 0;

	for (v = 0; v < p->nr_versions; v++)
		counted |= count_of(p, v, engine, rule) != NULL;
	if (!counted)
		return;
	ALLOC_GROW(p->series, p->nr_series, p->alloc_series);
	s = &p->series[p->nr_series++];
	s->rule = rule;
	s->engine = engine;
	s->rule_nr = r;
	s->engine_nr = e;
	s->counts = xcalloc((size_t)p->nr_versions, sizeof(*s->counts));
	s->total = 0;
	for (v = 0; v < p->nr_versions; v++) {
		s->counts[v] =
			(int)json_integer_value(count_of(p, v, engine, rule));
		s->total += s->counts[v];
	}
}

static enum status parse_status(const char *name)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(status_names); i++)
		if (!strcmp(name, status_names[i]))
			return (enum status)i;
	return ST_ABSENT;
}

/* The status ranges onto the versions, and the changes they count. */
static void read_status(struct page *p, struct item *it)
{
	const json_t *range;
	enum status st;
	size_t i;
	int from, to, v;

	json_array_foreach(json_object_get(it->json, "status"), i, range) {
		from = version_index(p, str_of(range, "from"));
		to = version_index(p, str_of(range, "to"));
		if (from < 0)
			continue;
		if (to < from)
			to = from;
		st = parse_status(str_of(range, "status"));
		for (v = from; v <= to; v++)
			it->status[v] = st;
		p->new_at[from] += st == ST_NEW;
		p->fixed_at[from] += st == ST_FIXED;
	}
}

/*
 * The first version after the last one present that has it fixed, or
 * else simply lacks it; -1 while the last version has it or nothing after
 * was analysed.
 */
static int fixed_version(const struct page *p, const struct item *it)
{
	int v;

	if (it->last < 0)
		return -1;
	for (v = it->last + 1; v < p->nr_versions; v++)
		if (it->status[v] == ST_FIXED)
			return v;
		else if (it->status[v] == ST_CHECKER_CHANGED)
			return -1; /* the checker changed, not the code */
	for (v = it->last + 1; v < p->nr_versions; v++)
		if (it->status[v] == ST_ABSENT)
			return v;
	return -1;
}

/* ASCII whatever the locale: the same id in an attribute and a fragment */
static int anchor_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '_' || c == '-';
}

static char *anchor_of(const char *id)
{
	char *a = fmt_str("f-%s", id), *c;

	for (c = a + 2; *c; c++)
		if (!anchor_char(*c))
			*c = '_';
	return a;
}

static void read_engines(struct item *it)
{
	const json_t *e;
	size_t i;

	json_array_foreach(json_object_get(it->json, "engines"), i, e) {
		const char *name = json_string_value(e);

		it->by_checker |= name && !strcmp(name, "checker");
		it->by_cocci |= name && !strcmp(name, "cocci");
	}
}

static void read_item(struct page *p, struct item *it, const json_t *json)
{
	const json_t *verdict = json_object_get(json, "verdict");
	const char *subsystem;
	int v;

	it->json = json;
	it->id = str_of(json, "id");
	it->anchor = anchor_of(it->id);
	it->rule = str_of(json, "rule");
	it->file = str_of(json, "file");
	it->function = str_of(json, "function");
	it->message = str_of(json, "message");
	it->verdict = json_string_value(json_object_get(verdict, "verdict"));
	it->why = str_of(verdict, "why");
	p->nr_unjudged += !it->verdict;
	subsystem = json_string_value(json_object_get(json, "subsystem"));
	it->subsystem = subsystem && *subsystem ? subsystem : "(none)";
	read_engines(it);
	it->present = xcalloc((size_t)p->nr_versions + 1, 1);
	it->status = xcalloc((size_t)p->nr_versions + 1, sizeof(*it->status));
	it->first = it->last = -1;
	for (v = 0; v < p->nr_versions; v++) {
		it->present[v] =
			json_object_get(json_object_get(json, "present"),
					p->names[v]) != NULL;
		if (!it->present[v])
			continue;
		it->nr_present++;
		p->total_at[v]++;
		if (it->first < 0)
			it->first = v;
		it->last = v;
	}
	read_status(p, it);
	it->fixed_in = fixed_version(p, it);
}

static int read_report(struct page *p, const json_t *report)
{
	const json_t *versions = json_object_get(report, "versions");
	const json_t *findings = json_object_get(report, "findings");
	size_t i;
	int r, e;

	if (!json_is_array(versions) || !json_is_array(findings))
		return error("report: no \"versions\" and \"findings\" arrays");
	p->tool = str_of(report, "tool");
	p->nr_versions = (int)json_array_size(versions);
	p->versions = xcalloc((size_t)p->nr_versions + 1, sizeof(*p->versions));
	p->names = xcalloc((size_t)p->nr_versions + 1, sizeof(*p->names));
	for (i = 0; i < json_array_size(versions); i++) {
		p->versions[i] = json_array_get(versions, i);
		p->names[i] = json_string_value(
			json_object_get(p->versions[i], "name"));
		if (!p->names[i])
			return error("report: version %zu has no name", i + 1);
	}
	for (i = 0; i < json_array_size(findings); i++)
		if (!json_is_object(json_array_get(findings, i)))
			return error("report: finding %zu is not an object",
				     i + 1);
	p->total_at = xcalloc((size_t)p->nr_versions + 1, sizeof(int));
	p->new_at = xcalloc((size_t)p->nr_versions + 1, sizeof(int));
	p->fixed_at = xcalloc((size_t)p->nr_versions + 1, sizeof(int));
	collect_names(p);
	for (r = 0; r < p->rules.nr; r++)
		for (e = 0; e < p->engines.nr; e++)
			add_series(p, r, e);
	p->nr_items = (int)json_array_size(findings);
	p->items = xcalloc((size_t)p->nr_items + 1, sizeof(*p->items));
	for (r = 0; r < p->nr_items; r++)
		read_item(p, &p->items[r], json_array_get(findings, (size_t)r));
	return 0;
}

static void release_page(struct page *p)
{
	int i;

	for (i = 0; i < p->nr_series; i++)
		free(p->series[i].counts);
	for (i = 0; i < p->nr_items; i++) {
		free(p->items[i].anchor);
		free(p->items[i].present);
		free(p->items[i].status);
	}
	free(p->series);
	free(p->items);
	free(p->versions);
	free(p->names);
	free(p->total_at);
	free(p->new_at);
	free(p->fixed_at);
	strlist_release(&p->rules);
	strlist_release(&p->engines);
}

/* Kept readable: no font, image or script, so the page works offline. */
static const char style[] =
	"body{margin:0;background:#f5f6f8;color:#1c2230;"
	"font:14px/1.45 system-ui,'DejaVu Sans','Liberation Sans',sans-serif}"
	"main{max-width:1240px;margin:0 auto;padding:12px 24px 48px}"
	"h1{font-size:24px;margin:12px 0 4px}"
	"h2{font-size:18px;margin:28px 0 8px;padding-bottom:3px;"
	"border-bottom:2px solid #d5dae2}"
	"h3{font-size:15px;margin:0 0 4px}h4{font-size:13px;margin:10px 0 2px}"
	"nav a{margin-right:14px}a{color:#24589e}"
	".tool{color:#5b6475}"
	"table{border-collapse:collapse;background:#fff;margin:4px 0;"
	"font-variant-numeric:tabular-nums}"
	"th,td{border:1px solid #d5dae2;padding:3px 9px;vertical-align:top;"
	"white-space:nowrap}"
	".scroll{overflow-x:auto;max-width:100%}"
	"th{background:#e9edf3;text-align:left;font-weight:600}"
	"tbody tr:nth-child(even){background:#f8f9fb}"
	"td.n{text-align:right}td.zero{color:#a4abb8}"
	"td.new{color:#15803d;font-weight:600}"
	"td.fixed{color:#b91c1c;font-weight:600}"
	"td.bad{color:#b91c1c;font-weight:600}"
	"svg{background:#fff;border:1px solid #d5dae2;max-width:100%;height:auto}"
	"svg text{font:12px system-ui,'DejaVu Sans',sans-serif;fill:#1c2230}"
	"svg .grid{stroke:#e3e7ed}svg .axis{stroke:#5b6475}"
	"svg .series{fill:none;stroke-width:2.5;stroke-linejoin:round;"
	"stroke-opacity:.85}"
	".tl span{display:inline-block;width:11px;height:13px;margin-right:1px;"
	"vertical-align:middle}"
	".tl .st-new{background:#22a04b}.tl .st-persisting{background:#4f78b5}"
	".tl .st-fixed{background:#d0453a}.tl .st-absent{background:#e6e9ee}"
	".tl .st-not-analysed{background:repeating-linear-gradient(45deg,"
	"#bbb 0 2px,#fff 2px 4px)}"
	".tl .st-checker-changed{background:repeating-linear-gradient(-45deg,"
	"#8a5cc2 0 2px,#fff 2px 4px)}"
	".finding{background:#fff;border:1px solid #d5dae2;border-left:5px solid"
	" #4f78b5;border-radius:4px;padding:8px 14px;margin:12px 0}"
	".finding.unjudged{border-left-color:#e08a00}"
	".finding .meta{color:#5b6475;margin:2px 0}"
	".rule{font-weight:700}.message{margin:4px 0}"
	".verdict{margin:4px 0}"
	".introduced-by,.fixed-by{margin:4px 0}"
	".no-verdict{display:inline-block;background:#fff0c2;color:#7a4a00;"
	"font-weight:700;padding:0 8px;border-radius:3px}"
	"pre{background:#fbfbfc;border:1px solid #e1e5eb;padding:5px 10px;"
	"margin:2px 0;overflow-x:auto;tab-size:8;font-size:12.5px}"
	"pre .file{color:#5b6475}pre .ln{color:#7b8494}"
	"pre .note{color:#9a4d00;font-style:italic}"
	".key{color:#5b6475;font-size:12.5px;margin:4px 0}"
	".key>span{margin-right:14px}";

static void write_head(struct page *p)
{
	put(p, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
	       "<meta charset=\"utf-8\">\n<title>");
	text(p, p->title);
	putf(p, "</title>\n<style>%s</style>\n</head>\n<body>\n<main>\n<h1>",
	     style);
	text(p, p->title);
	put(p, "</h1>\n");
}

static void write_summary(struct page *p)
{
	putf(p,
	     "<p id=\"summary\" data-versions=\"%d\" data-findings=\"%d\""
	     " data-unjudged=\"%d\">%d version%s",
	     p->nr_versions, p->nr_items, p->nr_unjudged, p->nr_versions,
	     p->nr_versions == 1 ? "" : "s");
	if (p->nr_versions) {
		put(p, " (");
		text(p, p->names[0]);
		if (p->nr_versions > 1) {
			put(p, " to ");
			text(p, p->names[p->nr_versions - 1]);
		}
		put(p, ")");
	}
	putf(p, ", %d finding%s, %d without a verdict.", p->nr_items,
	     p->nr_items == 1 ? "" : "s", p->nr_unjudged);
	if (*p->tool) {
		put(p, " <span class=\"tool\">");
		text(p, p->tool);
		put(p, "</span>");
	}
	put(p, "</p>\n<nav><a href=\"#trend-plot\">trend</a>"
	       "<a href=\"#per-version\">versions</a>"
	       "<a href=\"#agreement\">engines</a>"
	       "<a href=\"#per-directory\">directories</a>"
	       "<a href=\"#per-subsystem\">subsystems</a>"
	       "<a href=\"#lifetime\">lifetimes</a>"
	       "<a href=\"#findings\">findings</a></nav>\n");
}

/* The plot's frame, in SVG user units. */
enum {
	PLOT_W = 1160,
	PLOT_H = 420,
	PLOT_LEFT = 60,
	PLOT_RIGHT = 790, /* the legend is right of it */
	PLOT_TOP = 20,
	PLOT_BOTTOM = 320, /* the version names are below */
	PLOT_PAD = 20,
	MAX_LABELS = 30, /* more versions: every k-th one named */
};

static const char *const colours[] = {
	"#1f6fb5", "#d62728", "#2a9d3c", "#8c4fc4",
	"#e07b00", "#8c564b", "#d44fa8", "#139aa8",
};

static const char *const dashes[] = { "", "7 4", "2 3", "10 3 2 3" };

static const char *colour_of(const struct series *s)
{
	return colours[s->rule_nr % (int)ARRAY_SIZE(colours)];
}

static const char *dash_of(const struct series *s)
{
	return dashes[s->engine_nr % (int)ARRAY_SIZE(dashes)];
}

static double x_of(const struct page *p, int v)
{
	double width = PLOT_RIGHT - PLOT_LEFT - 2 * PLOT_PAD;

	if (p->nr_versions < 2)
		return PLOT_LEFT + PLOT_PAD + width / 2;
	return PLOT_LEFT + PLOT_PAD + width * v / (p->nr_versions - 1);
}

static double y_of(int count, int top)
{
	return PLOT_BOTTOM - (double)(PLOT_BOTTOM - PLOT_TOP) * count / top;
}

/* A tick step of 1, 2 or 5 times a power of ten: about five ticks. */
static int tick_step(int max)
{
	int step = 1;

	for (;;) {
		if (max <= 5 * step)
			return step;
		if (max <= 10 * step)
			return 2 * step;
		if (max <= 25 * step)
			return 5 * step;
		step *= 10;
	}
}

static void write_y_axis(struct page *p, int top, int step)
{
	int t;

	for (t = 0; t <= top; t += step)
		putf(p,
		     "<line class=\"grid\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\""
		     " y2=\"%.1f\"/><text x=\"%d\" y=\"%.1f\""
		     " text-anchor=\"end\" dominant-baseline=\"middle\">%d"
		     "</text>\n",
		     PLOT_LEFT, y_of(t, top), PLOT_RIGHT, y_of(t, top),
		     PLOT_LEFT - 8, y_of(t, top), t);
	putf(p,
	     "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>"
	     "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>\n"
	     "<text transform=\"translate(16,%d) rotate(-90)\""
	     " text-anchor=\"middle\">findings</text>\n",
	     PLOT_LEFT, PLOT_TOP, PLOT_LEFT, PLOT_BOTTOM, PLOT_LEFT,
	     PLOT_BOTTOM, PLOT_RIGHT, PLOT_BOTTOM,
	     (PLOT_TOP + PLOT_BOTTOM) / 2);
}

/*
 * Every k-th version named, so that names do not overlap, and the last
 * one: the k-th before it only when not too close to it.
 */
static int named(const struct page *p, int v)
{
	int every = (p->nr_versions + MAX_LABELS - 1) / MAX_LABELS;
	int last = p->nr_versions - 1;

	return v == last || (v % every == 0 && last - v >= (every + 1) / 2);
}

static void write_x_axis(struct page *p)
{
	int v;

	for (v = 0; v < p->nr_versions; v++) {
		putf(p,
		     "<line class=\"axis\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\""
		     " y2=\"%d\"/>",
		     x_of(p, v), PLOT_BOTTOM, x_of(p, v), PLOT_BOTTOM + 5);
		if (!named(p, v)) {
			put(p, "\n");
			continue;
		}
		putf(p,
		     "<text class=\"version\" transform=\"translate(%.1f,%d)"
		     " rotate(-40)\" text-anchor=\"end\">",
		     x_of(p, v) + 4, PLOT_BOTTOM + 16);
		text(p, p->names[v]);
		put(p, "</text>\n");
	}
	putf(p,
	     "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">version</text>\n",
	     (PLOT_LEFT + PLOT_RIGHT) / 2, PLOT_H - 8);
}

/* A point: a circle for the first engine, a square for the others. */
static void write_point(struct page *p, const struct series *s, int v, int top)
{
	double x = x_of(p, v), y = y_of(s->counts[v], top);

	if (s->engine_nr == 0)
		putf(p,
		     "<circle class=\"point\" cx=\"%.1f\" cy=\"%.1f\""
		     " r=\"4.5\" fill=\"%s\">",
		     x, y, colour_of(s));
	else
		putf(p,
		     "<rect class=\"point\" x=\"%.1f\" y=\"%.1f\""
		     " width=\"7\" height=\"7\" fill=\"#fff\" stroke=\"%s\""
		     " stroke-width=\"2\">",
		     x - 3.5, y - 3.5, colour_of(s));
	put(p, "<title>");
	text(p, s->rule);
	put(p, " (");
	text(p, s->engine);
	put(p, "), ");
	text(p, p->names[v]);
	putf(p, ": %d</title></%s>\n", s->counts[v],
	     s->engine_nr == 0 ? "circle" : "rect");
}

static void write_series(struct page *p, const struct series *s, int top)
{
	int v;

	put(p, "<g><polyline class=\"series\" data-rule=\"");
	text(p, s->rule);
	put(p, "\" data-engine=\"");
	text(p, s->engine);
	putf(p,
	     "\" data-total=\"%d\" stroke=\"%s\" stroke-dasharray=\"%s\""
	     " points=\"",
	     s->total, colour_of(s), dash_of(s));
	for (v = 0; v < p->nr_versions; v++)
		putf(p, "%s%.1f,%.1f", v ? " " : "", x_of(p, v),
		     y_of(s->counts[v], top));
	put(p, "\"/>\n");
	for (v = 0; v < p->nr_versions; v++)
		write_point(p, s, v, top);
	put(p, "</g>\n");
}

static void write_legend(struct page *p)
{
	int i, y = PLOT_TOP + 8;

	put(p, "<g id=\"legend\">\n");
	putf(p,
	     "<text x=\"%d\" y=\"%d\" font-weight=\"bold\">rule (engine):"
	     " findings over all versions</text>\n",
	     PLOT_RIGHT + 20, y);
	for (i = 0; i < p->nr_series; i++) {
		const struct series *s = &p->series[i];

		if (!s->total)
			continue;
		y += 22;
		putf(p,
		     "<g class=\"legend-entry\"><line x1=\"%d\" y1=\"%d\""
		     " x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2.5\""
		     " stroke-dasharray=\"%s\"/><text x=\"%d\" y=\"%d\""
		     " dominant-baseline=\"middle\">",
		     PLOT_RIGHT + 20, y, PLOT_RIGHT + 52, y, colour_of(s),
		     dash_of(s), PLOT_RIGHT + 60, y);
		text(p, s->rule);
		put(p, " (");
		text(p, s->engine);
		putf(p, "): %d</text></g>\n", s->total);
	}
	put(p, "</g>\n");
}

static void write_trend(struct page *p)
{
	int i, max = 0, step, top;

	for (i = 0; i < p->nr_series; i++)
		for (step = 0; step < p->nr_versions; step++)
			if (p->series[i].counts[step] > max)
				max = p->series[i].counts[step];
	step = tick_step(max);
	top = max ? (max + step - 1) / step * step : step;
	putf(p,
	     "<h2 id=\"trend-plot\">Findings per version</h2>\n"
	     "<svg id=\"trend\" xmlns=\"http://www.w3.org/2000/svg\""
	     " width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\">"
	     "\n<title>Findings per version, a line a rule and engine"
	     "</title>\n",
	     PLOT_W, PLOT_H, PLOT_W, PLOT_H);
	write_y_axis(p, top, step);
	write_x_axis(p);
	for (i = 0; i < p->nr_series; i++)
		if (p->series[i].total)
			write_series(p, &p->series[i], top);
	if (!max)
		putf(p,
		     "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">no"
		     " findings in any version</text>\n",
		     (PLOT_LEFT + PLOT_RIGHT) / 2,
		     (PLOT_TOP + PLOT_BOTTOM) / 2);
	write_legend(p);
	put(p, "</svg>\n");
}

/* A number in a cell: zeros grey, so the ones that count stand out. */
static void write_count(struct page *p, int n, const char *sign,
			const char *class)
{
	putf(p, "<td class=\"n %s\">%s%d</td>", n ? class : "zero",
	     n ? sign : "", n);
}

static void write_versions_head(struct page *p)
{
	int i, span;

	put(p, "<h2 id=\"per-version\">Versions</h2>\n<div class=\"scroll\">"
	       "<table id=\"versions\">"
	       "\n<thead><tr><th rowspan=\"2\">version</th>"
	       "<th rowspan=\"2\">files analysed</th>"
	       "<th rowspan=\"2\">failed</th><th rowspan=\"2\">findings</th>");
	for (i = 0; i < p->nr_series; i += span) {
		for (span = 1;
		     i + span < p->nr_series &&
		     p->series[i + span].rule_nr == p->series[i].rule_nr;
		     span++)
			;
		putf(p, "<th colspan=\"%d\">", span);
		text(p, p->series[i].rule);
		put(p, "</th>");
	}
	put(p, "<th rowspan=\"2\">new</th><th rowspan=\"2\">fixed</th></tr>\n"
	       "<tr>");
	for (i = 0; i < p->nr_series; i++) {
		put(p, "<th>");
		text(p, p->series[i].engine);
		put(p, "</th>");
	}
	put(p, "</tr></thead>\n<tbody>\n");
}

static void write_version_row(struct page *p, int v)
{
	const json_t *version = p->versions[v];
	int i, failed = int_of(version, "failed");

	put(p, "<tr class=\"version\" data-name=\"");
	text(p, p->names[v]);
	putf(p,
	     "\" data-total=\"%d\" data-analysed=\"%d\" data-failed=\"%d\""
	     " data-new=\"%d\" data-fixed=\"%d\"><th title=\"",
	     p->total_at[v], int_of(version, "analysed"), failed, p->new_at[v],
	     p->fixed_at[v]);
	text(p, str_of(version, "tree"));
	put(p, "\">");
	text(p, p->names[v]);
	putf(p, "</th><td class=\"n\">%d</td>", int_of(version, "analysed"));
	write_count(p, failed, "", "bad");
	write_count(p, p->total_at[v], "", "");
	for (i = 0; i < p->nr_series; i++) {
		const struct series *s = &p->series[i];

		put(p, "<td class=\"n count");
		put(p, s->counts[v] ? "" : " zero");
		put(p, "\" data-rule=\"");
		text(p, s->rule);
		put(p, "\" data-engine=\"");
		text(p, s->engine);
		putf(p, "\" data-count=\"%d\">%d</td>", s->counts[v],
		     s->counts[v]);
	}
	write_count(p, p->new_at[v], "+", "new");
	write_count(p, p->fixed_at[v], "\xe2\x88\x92", "fixed");
	put(p, "</tr>\n");
}

static void write_versions(struct page *p)
{
	int v;

	write_versions_head(p);
	for (v = 0; v < p->nr_versions; v++)
		write_version_row(p, v);
	put(p, "</tbody></table></div>\n");
}

static void write_agreement_row(struct page *p, int v)
{
	int i, both = 0, checker = 0, cocci = 0;

	for (i = 0; i < p->nr_items; i++) {
		const struct item *it = &p->items[i];

		if (v >= 0 && !it->present[v])
			continue;
		both += it->by_checker && it->by_cocci;
		checker += it->by_checker && !it->by_cocci;
		cocci += !it->by_checker && it->by_cocci;
	}
	putf(p, "<tr class=\"agreement%s\" data-name=\"", v < 0 ? " all" : "");
	text(p, v < 0 ? "" : p->names[v]);
	putf(p,
	     "\" data-both=\"%d\" data-checker-only=\"%d\""
	     " data-cocci-only=\"%d\"><th>",
	     both, checker, cocci);
	text(p, v < 0 ? "all versions" : p->names[v]);
	put(p, "</th>");
	write_count(p, both, "", "");
	write_count(p, checker, "", "");
	write_count(p, cocci, "", "");
	put(p, "</tr>\n");
}

/* Agreement of the checker and the semantic patches, per finding. */
static void write_agreement(struct page *p)
{
	int v;

	put(p,
	    "<h2 id=\"agreement\">Engine agreement</h2>\n"
	    "<div class=\"scroll\"><table id=\"engines\">\n<thead><tr><th>version</th>"
	    "<th>seen by both</th><th>checker only</th><th>cocci only</th>"
	    "</tr></thead>\n<tbody>\n");
	for (v = 0; v < p->nr_versions; v++)
		write_agreement_row(p, v);
	write_agreement_row(p, -1);
	put(p, "</tbody></table></div>\n");
}

/* A file name in version v, the tree's own prefix taken off. */
static const char *file_in(const struct page *p, const struct item *it, int v)
{
	const json_t *where = json_object_get(
		json_object_get(it->json, "present"), p->names[v]);
	const char *file = json_string_value(json_object_get(where, "file"));
	const char *tree = str_of(p->versions[v], "tree");
	size_t n = strlen(tree);

	if (!file || !*file)
		file = it->file;
	if (n && !strncmp(file, tree, n) && file[n] == '/')
		file += n + 1;
	return file;
}

/* The file a finding is in, as the last version that has it names it. */
static const char *shown_file(const struct page *p, const struct item *it)
{
	return it->last >= 0 ? file_in(p, it, it->last) : it->file;
}

static char *directory_of(const struct page *p, const struct item *it, int v)
{
	const char *file = file_in(p, it, v), *slash;

	while (*file == '/')
		file++;
	slash = strchr(file, '/');
	if (!slash)
		return xstrdup("(top)");
	if ((!strncmp(file, "arch/", 5) || !strncmp(file, "drivers/", 8) ||
	     !strncmp(file, "fs/", 3)) &&
	    strchr(slash + 1, '/'))
		slash = strchr(slash + 1, '/');
	return xstrndup(file, (size_t)(slash - file));
}

static char *subsystem_of(const struct page *p, const struct item *it, int v)
{
	(void)p;
	(void)v;
	return xstrdup(it->subsystem);
}

/* A table of findings per key per version: its id, row class, key. */
struct tally_kind {
	const char *id, *class;
	char *(*key)(const struct page *p, const struct item *it, int v);
};

/* Findings per key (a directory, a subsystem) per version. */
struct tally {
	struct strlist keys;
	int *counts; /* keys.nr rows of nr_versions */
	struct tally_row {
		int key, total; /* total: distinct findings */
	} *rows;
};

/* Most findings first, then by name: what matters most on top. */
static int by_total(const void *a, const void *b)
{
	const struct tally_row *r = a, *s = b;

	return r->total != s->total ? s->total - r->total : r->key - s->key;
}

static int compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The keys of the findings present, sorted by name. */
static void collect_keys(const struct page *p, struct tally *t,
			 const struct tally_kind *kind)
{
	int i, v;
	char *name;

	for (i = 0; i < p->nr_items; i++)
		for (v = 0; v < p->nr_versions; v++) {
			if (!p->items[i].present[v])
				continue;
			name = kind->key(p, &p->items[i], v);
			if (!strlist_has(&t->keys, name))
				strlist_add(&t->keys, name);
			free(name);
		}
	if (t->keys.nr) /* no array yet without keys */
		qsort(t->keys.items, (size_t)t->keys.nr, sizeof(*t->keys.items),
		      compare_names);
}

static void count_keys(const struct page *p, struct tally *t,
		       const struct tally_kind *kind)
{
	int i, v, k, *seen;
	char *name;

	collect_keys(p, t, kind);
	t->counts =
		xcalloc((size_t)(t->keys.nr * p->nr_versions) + 1, sizeof(int));
	t->rows = xcalloc((size_t)t->keys.nr + 1, sizeof(*t->rows));
	seen = xcalloc((size_t)t->keys.nr + 1, sizeof(int));
	for (i = 0; i < p->nr_items; i++) {
		memset(seen, 0, (size_t)t->keys.nr * sizeof(int));
		for (v = 0; v < p->nr_versions; v++) {
			if (!p->items[i].present[v])
				continue;
			name = kind->key(p, &p->items[i], v);
			k = list_index(&t->keys, name);
			free(name);
			t->counts[k * p->nr_versions + v]++;
			seen[k] = 1;
		}
		for (k = 0; k < t->keys.nr; k++)
			t->rows[k].total += seen[k];
	}
	free(seen);
	for (k = 0; k < t->keys.nr; k++)
		t->rows[k].key = k;
	qsort(t->rows, (size_t)t->keys.nr, sizeof(*t->rows), by_total);
}

static void write_tally_row(struct page *p, const struct tally *t,
			    const struct tally_row *row, const char *class)
{
	int v;

	putf(p, "<tr class=\"%s\" data-name=\"", class);
	text(p, t->keys.items[row->key]);
	putf(p, "\" data-total=\"%d\"><th>", row->total);
	text(p, t->keys.items[row->key]);
	put(p, "</th>");
	for (v = 0; v < p->nr_versions; v++) {
		int n = t->counts[row->key * p->nr_versions + v];

		put(p, "<td class=\"n count");
		put(p, n ? "" : " zero");
		put(p, "\" data-version=\"");
		text(p, p->names[v]);
		putf(p, "\" data-count=\"%d\">%d</td>", n, n);
	}
	putf(p, "<td class=\"n\">%d</td></tr>\n", row->total);
}

static const struct tally_kind by_directory = { "directories", "directory",
						directory_of };
static const struct tally_kind by_subsystem = { "subsystems", "subsystem",
						subsystem_of };

static void write_tally(struct page *p, const struct tally_kind *kind)
{
	struct tally t = { 0 };
	int i;

	count_keys(p, &t, kind);
	putf(p,
	     "<div class=\"scroll\"><table id=\"%s\">\n<thead><tr><th>%s</th>",
	     kind->id, kind->class);
	for (i = 0; i < p->nr_versions; i++) {
		put(p, "<th>");
		text(p, p->names[i]);
		put(p, "</th>");
	}
	put(p, "<th>any version</th></tr></thead>\n<tbody>\n");
	for (i = 0; i < t.keys.nr; i++)
		write_tally_row(p, &t, &t.rows[i], kind->class);
	put(p, "</tbody></table></div>\n");
	strlist_release(&t.keys);
	free(t.counts);
	free(t.rows);
}

/* One box per version, coloured by the finding's status there. */
static void write_timeline(struct page *p, const struct item *it)
{
	int v;

	put(p, "<td class=\"tl\">");
	for (v = 0; v < p->nr_versions; v++) {
		enum status st = it->status[v];

		if (st == ST_ABSENT && it->present[v])
			st = ST_PERSISTING; /* present, yet no status said */
		putf(p, "<span class=\"st-%s\" title=\"", status_names[st]);
		text(p, p->names[v]);
		putf(p, ": %s\"></span>", status_names[st]);
	}
	put(p, "</td>");
}

static void write_outcome(struct page *p, const struct item *it)
{
	if (it->fixed_in >= 0) {
		put(p, "<td class=\"fixed\">fixed in ");
		text(p, p->names[it->fixed_in]);
	} else if (it->last == p->nr_versions - 1) {
		put(p, "<td>still present");
	} else {
		put(p, "<td>not analysed after ");
		text(p, it->last >= 0 ? p->names[it->last] : "any version");
	}
	put(p, "</td>");
}

static void write_lifetime_row(struct page *p, const struct item *it)
{
	const char *first = it->first >= 0 ? p->names[it->first] : "";
	const char *last = it->last >= 0 ? p->names[it->last] : "";

	put(p, "<tr class=\"lifetime\" data-id=\"");
	text(p, it->id);
	put(p, "\" data-first=\"");
	text(p, first);
	put(p, "\" data-last=\"");
	text(p, last);
	putf(p, "\" data-present=\"%d\" data-fixed-in=\"", it->nr_present);
	text(p, it->fixed_in >= 0 ? p->names[it->fixed_in] : "");
	putf(p, "\"><td><a href=\"#%s\">", it->anchor);
	text(p, shown_file(p, it));
	put(p, "</a><br><code>");
	text(p, it->function);
	put(p, "</code></td><td>");
	text(p, it->rule);
	put(p, "</td><td>");
	text(p, first);
	put(p, "</td><td>");
	text(p, last);
	putf(p, "</td><td class=\"n\">%d of %d</td>", it->nr_present,
	     it->first >= 0 ? it->last - it->first + 1 : 0);
	write_outcome(p, it);
	write_timeline(p, it);
	put(p, "</tr>\n");
}

/* Herodotos' birth, death and lifespan of each finding. */
static void write_lifetimes(struct page *p)
{
	int i;

	put(p, "<h2 id=\"lifetime\">Lifetimes</h2>\n<div class=\"scroll\">"
	       "<table id=\"lifetimes\">\n<thead><tr><th>finding</th>"
	       "<th>rule</th><th>first</th><th>last</th>"
	       "<th>versions present</th><th>outcome</th><th>timeline</th>"
	       "</tr></thead>\n<tbody>\n");
	for (i = 0; i < p->nr_items; i++)
		write_lifetime_row(p, &p->items[i]);
	put(p, "</tbody></table></div>\n<p class=\"key\">timeline, a box a"
	       " version:");
	for (i = ST_NEW; i < (int)ARRAY_SIZE(status_names); i++)
		putf(p,
		     " <span><span class=\"tl\"><span class=\"st-%s\">"
		     "</span></span> %s</span>",
		     status_names[i], status_names[i]);
	putf(p,
	     " <span><span class=\"tl\"><span class=\"st-%s\"></span>"
	     "</span> %s</span></p>\n",
	     status_names[ST_ABSENT], status_names[ST_ABSENT]);
}

static void write_verdict(struct page *p, const struct item *it)
{
	if (!it->verdict) {
		put(p, "<p class=\"verdict\"><span class=\"no-verdict\">"
		       "no verdict</span></p>\n");
		return;
	}
	put(p, "<p class=\"verdict\">Verdict: <b>");
	text(p, it->verdict);
	put(p, "</b>");
	if (*it->why) {
		put(p, ": ");
		text(p, it->why);
	}
	put(p, "</p>\n");
}

/*
 * The commit that brought it or fixed it (batch --git), when known:
 * p.introduced-by or p.fixed-by [data-commit], the ready Fixes: line of
 * the one that brought it in code.fixes.
 */
static void write_commit(struct page *p, const struct item *it, int fixed)
{
	const json_t *c =
		json_object_get(it->json, fixed ? "fixed_by" : "introduced_by");
	const char *commit = str_of(c, "commit");
	char *abbrev;

	if (!*commit)
		return;
	abbrev = xstrndup(commit, 12);
	putf(p, "<p class=\"%s\" data-commit=\"",
	     fixed ? "fixed-by" : "introduced-by");
	text(p, commit);
	putf(p, "\">%s <code>", fixed ? "Fixed by" : "Introduced by");
	text(p, abbrev);
	put(p, "</code> &ldquo;");
	text(p, str_of(c, "subject"));
	put(p, "&rdquo;");
	if (!fixed) {
		put(p, "<br><code class=\"fixes\">");
		text(p, str_of(c, "fixes"));
		put(p, "</code>");
	}
	put(p, "</p>\n");
	free(abbrev);
}

static void write_step(struct page *p, const json_t *step, const char **file)
{
	const char *f = str_of(step, "file");

	if (strcmp(f, *file)) {
		put(p, "<span class=\"file\">");
		text(p, f);
		put(p, "</span>\n");
		*file = f;
	}
	putf(p, "<span class=\"ln\">%5d</span>: ", int_of(step, "line"));
	text(p, str_of(step, "text"));
	put(p, "\n       <span class=\"note\">^ ");
	text(p, str_of(step, "note"));
	put(p, "</span>\n");
}

/* The trace on the source lines, version by version in version order. */
static void write_trace(struct page *p, const struct item *it)
{
	const json_t *trace = json_object_get(it->json, "trace"), *step;
	const char *file;
	size_t i;
	int v, shown = 0;

	for (v = 0; v < p->nr_versions; v++) {
		const json_t *steps = json_object_get(trace, p->names[v]);

		if (!json_is_array(steps))
			continue;
		put(p, "<h4>");
		text(p, p->names[v]);
		put(p, "</h4>\n<pre class=\"trace\" data-version=\"");
		text(p, p->names[v]);
		put(p, "\">");
		file = "";
		json_array_foreach(steps, i, step)
			write_step(p, step, &file);
		put(p, "</pre>\n");
		shown++;
	}
	if (!shown)
		put(p, "<p class=\"meta\">no trace in the report</p>\n");
}

static void write_finding(struct page *p, const struct item *it)
{
	putf(p, "<section class=\"finding%s\" id=\"%s\" data-rule=\"",
	     it->verdict ? "" : " unjudged", it->anchor);
	text(p, it->rule);
	put(p, "\">\n<h3><span class=\"rule\">");
	text(p, it->rule);
	put(p, "</span> in <code>");
	text(p, it->function);
	put(p, "</code>, ");
	text(p, shown_file(p, it));
	put(p, "</h3>\n<p class=\"message\">");
	text(p, it->message);
	put(p, "</p>\n<p class=\"meta\">");
	put(p, it->by_checker && it->by_cocci ? "both engines" :
	       it->by_checker		      ? "the checker only" :
	       it->by_cocci		      ? "the semantic patches only" :
						"no engine named");
	put(p, "; subsystem ");
	text(p, it->subsystem);
	putf(p, "; present in %d version%s; id ", it->nr_present,
	     it->nr_present == 1 ? "" : "s");
	text(p, it->id);
	put(p, "</p>\n");
	write_commit(p, it, 0);
	write_commit(p, it, 1);
	write_verdict(p, it);
	write_trace(p, it);
	put(p, "</section>\n");
}

static void write_body(struct page *p)
{
	int i;

	write_summary(p);
	write_trend(p);
	write_versions(p);
	write_agreement(p);
	put(p, "<h2 id=\"per-directory\">Findings per directory</h2>\n");
	write_tally(p, &by_directory);
	put(p, "<h2 id=\"per-subsystem\">Findings per subsystem</h2>\n");
	write_tally(p, &by_subsystem);
	write_lifetimes(p);
	put(p, "<h2 id=\"findings\">Findings</h2>\n");
	for (i = 0; i < p->nr_items; i++)
		write_finding(p, &p->items[i]);
	put(p, "</main>\n</body>\n</html>\n");
}

int write_html_report(FILE *out, const json_t *report, const char *title)
{
	struct page p = { 0 };
	int ret = 0;

	p.out = out;
	p.title = title ? title : "mmucheck: findings across versions";
	if (read_report(&p, report)) {
		release_page(&p);
		return -1;
	}
	write_head(&p);
	write_body(&p);
	if (fflush(out) || ferror(out))
		ret = error("cannot write the HTML report: %s",
			    strerror(errno));
	release_page(&p);
	return ret;
}
