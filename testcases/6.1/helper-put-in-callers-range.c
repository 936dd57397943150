// SPDX-License-Identifier: GPL-2.0
/*
 * page-freed-before-range-end across functions, bug and twin, 6.1 API.
 *
 * docs/kernel-api.md 0 (Rule 2) and E.12: a helper without a range of its own
 * clears the entry and drops the page; its caller holds the range, whose
 * end is the secondary-TLB flush.  The put comes before that flush: the
 * page can be reused while an IOMMU sharing the page tables still maps
 * it.  The twin calls mmu_notifier_invalidate_range() before the put, as
 * try_to_unmap_one() did in 6.1.
 */
#include <linux/mmu_notifier.h>

static void drop_pte_early(struct vm_area_struct *vma, pte_t *ptep,
			   unsigned long addr)
{
	pte_t pteval = ptep_get_and_clear(vma->vm_mm, addr, ptep);
	struct page *page = pte_page(pteval);

	page_remove_rmap(page, vma, false);
	put_page(page); /* expect: page-freed-before-range-end; cocci: cannot-see (the range is the caller's) */
}

static void drop_pte_flushed(struct vm_area_struct *vma, pte_t *ptep,
			     unsigned long addr)
{
	pte_t pteval = ptep_get_and_clear(vma->vm_mm, addr, ptep);
	struct page *page = pte_page(pteval);

	mmu_notifier_invalidate_range(vma->vm_mm, addr, addr + PAGE_SIZE);
	page_remove_rmap(page, vma, false);
	put_page(page);
}

void discard_one_pte_v61(struct vm_area_struct *vma, pte_t *ptep,
			 unsigned long addr, bool flushed)
{
	struct mmu_notifier_range range;

	mmu_notifier_range_init(&range, MMU_NOTIFY_CLEAR, 0, vma, vma->vm_mm,
				addr, addr + PAGE_SIZE);
	mmu_notifier_invalidate_range_start(&range);
	if (flushed)
		drop_pte_flushed(vma, ptep, addr);
	else
		drop_pte_early(vma, ptep, addr);
	mmu_notifier_invalidate_range_end(&range);
}
