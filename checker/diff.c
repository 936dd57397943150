// SPDX-License-Identifier: GPL-2.0
#define _XOPEN_SOURCE 700 /* mkdtemp */
/*
 * mmucheck diff (see diff.h).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <unistd.h>

#include <jansson.h>

#include "cocci.h"
#include "diff.h"
#include "input/inputs.h"
#include "input/git.h"
#include "lib/diag.h"
#include "lib/util.h"
#include "lib/view.h"
#include "output.h"
#include "report/baseline.h"
#include "report/match.h"
#include "rules/rules.h"

/* One side of the change: a revision, the work tree, or a patch applied. */
struct side {
	char *label; /* "HEAD", "the work tree", "patch 2/3" */
	char *rev; /* a commit or tree object name; NULL: the work tree */
	char *subject; /* the patch that made this side, or NULL */
	struct line_map patch; /* that patch, as a diff */
	struct line_map from_previous; /* the diff from the side before */
	struct scan_result res;
	struct findings cocci; /* the semantic patches on the changed files */
	/* per finding: the side and the finding it first appeared as */
	int *origin_side, *origin_index;
};

struct diff {
	const struct diff_options *o;
	struct scan_options scan;
	struct git git;
	char *scratch;
	struct side *sides;
	int nr_sides, alloc_sides;
	struct strlist also; /* the files the change touches */
	struct strlist changed; /* the .c files changed between the sides */
	char *cocci_cache; /* NULL: --no-cocci */
	struct findings out; /* new, unchanged and fixed */
	struct baseline known;
	int nr_new, nr_unchanged, nr_fixed, nr_failed;
	double start;
};

static double now(void)
{
	struct timeval tv;

	gettimeofday(&tv, NULL);
	return tv.tv_sec + tv.tv_usec / 1e6;
}

static struct side *add_side(struct diff *d, const char *label, char *rev)
{
	struct side *s;

	ALLOC_GROW(d->sides, d->nr_sides, d->alloc_sides);
	s = &d->sides[d->nr_sides++];
	memset(s, 0, sizeof(*s));
	s->label = xstrdup(label);
	s->rev = rev;
	return s;
}

static void release_sides(struct diff *d);

/* --- the sides --------------------------------------------------------- */

/* stdin to its end: a pipe has no size to read_file() by */
static char *read_stdin(size_t *size)
{
	size_t alloc = 65536, n;
	char *text = xmalloc(alloc);

	*size = 0;
	while ((n = fread(text + *size, 1, alloc - *size - 1, stdin)) > 0) {
		*size += n;
		if (alloc - *size < 2)
			text = xrealloc(text, alloc *= 2);
	}
	if (ferror(stdin)) {
		free(text);
		return NULL;
	}
	text[*size] = '\0';
	return text;
}

static char *read_patch(const char *name, size_t *size)
{
	char *text;

	if (strcmp(name, "-")) {
		text = read_file(name, size);
		if (!text)
			error("%s: %s", name, strerror(errno));
	} else {
		text = read_stdin(size);
		if (!text)
			error("cannot read the patch from stdin: %s",
			      strerror(errno));
	}
	if (text && !*size) {
		error("%s: empty, no patch in it",
		      strcmp(name, "-") ? name : "stdin");
		free(text);
		text = NULL;
	}
	return text;
}

static int add_rev_side(struct diff *d, const char *rev, const char *label)
{
	char *name = git_resolve(&d->git, rev);

	if (!name)
		return -1;
	add_side(d, label ? label : rev, name);
	return 0;
}

/*
 * A patch already in HEAD (b4 runs its check with the branch checked
 * out): the commit that is the patch, against its parent.
 */
static int committed_patch(struct diff *d, const char *text, size_t size,
			   const char *name)
{
	char *commit = git_commit_of_patch(&d->git, NULL, text, size);
	char *parent, *label;
	int ret;

	if (!commit)
		return -1;
	parent = fmt_str("%s^", commit);
	label = fmt_str("%.12s", commit);
	ret = add_rev_side(d, parent, NULL);
	free(d->sides[0].label);
	d->sides[0].label = fmt_str("%s^", label);
	if (!ret)
		ret = add_rev_side(d, commit, label);
	if (!ret)
		fprintf(stderr,
			"mmucheck diff: %s is commit %s of HEAD: checked against its parent\n",
			name, label);
	free(parent);
	free(label);
	free(commit);
	return ret;
}

static int patch_side(struct diff *d, const char *base, const char *name,
		      const struct mail *m, const char *label, int quiet)
{
	char *tree = git_apply(&d->git, base, m->text, m->size, name, quiet);
	struct side *s;

	if (!tree)
		return -1;
	s = add_side(d, label, tree);
	s->subject = xstrdup(m->subject);
	return parse_unified_diff(m->text, m->size, name, &s->patch);
}

static int read_series(const struct diff_options *o, struct diff *d,
		       struct mail **mails, int *nr)
{
	char *abs;
	int ret;

	if (o->patch) {
		*mails = xcalloc(1, sizeof(**mails));
		*nr = 1;
		(*mails)->text = read_patch(o->patch, &(*mails)->size);
		(*mails)->subject =
			xstrdup(strcmp(o->patch, "-") ? o->patch : "stdin");
		return (*mails)->text ? 0 : -1;
	}
	abs = realpath(o->series, NULL);
	if (!abs)
		return error("%s: %s", o->series, strerror(errno));
	ret = git_split_mbox(&d->git, abs, mails, nr);
	free(abs);
	return ret;
}

/*
 * BASE, then BASE with each patch applied in turn.  A lone patch with no
 * BASE given that HEAD already has (b4 runs its check on the branch) is
 * that commit against its parent.
 */
static int patch_sides(struct diff *d, const char *base, int explicit_base)
{
	const struct diff_options *o = d->o;
	struct mail *mails = NULL;
	int i, nr = 0, ret, lone = o->patch && !explicit_base;

	ret = add_rev_side(d, base, NULL) || read_series(o, d, &mails, &nr);
	for (i = 0; i < nr && !ret; i++) {
		char *label = o->patch ? xstrdup("the patch") :
					 fmt_str("patch %d/%d", i + 1, nr);
		char *name = o->patch ? xstrdup(mails[i].subject) :
					fmt_str("%s: %s \"%s\"", o->series,
						label, mails[i].subject);

		ret = patch_side(d, d->sides[d->nr_sides - 1].rev, name,
				 &mails[i], label, lone);
		if (ret && lone) {
			release_sides(d);
			ret = committed_patch(d, mails[0].text, mails[0].size,
					      name);
			if (ret) {
				add_rev_side(d, base, NULL);
				patch_side(d, base, name, &mails[0], label, 0);
			}
		}
		free(label);
		free(name);
	}
	release_mails(mails, nr);
	return ret;
}

static int choose_sides(struct diff *d, int nr, const char **revs)
{
	const struct diff_options *o = d->o;

	if (o->patch || o->series) {
		if (nr > 1)
			return error(
				"diff: --patch and --series take one BASE at most");
		return patch_sides(d, nr ? revs[0] : "HEAD", nr);
	}
	if (nr > 2)
		return error("diff: at most two revisions, BASE and HEAD");
	if (add_rev_side(d, nr ? revs[0] : "HEAD", NULL))
		return -1;
	if (nr == 2)
		return add_rev_side(d, revs[1], NULL);
	add_side(d, "the work tree", NULL);
	return 0;
}

/* --- scanning each side ------------------------------------------------- */

static void add_c_file(struct strlist *also, const char *rel)
{
	size_t n = rel ? strlen(rel) : 0;

	if (n > 2 && !strcmp(rel + n - 2, ".c") && !strlist_has(also, rel))
		strlist_add(also, rel);
}

/* What the change touches: each diff between sides, each side's view. */
static int touched_files(struct diff *d)
{
	int i, j;

	for (i = 1; i < d->nr_sides; i++) {
		struct line_map *map = &d->sides[i].from_previous;

		if (git_line_map(&d->git, d->sides[i - 1].rev, d->sides[i].rev,
				 map))
			return -1;
		for (j = 0; j < map->nr; j++) {
			add_c_file(&d->also, map->files[j].from);
			add_c_file(&d->also, map->files[j].to);
		}
	}
	for (j = 0; j < d->also.nr; j++)
		strlist_add(&d->changed, d->also.items[j]);
	return 0;
}

static int scan_side(struct diff *d, struct side *s)
{
	size_t top = strlen(d->git.top);
	struct cocci_run run;
	struct view v;
	int i, ret;

	if (git_view(&d->git, s->rev, &v))
		return -1;
	for (i = 0; i < v.nr; i++)
		add_c_file(&d->also, v.files[i].path + top + 1);
	view_use(&v);
	ret = d->cocci_cache ? cocci_start(&run, d->git.top, d->scratch,
					   d->cocci_cache, &d->changed) :
			       0;
	if (!ret)
		ret = scan_tree(&d->scan, 0, NULL, &d->also, &s->res);
	if (d->cocci_cache && cocci_finish(&run, &s->cocci))
		ret = -1;
	/* their fingerprints from this side's texts */
	finish_findings(&s->cocci,
			&(struct finish_options){ .min = d->scan.min_confidence,
						  .root = d->git.top,
						  .keep_rule = rule_enabled });
	sort_findings(&s->cocci);
	view_use(NULL);
	view_release(&v);
	for (i = 0; !ret && i < s->res.failed.nr; i++) {
		fprintf(stderr, "%s: error: not analysed on %s's side\n",
			s->res.failed.items[i], s->label);
		d->nr_failed++;
	}
	return ret;
}

/* --- matching ---------------------------------------------------------- */

/* Where each finding of each side first appeared, patch by patch. */
static void trace_origins(struct diff *d)
{
	int k, i, j;

	for (k = 0; k < d->nr_sides; k++) {
		struct side *s = &d->sides[k];
		int n = s->res.found.nr;

		s->origin_side = xcalloc(n + 1, sizeof(int));
		s->origin_index = xcalloc(n + 1, sizeof(int));
		for (j = 0; j < n; j++) {
			s->origin_side[j] = k;
			s->origin_index[j] = j;
		}
		if (k) {
			struct side *p = &d->sides[k - 1];
			int *matched =
				xcalloc(p->res.found.nr + 1, sizeof(int));

			match_findings(&p->res.found, &s->res.found,
				       &s->from_previous, matched);
			for (i = 0; i < p->res.found.nr; i++) {
				if (matched[i] < 0)
					continue;
				s->origin_side[matched[i]] = p->origin_side[i];
				s->origin_index[matched[i]] =
					p->origin_index[i];
			}
			free(matched);
		}
	}
}

static void move_finding(struct findings *to, struct finding *f,
			 enum baseline_state state)
{
	ALLOC_GROW(to->items, to->nr, to->alloc);
	to->items[to->nr] = *f;
	to->items[to->nr++].baseline = state;
	memset(f, 0, sizeof(*f));
}

/*
 * "added by patch 2/3 "subject" (line 37 of the patch)": the line that
 * added the anchor, else the hunk beside it (a range start removed above
 * an unchanged call), else none (the fault is in another function).
 */
static void attribute(struct diff *d, struct finding *f, int side, int index)
{
	const struct side *s = &d->sides[side];
	const struct finding *first = &s->res.found.items[index];
	int hunk;
	unsigned int line =
		patch_line_of(&s->patch, first->file, first->line, &hunk);
	char *where =
		!line ? xstrdup(" (off its own lines)") :
		hunk  ? fmt_str(" (its hunk at line %u of the patch)", line) :
			fmt_str(" (line %u of the patch)", line);
	char *note =
		fmt_str("added by %s \"%s\"%s", s->label, s->subject, where);

	trace_add(&f->trace, first->file, first->line, first->col, NULL, note);
	free(where);
	free(note);
}

static int failed_on(const struct side *s, const char *file)
{
	return strlist_has(&s->res.failed, file);
}

/* The checker's finding at the same place and rule, or NULL. */
static struct finding *checker_twin(struct diff *d, const struct finding *c)
{
	int i;

	for (i = 0; i < d->out.nr; i++) {
		struct finding *f = &d->out.items[i];

		if (f->baseline != BASELINE_ABSENT &&
		    !strcmp(f->rule, c->rule) && !strcmp(f->file, c->file) &&
		    f->line == c->line)
			return f;
	}
	return NULL;
}

/*
 * The semantic patches' findings on the changed files, matched as the
 * checker's are; one both engines report is the checker's, with a note.
 */
static void classify_cocci(struct diff *d, const struct line_map *map)
{
	struct side *base = &d->sides[0], *head = &d->sides[d->nr_sides - 1];
	int *matched = xcalloc(base->cocci.nr + 1, sizeof(int));
	struct finding *twin;
	int i, j;

	match_findings(&base->cocci, &head->cocci, map, matched);
	for (j = 0; j < head->cocci.nr; j++) {
		struct finding *f = &head->cocci.items[j];

		if (failed_on(base, f->file) && f->baseline == BASELINE_NEW)
			continue;
		twin = checker_twin(d, f);
		if (twin)
			trace_add(&twin->trace, f->file, f->line, f->col, NULL,
				  "the semantic patch (cocci/) reports it too");
		else
			move_finding(&d->out, f, f->baseline);
	}
	for (i = 0; i < base->cocci.nr; i++)
		if (matched[i] < 0 &&
		    !failed_on(head, base->cocci.items[i].file))
			move_finding(&d->out, &base->cocci.items[i],
				     BASELINE_ABSENT);
	free(matched);
}

static int classify(struct diff *d)
{
	struct side *base = &d->sides[0], *head = &d->sides[d->nr_sides - 1];
	int *matched = xcalloc(base->res.found.nr + 1, sizeof(int));
	struct line_map whole = { NULL, 0, 0 }, *map = &head->from_previous;
	int i, j;

	/* a series: the diff from the base to the last patch's tree */
	if (d->nr_sides > 2) {
		map = &whole;
		if (git_line_map(&d->git, base->rev, head->rev, map)) {
			free(matched);
			return -1;
		}
	}
	match_findings(&base->res.found, &head->res.found, map, matched);
	for (j = 0; j < head->res.found.nr; j++) {
		struct finding *f = &head->res.found.items[j];

		/* a file the base could not analyse: nothing in it is new */
		if (f->baseline == BASELINE_NEW && failed_on(base, f->file))
			continue;
		if (f->baseline == BASELINE_NEW && head->subject &&
		    head->origin_side[j] > 0)
			attribute(d, f, head->origin_side[j],
				  head->origin_index[j]);
		move_finding(&d->out, f, f->baseline);
	}
	for (i = 0; i < base->res.found.nr; i++)
		if (matched[i] < 0 &&
		    !failed_on(head, base->res.found.items[i].file))
			move_finding(&d->out, &base->res.found.items[i],
				     BASELINE_ABSENT);
	classify_cocci(d, map);
	/* what the head silences in the source, for SARIF */
	d->out.suppressed = head->res.found.suppressed;
	head->res.found.suppressed = NULL;
	release_line_map(&whole);
	free(matched);
	return 0;
}

/* --baseline: a new finding the file knows is shown as old. */
static void known_as_old(struct diff *d)
{
	struct findings fresh = { 0 };
	int i, k = 0;

	if (!d->o->scan.baseline)
		return;
	for (i = 0; i < d->out.nr; i++)
		if (d->out.items[i].baseline == BASELINE_NEW)
			move_finding(&fresh, &d->out.items[i], BASELINE_NEW);
	apply_baseline(&fresh, &d->known);
	for (i = 0; i < d->out.nr; i++)
		if (d->out.items[i].rule)
			d->out.items[k++] = d->out.items[i];
	d->out.nr = k;
	for (i = 0; i < fresh.nr; i++)
		move_finding(&d->out, &fresh.items[i], fresh.items[i].baseline);
	release_findings(&fresh);
}

static void count(struct diff *d)
{
	int i;

	for (i = 0; i < d->out.nr; i++) {
		enum baseline_state st = d->out.items[i].baseline;

		d->nr_new += st == BASELINE_NEW;
		d->nr_unchanged += st == BASELINE_UNCHANGED;
		d->nr_fixed += st == BASELINE_ABSENT;
	}
}

/* --- output ------------------------------------------------------------ */

static json_t *side_json(const struct side *s)
{
	return json_pack("{s:s,s:s?}", "name", s->label, "revision", s->rev);
}

static json_t *state_json(const struct findings *all, enum baseline_state state)
{
	struct findings some = { 0 };
	json_t *list;
	int i;

	for (i = 0; i < all->nr; i++)
		if (all->items[i].baseline == state) {
			ALLOC_GROW(some.items, some.nr, some.alloc);
			some.items[some.nr++] = all->items[i];
		}
	list = findings_to_json(&some);
	free(some.items);
	return list;
}

static void print_json(const struct diff *d)
{
	json_t *failed = json_array(), *doc;
	int k, i;

	for (k = 0; k < d->nr_sides; k++)
		for (i = 0; i < d->sides[k].res.failed.nr; i++)
			json_array_append_new(
				failed,
				json_pack("{s:s,s:s}", "file",
					  d->sides[k].res.failed.items[i],
					  "side", d->sides[k].label));
	doc = json_pack("{s:o,s:o,s:o,s:o,s:o,s:o}", "base",
			side_json(&d->sides[0]), "head",
			side_json(&d->sides[d->nr_sides - 1]), "new",
			state_json(&d->out, BASELINE_NEW), "fixed",
			state_json(&d->out, BASELINE_ABSENT), "unchanged",
			state_json(&d->out, BASELINE_UNCHANGED), "failed",
			failed);
	json_dumpf(doc, stdout, JSON_INDENT(2));
	fputc('\n', stdout);
	json_decref(doc);
}

/* checkpatch's --terse shape; b4 fails a patch on a line with "ERROR:". */
static void print_lines(const struct diff *d, const char *kind)
{
	int i;

	for (i = 0; i < d->out.nr; i++) {
		const struct finding *f = &d->out.items[i];

		if (f->baseline == BASELINE_NEW)
			printf("%s:%u: %s: %s [%s]\n", f->file, f->line, kind,
			       f->message, f->rule);
	}
}

static void print_diff(const struct diff *d)
{
	const struct diff_options *o = d->o;

	if (o->b4)
		print_lines(d, "ERROR");
	else if (o->terse)
		print_lines(d, "WARNING");
	else if (o->scan.format == OUTPUT_JSON)
		print_json(d);
	else
		print_findings(stdout, &d->out, o->scan.format, d->git.top,
			       "diff");
	fprintf(stderr,
		"mmucheck diff: %s..%s: %d new, %d unchanged, %d fixed, %d failed; %.1f s\n",
		d->sides[0].label, d->sides[d->nr_sides - 1].label, d->nr_new,
		d->nr_unchanged, d->nr_fixed, d->nr_failed, now() - d->start);
}

/* --- the command ------------------------------------------------------- */

static char *make_scratch(void)
{
	const char *tmp = getenv("TMPDIR");
	char *dir =
		fmt_str("%s/mmucheck-diff.XXXXXX", tmp && *tmp ? tmp : "/tmp");

	if (!mkdtemp(dir)) {
		error("cannot make a folder in %s: %s",
		      tmp && *tmp ? tmp : "/tmp", strerror(errno));
		free(dir);
		return NULL;
	}
	return dir;
}

static void release_diff(struct diff *d)
{
	release_sides(d);
	free(d->sides);
	strlist_release(&d->also);
	strlist_release(&d->changed);
	free(d->cocci_cache);
	release_findings(&d->out);
	release_baseline(&d->known);
	git_close(&d->git);
	if (d->scratch)
		remove_tree(d->scratch);
	free(d->scratch);
}

static void release_sides(struct diff *d)
{
	int k;

	for (k = 0; k < d->nr_sides; k++) {
		struct side *s = &d->sides[k];

		free(s->label);
		free(s->rev);
		free(s->subject);
		release_line_map(&s->patch);
		release_line_map(&s->from_previous);
		release_scan_result(&s->res);
		release_findings(&s->cocci);
		free(s->origin_side);
		free(s->origin_index);
	}
	d->nr_sides = 0;
}

static int diff_sides(struct diff *d, int nr, const char **revs)
{
	int k;

	if (choose_sides(d, nr, revs) || touched_files(d))
		return -1;
	if (!d->o->no_cocci) {
		if (cocci_available() ||
		    kbuild_load(d->scan.kdir, d->scan.kbuild))
			return -1;
		d->cocci_cache = fmt_str("%s/cocci", kbuild_cache_dir());
	}
	for (k = 0; k < d->nr_sides; k++)
		if (scan_side(d, &d->sides[k]))
			return -1;
	trace_origins(d);
	if (classify(d))
		return -1;
	known_as_old(d);
	sort_findings(&d->out);
	count(d);
	return 0;
}

int run_diff(const struct diff_options *o, int nr, const char **revs)
{
	struct diff d = { .o = o, .scan = o->scan, .start = now() };
	int ret;

	if (o->scan.baseline && read_baseline(o->scan.baseline, &d.known))
		return EXIT_FATAL;
	d.scratch = make_scratch();
	if (!d.scratch || git_open(&d.git, o->dir ? o->dir : ".", d.scratch)) {
		release_diff(&d);
		return EXIT_FATAL;
	}
	d.scan.kdir = d.git.top;
	if (!d.scan.kbuild)
		d.scan.kbuild = d.git.top;
	d.scan.progress = 0;
	ret = diff_sides(&d, nr, revs);
	if (!ret)
		print_diff(&d);
	ret = ret || d.nr_failed ? EXIT_FATAL : d.nr_new > 0;
	release_diff(&d);
	return ret;
}
