// SPDX-License-Identifier: GPL-2.0
/*
 * pte-outside-range and range-unbalanced, correct twin of
 * clear-refs-soft-dirty.c, 4.14 API.
 *
 * docs/kernel-api.md D.9 fixed shape and E.6: clear_refs_write() opens a range over
 * the whole address space only for the soft-dirty request and closes it
 * under the same condition.  The young-bit-only walks run without a range
 * (ptep_test_and_clear_young needs none, E.2).  The early HIWATER return
 * happens before anything is started.  A path-insensitive engine sees "end
 * without start" and "wrprotect outside range" here; neither is real.
 */
#include <linux/mmu_notifier.h>

enum clear_refs_kind_v2 {
	CLEAR_REFS_ALL_V2 = 1,
	CLEAR_REFS_ANON_V2,
	CLEAR_REFS_SOFT_DIRTY_V2 = 4,
	CLEAR_REFS_HIWATER_V2,
};

struct clear_refs_private_v2 {
	enum clear_refs_kind_v2 type;
};

static int clear_refs_pte_v2(pte_t *pte, unsigned long addr,
			     unsigned long next, struct mm_walk *walk)
{
	struct clear_refs_private_v2 *cp = walk->private;
	struct vm_area_struct *vma = walk->vma;
	pte_t ptent = ptep_get(pte);

	if (!pte_present(ptent))
		return 0;
	if (cp->type == CLEAR_REFS_SOFT_DIRTY_V2) {
		pte_t old = ptep_modify_prot_start(vma, addr, pte);

		ptent = pte_clear_soft_dirty(pte_wrprotect(old));
		ptep_modify_prot_commit(vma, addr, pte, old, ptent);
		return 0;
	}
	if (vm_normal_page(vma, addr, ptent))
		ptep_test_and_clear_young(vma, addr, pte);
	return 0;
}

static const struct mm_walk_ops clear_refs_ops_v2 = {
	.pte_entry = clear_refs_pte_v2,
};

long clear_refs_write_v2(struct mm_struct *mm, enum clear_refs_kind_v2 type)
{
	struct clear_refs_private_v2 cp = { .type = type };

	if (type == CLEAR_REFS_HIWATER_V2) {
		mm->users = 0;	/* reset_mm_hiwater_rss() */
		return 0;
	}
	if (type == CLEAR_REFS_SOFT_DIRTY_V2)
		mmu_notifier_invalidate_range_start(mm, 0, -1);
	walk_page_range(mm, 0, ~0UL, &clear_refs_ops_v2, &cp);
	if (type == CLEAR_REFS_SOFT_DIRTY_V2)
		mmu_notifier_invalidate_range_end(mm, 0, -1);
	flush_tlb_mm(mm);
	return 0;
}
