// SPDX-License-Identifier: GPL-2.0
/*
 * page-freed-before-range-end, bug and twin, a lone file in the 6.1 API
 * with no header of its tree (7-argument range_init, the _notify helpers:
 * 5.2 - 6.2).
 *
 * docs/kernel-api.md E.12: up to 6.5 ptep_clear_flush() flushes only the
 * CPU TLB; the secondary TLBs hear of the cleared pte through
 * ptep_clear_flush_notify(), mmu_notifier_invalidate_range() or the range
 * end.  A folio found through the pte and put before either may be freed
 * while an IOMMU sharing the page tables still maps it.
 *
 * discard_pte_cpu_flush(): ptep_clear_flush(), put, end - bug.
 * discard_pte_notify(): ptep_clear_flush_notify(), put, end - ok.
 */
#include <linux/mm.h>
#include <linux/rmap.h>

void discard_pte_cpu_flush(struct vm_area_struct *vma, pte_t *ptep,
			   unsigned long address)
{
	struct mmu_notifier_range range;
	struct folio *folio;
	struct page *page;
	pte_t pteval;

	mmu_notifier_range_init(&range, MMU_NOTIFY_CLEAR, 0, vma, vma->vm_mm,
				address, address + PAGE_SIZE);
	mmu_notifier_invalidate_range_start(&range);
	pteval = ptep_clear_flush(vma, address, ptep);
	page = vm_normal_page(vma, address, pteval);
	if (page) {
		folio = page_folio(page);
		page_remove_rmap(page, vma, false);
		folio_put(folio); /* expect: page-freed-before-range-end */
	}
	mmu_notifier_invalidate_range_end(&range);
}

void discard_pte_notify(struct vm_area_struct *vma, pte_t *ptep,
			unsigned long address)
{
	struct mmu_notifier_range range;
	struct folio *folio;
	struct page *page;
	pte_t pteval;

	mmu_notifier_range_init(&range, MMU_NOTIFY_CLEAR, 0, vma, vma->vm_mm,
				address, address + PAGE_SIZE);
	mmu_notifier_invalidate_range_start(&range);
	pteval = ptep_clear_flush_notify(vma, address, ptep);
	page = vm_normal_page(vma, address, pteval);
	if (page) {
		folio = page_folio(page);
		page_remove_rmap(page, vma, false);
		folio_put(folio);
	}
	mmu_notifier_invalidate_range_end(&range);
}
