// SPDX-License-Identifier: GPL-2.0
/*
 * page-freed-before-range-end, bug and twin, 4.14 API.
 *
 * Seed review (Andrea, 30 Aug 2017) and docs/kernel-api.md Rule 2: with a single
 * range_end doing the ->invalidate_range flush, any put done before it must
 * not be the last one unless the page goes through the mmu_gather.
 * drop_ptes_free_early() clears ptes with ptep_get_and_clear() (no flush at
 * all) and frees each page on the spot, before flush_tlb_range() and before
 * range_end: the page can be reused while a device TLB still maps it.
 * drop_ptes_free_late() collects the pages and releases them after
 * range_end.
 */
#include <linux/mmu_notifier.h>

#define DROP_BATCH 16

static void drop_ptes_free_early(struct vm_area_struct *vma, pmd_t *pmd,
				 unsigned long start, unsigned long end)
{
	struct mm_struct *mm = vma->vm_mm;
	unsigned long addr;
	spinlock_t *ptl;
	pte_t *pte, *start_pte;

	mmu_notifier_invalidate_range_start(mm, start, end);
	start_pte = pte = pte_offset_map_lock(mm, pmd, start, &ptl);
	for (addr = start; addr != end; addr += PAGE_SIZE, pte++) {
		pte_t ptent = ptep_get(pte);
		struct page *page;

		if (!pte_present(ptent))
			continue;
		page = vm_normal_page(vma, addr, ptent);
		if (!page)
			continue;
		ptep_get_and_clear(mm, addr, pte);
		page_remove_rmap(page, vma, false);
		free_page_and_swap_cache(page); /* expect: page-freed-before-range-end */
	}
	pte_unmap_unlock(start_pte, ptl);
	flush_tlb_range(vma, start, end);
	mmu_notifier_invalidate_range_end(mm, start, end);
}

static void drop_ptes_free_late(struct vm_area_struct *vma, pmd_t *pmd,
				unsigned long start, unsigned long end)
{
	struct mm_struct *mm = vma->vm_mm;
	struct page *pages[DROP_BATCH];
	unsigned long addr;
	int nr = 0;
	spinlock_t *ptl;
	pte_t *pte, *start_pte;

	end = min(end, start + DROP_BATCH * PAGE_SIZE);
	mmu_notifier_invalidate_range_start(mm, start, end);
	start_pte = pte = pte_offset_map_lock(mm, pmd, start, &ptl);
	for (addr = start; addr != end; addr += PAGE_SIZE, pte++) {
		pte_t ptent = ptep_get(pte);
		struct page *page;

		if (!pte_present(ptent))
			continue;
		page = vm_normal_page(vma, addr, ptent);
		if (!page)
			continue;
		ptep_get_and_clear(mm, addr, pte);
		page_remove_rmap(page, vma, false);
		pages[nr++] = page;
	}
	pte_unmap_unlock(start_pte, ptl);
	flush_tlb_range(vma, start, end);
	mmu_notifier_invalidate_range_end(mm, start, end);
	release_pages(pages, nr);
}

void drop_clean_ptes_v414(struct vm_area_struct *vma, pmd_t *pmd,
			  unsigned long start, unsigned long end, bool batch)
{
	if (batch)
		drop_ptes_free_late(vma, pmd, start, end);
	else
		drop_ptes_free_early(vma, pmd, start, end);
}
