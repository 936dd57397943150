// SPDX-License-Identifier: GPL-2.0
/*
 * The summaries of the functions of a walked translation unit: the walk
 * filled each function's summary; what is known only after it is added,
 * and the summaries go to the program.
 */
#include "unit/unit.h"

void summarize_file(struct file_analysis *fa, struct program *p)
{
	int i;

	for (i = 0; i < fa->nr_fns; i++) {
		struct function_info *fi = fa->fns[i];

		fi->sum->manages = fi->starts.nr > 0;
		fi->sum->in_range_param = takes_in_range_param(fi);
		fi->sum->era = fa->model.version;
		fi->sum->era_from = xstrdup(fa->model.version_source ?
						    fa->model.version_source :
						    "");
		program_add(p, fi->sum);
		fi->sum = NULL;
	}
	collect_address_refs(fa, p);
}
