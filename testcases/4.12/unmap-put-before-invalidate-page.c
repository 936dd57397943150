// SPDX-License-Identifier: GPL-2.0
/*
 * page-freed-before-range-end, bug and twin, 4.12 API.
 *
 * docs/kernel-api.md A.2, D.1 and 0 (Rule 2): up to 4.12 try_to_unmap_one()
 * ended with "page_remove_rmap(); put_page(page);" and only then
 * mmu_notifier_invalidate_page(): the secondary TLB heard of the cleared
 * pte after the reference was gone - the order the 2017 review of its
 * replacement ruled out ("the put_page cannot be the last put_page").  The
 * op's own comment says a secondary MMU may use the page until
 * invalidate_page() runs.  Here the page is found through the pte itself
 * (vm_normal_page()), so nobody else is known to hold it.  No range is
 * opened: the change told afterwards was the era's form, so the clear is
 * not outside a range.
 *
 * unmap_pte_put_first(): put before invalidate_page() - bug.
 * unmap_pte_put_last(): invalidate_page(), then the put - ok.
 */
#include <linux/mmu_notifier.h>

static bool unmap_pte_put_first(struct vm_area_struct *vma, pmd_t *pmd,
				unsigned long address)
{
	struct mm_struct *mm = vma->vm_mm;
	struct page *page = NULL;
	spinlock_t *ptl;
	pte_t *pte, pteval;

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
unlock:
	pte_unmap_unlock(pte, ptl);
	mmu_notifier_invalidate_page(mm, address);
	return page != NULL;
}

static bool unmap_pte_put_last(struct vm_area_struct *vma, pmd_t *pmd,
			       unsigned long address)
{
	struct mm_struct *mm = vma->vm_mm;
	struct page *page = NULL;
	spinlock_t *ptl;
	pte_t *pte, pteval;

	pte = pte_offset_map_lock(mm, pmd, address, &ptl);
	if (!pte_present(ptep_get(pte))) {
		pte_unmap_unlock(pte, ptl);
		return false;
	}
	pteval = ptep_clear_flush(vma, address, pte);
	page = vm_normal_page(vma, address, pteval);
	if (page && pte_dirty(pteval))
		set_page_dirty(page);
	if (page)
		page_remove_rmap(page, vma, false);
	pte_unmap_unlock(pte, ptl);
	mmu_notifier_invalidate_page(mm, address);
	if (page)
		put_page(page);
	return page != NULL;
}

bool unmap_one_pte_v412(struct vm_area_struct *vma, pmd_t *pmd,
			unsigned long address, bool fixed)
{
	if (fixed)
		return unmap_pte_put_last(vma, pmd, address);
	return unmap_pte_put_first(vma, pmd, address);
}
