// SPDX-License-Identifier: GPL-2.0
/*
 * pte-outside-range and range-unbalanced, correct (no tags), 6.1 API.
 *
 * docs/kernel-api.md C.3 (THP collapse) and E.11: collapse_huge_page() opens a range
 * only around pmdp_collapse_flush(), which takes the pte table out of the
 * pmd, and ends it right away.  The small pages are then read out of the
 * detached table and copied, and the new huge pmd is installed with
 * set_pmd_at() *after* range_end: the pmd was emptied inside the range, so
 * this is a fill of a non-present slot, not a replacement.
 */
#include <linux/mmu_notifier.h>

int collapse_huge_page_v61(struct mm_struct *mm, unsigned long address,
			   struct page *hpage)
{
	struct mmu_notifier_range range;
	struct vm_area_struct *vma;
	spinlock_t *pmd_ptl, *pte_ptl;
	pte_t *pte;
	pmd_t *pmd, _pmd;
	int i;

	address &= PMD_MASK;
	vma = find_vma(mm, address);
	if (!vma || vma->vm_start > address)
		return -EINVAL;
	pmd = mm_find_pmd(mm, address);
	if (!pmd)
		return -EINVAL;

	mmu_notifier_range_init(&range, MMU_NOTIFY_CLEAR, 0, NULL, mm, address,
				address + HPAGE_PMD_SIZE);
	mmu_notifier_invalidate_range_start(&range);
	pmd_ptl = pmd_lock(mm, pmd);
	_pmd = pmdp_collapse_flush(vma, address, pmd);
	spin_unlock(pmd_ptl);
	mmu_notifier_invalidate_range_end(&range);

	pte = pte_offset_map_lock(mm, &_pmd, address, &pte_ptl);
	for (i = 0; i < 512; i++) {
		pte_t e = ptep_get(pte + i);

		if (pte_present(e))
			copy_user_highpage(hpage + i, pte_page(e),
					   address + i * PAGE_SIZE, vma);
	}
	pte_unmap_unlock(pte, pte_ptl);

	_pmd = mk_huge_pmd(hpage, vma->vm_flags);
	pmd_ptl = pmd_lock(mm, pmd);
	set_pmd_at(mm, address, pmd, _pmd);
	spin_unlock(pmd_ptl);
	return 0;
}
