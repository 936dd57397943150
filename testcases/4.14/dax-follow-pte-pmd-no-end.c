// SPDX-License-Identifier: GPL-2.0
/*
 * range-unbalanced, bug, 4.14 API.
 *
 * docs/kernel-api.md A.2 (patch 01/13), D.2 and E.4: follow_pte_pmd() given
 * start and end starts the range itself and returns 0; the caller must end
 * it.  This copy of dax_mapping_entry_mkclean() skips to the next vma when
 * the huge pmd maps another pfn, with the page-table lock dropped but the
 * range still open: KVM's invalidation count stays raised.  The range is
 * reported where it was started, at the follow_pte_pmd() call.
 * Twin: dax-follow-pte-pmd.c.
 */
#include <linux/mmu_notifier.h>

void dax_mapping_entry_mkclean_leaky(struct address_space *mapping,
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
		if (follow_pte_pmd(vma->vm_mm, address, &start, &end, &ptep, &pmdp, &ptl)) /* expect: range-unbalanced */
			continue;
		if (pmdp) {
			pmd_t pmd;

			if (pfn != pmd_pfn(*pmdp)) {
				spin_unlock(ptl);
				continue;
			}
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
