// SPDX-License-Identifier: GPL-2.0
/*
 * All three rules, correct (no tags), 6.1 API.
 *
 * docs/kernel-api.md C.3 (try_to_unmap_one), E.10 and E.12 (a), (b): the CLEAR
 * range covers the pmd-sized worst case.  Each pte is cleared with
 * ptep_clear_flush(); for anonymous pages a swap entry goes into the
 * emptied slot, followed by mmu_notifier_invalidate_range() under the PTL;
 * if the swap state is inconsistent the original pte is restored inside
 * the range and the walk stops.  folio_put() before range_end is fine:
 * "the folio can not be freed in this function as call of try_to_unmap()
 * must hold a reference on the folio" - the folio is the parameter.
 */
#include <linux/mmu_notifier.h>

bool try_to_unmap_one_v61(struct folio *folio, struct vm_area_struct *vma,
			  unsigned long address, void *arg)
{
	struct mm_struct *mm = vma->vm_mm;
	struct page_vma_mapped_walk pvmw = {
		.folio = folio, .vma = vma, .address = address,
	};
	struct mmu_notifier_range range;
	bool ret = true;
	pte_t pteval;

	mmu_notifier_range_init(&range, MMU_NOTIFY_CLEAR, 0, vma, mm, address,
				min(vma->vm_end, (address & PMD_MASK) + PMD_SIZE));
	mmu_notifier_invalidate_range_start(&range);

	while (page_vma_mapped_walk(&pvmw)) {
		struct page *subpage = pte_page(ptep_get(pvmw.pte));

		address = pvmw.address;
		pteval = ptep_clear_flush(vma, address, pvmw.pte);
		if (pte_dirty(pteval))
			set_page_dirty(subpage);
		if (PageAnon(subpage)) {
			swp_entry_t entry = { .val = page_private(subpage) };

			if (PageSwapBacked(subpage) != PageSwapCache(subpage)) {
				set_pte_at(mm, address, pvmw.pte, pteval);
				ret = false;
				page_vma_mapped_walk_done(&pvmw);
				break;
			}
			set_pte_at(mm, address, pvmw.pte, swp_entry_to_pte(entry));
			mmu_notifier_invalidate_range(mm, address, address + PAGE_SIZE);
		}
		/*
		 * A locked file-backed folio cannot leave the page cache here,
		 * so its secondary flush can wait for range_end.
		 */
		page_remove_rmap(subpage, vma, false);
		folio_put(folio);
	}

	mmu_notifier_invalidate_range_end(&range);
	return ret;
}
