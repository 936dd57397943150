// SPDX-License-Identifier: GPL-2.0
/*
 * pte-outside-range and range-unbalanced, correct twin of
 * dax-entry-mkclean-no-end.c, 5.15 API.
 *
 * docs/kernel-api.md A.4 and E.4: from 5.12 the lookup that starts its
 * caller's range is follow_invalidate_pte() ("mm: provide a saner PTE
 * walking API for modules"); dax_entry_mkclean() used it until 5.18 moved
 * DAX to pfn_mkclean_range().  On success (0) the range is started and the
 * caller ends it; on failure the helper has ended it.  The changes after
 * the lookup are inside the range.
 */
#include <linux/mmu_notifier.h>

void dax_entry_mkclean_v515(struct address_space *mapping, pgoff_t index,
			    unsigned long pfn)
{
	struct vm_area_struct *vma;
	pte_t pte, *ptep = NULL;
	pmd_t *pmdp = NULL;
	spinlock_t *ptl;

	i_mmap_lock_read(mapping);
	vma_interval_tree_foreach(vma, &mapping->i_mmap, index, index) {
		struct mmu_notifier_range range;
		unsigned long address;

		cond_resched();
		if (!(vma->vm_flags & VM_SHARED))
			continue;
		address = pgoff_address(index, vma);
		/*
		 * Given the range, follow_invalidate_pte() calls
		 * mmu_notifier_invalidate_range_start() on our behalf.
		 */
		if (follow_invalidate_pte(vma->vm_mm, address, &range, &ptep, &pmdp, &ptl))
			continue;
		if (pmdp) {
			pmd_t pmd;

			if (pfn != pmd_pfn(*pmdp))
				goto unlock_pmd;
			if (!pmd_dirty(*pmdp) && !pmd_write(*pmdp))
				goto unlock_pmd;
			flush_cache_page(vma, address, pfn);
			pmd = pmdp_invalidate(vma, address, pmdp);
			pmd = pmd_wrprotect(pmd);
			pmd = pmd_mkclean(pmd);
			set_pmd_at(vma->vm_mm, address, pmdp, pmd);
unlock_pmd:
			spin_unlock(ptl);
		} else {
			if (pfn != pte_pfn(*ptep))
				goto unlock_pte;
			if (!pte_dirty(*ptep) && !pte_write(*ptep))
				goto unlock_pte;
			flush_cache_page(vma, address, pfn);
			pte = ptep_clear_flush(vma, address, ptep);
			pte = pte_wrprotect(pte);
			pte = pte_mkclean(pte);
			set_pte_at(vma->vm_mm, address, ptep, pte);
unlock_pte:
			pte_unmap_unlock(ptep, ptl);
		}
		mmu_notifier_invalidate_range_end(&range);
	}
	i_mmap_unlock_read(mapping);
}
