/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Function summaries: what the walk of one function leaves for the
 * decisions that need more than that function (pte-outside-range across
 * functions and files).  They come from a translation unit just walked,
 * or from the JSON files of the per-file pass of "mmucheck scan", and are
 * linked into one program by function name (a static function by file and
 * name).
 */
#ifndef MMUCHECK_SUMMARY_H
#define MMUCHECK_SUMMARY_H

#include <stdio.h>

#include "lib/util.h"
#include "report/findings.h"

/* A page-table change made with no range open, on some path. */
struct sop {
	char *file;
	unsigned int line, col;
	char *primitive, *entry;
	unsigned int levels; /* A_PTE ... */
	int handed_in; /* the entry came from the caller */
	struct trace trace;
};

/* A put after a clear, to be judged by whether callers hold a range. */
struct sput {
	char *file;
	unsigned int line, col;
	char *put, *clear;
	unsigned int clear_line;
	int confidence;
	struct trace trace;
};

/* A call, direct or through an ops table (via names the calling API). */
struct ssite {
	char *file;
	unsigned int line, col;
	char *callee, *via;
	int open_paths, closed_paths;
	int in_range_paths; /* a range open, not just covered */
	unsigned int passes_levels; /* entry parameters passed on */
	struct trace trace; /* first path without a range */
	struct fsum *target; /* after linking */
};

struct fsum {
	char *name, *file;
	unsigned int line;
	int is_static;
	int manages; /* starts ranges of its own */
	int in_range_param; /* takes a range, mmu_gather or mm_walk */
	int era; /* KV() its file was analysed under */
	char *era_from; /* what the era was read from */
	struct sop *ops;
	int nr_ops, alloc_ops;
	struct ssite *sites;
	int nr_sites, alloc_sites;
	struct sput *puts;
	int nr_puts, alloc_puts;
	int nr_callers; /* after linking */
	int address_taken; /* after linking: something may call it unseen */
	/* scratch of the decision */
	const struct sop *need_op;
	const struct ssite *need_site;
	struct caller_edge *in; /* the calls into it */
	int nr_in, alloc_in;
	int above; /* a range on some chain of callers: 0 unknown */
	int on_chain; /* on the chain being walked */
};

/* A call into a function, from the function that makes it. */
struct caller_edge {
	struct fsum *from;
	const struct ssite *site;
};

/* A function whose address a file takes (resolved as a call from there). */
struct fref {
	char *name, *file;
};

struct program {
	struct fsum **fns;
	int nr, alloc;
	struct fref *refs;
	int nr_refs, alloc_refs;
	/* every file is in: a call to a function not defined anywhere is not a caller's */
	int whole;
};

struct fsum *new_fsum(struct program *p, const char *name, const char *file,
		      unsigned int line, int is_static);
/* A summary of its own (the walk fills it), then handed to a program. */
struct fsum *alloc_fsum(const char *name, const char *file, unsigned int line,
			int is_static);
void program_add(struct program *p, struct fsum *f);
void program_add_ref(struct program *p, const char *name, const char *file);
void release_fsum(struct fsum *f);
struct sop *add_sop(struct fsum *f);
struct ssite *add_ssite(struct fsum *f);
struct sput *add_sput(struct fsum *f);
void link_program(struct program *p);
void release_program(struct program *p);

/*
 * JSON, one object per translation unit: its key (what it was made
 * from), the summaries, and the findings of its functions.  Reading
 * returns 1 when the key differs (a stale cache), -1 when unreadable; p
 * NULL only checks the key.
 */
/*
 * The files a translation unit read besides its own (headers, in the
 * tree or generated), and a hash of their texts: a summary holds while
 * the hash over the same files' texts now is the same.
 */
struct summary_deps {
	struct strlist paths;
	char key[17];
	const char *made_by; /* the summary format, mmucheck and its model */
};

int write_summaries(FILE *out, const struct program *p,
		    const struct findings *found, const char *file,
		    const char *key, const struct summary_deps *deps);
/* A summary's deps: 0, or -1 when it has none (an older summary). */
int read_summary_deps(const char *path, struct summary_deps *deps);
int read_summaries(struct program *p, struct findings *found, const char *path,
		   const char *key);

/* decide.c */
void decide_pte_outside_range(struct program *p, struct findings *out);
/* decide_page.c: puts whose caller's range is open */
void decide_page_in_callers_range(struct program *p, struct findings *out);

#endif
