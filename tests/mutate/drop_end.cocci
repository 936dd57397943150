// SPDX-License-Identifier: GPL-2.0-only
// Mutant: the function named by $MUTATE_FN no longer ends its range.
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
)
