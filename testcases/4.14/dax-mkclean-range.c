// SPDX-License-Identifier: GPL-2.0
/*
 * pte-outside-range and range-unbalanced, correct twin of
 * dax-mkclean-no-range.c, 4.14 API.
 *
 * docs/kernel-api.md D.2, fixed shape: the write-protect + clean of a DAX mapping is
 * bracketed by mmu_notifier_invalidate_range_start/end over the pmd that
 * may map the entry (mmun_start/mmun_end locals, as in 4.x).  The early
 * "nothing to do" exits go through the common out label, so every path
 * that started the range ends it; the exit taken before the start does
 * not end anything.
 */
#include <linux/mmu_notifier.h>

void dax_entry_mkclean_ranged(struct vm_area_struct *vma,
			      unsigned long address)
{
	struct mm_struct *mm = vma->vm_mm;
	unsigned long mmun_start = address & PMD_MASK;
	unsigned long mmun_end = mmun_start + PMD_SIZE;
	spinlock_t *ptl;
	pmd_t *pmdp;
	pte_t *ptep, pte;

	pmdp = mm_find_pmd(mm, address);
	if (!pmdp)
		return;

	mmu_notifier_invalidate_range_start(mm, mmun_start, mmun_end);
	if (pmd_trans_huge(*pmdp)) {
		pmd_t pmd;

		ptl = pmd_lock(mm, pmdp);
		if (!pmd_dirty(*pmdp) && !pmd_write(*pmdp))
			goto unlock_pmd;
		pmd = pmdp_huge_clear_flush(vma, mmun_start, pmdp);
		pmd = pmd_wrprotect(pmd);
		pmd = pmd_mkclean(pmd);
		set_pmd_at(mm, mmun_start, pmdp, pmd);
unlock_pmd:
		spin_unlock(ptl);
		goto out;
	}

	ptep = pte_offset_map_lock(mm, pmdp, address, &ptl);
	if (!pte_dirty(*ptep) && !pte_write(*ptep))
		goto unlock_pte;
	pte = ptep_clear_flush(vma, address, ptep);
	pte = pte_wrprotect(pte);
	pte = pte_mkclean(pte);
	set_pte_at(mm, address, ptep, pte);
unlock_pte:
	pte_unmap_unlock(ptep, ptl);
out:
	mmu_notifier_invalidate_range_end(mm, mmun_start, mmun_end);
}
