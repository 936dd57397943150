// SPDX-License-Identifier: GPL-2.0
/*
 * pte-outside-range, bug and twin, a lone file in the 6.1 API with no
 * header of its tree: the 7-argument mmu_notifier_range_init() (5.2 -
 * 6.2) and mmu_notifier_invalidate_range() (up to 6.5) give the era.
 *
 * docs/kernel-api.md D (khugepaged, f268f6cf875f): retract_page_tables()
 * removed the pte table of a file THP with pmdp_collapse_flush() and no
 * range, in a helper; the finding is on the call made with no range open
 * in the function that decides the address range.
 *
 * retract_no_range(): calls the helper with no range - bug.
 * retract_in_range(): opens the range around the call - ok.
 */
#include <linux/mm.h>
#include <linux/khugepaged.h>
#include "internal.h"

static void free_pte_table(struct mm_struct *mm, struct vm_area_struct *vma,
			   unsigned long addr, pmd_t *pmdp)
{
	spinlock_t *ptl;
	pmd_t pmd;

	ptl = pmd_lock(mm, pmdp);
	pmd = pmdp_collapse_flush(vma, addr, pmdp);
	spin_unlock(ptl);
	mm_dec_nr_ptes(mm);
	pte_free(mm, pmd_pgtable(pmd));
}

void retract_no_range(struct vm_area_struct *vma, unsigned long addr)
{
	struct mm_struct *mm = vma->vm_mm;
	pmd_t *pmd = mm_find_pmd(mm, addr);

	if (!pmd || !mmap_write_trylock(mm))
		return;
	free_pte_table(mm, vma, addr, pmd); /* expect: pte-outside-range */
	mmap_write_unlock(mm);
}

void retract_in_range(struct vm_area_struct *vma, unsigned long addr)
{
	struct mm_struct *mm = vma->vm_mm;
	struct mmu_notifier_range range;
	pmd_t *pmd = mm_find_pmd(mm, addr);

	if (!pmd || !mmap_write_trylock(mm))
		return;
	mmu_notifier_range_init(&range, MMU_NOTIFY_CLEAR, 0, NULL, mm, addr,
				addr + HPAGE_PMD_SIZE);
	mmu_notifier_invalidate_range_start(&range);
	free_pte_table(mm, vma, addr, pmd);
	mmu_notifier_invalidate_range(mm, addr, addr + HPAGE_PMD_SIZE);
	mmu_notifier_invalidate_range_end(&range);
	mmap_write_unlock(mm);
}
