/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mmucheck scan: the whole-tree pass.  Files are chosen by the names of
 * the API model (and then by the names of functions that need a range of
 * their callers, until no file is added), analysed one process per file,
 * N at a time, into summaries cached in kbuild_cache_dir()/summaries, and
 * linked: pte-outside-range is decided over every function at once.
 *
 * The per-file pass is also a plain command (--summary=OUT.json with the
 * compiler flags, as Kbuild calls a checker), and "mmucheck link" combines
 * summaries, so make -j, xargs -P or GNU parallel can spread the work.
 */
#ifndef MMUCHECK_SCAN_H
#define MMUCHECK_SCAN_H

#include "lib/util.h"
#include "output.h"
#include "report/findings.h"
#include "input/flags.h"
#include "parse/parse.h"

struct scan_options {
	const char *kdir, *kbuild;
	int jobs;
	unsigned int timeout;
	enum output_format format;
	enum confidence min_confidence;
	int kernel_version;
	int progress; /* print CHECK lines */
	const char *baseline; /* --baseline=FILE: findings known */
	const char *write_baseline; /* --write-baseline=FILE */
	const char *files_from; /* link --files-from=LIST: each has a summary */
};

int run_scan(const struct scan_options *o, int nr, const char **paths);

/* What one whole-tree pass found, and which files it could not analyse. */
struct scan_result {
	struct findings found; /* sorted, tree-relative */
	struct strlist failed; /* tree-relative files */
	struct strlist analysed_files; /* tree-relative, from cache or not */
	int considered, analysed, from_cache;
	double seconds;
};

/*
 * The whole-tree pass over the files as the view in use has them
 * (lib/view.h): the files chosen under paths, and also those of also
 * (tree-relative; the files a change touches) that the configuration
 * builds.  0, or -1 after an error said.
 */
int scan_tree(const struct scan_options *o, int nr, const char **paths,
	      const struct strlist *also, struct scan_result *res);
void release_scan_result(struct scan_result *res);
/* This mmucheck (a hash of its binary), and what made its summaries. */
const char *tool_id(void);
const char *summary_made_by(void);
int run_link(const struct scan_options *o, int nr, const char **paths);

/*
 * The per-file pass: summaries and findings of src into out_path, or
 * into disk_path (NULL: none) when the view in use changes nothing src
 * read.
 */
int write_file_summary(const struct source *src, const struct clang_args *args,
		       int kernel_version, const char *out_path,
		       const char *disk_path);

#endif
