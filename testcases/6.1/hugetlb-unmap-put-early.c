// SPDX-License-Identifier: GPL-2.0
/*
 * page-freed-before-range-end, bug and twin, 6.1 API.
 *
 * docs/kernel-api.md Rule 2 and E.12 (b), hugetlb flavour: unmapping one private
 * hugetlb page outside the mmu_gather, inside a CLEAR range.  The page is
 * found through the entry (not passed in, no reference taken).
 *  - hugetlb_drop_early(): huge_ptep_get_and_clear() flushes nothing and
 *    the put comes before flush_tlb_range(), before any
 *    mmu_notifier_invalidate_range() and before range_end - bug.
 *  - hugetlb_drop(): huge_ptep_clear_flush() then
 *    mmu_notifier_invalidate_range() (the [6.1] hugetlb_wp pairing), and
 *    only then the put.
 */
#include <linux/mmu_notifier.h>

static void hugetlb_drop_early(struct vm_area_struct *vma, pte_t *ptep,
			       unsigned long haddr)
{
	struct mm_struct *mm = vma->vm_mm;
	unsigned long sz = huge_page_size(hstate_vma(vma));
	struct mmu_notifier_range range;
	pte_t entry;

	mmu_notifier_range_init(&range, MMU_NOTIFY_CLEAR, 0, vma, mm, haddr,
				haddr + sz);
	mmu_notifier_invalidate_range_start(&range);
	entry = huge_ptep_get(ptep);
	if (!huge_pte_none(entry) && pte_present(entry)) {
		struct page *page = pte_page(entry);

		huge_ptep_get_and_clear(mm, haddr, ptep);
		page_remove_rmap(page, vma, true);
		put_page(page); /* expect: page-freed-before-range-end */
	}
	flush_tlb_range(vma, haddr, haddr + sz);
	mmu_notifier_invalidate_range_end(&range);
}

static void hugetlb_drop(struct vm_area_struct *vma, pte_t *ptep,
			 unsigned long haddr)
{
	struct mm_struct *mm = vma->vm_mm;
	unsigned long sz = huge_page_size(hstate_vma(vma));
	struct mmu_notifier_range range;
	pte_t entry;

	mmu_notifier_range_init(&range, MMU_NOTIFY_CLEAR, 0, vma, mm, haddr,
				haddr + sz);
	mmu_notifier_invalidate_range_start(&range);
	entry = huge_ptep_get(ptep);
	if (!huge_pte_none(entry) && pte_present(entry)) {
		struct page *page = pte_page(entry);

		huge_ptep_clear_flush(vma, haddr, ptep);
		mmu_notifier_invalidate_range(mm, haddr, haddr + sz);
		page_remove_rmap(page, vma, true);
		put_page(page);
	}
	mmu_notifier_invalidate_range_end(&range);
}

void hugetlb_unmap_one(struct vm_area_struct *vma, pte_t *ptep,
		       unsigned long addr, bool old_code)
{
	unsigned long haddr = addr & ~(huge_page_size(hstate_vma(vma)) - 1);

	if (old_code)
		hugetlb_drop_early(vma, ptep, haddr);
	else
		hugetlb_drop(vma, ptep, haddr);
}
