// SPDX-License-Identifier: GPL-2.0
/*
 * page-freed-before-range-end, bug and twin, 6.12 API.
 *
 * docs/kernel-api.md A.6 and E.12 (e), at pmd level: dropping an anonymous THP
 * mapped by one pmd outside the mmu_gather, inside an UNMAP range.
 *  - drop_thp_pmd_early(): pmdp_huge_get_and_clear() does not flush, and the
 *    folio found through the pmd (no reference taken) is put before
 *    flush_tlb_range() - the CPU and SVA TLBs may still map it - bug.
 *  - drop_thp_pmd(): pmdp_huge_clear_flush() flushes first (and in 6.12
 *    that flush reaches the secondary TLBs); the folio_put() before
 *    range_end is then fine.
 */
#include <linux/mmu_notifier.h>

static void drop_thp_pmd_early(struct vm_area_struct *vma, pmd_t *pmd,
			       unsigned long haddr)
{
	struct mm_struct *mm = vma->vm_mm;
	struct mmu_notifier_range range;
	spinlock_t *ptl;

	mmu_notifier_range_init(&range, MMU_NOTIFY_UNMAP, 0, mm, haddr,
				haddr + HPAGE_PMD_SIZE);
	mmu_notifier_invalidate_range_start(&range);
	ptl = pmd_lock(mm, pmd);
	if (pmd_trans_huge(*pmd) && vma_is_anonymous(vma)) {
		pmd_t orig = pmdp_huge_get_and_clear(mm, haddr, pmd);
		struct folio *folio = pmd_folio(orig);

		folio_remove_rmap_pmd(folio, &folio->page, vma);
		folio_put(folio); /* expect: page-freed-before-range-end */
	}
	spin_unlock(ptl);
	flush_tlb_range(vma, haddr, haddr + HPAGE_PMD_SIZE);
	mmu_notifier_invalidate_range_end(&range);
}

static void drop_thp_pmd(struct vm_area_struct *vma, pmd_t *pmd,
			 unsigned long haddr)
{
	struct mm_struct *mm = vma->vm_mm;
	struct mmu_notifier_range range;
	spinlock_t *ptl;

	mmu_notifier_range_init(&range, MMU_NOTIFY_UNMAP, 0, mm, haddr,
				haddr + HPAGE_PMD_SIZE);
	mmu_notifier_invalidate_range_start(&range);
	ptl = pmd_lock(mm, pmd);
	if (pmd_trans_huge(*pmd) && vma_is_anonymous(vma)) {
		pmd_t orig = pmdp_huge_clear_flush(vma, haddr, pmd);
		struct folio *folio = pmd_folio(orig);

		folio_remove_rmap_pmd(folio, &folio->page, vma);
		folio_put(folio);
	}
	spin_unlock(ptl);
	mmu_notifier_invalidate_range_end(&range);
}

void discard_thp_pmd_v612(struct vm_area_struct *vma, pmd_t *pmd,
			  unsigned long addr, bool old_code)
{
	if (old_code)
		drop_thp_pmd_early(vma, pmd, addr & PMD_MASK);
	else
		drop_thp_pmd(vma, pmd, addr & PMD_MASK);
}
