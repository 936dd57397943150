// SPDX-License-Identifier: GPL-2.0
/*
 * pte-outside-range and range-unbalanced, correct twin of
 * dax-follow-pte-pmd-no-end.c, 4.14 API.
 *
 * docs/kernel-api.md A.2 (patch 01/13), D.2 and E.4: since "dax: update to
 * new mmu_notifier semantic" (a4d1a8852513, 4.13) dax_mapping_entry_mkclean()
 * hands follow_pte_pmd() its start and end.  On success (0) the helper has
 * started the range over the pmd, before taking the page-table lock, and
 * the caller ends it after the write-protect; on failure the helper has
 * ended it itself and the caller skips the vma.  The changes after the
 * lookup are inside the range; set_pte_at/set_pmd_at refill the slot the
 * clear_flush emptied.
 */
#include <linux/mmu_notifier.h>

void dax_mapping_entry_mkclean_v414(struct address_space *mapping,
				    pgoff_t index, unsigned long pfn)
{
	struct vm_area_struct *vma;
	pte_t pte, *ptep = NULL;
	pmd_t *pmdp = NULL;
	spinlock_t *ptl;

	i_mmap_lock_read(mapping);
	vma_interval_tree_foreach(vma, &mapping->i_mmap, index, index) {
		unsigned long address, start, end;

		cond_resched();
		if (!(vma->vm_flags & VM_SHARED))
			continue;
		address = pgoff_address(index, vma);
		/*
		 * Given start and end, follow_pte_pmd() calls
		 * mmu_notifier_invalidate_range_start() on our behalf.
		 */
		if (follow_pte_pmd(vma->vm_mm, address, &start, &end, &ptep, &pmdp, &ptl))
			continue;
		if (pmdp) {
			pmd_t pmd;

			if (pfn != pmd_pfn(*pmdp))
				goto unlock_pmd;
			if (!pmd_dirty(*pmdp) && !pmd_write(*pmdp))
				goto unlock_pmd;
			flush_cache_page(vma, address, pfn);
			pmd = pmdp_huge_clear_flush(vma, address, pmdp);
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
		mmu_notifier_invalidate_range_end(vma->vm_mm, start, end);
	}
	i_mmap_unlock_read(mapping);
}
