/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The declarations a lone file is parsed against (mmucheck --no-tree): the
 * headers of model/no-tree/, compiled into the binary by the Makefile
 * (model/no-tree/embed.awk), so that nothing is installed beside it.
 * prelude.h is the one forced in; it includes the others and chooses the
 * era's API by __MMUCHECK_KV, the KV() of the era (0: the era is not known
 * yet, every name whose form changed is declared without a prototype).
 */
#ifndef MMUCHECK_NO_TREE_H
#define MMUCHECK_NO_TREE_H

#include <stddef.h>

struct prelude_file {
	const char *name; /* as prelude.h includes it */
	const char *text;
	size_t size;
};

extern const struct prelude_file prelude_files[];
extern const size_t nr_prelude_files;

#define PRELUDE_TOP "prelude.h"

#endif
