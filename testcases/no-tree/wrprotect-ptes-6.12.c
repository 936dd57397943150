// SPDX-License-Identifier: GPL-2.0
/*
 * pte-outside-range, bug and twin, a lone file in the 6.12 API with no
 * header of its tree: the 6-argument range_init and set_ptes() (6.5 on)
 * give the era.
 *
 * docs/kernel-api.md B.1: write-protecting present ptes (fork's COW
 * preparation, KSM) downgrades entries a secondary MMU may cache with
 * write access: it needs a range like a clear does.
 *
 * wrprotect_batch_no_range(): wrprotect_ptes() with no range - bug.
 * wrprotect_batch(): the same inside a range - ok.
 */
#include <linux/mm.h>
#include <linux/pgtable.h>

void wrprotect_batch_no_range(struct vm_area_struct *vma, pmd_t *pmd,
			      unsigned long addr, unsigned int nr)
{
	struct mm_struct *mm = vma->vm_mm;
	spinlock_t *ptl;
	pte_t *ptep;

	ptep = pte_offset_map_lock(mm, pmd, addr, &ptl);
	if (!ptep)
		return;
	if (pte_present(ptep_get(ptep))) {
		wrprotect_ptes(mm, addr, ptep, nr); /* expect: pte-outside-range */
		flush_tlb_range(vma, addr, addr + nr * PAGE_SIZE);
	}
	pte_unmap_unlock(ptep, ptl);
}

void wrprotect_batch(struct vm_area_struct *vma, pmd_t *pmd,
		     unsigned long addr, unsigned int nr)
{
	struct mm_struct *mm = vma->vm_mm;
	struct mmu_notifier_range range;
	spinlock_t *ptl;
	pte_t *ptep, pte;

	mmu_notifier_range_init(&range, MMU_NOTIFY_PROTECTION_PAGE, 0, mm, addr,
				addr + nr * PAGE_SIZE);
	mmu_notifier_invalidate_range_start(&range);
	ptep = pte_offset_map_lock(mm, pmd, addr, &ptl);
	if (!ptep)
		goto out;
	pte = ptep_get(ptep);
	if (pte_present(pte)) {
		wrprotect_ptes(mm, addr, ptep, nr);
		flush_tlb_range(vma, addr, addr + nr * PAGE_SIZE);
	} else if (pte_none(pte)) {
		set_ptes(mm, addr, ptep, pte_mkspecial(pte), nr);
	}
	pte_unmap_unlock(ptep, ptl);
out:
	mmu_notifier_invalidate_range_end(&range);
}
