/* SPDX-License-Identifier: GPL-2.0 */
/*
 * One finding on two sides of a change.  Findings are the same when
 * their rule and fingerprint are (report/findings.c: the function, the
 * anchor line's text without blanks, its occurrence in the function);
 * where several could be, the one whose line maps through the diff onto
 * the other's wins.  The diff is read from git's unified output.
 */
#ifndef MMUCHECK_MATCH_H
#define MMUCHECK_MATCH_H

#include <stddef.h>

#include "report/findings.h"

struct hunk {
	unsigned int old_start, old_count, new_start, new_count;
	unsigned int patch_line; /* of its "@@" line */
};

/* A line a patch adds: its number in the new file and in the patch. */
struct added_line {
	unsigned int line, patch_line;
};

struct file_map {
	char *from, *to; /* NULL: the file is new, or gone */
	struct hunk *hunks;
	int nr, alloc;
	struct added_line *added;
	int nr_added, alloc_added;
};

struct line_map {
	struct file_map *files;
	int nr, alloc;
};

/*
 * Read "diff --git" output (-M, any -U) or a patch into map: 0, or -1
 * with an error naming the line that is not a diff.
 */
int parse_unified_diff(const char *text, size_t size, const char *name,
		       struct line_map *map);
void release_line_map(struct line_map *map);

/* Where (file, line) of the old side is on the new side; NULL if gone. */
const char *map_line(const struct line_map *map, const char *file,
		     unsigned int line, unsigned int *mapped);
/*
 * The patch line that added (file, line) of the new side, or 0; with
 * *hunk set, the "@@" line of the hunk around it, when no line added it.
 */
unsigned int patch_line_of(const struct line_map *map, const char *file,
			   unsigned int line, int *hunk);

/*
 * Pair head's findings with base's: matched[i] is the head finding base
 * finding i is, or -1 (fixed); each head finding unpaired is new
 * (head->items[j].baseline is set to BASELINE_NEW or BASELINE_UNCHANGED).
 */
void match_findings(const struct findings *base, struct findings *head,
		    const struct line_map *map, int *matched);

#endif
