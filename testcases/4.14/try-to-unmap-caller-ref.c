// SPDX-License-Identifier: GPL-2.0
/*
 * page-freed-before-range-end and pte-outside-range, correct (no tags),
 * 4.14 API.
 *
 * docs/kernel-api.md C.3 (try_to_unmap_one), E.10, E.12 (a) and the seed review:
 * Glisse's 4.13 conversion bracketed try_to_unmap_one() with start/end over
 * the worst-case pmd span; Andrea pointed out that the final range_end is
 * enough as long as the put_page() done before it is not the last one.  It
 * is not: try_to_unmap() callers hold a reference on the page they pass in.
 * This version follows Andrea's suggestion (no mmu_notifier_invalidate_range
 * calls), restores the original pte on the abort path inside the range, and
 * installs the swap entry into the slot it just cleared.
 */
#include <linux/mmu_notifier.h>

bool try_to_unmap_one_v414(struct page *page, struct vm_area_struct *vma,
			   unsigned long address, void *arg)
{
	struct mm_struct *mm = vma->vm_mm;
	struct page_vma_mapped_walk pvmw = {
		.folio = page_folio(page), .vma = vma, .address = address,
	};
	unsigned long start = address, end;
	bool ret = true;
	pte_t pteval;

	/*
	 * Assume a pmd worth of mappings.  The page cannot be freed in here:
	 * whoever calls try_to_unmap() holds a reference on it.
	 */
	end = min(vma->vm_end, (start & PMD_MASK) + PMD_SIZE);
	mmu_notifier_invalidate_range_start(mm, start, end);

	while (page_vma_mapped_walk(&pvmw)) {
		address = pvmw.address;
		pteval = ptep_clear_flush(vma, address, pvmw.pte);
		if (pte_dirty(pteval))
			set_page_dirty(page);

		if (PageAnon(page)) {
			swp_entry_t entry = { .val = page_private(page) };

			if (PageSwapBacked(page) != PageSwapCache(page)) {
				/* give the mapping back and stop */
				set_pte_at(mm, address, pvmw.pte, pteval);
				ret = false;
				page_vma_mapped_walk_done(&pvmw);
				break;
			}
			set_pte_at(mm, address, pvmw.pte,
				   swp_entry_to_pte(entry));
		}
		page_remove_rmap(page, vma, false);
		put_page(page);
	}

	mmu_notifier_invalidate_range_end(mm, start, end);
	return ret;
}
