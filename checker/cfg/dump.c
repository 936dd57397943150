// SPDX-License-Identifier: GPL-2.0
/*
 * The CFG as text, one line per block, for golden tests and for reading:
 *
 *   B3 (line 12): call f(); x = f(y)  -> B4 [true: x > 0], B5 [false]
 */
#include <stdlib.h>

#include "cfg/cfg.h"
#include "parse/cursor.h"
#include "parse/macros.h"
#include "parse/tokens.h"

#define STMT_TEXT_MAX 60
#define COND_TEXT_MAX 40

static void print_text(FILE *out, const struct cfg *cfg, CXTranslationUnit tu,
		       CXCursor c, size_t max)
{
	struct file_range r;
	char *text;

	if (display_range(cfg->macros, c, tu, &r))
		text = cursor_text(tu, c, max);
	else
		text = range_text(tu, &r, max);
	fputs(text, out);
	free(text);
}

static enum CXChildVisitResult first_child(CXCursor c, CXCursor parent,
					   CXClientData data)
{
	(void)parent;
	*(CXCursor *)data = c;
	return CXChildVisit_Break;
}

static void print_callee(FILE *out, const struct cfg *cfg, CXTranslationUnit tu,
			 const struct event *ev)
{
	CXCursor callee = clang_getNullCursor();

	if (ev->callee) {
		fputs(ev->callee, out);
		return;
	}
	clang_visitChildren(ev->cursor, first_child, &callee);
	print_text(out, cfg, tu, callee, COND_TEXT_MAX);
}

static void print_event(FILE *out, const struct cfg *cfg, CXTranslationUnit tu,
			const struct event *ev)
{
	CXString var;

	switch (ev->kind) {
	case EVENT_STMT:
		print_text(out, cfg, tu, ev->cursor, STMT_TEXT_MAX);
		break;
	case EVENT_CALL:
		fputs("call ", out);
		print_callee(out, cfg, tu, ev);
		fputs("()", out);
		if (ev->macro)
			fprintf(out, " [macro %s]", ev->macro);
		break;
	case EVENT_CLEANUP:
		var = clang_getCursorSpelling(ev->cursor);
		fprintf(out, "call %s() [cleanup %s]", ev->callee,
			clang_getCString(var));
		clang_disposeString(var);
		break;
	}
}

/* "case 1", "case 1 ... 3": the values are the first children. */
static void print_case(FILE *out, const struct cfg *cfg, CXTranslationUnit tu,
		       CXCursor label)
{
	struct cursor_list ch = { NULL, 0, 0 };

	children_of(label, &ch);
	fputs("case ", out);
	if (ch.nr)
		print_text(out, cfg, tu, ch.items[0], COND_TEXT_MAX);
	if (ch.nr > 2) {
		fputs(" ... ", out);
		print_text(out, cfg, tu, ch.items[1], COND_TEXT_MAX);
	}
	release_cursor_list(&ch);
}

static void print_edge(FILE *out, const struct cfg *cfg, CXTranslationUnit tu,
		       const struct edge *e)
{
	fprintf(out, "B%d", e->to->nr);
	switch (e->kind) {
	case EDGE_ALWAYS:
		return;
	case EDGE_TRUE:
		fputs(" [true: ", out);
		print_text(out, cfg, tu, e->cond, COND_TEXT_MAX);
		break;
	case EDGE_FALSE:
		fputs(" [false", out);
		break;
	case EDGE_CASE:
		fputs(" [", out);
		print_case(out, cfg, tu, e->label);
		break;
	case EDGE_DEFAULT:
		fputs(" [default", out);
		break;
	case EDGE_NO_CASE:
		fputs(" [no case", out);
		break;
	case EDGE_ASM_GOTO:
		fputs(" [asm goto", out);
		break;
	}
	fputc(']', out);
}

static void print_block_head(FILE *out, const struct cfg *cfg,
			     const struct basic_block *bb)
{
	fprintf(out, "B%d (", bb->nr);
	if (bb == cfg->entry)
		fputs("entry, ", out);
	if (bb == cfg->exit)
		fputs("exit", out);
	else
		fprintf(out, "line %u", bb->line);
	fputc(')', out);
}

static void print_block(FILE *out, CXTranslationUnit tu, const struct cfg *cfg,
			const struct basic_block *bb)
{
	int i;

	print_block_head(out, cfg, bb);
	for (i = 0; i < bb->nr_events; i++) {
		fputs(i ? "; " : ": ", out);
		print_event(out, cfg, tu, &bb->events[i]);
	}
	if (bb != cfg->exit)
		fputs(bb->nr_succs ? "  -> " : "  -> none", out);
	for (i = 0; i < bb->nr_succs; i++) {
		if (i)
			fputs(", ", out);
		print_edge(out, cfg, tu, &bb->succs[i]);
	}
	fputc('\n', out);
}

void dump_cfg(FILE *out, CXTranslationUnit tu, const struct cfg *cfg)
{
	int i;

	fprintf(out, "function %s (line %u)\n", cfg->name, cfg->line);
	for (i = 0; i < cfg->nr_blocks; i++)
		print_block(out, tu, cfg, cfg->blocks[i]);
}
