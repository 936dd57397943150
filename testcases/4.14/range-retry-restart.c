// SPDX-License-Identifier: GPL-2.0
/*
 * range-unbalanced, bug (start while the range is already open) and twin,
 * 4.14 API.
 *
 * docs/kernel-api.md Rule 1 ("invalidate_range_start() and invalidate_range_end()
 * must be paired"): a KSM/uprobes-like "replace the page behind one pte"
 * that must lock the old page and may only trylock it under the PTL.  In
 * swap_pte_page_restart() the retry label sits above the start and the
 * retry jumps back without ending the range, so the start runs again while
 * the first range is still open.  swap_pte_page() ends the range before
 * retrying.  Inside the range the old pte is cleared with the notify helper
 * and the new one installed; put_page(old) drops a parameter's reference.
 */
#include <linux/mmu_notifier.h>

static int swap_pte_page_restart(struct vm_area_struct *vma, pmd_t *pmd,
				 unsigned long addr, struct page *old,
				 struct page *new)
{
	struct mm_struct *mm = vma->vm_mm;
	spinlock_t *ptl;
	pte_t *ptep;

retry:
	mmu_notifier_invalidate_range_start(mm, addr, addr + PAGE_SIZE); /* expect: range-unbalanced */
	ptep = pte_offset_map_lock(mm, pmd, addr, &ptl);
	if (!trylock_page(old)) {
		pte_unmap_unlock(ptep, ptl);
		cond_resched();
		goto retry;
	}
	ptep_clear_flush_notify(vma, addr, ptep);
	set_pte_at_notify(mm, addr, ptep, mk_pte(new, vma->vm_flags));
	page_remove_rmap(old, vma, false);
	put_page(old);
	unlock_page(old);
	pte_unmap_unlock(ptep, ptl);
	mmu_notifier_invalidate_range_end(mm, addr, addr + PAGE_SIZE);
	return 0;
}

static int swap_pte_page(struct vm_area_struct *vma, pmd_t *pmd,
			 unsigned long addr, struct page *old,
			 struct page *new)
{
	struct mm_struct *mm = vma->vm_mm;
	spinlock_t *ptl;
	pte_t *ptep;

retry:
	mmu_notifier_invalidate_range_start(mm, addr, addr + PAGE_SIZE);
	ptep = pte_offset_map_lock(mm, pmd, addr, &ptl);
	if (!trylock_page(old)) {
		pte_unmap_unlock(ptep, ptl);
		mmu_notifier_invalidate_range_end(mm, addr, addr + PAGE_SIZE);
		cond_resched();
		goto retry;
	}
	ptep_clear_flush_notify(vma, addr, ptep);
	set_pte_at_notify(mm, addr, ptep, mk_pte(new, vma->vm_flags));
	page_remove_rmap(old, vma, false);
	put_page(old);
	unlock_page(old);
	pte_unmap_unlock(ptep, ptl);
	mmu_notifier_invalidate_range_end(mm, addr, addr + PAGE_SIZE);
	return 0;
}

int replace_mapped_page_v414(struct vm_area_struct *vma, pmd_t *pmd,
			     unsigned long addr, struct page *old,
			     struct page *new, bool old_code)
{
	if (old_code)
		return swap_pte_page_restart(vma, pmd, addr, old, new);
	return swap_pte_page(vma, pmd, addr, old, new);
}
