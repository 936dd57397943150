/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The rules, one row each, in the order their walk hooks run: the range
 * state comes first, the other two read it.
 *
 *   RULE(symbol, id, walk, link, level, summary, help)
 *
 * walk: the hooks on the path walk (struct check), or NULL; link: the
 * decision over linked summaries, or NULL; level: the SARIF default level;
 * summary: one line; help: what it means and the fix.  Adding a rule is a
 * row here, its files in rules/, testcases (the bug and its correct twin)
 * and its cocci/ counterpart (README "Hacking").
 */
/* one row a rule, its strings unbroken */
/* clang-format off */
RULE(RANGE_UNBALANCED, "range-unbalanced", &check_ranges, NULL, "error",
	"an mmu notifier range is not ended on some path, ended without being started, or ended after _start_nonblock() failed",
	"mmu_notifier_invalidate_range_start() and _end() must pair on every path: a missing end leaves the secondary MMUs' invalidation count raised (KVM vCPUs spin), an unmatched end underflows it, and a failed _start_nonblock() must not be ended. Fix: one exit label that ends the range; after _start_nonblock() fails, skip the work and the end.")
RULE(PTE_OUTSIDE_RANGE, "pte-outside-range", &check_pte,
	decide_pte_outside_range, "error",
	"a user page-table entry is cleared, write-protected or replaced with no mmu notifier range open",
	"A secondary MMU (KVM, an IOMMU sharing the page tables, a GPU or HMM mirror) may cache any present user entry; changing one outside mmu_notifier_invalidate_range_start() ... _end() leaves it stale. Fix: in the function that decides the address range, mmu_notifier_range_init(); mmu_notifier_invalidate_range_start(); change the entries and flush; mmu_notifier_invalidate_range_end().")
RULE(PAGE_FREED_BEFORE_RANGE_END, "page-freed-before-range-end", &check_page,
	decide_page_in_callers_range, "warning",
	"a page whose entry was just cleared may lose its last reference before the secondary TLBs are invalidated",
	"After an entry is cleared, a secondary MMU may still reach the page until its TLB is invalidated (range_end up to 6.5, the TLB flush from 6.6); dropping the last reference before that lets it touch a freed page. Fix: put after the end or the flush (ptep_clear_flush_notify() before 6.6, ptep_clear_flush() after), or free through the mmu_gather (tlb_remove_page()).")
/* clang-format on */
