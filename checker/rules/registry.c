// SPDX-License-Identifier: GPL-2.0
/*
 * The checks, in the order their hooks run.  The range state comes first:
 * the other two read it.
 */
#include "unit/unit.h"

const struct check *const check_table[NR_CHECKS] = {
	[CHECK_RANGES] = &check_ranges,
	[CHECK_PTE] = &check_pte,
	[CHECK_PAGE] = &check_page,
};
