// SPDX-License-Identifier: GPL-2.0
/*
 * pte-outside-range, interprocedural: a chain of two static helpers,
 * reached from one caller inside a range (silent) and one without (bug at
 * its call), 4.14 API.
 *
 * docs/kernel-api.md E.3 and D.9: snap_wrprotect_ptes() write-protects present
 * ptes; snap_wrprotect_pmd() finds the pte table and calls it.  Neither
 * opens a range, so whether the write-protects are covered depends on who
 * calls the chain.  snapshot_arm_ranged() brackets the call;
 * snapshot_arm_fast() forgot to, which is the same mistake as the
 * pre-3.11 soft-dirty code.  One chain of callers holds a range and the
 * other does not, so the finding is the call with no range above it
 * (docs/kernel-api.md F.2); the helpers' own lines are silent.
 */
#include <linux/mmu_notifier.h>

static void snap_wrprotect_ptes(struct vm_area_struct *vma, pmd_t *pmd,
				unsigned long addr, unsigned long end)
{
	struct mm_struct *mm = vma->vm_mm;
	spinlock_t *ptl;
	pte_t *pte, *start_pte;

	start_pte = pte = pte_offset_map_lock(mm, pmd, addr, &ptl);
	for (; addr != end; pte++, addr += PAGE_SIZE) {
		pte_t ptent = ptep_get(pte);

		if (pte_present(ptent) && pte_write(ptent))
			ptep_set_wrprotect(mm, addr, pte);
	}
	pte_unmap_unlock(start_pte, ptl);
}

static void snap_wrprotect_pmd(struct vm_area_struct *vma, unsigned long addr,
			       unsigned long end)
{
	pmd_t *pmd = mm_find_pmd(vma->vm_mm, addr);

	if (!pmd || pmd_none(*pmd) || pmd_trans_huge(*pmd))
		return;
	snap_wrprotect_ptes(vma, pmd, addr, end);
}

void snapshot_arm_ranged(struct vm_area_struct *vma, unsigned long start,
			 unsigned long end)
{
	struct mm_struct *mm = vma->vm_mm;

	mmu_notifier_invalidate_range_start(mm, start, end);
	snap_wrprotect_pmd(vma, start, end);
	flush_tlb_range(vma, start, end);
	mmu_notifier_invalidate_range_end(mm, start, end);
}

void snapshot_arm_fast(struct vm_area_struct *vma, unsigned long start,
		       unsigned long end)
{
	snap_wrprotect_pmd(vma, start, end); /* expect: pte-outside-range */
	flush_tlb_range(vma, start, end);
}
