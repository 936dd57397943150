// SPDX-License-Identifier: GPL-2.0
/*
 * One translation unit through the checks: read the era, collect the
 * functions and ops tables of the main file, walk each function's paths
 * with every check, then decide what needs the whole file.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyse.h"
#include "lib/diag.h"
#include "unit/gaps.h"

/* Paths are cheap; a function with thousands of states is pathological. */
static const struct walk_limits limits = {
	.max_steps = 200000,
	.max_states = 512,
};

static void report(void *sink, struct walk *w, const char *rule, int confidence,
		   struct src_pos pos, const struct note *trail,
		   const char *message)
{
	struct file_analysis *fa = sink;
	struct function_info *fi = walk_check_data(w);
	struct trace t = { NULL, 0, 0 };
	char *file = src_pos_file(pos);
	struct finding *f;

	f = add_finding(fa->findings, rule, file, pos.line, pos.col, fi->name,
			confidence, message);
	free(file);
	if (!f)
		return;
	trace_from_trail(&t, trail);
	trace_append(&f->trace, &t, fi->name);
	trace_release(&t);
}

static enum CXChildVisitResult collect_function(CXCursor c, CXCursor parent,
						CXClientData data)
{
	struct file_analysis *fa = data;

	(void)parent;
	if (clang_getCursorKind(c) != CXCursor_FunctionDecl ||
	    !clang_isCursorDefinition(c) ||
	    !in_main_file(fa->src, clang_getCursorLocation(c)))
		return CXChildVisit_Continue;
	/* a lenient parse: what has an error is not walked (report_gaps()) */
	if (error_in_range(fa->src, clang_getCursorExtent(c)))
		return CXChildVisit_Continue;
	ALLOC_GROW(fa->fns, fa->nr_fns, fa->alloc_fns);
	fa->fns[fa->nr_fns++] = new_function_info(fa, c);
	return CXChildVisit_Continue;
}

static void walk_one(struct file_analysis *fa, struct function_info *fi)
{
	struct walk_hooks hooks = { rule_checks, NR_RULES, report, fa };
	struct src_pos pos;

	fi->cfg = build_cfg(fa->src->tu, fi->cursor, &fa->macros);
	if (!fi->cfg)
		return;
	compute_dominators(fi->cfg);
	collect_range_guards(fi);
	fi->limited = walk_function(fi->cfg, fa->src->tu, &fa->model, &hooks,
				    &limits, fi);
	if (!fi->limited)
		return;
	clang_getFileLocation(clang_getCursorLocation(fi->cursor), NULL,
			      &pos.line, &pos.col, NULL);
	/* never a silent "no finding": the run says so and exits 2 */
	error_at(
		fa->src->path, pos.line, pos.col,
		"%s(): too many paths (%d states at a block or %ld blocks): not analysed to its end, findings may be missing",
		fi->name, limits.max_states, limits.max_steps);
	fa->findings->nr_incomplete++;
}

static void set_model(struct file_analysis *fa, const struct model *forced)
{
	const char *source = NULL;

	if (forced && forced->version) {
		fa->model = *forced;
		return;
	}
	/* docs/kernel-api.md A.8: the header, the file's use, the newest */
	fa->model.version = detect_version(fa->src->tu, &source);
	fa->model.version_source = source;
	if (!fa->model.version) {
		fa->model.version =
			version_from_use(fa->src->tu, fa->src->file);
		fa->model.version_source = "the file's own API use";
	}
	if (!fa->model.version) {
		fa->model.version = KV_DEFAULT;
		fa->model.version_source = "the default, the newest era";
	}
}

int check_translation_unit(struct source *src, const struct model *forced,
			   enum confidence min, struct findings *out,
			   struct program *summaries)
{
	struct file_analysis fa = { .src = src, .findings = out };
	struct program own = { 0 };
	int i, first = out->nr;

	set_model(&fa, forced);
	fa.text = clang_getFileContents(src->tu, src->file, &fa.size);
	build_macro_map(&fa.macros, src->tu, src->file);
	collect_ops_tables(&fa);
	clang_visitChildren(clang_getTranslationUnitCursor(src->tu),
			    collect_function, &fa);
	for (i = 0; i < fa.nr_fns; i++)
		walk_one(&fa, fa.fns[i]);
	summarize_file(&fa, summaries ? summaries : &own);
	if (!summaries)
		link_rules(&own, out);
	release_program(&own);
	set_findings_era(out, first, fa.model.version, fa.model.version_source);
	finish_findings(out,
			&(struct finish_options){
				.min = min,
				.root = "",
				/* a summary keeps every rule: it is cached */
				.keep_rule = summaries ? NULL : rule_enabled,
				.defer_suppression = summaries != NULL });
	for (i = 0; i < fa.nr_fns; i++)
		free_function_info(fa.fns[i]);
	free(fa.fns);
	for (i = 0; i < fa.nr_tables; i++) {
		free(fa.tables[i].name);
		strlist_release(&fa.tables[i].functions);
	}
	free(fa.tables);
	release_macro_map(&fa.macros);
	return 0;
}

static void print_gap(const struct source *src, const struct gap *g)
{
	const struct parse_error *e = g->error;
	const char *what = g->is_function ? "function" : "declaration";

	if (e->in_main)
		error_at(src->path, g->line, g->col,
			 "%s '%s' not analysed: line %u: %s [no-tree]", what,
			 g->name, e->line, e->message);
	else
		error_at(src->path, g->line, g->col,
			 "%s '%s' not analysed: %s [no-tree]", what, g->name,
			 e->message);
}

int report_gaps(const struct source *src)
{
	const struct parse_error *e = NULL;
	struct gaps gaps;
	int i, ret = 0;

	find_gaps(src, &gaps);
	for (i = 0; !e && i < gaps.nr; i++)
		if (gaps.items[i].is_function)
			e = gaps.items[i].error;
	/* nothing to analyse: that one line says it all */
	if (!gaps.nr_functions) {
		ret = error_at(src->path, 1, 1,
			       "no function definition to analyse [no-tree]");
	} else if (gaps.nr_failed == gaps.nr_functions) {
		ret = error_at(
			src->path, e->line, e->col,
			"none of its %d functions could be analysed: %s [no-tree]",
			gaps.nr_functions, e->message);
	} else {
		for (i = 0; i < gaps.nr; i++)
			if (gaps.items[i].uses_model)
				print_gap(src, &gaps.items[i]);
		if (gaps.nr_real)
			ret = -1;
		if (gaps.nr_failed || gaps.nr_loose || gaps.nr > gaps.nr_failed)
			note_at(src->path, 0, 0,
				"--no-tree: %d of %d functions not analysed (%d naming the model), %d other declarations with errors (%d naming it), %d errors outside declarations",
				gaps.nr_failed, gaps.nr_functions,
				gaps.nr_real_functions,
				gaps.nr - gaps.nr_failed,
				gaps.nr_real - gaps.nr_real_functions,
				gaps.nr_loose);
	}
	release_gaps(&gaps);
	return ret;
}
