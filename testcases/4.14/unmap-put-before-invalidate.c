// SPDX-License-Identifier: GPL-2.0
/*
 * page-freed-before-range-end, bug and twin, 4.14 (mm, start, end) API.
 *
 * docs/kernel-api.md D.1 / A.2: up to 4.12 try_to_unmap_one() ended with
 * "page_remove_rmap(); put_page(page); mmu_notifier_invalidate_page()": the
 * secondary TLB heard about the cleared pte only after the reference was
 * gone.  Here the same order is used by a function that unmaps one pte and
 * drops the mapping's reference on a page it found through the pte itself
 * (vm_normal_page), so nobody else is known to hold it and the put can be
 * the last one while an IOMMU sharing the page tables still caches the
 * translation.  ptep_clear_flush() flushes only the CPU TLB in this era.
 *
 * discard_pte_notify_late(): put before mmu_notifier_invalidate_range() - bug.
 * discard_pte_notify_first(): notify under the PTL, then put (E.12 b) - ok.
 */
#include <linux/mmu_notifier.h>

static bool discard_pte_notify_late(struct vm_area_struct *vma, pmd_t *pmd,
				    unsigned long address)
{
	struct mm_struct *mm = vma->vm_mm;
	unsigned long mmun_start = address, mmun_end = address + PAGE_SIZE;
	struct page *page = NULL;
	spinlock_t *ptl;
	pte_t *pte, pteval;

	mmu_notifier_invalidate_range_start(mm, mmun_start, mmun_end);
	pte = pte_offset_map_lock(mm, pmd, address, &ptl);
	if (!pte_present(ptep_get(pte)))
		goto unlock;
	pteval = ptep_clear_flush(vma, address, pte);
	page = vm_normal_page(vma, address, pteval);
	if (page) {
		if (pte_dirty(pteval))
			set_page_dirty(page);
		page_remove_rmap(page, vma, false);
		put_page(page); /* expect: page-freed-before-range-end */
	}
	mmu_notifier_invalidate_range(mm, address, address + PAGE_SIZE);
unlock:
	pte_unmap_unlock(pte, ptl);
	mmu_notifier_invalidate_range_end(mm, mmun_start, mmun_end);
	return page != NULL;
}

static bool discard_pte_notify_first(struct vm_area_struct *vma, pmd_t *pmd,
				     unsigned long address)
{
	struct mm_struct *mm = vma->vm_mm;
	unsigned long mmun_start = address, mmun_end = address + PAGE_SIZE;
	struct page *page = NULL;
	spinlock_t *ptl;
	pte_t *pte, pteval;

	mmu_notifier_invalidate_range_start(mm, mmun_start, mmun_end);
	pte = pte_offset_map_lock(mm, pmd, address, &ptl);
	if (!pte_present(ptep_get(pte)))
		goto unlock;
	pteval = ptep_clear_flush(vma, address, pte);
	mmu_notifier_invalidate_range(mm, address, address + PAGE_SIZE);
	page = vm_normal_page(vma, address, pteval);
	if (page) {
		if (pte_dirty(pteval))
			set_page_dirty(page);
		page_remove_rmap(page, vma, false);
		put_page(page);
	}
unlock:
	pte_unmap_unlock(pte, ptl);
	mmu_notifier_invalidate_range_end(mm, mmun_start, mmun_end);
	return page != NULL;
}

bool discard_one_pte(struct vm_area_struct *vma, pmd_t *pmd,
		     unsigned long address, bool fixed)
{
	if (fixed)
		return discard_pte_notify_first(vma, pmd, address);
	return discard_pte_notify_late(vma, pmd, address);
}
