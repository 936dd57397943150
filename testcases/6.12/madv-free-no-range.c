// SPDX-License-Identifier: GPL-2.0
/*
 * pte-outside-range, bug at the walk_page_range() call, 6.12 API.
 *
 * docs/kernel-api.md B.4 and E.2/E.3: MADV_FREE clears the Dirty bit of every pte it
 * marks lazily freeable, which is a downgrade (unlike MADV_COLD's
 * young-only aging): a secondary MMU still holding a dirty writable
 * translation could write to a page reclaim will then discard as clean.
 * That is why madvise_free_single_vma() opens a CLEAR range around its
 * walk.  This version walks with no range.  The ->pte_entry callback takes
 * a struct mm_walk and runs under whatever its walker set up, so the
 * finding is the walk_page_range() call.
 */
#include <linux/mmu_notifier.h>

static int lazyfree_pte_entry(pte_t *pte, unsigned long addr,
			      unsigned long next, struct mm_walk *walk)
{
	struct mmu_gather *tlb = walk->private;
	struct mm_struct *mm = walk->mm;
	pte_t ptent = ptep_get(pte);

	if (!pte_present(ptent) || (!pte_young(ptent) && !pte_dirty(ptent)))
		return 0;
	ptent = ptep_get_and_clear_full(mm, addr, pte, 0);
	ptent = pte_mkclean(pte_mkold(ptent));
	set_pte_at(mm, addr, pte, ptent);
	tlb_remove_tlb_entry(tlb, pte, addr);
	return 0;
}

static const struct mm_walk_ops lazyfree_walk_ops = {
	.pte_entry = lazyfree_pte_entry,
};

int madvise_free_vma_norange(struct vm_area_struct *vma, unsigned long start,
			     unsigned long end)
{
	struct mmu_gather tlb;

	if (!vma_is_anonymous(vma))
		return -EINVAL;
	start = start > vma->vm_start ? start : vma->vm_start;
	end = min(vma->vm_end, end);
	tlb_gather_mmu(&tlb, vma->vm_mm);
	walk_page_range(vma->vm_mm, start, end, &lazyfree_walk_ops, &tlb); /* expect: pte-outside-range */
	tlb_finish_mmu(&tlb);
	return 0;
}
