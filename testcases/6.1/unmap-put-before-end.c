// SPDX-License-Identifier: GPL-2.0
/*
 * page-freed-before-range-end, bug and twin, 6.1 API.
 *
 * docs/kernel-api.md Rule 2, C.3 (try_to_unmap_one's lazyfree discard) and E.12:
 * a scanner drops a clean MADV_FREE'd anonymous page straight from its pte,
 * inside a CLEAR range.  Unlike try_to_unmap_one() the page was found
 * through the pte, not passed in, and no reference was taken, so the
 * mapping's reference may be the last one.  ptep_get_and_clear() flushes
 * nothing, and before 6.6 the secondary TLB is flushed only by
 * mmu_notifier_invalidate_range(), a *_notify helper or range_end.
 *  - discard_lazyfree_pte_early(): put_page() before any of those - bug.
 *  - discard_lazyfree_pte(): flush + mmu_notifier_invalidate_range() under
 *    the PTL first, then the put (E.12 b).
 * A page redirtied meanwhile gets its pte back inside the range (E.10).
 */
#include <linux/mmu_notifier.h>

static bool discard_lazyfree_pte_early(struct vm_area_struct *vma, pmd_t *pmd,
				       unsigned long addr)
{
	struct mm_struct *mm = vma->vm_mm;
	struct mmu_notifier_range range;
	struct page *page = NULL;
	spinlock_t *ptl;
	pte_t *ptep, pteval;

	mmu_notifier_range_init(&range, MMU_NOTIFY_CLEAR, 0, vma, mm, addr,
				addr + PAGE_SIZE);
	mmu_notifier_invalidate_range_start(&range);
	ptep = pte_offset_map_lock(mm, pmd, addr, &ptl);
	pteval = ptep_get(ptep);
	if (!pte_present(pteval) || !vma_is_anonymous(vma))
		goto unlock;
	page = vm_normal_page(vma, addr, pteval);
	if (!page || PageSwapBacked(page))
		goto unlock;
	pteval = ptep_get_and_clear(mm, addr, ptep);
	if (pte_dirty(pteval)) {
		set_pte_at(mm, addr, ptep, pteval);
		goto unlock;
	}
	page_remove_rmap(page, vma, false);
	put_page(page); /* expect: page-freed-before-range-end */
unlock:
	pte_unmap_unlock(ptep, ptl);
	mmu_notifier_invalidate_range_end(&range);
	return page != NULL;
}

static bool discard_lazyfree_pte(struct vm_area_struct *vma, pmd_t *pmd,
				 unsigned long addr)
{
	struct mm_struct *mm = vma->vm_mm;
	struct mmu_notifier_range range;
	struct page *page = NULL;
	spinlock_t *ptl;
	pte_t *ptep, pteval;

	mmu_notifier_range_init(&range, MMU_NOTIFY_CLEAR, 0, vma, mm, addr,
				addr + PAGE_SIZE);
	mmu_notifier_invalidate_range_start(&range);
	ptep = pte_offset_map_lock(mm, pmd, addr, &ptl);
	pteval = ptep_get(ptep);
	if (!pte_present(pteval) || !vma_is_anonymous(vma))
		goto unlock;
	page = vm_normal_page(vma, addr, pteval);
	if (!page || PageSwapBacked(page))
		goto unlock;
	pteval = ptep_get_and_clear(mm, addr, ptep);
	if (pte_dirty(pteval)) {
		set_pte_at(mm, addr, ptep, pteval);
		goto unlock;
	}
	flush_tlb_page(vma, addr);
	mmu_notifier_invalidate_range(mm, addr, addr + PAGE_SIZE);
	page_remove_rmap(page, vma, false);
	put_page(page);
unlock:
	pte_unmap_unlock(ptep, ptl);
	mmu_notifier_invalidate_range_end(&range);
	return page != NULL;
}

bool reclaim_lazyfree_pte(struct vm_area_struct *vma, pmd_t *pmd,
			  unsigned long addr, bool old_code)
{
	if (old_code)
		return discard_lazyfree_pte_early(vma, pmd, addr);
	return discard_lazyfree_pte(vma, pmd, addr);
}
