// SPDX-License-Identifier: GPL-2.0
/*
 * range-unbalanced and pte-outside-range, bug, 5.15 API.
 *
 * docs/kernel-api.md A.4 and E.4: follow_invalidate_pte() given a range
 * starts it and returns 0; the caller must end it.  This copy of
 * dax_entry_mkclean() returns as soon as a pte was cleaned, to clean one
 * mapping only, and leaves the range open (reported at the lookup that
 * started it).  The lookup of the second function passes NULL: a plain
 * lookup that opens nothing, so its write-protect has no range.
 * Twin: dax-entry-mkclean.c.
 */
#include <linux/mmu_notifier.h>

int dax_entry_mkclean_first(struct address_space *mapping, pgoff_t index,
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

		if (!(vma->vm_flags & VM_SHARED))
			continue;
		address = pgoff_address(index, vma);
		if (follow_invalidate_pte(vma->vm_mm, address, &range, &ptep, &pmdp, &ptl)) /* expect: range-unbalanced */
			continue;
		if (pmdp) {
			spin_unlock(ptl);
			mmu_notifier_invalidate_range_end(&range);
			continue;
		}
		if (pte_dirty(*ptep) || pte_write(*ptep)) {
			flush_cache_page(vma, address, pfn);
			pte = ptep_clear_flush(vma, address, ptep);
			pte = pte_wrprotect(pte);
			pte = pte_mkclean(pte);
			set_pte_at(vma->vm_mm, address, ptep, pte);
			pte_unmap_unlock(ptep, ptl);
			i_mmap_unlock_read(mapping);
			return 1;
		}
		pte_unmap_unlock(ptep, ptl);
		mmu_notifier_invalidate_range_end(&range);
	}
	i_mmap_unlock_read(mapping);
	return 0;
}

int wrprotect_one_norange(struct vm_area_struct *vma, unsigned long address)
{
	pte_t *ptep;
	spinlock_t *ptl;

	if (follow_invalidate_pte(vma->vm_mm, address, NULL, &ptep, NULL, &ptl))
		return -EINVAL;
	if (pte_write(*ptep))
		ptep_set_wrprotect(vma->vm_mm, address, ptep); /* expect: pte-outside-range */
	pte_unmap_unlock(ptep, ptl);
	return 0;
}
