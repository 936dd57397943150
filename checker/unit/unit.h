/* SPDX-License-Identifier: GPL-2.0 */
/*
 * One translation unit under analysis: its functions, what each of them
 * does with ranges and entries, and the findings.  The checks see it
 * through walk_check_data().
 */
#ifndef MMUCHECK_ANALYSIS_H
#define MMUCHECK_ANALYSIS_H

#include <string.h>

#include "cfg/cfg.h"
#include "walk/dataflow.h"
#include "report/findings.h"
#include "parse/macros.h"
#include "model/model.h"
#include "parse/parse.h"
#include "link/summary.h"
#include "lib/util.h"

struct param {
	char *name;
	char *pointee_tag; /* "mmu_gather" for struct mmu_gather *, or NULL */
	char *pointee; /* as written: "pte_t", "struct vm_fault" */
	int is_pointer;
};

/* A struct of function pointers defined in the file or a function (mm_walk_ops ...). */
struct ops_table {
	char *name;
	struct strlist functions;
};

struct function_info {
	struct file_analysis *file;
	char *name;
	CXCursor cursor;
	struct cfg *cfg;
	struct param *params;
	int nr_params;
	struct strlist locals; /* local variables */
	struct strlist assigned; /* variables written in the body */
	struct strlist lvalues; /* what was written, as written */
	struct strlist range_guards; /* tests that decide a start */
	struct strlist starts, ends; /* range keys started / ended */
	int notifies; /* tells the secondary MMUs after a change (<= 4.12) */
	/* what the walk leaves for the decisions over many functions */
	struct fsum *sum;
	int limited; /* the walk hit its budget */
	struct ops_table *tables; /* initialised locals, such as rwc */
	int nr_tables, alloc_tables;
};

struct file_analysis {
	struct source *src;
	struct model model;
	struct macro_map macros;
	const char *text; /* the main file's contents */
	size_t size;
	struct function_info **fns;
	int nr_fns, alloc_fns;
	struct ops_table *tables;
	int nr_tables, alloc_tables;
	struct findings *findings;
};

struct function_info *function_named(struct file_analysis *fa,
				     const char *name);
const struct param *param_named(const struct function_info *fi,
				const char *name);
/* A table of function pointers by name: the function's own, or the file's. */
const struct ops_table *table_named(const struct function_info *fi,
				    const char *name);
int takes_in_range_param(const struct function_info *fi);

/* funcinfo.c: what can be known of a function before walking it */
struct function_info *new_function_info(struct file_analysis *fa, CXCursor fn);
void free_function_info(struct function_info *fi);
void collect_ops_tables(struct file_analysis *fa);
/* refs.c: the functions whose address the file takes, into p */
void collect_address_refs(struct file_analysis *fa, struct program *p);
/* After the CFG is built: the tests a range start depends on. */
void collect_range_guards(struct function_info *fi);

/* Argument i of a call: its text, and the identifier it is rooted in. */
char *arg_text(CXTranslationUnit tu, CXCursor call, int i);
char *arg_root(CXTranslationUnit tu, CXCursor call, int i);
char *first_identifier(const char *text);
/* The range a call works on: "range", "wpwalk->range", "mm:vma->vm_mm". */
char *range_key(CXTranslationUnit tu, CXCursor call, const struct api *api);
/* Is a range call asked for a range (not NULL where it takes one)? */
int asks_for_range(CXTranslationUnit tu, CXCursor call, const struct api *api);

int entry_written(const struct function_info *fi, const char *entry);
/* The faulting entry handed in (vmf->pte), not walked to again here? */
int is_fault_entry(const struct function_info *fi, const char *entry);
const struct api *expr_api(struct function_info *fi, CXCursor c, char **root);

/* Is there a "no need to invalidate" mark just above the line? */
int no_need_above(const struct file_analysis *fa, unsigned int line);
/*
 * The nearest test of an entry at one of these levels (A_PTE ...) that
 * decides whether a block runs: +1 present, -1 absent, 0 none.
 */
int entry_guard(struct file_analysis *fa, const struct basic_block *bb,
		unsigned int levels);
/* Is the block under a test that the faulting entry (vmf->...) is absent? */
int fault_absent_guard(struct function_info *fi, const struct basic_block *bb);

/* The notes of a path, as a trace (steps without a function). */
void trace_from_trail(struct trace *t, const struct note *trail);
/* The file of a position, allocated. */
char *src_pos_file(struct src_pos pos);
/* Is the record at file:line:col the one at pos (whose file is pos_file)? */
static inline int same_place(const char *file, unsigned int line,
			     unsigned int col, const char *pos_file,
			     struct src_pos pos)
{
	return line == pos.line && col == pos.col && !strcmp(file, pos_file);
}

/* summarize.c: the summaries of the file's functions */
void summarize_file(struct file_analysis *fa, struct program *p);

#endif
