// SPDX-License-Identifier: GPL-2.0
/*
 * range-unbalanced, bug, 5.4 API.
 *
 * docs/kernel-api.md A.4 and E.4: a failed follow_pte_pmd() has already
 * ended the range it started (it returns non-zero with no lock held and
 * nothing open).  This copy of dax_entry_mkclean() ends it again when the
 * lookup fails: one end too many, which drives KVM's invalidation count
 * below zero.  Twin: dax-entry-mkclean.c.
 */
#include <linux/mmu_notifier.h>

void dax_entry_mkclean_double_end(struct address_space *mapping,
				  pgoff_t index, unsigned long pfn)
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
		if (follow_pte_pmd(vma->vm_mm, address, &range, &ptep, &pmdp, &ptl)) {
			mmu_notifier_invalidate_range_end(&range); /* expect: range-unbalanced */
			continue;
		}
		if (pmdp) {
			pmd_t pmd;

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
		mmu_notifier_invalidate_range_end(&range);
	}
	i_mmap_unlock_read(mapping);
}
