/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Baselines: the findings a tree is known to have, one a line, so that a
 * scan reports only what is new (README "Baselines").
 */
#ifndef MMUCHECK_BASELINE_H
#define MMUCHECK_BASELINE_H

#include "report/findings.h"

struct baseline_entry {
	char fingerprint[17];
	char *rule, *where; /* where: "file:function" */
	int seen;
};

struct baseline {
	struct baseline_entry *items;
	int nr, alloc;
};

/* 0, or -1 with one error line naming the file and the line. */
int read_baseline(const char *path, struct baseline *b);
/* Sorted lines, written whole or not at all: 0, or -1 with the error. */
int write_baseline(const char *path, const struct findings *list);
/* Each finding new or unchanged; entries seen are marked. */
void apply_baseline(struct findings *list, struct baseline *b);
void release_baseline(struct baseline *b);

#endif
