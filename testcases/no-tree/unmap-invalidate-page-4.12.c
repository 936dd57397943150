// SPDX-License-Identifier: GPL-2.0
/*
 * page-freed-before-range-end, bug and twin, a lone file in the API up to 4.12: no
 * header of its tree, so the era is read from its own calls
 * (mmu_notifier_invalidate_page() is gone in 4.13).
 *
 * docs/kernel-api.md A.2: up to 4.12 try_to_unmap_one() cleared the pte
 * with no range open and told the secondary MMUs afterwards with
 * mmu_notifier_invalidate_page(), after the PTL was dropped and after the
 * put: a new page could be mapped at the address before the secondary
 * MMU heard of the old one.  4.13 bracketed it with start/end and flushed
 * under the PTL with mmu_notifier_invalidate_range().
 *
 * In that era invalidate_page() after the change was the contract's own
 * form (docs/kernel-api.md A.2, E.4), so the clear is not outside a range;
 * the bug is the put before it (the seed review's finding).
 *
 * unmap_one_late_notify(): the 4.12 order - bug.
 * unmap_one_in_range(): the 4.13 order - ok.
 */
#include <linux/mm.h>
#include <linux/rmap.h>
#include <linux/mmu_notifier.h>

bool unmap_one_late_notify(struct vm_area_struct *vma, pmd_t *pmd,
			   unsigned long address)
{
	struct mm_struct *mm = vma->vm_mm;
	struct page *victim;
	spinlock_t *ptl;
	pte_t *pte, pteval;

	pte = pte_offset_map_lock(mm, pmd, address, &ptl);
	if (!pte_present(*pte)) {
		pte_unmap_unlock(pte, ptl);
		return false;
	}
	pteval = ptep_clear_flush(vma, address, pte);
	victim = vm_normal_page(vma, address, pteval);
	if (victim) {
		page_remove_rmap(victim, false);
		put_page(victim); /* expect: page-freed-before-range-end */
	}
	pte_unmap_unlock(pte, ptl);
	mmu_notifier_invalidate_page(mm, address);
	return victim != NULL;
}

bool unmap_one_in_range(struct vm_area_struct *vma, pmd_t *pmd,
			unsigned long address)
{
	struct mm_struct *mm = vma->vm_mm;
	unsigned long start = address, end = address + PAGE_SIZE;
	struct page *victim = NULL;
	spinlock_t *ptl;
	pte_t *pte, pteval;

	mmu_notifier_invalidate_range_start(mm, start, end);
	pte = pte_offset_map_lock(mm, pmd, address, &ptl);
	if (!pte_present(*pte))
		goto unlock;
	pteval = ptep_clear_flush(vma, address, pte);
	mmu_notifier_invalidate_range(mm, address, address + PAGE_SIZE);
	victim = vm_normal_page(vma, address, pteval);
	if (victim) {
		page_remove_rmap(victim, false);
		put_page(victim);
	}
unlock:
	pte_unmap_unlock(pte, ptl);
	mmu_notifier_invalidate_range_end(mm, start, end);
	return victim != NULL;
}
