// SPDX-License-Identifier: GPL-2.0
/*
 * pte-outside-range, bug, 4.14 API.
 *
 * docs/kernel-api.md D.2: before "dax: update to new mmu_notifier semantic" (4.13),
 * dax_mapping_entry_mkclean() write-protected and cleaned every pte/pmd
 * mapping a DAX entry that was about to be written back, and told the
 * secondary MMUs only afterwards, with no invalidation range around the
 * change.  A KVM guest or an ODP device could keep writing through its own
 * mapping of the block after writeback had started.  The later
 * mmu_notifier_invalidate_range() call does not make up for the missing
 * start/end.  The set_pte_at/set_pmd_at reinstall into the slot the
 * clear_flush just emptied and are not separate findings.
 *
 * Non-static: in fs/dax.c the writeback caller lives elsewhere.
 */
#include <linux/mmu_notifier.h>

void dax_entry_mkclean_norange(struct vm_area_struct *vma,
			       unsigned long address)
{
	struct mm_struct *mm = vma->vm_mm;
	spinlock_t *ptl;
	pmd_t *pmdp;
	pte_t *ptep, pte;

	pmdp = mm_find_pmd(mm, address);
	if (!pmdp)
		return;

	if (pmd_trans_huge(*pmdp)) {
		pmd_t pmd;

		address &= PMD_MASK;
		ptl = pmd_lock(mm, pmdp);
		if (!pmd_dirty(*pmdp) && !pmd_write(*pmdp))
			goto unlock_pmd;
		pmd = pmdp_huge_clear_flush(vma, address, pmdp); /* expect: pte-outside-range */
		pmd = pmd_wrprotect(pmd);
		pmd = pmd_mkclean(pmd);
		set_pmd_at(mm, address, pmdp, pmd);
		mmu_notifier_invalidate_range(mm, address, address + PMD_SIZE);
unlock_pmd:
		spin_unlock(ptl);
		return;
	}

	ptep = pte_offset_map_lock(mm, pmdp, address, &ptl);
	if (!pte_dirty(*ptep) && !pte_write(*ptep))
		goto unlock_pte;
	pte = ptep_clear_flush(vma, address, ptep); /* expect: pte-outside-range */
	pte = pte_wrprotect(pte);
	pte = pte_mkclean(pte);
	set_pte_at(mm, address, ptep, pte);
	mmu_notifier_invalidate_range(mm, address, address + PAGE_SIZE);
unlock_pte:
	pte_unmap_unlock(ptep, ptl);
}
