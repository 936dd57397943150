// SPDX-License-Identifier: GPL-2.0
#define _GNU_SOURCE /* mkdtemp */
/*
 * mmucheck batch (see batch.h).
 */
#include <errno.h>
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <jansson.h>

#include "batch.h"
#include "batch_git.h"
#include "cocci.h"
#include "input/inputs.h"
#include "lib/diag.h"
#include "lib/util.h"
#include "model/model.h"
#include "output.h"
#include "record.h"
#include "report/html.h"
#include "report/match.h"
#include "rules/rules.h"

/* A MAINTAINERS section: its title, its F: and X: patterns. */
struct section {
	char *title;
	struct strlist files, excluded;
};

struct version {
	char *name, *src, *build;
	struct section *sections; /* the tree's own MAINTAINERS */
	int nr_sections, alloc_sections;
	struct scan_result res;
	struct findings found; /* both engines, one finding a place */
	/*
	 * the semantic patches' alone, as they gave them, when they ran in
	 * this process (cocci_ran): for the next tree
	 */
	struct findings cocci;
	int cocci_ran;
	int *entry; /* per finding: its entry */
	int scanned;
	json_t *record; /* what the matching reads of it (record.h) */
};

/* One finding through the versions. */
struct entry {
	int *at; /* per version: the finding's index there, or -1 */
	int first, last;
	int engines; /* 1 checker, 2 cocci */
	const char *verdict, *why;
	const struct culprit **by; /* per version: its status's commit (--git) */
};

struct verdict {
	char fingerprint[17];
	char *verdict, *why;
};

struct batch {
	const struct batch_options *o;
	struct version *versions;
	int nr;
	struct entry *entries;
	int nr_entries, alloc_entries;
	struct verdict *verdicts;
	int nr_verdicts, alloc_verdicts;
	char *scratch;
	struct batch_git *git; /* --git */
};

/* --- the versions ------------------------------------------------------ */

/* With --git: the revision as batch_git.h wrote it. */
static void git_spec(struct batch *b, int k, struct version *v)
{
	const char *name, *src, *build;

	batch_git_version(b->git, k, &name, &src, &build);
	memset(v, 0, sizeof(*v));
	v->name = xstrdup(name);
	v->src = xstrdup(src);
	v->build = xstrdup(build);
}

static int parse_spec(const char *spec, struct version *v)
{
	const char *eq = strchr(spec, '='), *colon;

	memset(v, 0, sizeof(*v));
	if (!eq || eq == spec || !eq[1])
		return error("batch: '%s' is not NAME=SRC[:BUILD]", spec);
	v->name = xstrndup(spec, (size_t)(eq - spec));
	if (strchr(v->name, '/'))
		return error("batch: the name '%s' has a '/'", v->name);
	colon = strchr(eq + 1, ':');
	v->src = colon ? xstrndup(eq + 1, (size_t)(colon - eq - 1)) :
			 xstrdup(eq + 1);
	v->build = xstrdup(colon && colon[1] ? colon + 1 : v->src);
	return 0;
}

/* A checker finding at the same place and rule: one both engines see. */
static struct finding *place_twin(struct findings *list,
				  const struct finding *c)
{
	int i;

	for (i = 0; i < list->nr; i++) {
		struct finding *f = &list->items[i];

		if (!strcmp(f->rule, c->rule) && !strcmp(f->file, c->file) &&
		    f->line == c->line)
			return f;
	}
	return NULL;
}

static void move_finding(struct findings *to, struct finding *f)
{
	ALLOC_GROW(to->items, to->nr, to->alloc);
	to->items[to->nr++] = *f;
	memset(f, 0, sizeof(*f));
}

static void read_maintainers(struct version *v);

/*
 * The semantic patches over the tree, as make coccicheck runs them; for a
 * tree after one of this run, over the .c files whose text changed
 * (cocci.h).
 */
static int cocci_version(struct batch *b, struct version *v)
{
	const struct version *prev = v > b->versions ? v - 1 : NULL;
	struct findings cocci = { 0 };
	int i, ret;

	if (prev && prev->cocci_ran && !access(prev->src, F_OK))
		ret = cocci_tree_since(v->src, v->build, prev->src,
				       &prev->cocci, b->scratch, &cocci);
	else
		ret = cocci_tree(v->src, v->build, &cocci);
	for (i = 0; i < cocci.nr; i++)
		cocci_copy_finding(&v->cocci, &cocci.items[i]);
	v->cocci_ran = !ret;
	finish_findings(&cocci, &(struct finish_options){
					.min = b->o->scan.min_confidence,
					.root = v->src,
					.keep_rule = rule_enabled });
	for (i = 0; i < cocci.nr; i++) {
		struct finding *twin = place_twin(&v->found, &cocci.items[i]);

		if (twin)
			twin->by_cocci = 2; /* both */
		else
			move_finding(&v->found, &cocci.items[i]);
	}
	release_findings(&cocci);
	return ret;
}

static int scan_version(struct batch *b, struct version *v)
{
	struct scan_options so = b->o->scan;
	int i;

	so.kdir = v->src;
	so.kbuild = v->build;
	so.progress = 0;
	fprintf(stderr, "  BATCH   %s (%s)\n", v->name, v->src);
	read_maintainers(v);
	if (scan_tree(&so, 0, NULL, NULL, &v->res))
		return error("batch: %s: the scan did not run", v->name);
	fprintf(stderr,
		"  BATCH   %s: %d files analysed (%d from cache), %d failed; %.1f s\n",
		v->name, v->res.analysed, v->res.from_cache, v->res.failed.nr,
		v->res.seconds);
	for (i = 0; i < v->res.found.nr; i++)
		move_finding(&v->found, &v->res.found.items[i]);
	v->res.found.nr = 0;
	if (!b->o->no_cocci && cocci_version(b, v))
		return error("batch: %s: the semantic patches did not run",
			     v->name);
	sort_findings(&v->found);
	v->scanned = 1;
	return 0;
}

/* --- following findings from one version to the next --------------------- */

/* The hunks of diff -U0 OLD NEW into f; 0, or -1 when none were read. */
static int diff_hunks(const char *old, const char *new, const char *rel,
		      struct file_map *f)
{
	struct line_map one;
	size_t size = 0;
	/* diff exits 1 when the files differ */
	char *text = run_output((const char *const[]){ "diff", "-U0", "--", old,
						       new, NULL },
				1, &size);
	int ret = -1;

	if (text && !size)
		ret = 0; /* the same text */
	if (size && !parse_unified_diff(text, size, rel, &one)) {
		if (one.nr) {
			f->hunks = one.files[0].hunks;
			f->nr = one.files[0].nr;
			f->alloc = one.files[0].alloc;
			one.files[0].hunks = NULL;
		}
		release_line_map(&one);
		ret = 0;
	}
	free(text);
	return ret;
}

static unsigned long count_lines(const char *path)
{
	size_t size = 0, i;
	char *text = read_file(path, &size);
	unsigned long n = 0;

	for (i = 0; text && i < size; i++)
		n += text[i] == '\n';
	free(text);
	return n;
}

/*
 * The file of b that a's rel became when b has no rel: of the files of
 * b's findings that a does not have, the one most like rel, with at
 * least half of rel's lines kept (git's -M default), its hunks in f.
 */
static char *renamed_to(const struct version *a, const struct version *b,
			const char *rel, struct file_map *f)
{
	char *old = fmt_str("%s/%s", a->src, rel), *best = NULL;
	unsigned long lines = count_lines(old), kept, best_kept = 0;
	struct strlist seen = { NULL, 0, 0 };
	int i, j;

	for (i = 0; i < b->found.nr && lines; i++) {
		const char *cand = b->found.items[i].file;
		char *there = fmt_str("%s/%s", a->src, cand),
		     *new = fmt_str("%s/%s", b->src, cand);
		struct file_map one = { 0 };

		if (!strlist_has(&seen, cand) && access(there, F_OK) &&
		    !diff_hunks(old, new, cand, &one)) {
			for (kept = lines, j = 0; j < one.nr; j++)
				kept -= one.hunks[j].old_count < kept ?
						one.hunks[j].old_count :
						kept;
			if (2 * kept >= lines && kept > best_kept) {
				best_kept = kept;
				free(best);
				best = xstrdup(cand);
				free(f->hunks);
				f->hunks = one.hunks;
				f->nr = one.nr;
				f->alloc = one.alloc;
				one.hunks = NULL;
			}
		}
		free(one.hunks);
		if (!strlist_has(&seen, cand))
			strlist_add(&seen, cand);
		free(there);
		free(new);
	}
	strlist_release(&seen);
	free(old);
	return best;
}

/*
 * The diff of one file between two trees, as a line map section; a file
 * b does not have is followed to the one it was renamed to.
 */
static void map_file(struct line_map *map, const struct version *a,
		     const struct version *b, const char *rel)
{
	char *old = fmt_str("%s/%s", a->src, rel),
	     *new = fmt_str("%s/%s", b->src, rel);
	struct file_map *f;

	ALLOC_GROW(map->files, map->nr, map->alloc);
	f = &map->files[map->nr++];
	memset(f, 0, sizeof(*f));
	f->from = xstrdup(rel);
	/* a tree not here: the fingerprint alone */
	if (access(old, F_OK) || access(b->src, F_OK))
		f->to = NULL;
	else if (access(new, F_OK))
		f->to = renamed_to(a, b, rel, f);
	else if (!diff_hunks(old, new, rel, f))
		f->to = xstrdup(rel);
	free(old);
	free(new);
}

static void map_versions(const struct version *a, const struct version *b,
			 struct line_map *map)
{
	struct strlist files = { NULL, 0, 0 };
	int i;

	memset(map, 0, sizeof(*map));
	for (i = 0; i < 2; i++)
		if (access(i ? b->src : a->src, F_OK))
			warning("batch: the tree of %s (%s) is not here: its findings are matched by fingerprint alone",
				i ? b->name : a->name, i ? b->src : a->src);
	for (i = 0; i < a->found.nr; i++)
		if (!strlist_has(&files, a->found.items[i].file))
			strlist_add(&files, a->found.items[i].file);
	for (i = 0; i < files.nr; i++)
		map_file(map, a, b, files.items[i]);
	strlist_release(&files);
}

/* No fingerprint in common: the same rule and function on the mapped line. */
static void match_places(const struct version *a, const struct version *b,
			 const struct line_map *map, int *matched)
{
	int i, j, taken;

	for (i = 0; i < a->found.nr; i++) {
		const struct finding *f = &a->found.items[i];
		unsigned int line;
		const char *file;

		if (matched[i] >= 0)
			continue;
		file = map_line(map, f->file, f->line, &line);
		for (j = 0; file && j < b->found.nr; j++) {
			const struct finding *g = &b->found.items[j];
			int k;

			for (taken = 0, k = 0; k < a->found.nr; k++)
				taken |= matched[k] == j;
			if (!taken && !strcmp(g->rule, f->rule) &&
			    !strcmp(g->function, f->function) &&
			    !strcmp(g->file, file) && g->line == line) {
				matched[i] = j;
				break;
			}
		}
	}
}

static int new_entry(struct batch *b, int version, int index)
{
	struct entry *e;
	int k;

	ALLOC_GROW(b->entries, b->nr_entries, b->alloc_entries);
	e = &b->entries[b->nr_entries];
	memset(e, 0, sizeof(*e));
	e->at = xcalloc(b->nr + 1, sizeof(int));
	e->by = xcalloc(b->nr + 1, sizeof(*e->by));
	for (k = 0; k < b->nr; k++)
		e->at[k] = -1;
	e->first = e->last = version;
	e->at[version] = index;
	return b->nr_entries++;
}

static void follow(struct batch *b)
{
	int k, i, j;

	for (k = 0; k < b->nr; k++) {
		struct version *v = &b->versions[k];

		v->entry = xcalloc(v->found.nr + 1, sizeof(int));
		for (j = 0; j < v->found.nr; j++)
			v->entry[j] = -1;
		if (k) {
			struct version *p = &b->versions[k - 1];
			int *matched = xcalloc(p->found.nr + 1, sizeof(int));
			struct line_map map;

			map_versions(p, v, &map);
			match_findings(&p->found, &v->found, &map, matched);
			match_places(p, v, &map, matched);
			for (i = 0; i < p->found.nr; i++)
				if (matched[i] >= 0)
					v->entry[matched[i]] = p->entry[i];
			release_line_map(&map);
			free(matched);
		}
		for (j = 0; j < v->found.nr; j++) {
			struct entry *e;

			if (v->entry[j] < 0)
				v->entry[j] = new_entry(b, k, j);
			e = &b->entries[v->entry[j]];
			e->at[k] = j;
			e->last = k;
			e->engines |= v->found.items[j].by_cocci == 2 ? 3 :
				      v->found.items[j].by_cocci      ? 2 :
									1;
		}
	}
}

/* Is the finding's file analysed in version k?  Else it is not "fixed". */
static int analysed_in(const struct version *v, const char *file)
{
	return strlist_has(&v->res.analysed_files, file) &&
	       !strlist_has(&v->res.failed, file);
}

static const struct finding *entry_finding(const struct batch *b,
					   const struct entry *e, int k)
{
	return e->at[k] >= 0 ? &b->versions[k].found.items[e->at[k]] : NULL;
}

/*
 * new, fixed, persisting, not-analysed, checker-changed (came or went
 * as the checker did: its records' made_by or cocci_by differ), or NULL
 * (in neither).
 */
static const char *pair_status(const struct batch *b, const struct entry *e,
			       int k)
{
	const struct finding *was = entry_finding(b, e, k - 1),
			     *now = entry_finding(b, e, k);

	if (was && now)
		return "persisting";
	if (!was && !now)
		return NULL;
	if (!now && !analysed_in(&b->versions[k], was->file))
		return "not-analysed";
	if (record_checker_changed(b->versions[k - 1].record,
				   b->versions[k].record, now ? now : was))
		return "checker-changed";
	return now ? "new" : "fixed";
}

/* --git: the commit of each new and each fixed status. */
static void find_culprits(struct batch *b)
{
	int e, k;

	for (e = 0; b->git && e < b->nr_entries; e++)
		for (k = 1; k < b->nr; k++) {
			struct entry *en = &b->entries[e];
			const char *st = pair_status(b, en, k);
			int fixed = st && !strcmp(st, "fixed");

			if (fixed || (st && !strcmp(st, "new")))
				en->by[k] = batch_git_culprit(
					b->git, &b->o->scan, k - 1, k,
					entry_finding(b, en, fixed ? k - 1 : k),
					fixed);
		}
}

/* --- MAINTAINERS ------------------------------------------------------- */

/* The sections of the tree's MAINTAINERS: a title line, then tag lines. */
static void read_maintainers(struct version *v)
{
	char *path = fmt_str("%s/MAINTAINERS", v->src), *line = NULL;
	struct section *cur = NULL;
	FILE *f = fopen(path, "r");
	size_t cap = 0;

	while (f && getline(&line, &cap, f) > 0) {
		line[strcspn(line, "\n")] = '\0';
		if (line[0] >= 'A' && line[0] <= 'Z' && line[1] == ':' &&
		    line[2] == '\t') {
			if (cur && line[0] == 'F')
				strlist_add(&cur->files, line + 3);
			else if (cur && line[0] == 'X')
				strlist_add(&cur->excluded, line + 3);
		} else if (line[0] && line[0] != '\t' && line[0] != ' ') {
			ALLOC_GROW(v->sections, v->nr_sections,
				   v->alloc_sections);
			cur = &v->sections[v->nr_sections++];
			memset(cur, 0, sizeof(*cur));
			cur->title = xstrdup(line);
		}
	}
	free(line);
	if (f)
		fclose(f);
	free(path);
}

/*
 * get_maintainer.pl's reading of a pattern: "dir/" is everything under
 * it, a name with wildcards a glob that does not cross '/', a plain name
 * that file or everything under it.  The score is its length: the most
 * specific pattern wins.
 */
static int pattern_score(const char *pattern, const char *file)
{
	size_t n = strlen(pattern);

	if (!n)
		return -1;
	if (pattern[n - 1] == '/')
		return strncmp(file, pattern, n) ? -1 : (int)n;
	if (strpbrk(pattern, "*?["))
		return fnmatch(pattern, file, FNM_PATHNAME) ? -1 : (int)n;
	if (!strcmp(file, pattern) ||
	    (!strncmp(file, pattern, n) && file[n] == '/'))
		return (int)n;
	return -1;
}

static int best_score(const struct strlist *patterns, const char *file)
{
	int i, best = -1, score;

	for (i = 0; i < patterns->nr; i++) {
		score = pattern_score(patterns->items[i], file);
		if (score > best)
			best = score;
	}
	return best;
}

/* The section of the most specific F: pattern naming file, or NULL. */
static const char *subsystem_of(const struct version *v, const char *file)
{
	const char *best = NULL;
	int i, score, best_at = -1;

	for (i = 0; i < v->nr_sections; i++) {
		const struct section *s = &v->sections[i];

		score = best_score(&s->files, file);
		/* THE REST (its F: patterns match all) is no subsystem */
		if (score > best_at && best_score(&s->excluded, file) < 0 &&
		    strcmp(s->title, "THE REST")) {
			best = s->title;
			best_at = score;
		}
	}
	return best;
}

/* --- verdicts ---------------------------------------------------------- */

/*
 * "FINGERPRINT VERDICT WHY..." a line, VERDICT one of bug, false-alarm,
 * debatable; "#" starts a comment line.
 */
static int read_verdicts(struct batch *b, const char *path)
{
	static const char *const kinds[] = { "bug", "false-alarm",
					     "debatable" };
	FILE *f = fopen(path, "r");
	char *line = NULL, fp[64], kind[32];
	size_t cap = 0, k;
	int nr = 0, pos;

	if (!f)
		return error("%s: %s", path, strerror(errno));
	while (getline(&line, &cap, f) > 0) {
		struct verdict *v;

		nr++;
		line[strcspn(line, "\n")] = '\0';
		if (!line[strspn(line, " \t")] ||
		    line[strspn(line, " \t")] == '#')
			continue;
		if (sscanf(line, "%63s %31s %n", fp, kind, &pos) < 2 ||
		    strlen(fp) != 16)
			goto bad;
		for (k = 0; k < ARRAY_SIZE(kinds) && strcmp(kind, kinds[k]);
		     k++)
			;
		if (k == ARRAY_SIZE(kinds))
			goto bad;
		ALLOC_GROW(b->verdicts, b->nr_verdicts, b->alloc_verdicts);
		v = &b->verdicts[b->nr_verdicts++];
		memcpy(v->fingerprint, fp, 17);
		v->verdict = xstrdup(kinds[k]);
		v->why = xstrdup(line + pos);
	}
	free(line);
	fclose(f);
	return 0;
bad:
	error("%s:%d: not 'FINGERPRINT bug|false-alarm|debatable WHY'", path,
	      nr);
	free(line);
	fclose(f);
	return -1;
}

/* A verdict given for the finding in any version it is in. */
static void apply_verdicts(struct batch *b)
{
	int e, k, i;

	for (e = 0; e < b->nr_entries; e++)
		for (k = 0; k < b->nr; k++) {
			const struct finding *f =
				entry_finding(b, &b->entries[e], k);

			for (i = 0; f && i < b->nr_verdicts; i++)
				if (!strcmp(b->verdicts[i].fingerprint,
					    f->fingerprint)) {
					b->entries[e].verdict =
						b->verdicts[i].verdict;
					b->entries[e].why = b->verdicts[i].why;
				}
		}
}

/* --- outputs ----------------------------------------------------------- */

static json_t *counts_json(const struct version *v, int cocci)
{
	json_t *j = json_object();
	int r, i, n;

	for (r = 0; r < NR_RULES; r++) {
		for (n = 0, i = 0; i < v->found.nr; i++) {
			const struct finding *f = &v->found.items[i];
			int mine = cocci ? f->by_cocci != 0 : f->by_cocci != 1;

			n += mine && !strcmp(f->rule, rule_id(r));
		}
		json_object_set_new(j, rule_id(r), json_integer(n));
	}
	return j;
}

/*
 * The status at a version, of the change from the version before it;
 * versions in a row with one status are one range (report/html.h).
 */
static void add_status(json_t *status, const char *version, const char *st)
{
	size_t n = json_array_size(status);
	json_t *last = n ? json_array_get(status, n - 1) : NULL;

	if (last &&
	    !strcmp(json_string_value(json_object_get(last, "status")), st))
		json_object_set_new(last, "to", json_string(version));
	else
		json_array_append_new(status, json_pack("{s:s,s:s,s:s}", "from",
							version, "to", version,
							"status", st));
}

/* "introduced_by" and "fixed_by": the first commit of each, or null. */
static void add_culprits(const struct batch *b, const struct entry *e,
			 json_t *j)
{
	const struct culprit *in = NULL, *out = NULL;
	int k;

	for (k = 1; k < b->nr; k++) {
		const char *st = pair_status(b, e, k);

		if (st && !strcmp(st, "new") && !in)
			in = e->by[k];
		if (st && !strcmp(st, "fixed") && !out)
			out = e->by[k];
	}
	json_object_set_new(j, "introduced_by", culprit_json(in));
	json_object_set_new(j, "fixed_by", culprit_json(out));
}

static json_t *entry_json(const struct batch *b, const struct entry *e)
{
	const struct finding *first = entry_finding(b, e, e->first);
	json_t *present = json_object(), *trace = json_object();
	json_t *status = json_array(), *engines = json_array(), *j;
	const char *subsystem;
	int k;

	for (k = 0; k < b->nr; k++) {
		const struct finding *f = entry_finding(b, e, k);
		const char *st = k ? pair_status(b, e, k) : NULL;

		if (f) {
			json_object_set_new(present, b->versions[k].name,
					    json_pack("{s:s,s:i}", "file",
						      f->file, "line",
						      (json_int_t)f->line));
			json_object_set_new(trace, b->versions[k].name,
					    record_trace(b->versions[k].record,
							 e->at[k]));
		}
		if (st)
			add_status(status, b->versions[k].name, st);
	}
	if (e->engines & 1)
		json_array_append_new(engines, json_string("checker"));
	if (e->engines & 2)
		json_array_append_new(engines, json_string("cocci"));
	subsystem =
		record_subsystem(b->versions[e->first].record, e->at[e->first]);
	j = json_pack("{s:s,s:s,s:o,s:s,s:s,s:s,s:s,s:s,s:o,s:o,s:o,s:o}", "id",
		      first->fingerprint, "rule", first->rule, "engines",
		      engines, "file", first->file, "function", first->function,
		      "message", first->message, "first",
		      b->versions[e->first].name, "last",
		      b->versions[e->last].name, "present", present, "status",
		      status, "trace", trace, "subsystem",
		      subsystem ? json_string(subsystem) : json_null());
	add_culprits(b, e, j);
	json_object_set_new(j, "verdict",
			    e->verdict ? json_pack("{s:s,s:s}", "verdict",
						   e->verdict, "why", e->why) :
					 json_null());
	return j;
}

static json_t *report_json(const struct batch *b)
{
	json_t *versions = json_array(), *findings = json_array(), *doc;
	char *tool = fmt_str("mmucheck 1.0.0+%s", model_id());
	int k, e;

	for (k = 0; k < b->nr; k++) {
		const struct version *v = &b->versions[k];

		json_array_append_new(
			versions,
			json_pack("{s:s,s:s,s:i,s:i,s:{s:o,s:o}}", "name",
				  v->name, "tree", v->src, "analysed",
				  (json_int_t)v->res.analysed, "failed",
				  (json_int_t)v->res.failed.nr, "findings",
				  "checker", counts_json(v, 0), "cocci",
				  counts_json(v, 1)));
		json_object_set(json_array_get(versions, (size_t)k), "made_by",
				json_object_get(v->record, "made_by"));
	}
	for (e = 0; e < b->nr_entries; e++)
		json_array_append_new(findings, entry_json(b, &b->entries[e]));
	doc = json_pack("{s:s,s:o,s:o}", "tool", tool, "versions", versions,
			"findings", findings);
	free(tool);
	return doc;
}

/* Version k's SARIF: new or unchanged against k - 1, its fixed absent. */
static int write_sarif(const struct batch *b, int k)
{
	const struct version *v = &b->versions[k];
	struct findings all = { 0 };
	char *path = fmt_str("%s/%s.sarif", b->o->out_dir, v->name);
	struct replacement out;
	char *command;
	int e, ret = 0;

	for (e = 0; e < b->nr_entries; e++) {
		const struct entry *en = &b->entries[e];
		const struct finding *f = entry_finding(b, en, k);
		const char *st = k ? pair_status(b, en, k) : "new";

		if (!f && (!st || (strcmp(st, "fixed") &&
				   strcmp(st, "checker-changed"))))
			continue;
		ALLOC_GROW(all.items, all.nr, all.alloc);
		all.items[all.nr] = f ? *f : *entry_finding(b, en, k - 1);
		all.items[all.nr].batch_status =
			!strcmp(st, "checker-changed") ? st : NULL;
		all.items[all.nr++].baseline = !f ? BASELINE_ABSENT :
					       !strcmp(st, "persisting") ?
						    BASELINE_UNCHANGED :
						    BASELINE_NEW;
	}
	command = fmt_str("batch/%s", v->name);
	if (replace_begin(&out, path))
		print_findings(out.file, &all, OUTPUT_SARIF, v->src, command);
	if (!out.file || replace_commit(&out))
		ret = error("cannot write %s: %s", path, strerror(errno));
	free(all.items); /* the findings are the versions' */
	free(command);
	free(path);
	return ret;
}

/* The matrix: versions down, rules and engines across, +new -fixed. */
static void print_matrix(const struct batch *b)
{
	static const char *const engine[] = { "checker", "cocci" };
	int k, r, c, e, plus, minus, changed;

	printf("%-22s", "version");
	for (c = 0; c < 2; c++)
		for (r = 0; r < NR_RULES; r++)
			printf(" %s:%-.12s", engine[c], rule_id(r));
	printf("  +new -fixed ~checker-changed\n");
	for (k = 0; k < b->nr; k++) {
		const struct version *v = &b->versions[k];

		printf("%-22s", v->name);
		for (c = 0; c < 2; c++) {
			json_t *counts = counts_json(v, c);

			for (r = 0; r < NR_RULES; r++)
				printf(" %*lld", (int)strlen(engine[c]) + 13,
				       (long long)json_integer_value(
					       json_object_get(counts,
							       rule_id(r))));
			json_decref(counts);
		}
		plus = minus = changed = 0;
		for (e = 0; k && e < b->nr_entries; e++) {
			const char *st = pair_status(b, &b->entries[e], k);

			plus += st && !strcmp(st, "new");
			minus += st && !strcmp(st, "fixed");
			changed += st && !strcmp(st, "checker-changed");
		}
		printf("  +%d -%d ~%d\n", plus, minus, changed);
	}
}

/* --git: each new finding with its Fixes: line, each fixed with its fix. */
static void print_culprits(const struct batch *b)
{
	int k, e;

	for (k = 1; k < b->nr; k++)
		for (e = 0; e < b->nr_entries; e++) {
			const struct entry *en = &b->entries[e];
			const char *st = pair_status(b, en, k);
			int fixed = st && !strcmp(st, "fixed");

			if (en->by[k])
				print_culprit(stdout, b->versions[k].name,
					      entry_finding(b, en,
							    fixed ? k - 1 : k),
					      en->by[k], fixed);
		}
}

/* --- the command ------------------------------------------------------- */

static void release_version(struct version *v);

static void release_batch(struct batch *b)
{
	int k;

	for (k = 0; k < b->nr; k++)
		release_version(&b->versions[k]);
	for (k = 0; k < b->nr_entries; k++) {
		free(b->entries[k].at);
		free(b->entries[k].by);
	}
	for (k = 0; k < b->nr_verdicts; k++) {
		free(b->verdicts[k].verdict);
		free(b->verdicts[k].why);
	}
	free(b->verdicts);
	free(b->entries);
	free(b->versions);
	batch_git_close(b->git);
	if (b->scratch)
		remove_tree(b->scratch);
	free(b->scratch);
}

/* index.html, written whole or not at all */
static int write_html(const struct batch *b, const json_t *doc)
{
	char *path = fmt_str("%s/index.html", b->o->out_dir);
	struct replacement out;
	int ret = 0;

	if (!replace_begin(&out, path) ||
	    write_html_report(
		    out.file, doc,
		    "mmucheck: the MMU-notifier contract across kernel versions")) {
		ret = error("cannot write %s: %s", path, strerror(errno));
		replace_abort(&out);
	} else if (replace_commit(&out)) {
		ret = error("cannot write %s: %s", path, strerror(errno));
	}
	free(path);
	return ret;
}

static int outputs(struct batch *b)
{
	char *path = fmt_str("%s/report.json", b->o->out_dir);
	json_t *doc = report_json(b);
	int k, ret = write_json_whole(path, doc);

	if (!ret)
		ret = write_html(b, doc);

	for (k = 0; !ret && k < b->nr; k++)
		ret = write_sarif(b, k);
	if (!ret) {
		print_matrix(b);
		print_culprits(b);
	}
	json_decref(doc);
	free(path);
	return ret;
}

/* --- records ----------------------------------------------------------- */

static const char *subsystem_cb(const void *ctx, const char *file)
{
	return subsystem_of(ctx, file);
}

/* The scan of v, kept as its record at path (record.h). */
static int scan_to_record(struct batch *b, struct version *v, const char *path)
{
	struct record_source rs = {
		.name = v->name,
		.tree = v->src,
		.build = v->build,
		.res = &v->res,
		.found = &v->found,
		.min_confidence = b->o->scan.min_confidence,
		.no_cocci = b->o->no_cocci,
		.subsystem = subsystem_cb,
		.ctx = v,
	};

	if (scan_version(b, v))
		return -1;
	return write_record(path, &rs);
}

static void release_version(struct version *v)
{
	free(v->name);
	free(v->src);
	free(v->build);
	release_scan_result(&v->res);
	release_findings(&v->found);
	release_findings(&v->cocci);
	free(v->entry);
	for (int i = 0; i < v->nr_sections; i++) {
		free(v->sections[i].title);
		strlist_release(&v->sections[i].files);
		strlist_release(&v->sections[i].excluded);
	}
	free(v->sections);
	json_decref(v->record);
	memset(v, 0, sizeof(*v));
}

/* v as its record has it: all the matching and the outputs read. */
static int load_version(struct version *v, const char *path)
{
	json_t *rec = read_record(path);

	struct findings cocci;
	int cocci_ran;

	if (!rec)
		return -1;
	/* what the semantic patches found stays for the next tree */
	cocci = v->cocci;
	cocci_ran = v->cocci_ran;
	memset(&v->cocci, 0, sizeof(v->cocci));
	release_version(v);
	v->cocci = cocci;
	v->cocci_ran = cocci_ran;
	v->record = rec;
	v->name = xstrdup(record_str(rec, "name"));
	v->src = xstrdup(record_str(rec, "tree"));
	v->build = xstrdup(record_str(rec, "build"));
	v->res.analysed =
		(int)json_integer_value(json_object_get(rec, "analysed"));
	record_files(rec, &v->res.analysed_files, &v->res.failed);
	record_findings(rec, &v->found);
	v->scanned = 1;
	return 0;
}

/* The one-process form: scanned, recorded in DIR/versions/, read back. */
static int record_and_load(struct batch *b, struct version *v)
{
	char *dir = fmt_str("%s/versions", b->o->out_dir);
	char *path = fmt_str("%s/%s.version.json", dir, v->name);
	int ret = mkdir_p(dir) ? -1 : scan_to_record(b, v, path);

	if (!ret)
		ret = load_version(v, path);
	free(path);
	free(dir);
	return ret;
}

/* batch --record: one version's scan into DIR/NAME.version.json. */
static int record_one(struct batch *b, const char *spec)
{
	struct version *v = &b->versions[0];
	char *path;
	int ret;

	if (is_record_path(spec))
		return error(
			"batch --record: '%s' is a record; give NAME=SRC[:BUILD]",
			spec);
	if (b->o->verdicts)
		return error(
			"batch --record: --verdicts is for the matching step");
	if (parse_spec(spec, v) || mkdir_p(b->o->out_dir) ||
	    (!b->o->no_cocci && cocci_available()))
		return -1;
	path = fmt_str("%s/%s.version.json", b->o->out_dir, v->name);
	ret = scan_to_record(b, v, path);
	if (!ret)
		printf("%s\n", path);
	free(path);
	return ret;
}

static int names_unique(const struct batch *b)
{
	for (int k = 0; k < b->nr; k++)
		for (int j = 0; j < k; j++)
			if (!strcmp(b->versions[j].name, b->versions[k].name))
				return error(
					"batch: the name %s is given twice",
					b->versions[k].name);
	return 0;
}

/* NAME=SRC[:BUILD] to scan, or REC.version.json already scanned */
static int read_args(struct batch *b, int nr, const char **args)
{
	int k, ret = 0, scans = 0;

	for (k = 0; k < nr && !ret; k++, b->nr++) {
		if (is_record_path(args[k])) {
			ret = load_version(&b->versions[k], args[k]);
		} else {
			ret = parse_spec(args[k], &b->versions[k]);
			scans++;
		}
	}
	if (!ret)
		ret = names_unique(b);
	if (!ret && scans && !b->o->no_cocci)
		ret = cocci_available();
	return ret;
}

/* --git: each NAME=REV, resolved by batch_git_open(), is a tree to scan */
static int git_specs(struct batch *b, int nr)
{
	for (; b->nr < nr; b->nr++)
		git_spec(b, b->nr, &b->versions[b->nr]);
	if (names_unique(b))
		return -1;
	return b->o->no_cocci ? 0 : cocci_available();
}

int run_batch(const struct batch_options *o, int nr, const char **specs)
{
	struct batch b = { .o = o };
	const char *tmp = getenv("TMPDIR");
	int k, ret = 0;

	if (!o->out_dir)
		return error("batch: give the report folder with -o DIR"), 2;
	if (nr < 1)
		return error("batch: no version given (NAME=SRC[:BUILD] or REC.version.json...)"),
		       2;
	if (o->record && nr != 1)
		return error("batch --record: one version, NAME=SRC[:BUILD], not %d",
			     nr),
		       2;
	b.scratch =
		fmt_str("%s/mmucheck-batch.XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(b.scratch))
		ret = error("cannot make %s: %s", b.scratch, strerror(errno));
	if (!ret && o->git)
		ret = batch_git_open(&b.git, o, b.scratch, nr, specs);
	b.versions = xcalloc(nr, sizeof(*b.versions));
	if (o->record) {
		b.nr = 1;
		if (!ret && o->git)
			ret = error("batch --record: one tree, not --git");
		if (!ret)
			ret = record_one(&b, specs[0]);
		release_batch(&b);
		return ret ? EXIT_FATAL : 0;
	}
	if (!ret)
		ret = o->git ? git_specs(&b, nr) : read_args(&b, nr, specs);
	if (!ret && o->verdicts)
		ret = read_verdicts(&b, o->verdicts);
	if (!ret && mkdir_p(o->out_dir))
		ret = -1;
	if (!ret && o->git)
		ret = batch_git_checkout(b.git);
	for (k = 0; !ret && k < b.nr; k++)
		if (!b.versions[k].record)
			ret = record_and_load(&b, &b.versions[k]);
	if (!ret) {
		follow(&b);
		find_culprits(&b);
		apply_verdicts(&b);
		ret = outputs(&b);
	}
	release_batch(&b);
	return ret ? EXIT_FATAL : 0;
}
