// SPDX-License-Identifier: GPL-2.0
/*
 * Dominators of a CFG.  The blocks are numbered in reverse postorder, so
 * an idom always has a smaller number than the block it dominates.
 */
#include "cfg/cfg.h"

static struct basic_block *intersect(struct basic_block *a,
				     struct basic_block *b)
{
	while (a != b) {
		while (a->nr > b->nr)
			a = a->idom;
		while (b->nr > a->nr)
			b = b->idom;
	}
	return a;
}

static struct basic_block *idom_from_preds(struct basic_block *bb)
{
	struct basic_block *idom = NULL;
	int i;

	for (i = 0; i < bb->nr_preds; i++) {
		struct basic_block *p = bb->preds[i];

		if (!p->idom)
			continue;
		idom = idom ? intersect(p, idom) : p;
	}
	return idom;
}

void compute_dominators(struct cfg *cfg)
{
	int i, changed = 1;

	for (i = 0; i < cfg->nr_blocks; i++)
		cfg->blocks[i]->idom = NULL;
	cfg->entry->idom = cfg->entry;
	while (changed) {
		changed = 0;
		for (i = 0; i < cfg->nr_blocks; i++) {
			struct basic_block *bb = cfg->blocks[i];
			struct basic_block *idom;

			if (bb == cfg->entry)
				continue;
			idom = idom_from_preds(bb);
			if (idom && idom != bb->idom) {
				bb->idom = idom;
				changed = 1;
			}
		}
	}
}
