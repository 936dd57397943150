// SPDX-License-Identifier: GPL-2.0
/*
 * pte-outside-range and range-unbalanced, correct twin of
 * khugepaged-retract-no-range.c, 6.1 API.
 *
 * docs/kernel-api.md D.11, fixed shape ([6.1] collapse_and_free_pmd): the helper
 * that takes the pte table out of the pmd now opens its own CLEAR range
 * over the huge-page span (init with a NULL vma, as 6.1 does) and ends it
 * after the pmdp_collapse_flush().  Callers need no range of their own.
 */
#include <linux/mmu_notifier.h>

static void collapse_free_pmd(struct mm_struct *mm, struct vm_area_struct *vma,
			      unsigned long addr, pmd_t *pmdp)
{
	struct mmu_notifier_range range;
	spinlock_t *ptl;
	pmd_t pmd;

	mmu_notifier_range_init(&range, MMU_NOTIFY_CLEAR, 0, NULL, mm, addr,
				addr + PMD_SIZE);
	mmu_notifier_invalidate_range_start(&range);
	ptl = pmd_lock(mm, pmdp);
	pmd = pmdp_collapse_flush(vma, addr, pmdp);
	spin_unlock(ptl);
	mmu_notifier_invalidate_range_end(&range);
	mm_dec_nr_ptes(mm);
	pte_free(mm, pmd_pgtable(pmd));
}

void retract_page_tables_v61(struct vm_area_struct **vmas, int nr,
			     unsigned long *addrs)
{
	int i;

	for (i = 0; i < nr; i++) {
		struct vm_area_struct *vma = vmas[i];
		struct mm_struct *mm = vma->vm_mm;
		pmd_t *pmd;

		if (addrs[i] & ~PMD_MASK)
			continue;
		pmd = mm_find_pmd(mm, addrs[i]);
		if (!pmd)
			continue;
		if (mmap_write_trylock(mm)) {
			collapse_free_pmd(mm, vma, addrs[i], pmd);
			mmap_write_unlock(mm);
		}
	}
}

void collapse_pte_mapped_thp_v61(struct mm_struct *mm, unsigned long addr)
{
	unsigned long haddr = addr & PMD_MASK;
	struct vm_area_struct *vma = find_vma(mm, haddr);
	pmd_t *pmd;

	if (!vma || vma->vm_start > haddr || vma->vm_end < haddr + PMD_SIZE)
		return;
	pmd = mm_find_pmd(mm, haddr);
	if (!pmd)
		return;
	collapse_free_pmd(mm, vma, haddr, pmd);
}
