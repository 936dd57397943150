// SPDX-License-Identifier: GPL-2.0-only
// Mutant: the function named by $MUTATE_FN neither starts nor ends its range
// (a failed non-blocking start becomes impossible).
@initialize:python@
@@
import os
target = os.environ["MUTATE_FN"]

@@
position p : script:python() { p[0].current_element == target };
@@
(
- mmu_notifier_invalidate_range_end@p(...);
|
- mmu_notifier_invalidate_range_only_end@p(...);
|
- mmu_notifier_invalidate_range_start@p(...);
)

@@
position p : script:python() { p[0].current_element == target };
expression R;
@@
- mmu_notifier_invalidate_range_start_nonblock@p(R)
+ 0
