// SPDX-License-Identifier: GPL-2.0-only
// Mutant: in the function named by $MUTATE_FN, a page put that follows
// the end of its range is moved to just before that end.
@initialize:python@
@@
import os
target = os.environ["MUTATE_FN"]

@exists@
position p : script:python() { p[0].current_element == target };
identifier endfn = {mmu_notifier_invalidate_range_end,
                    mmu_notifier_invalidate_range_only_end};
identifier put = {put_page, folio_put};
expression R, E;
@@
+ put(E);
  endfn@p(R);
  ...
- put(E);

// With the secondary TLBs flushed earlier, a put before the end was safe:
// the mutant drops those flushes too, which makes it the 4.12 bug again.
@@
position p : script:python() { p[0].current_element == target };
@@
- mmu_notifier_invalidate_range@p(...);

@@
position p : script:python() { p[0].current_element == target };
expression A, B, C;
@@
(
- ptep_clear_flush_notify@p(A, B, C)
+ ptep_clear_flush(A, B, C)
|
- pmdp_huge_clear_flush_notify@p(A, B, C)
+ pmdp_huge_clear_flush(A, B, C)
|
- pudp_huge_clear_flush_notify@p(A, B, C)
+ pudp_huge_clear_flush(A, B, C)
)
