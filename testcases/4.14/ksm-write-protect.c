// SPDX-License-Identifier: GPL-2.0
/*
 * pte-outside-range and range-unbalanced, correct (no tags), 4.14 API.
 *
 * docs/kernel-api.md C.3 (KSM write_protect_page) and E.10: the range is opened
 * before the rmap walk; the "not mapped here" exit jumps to out_mn, which
 * ends it (KSM's out_mn label); when the refcount check fails the original
 * pte is put back inside the range (abort-path restore, not a finding);
 * otherwise the clean, write-protected pte is installed with
 * set_pte_at_notify into the slot the clear just emptied.
 */
#include <linux/mmu_notifier.h>

static int ksm_write_protect_page(struct vm_area_struct *vma,
				  struct page *page, unsigned long address,
				  pte_t *orig_pte)
{
	struct mm_struct *mm = vma->vm_mm;
	struct page_vma_mapped_walk pvmw = {
		.folio = page_folio(page), .vma = vma, .address = address,
	};
	unsigned long mmun_start = address, mmun_end = address + PAGE_SIZE;
	int swapped, err = -EFAULT;

	mmu_notifier_invalidate_range_start(mm, mmun_start, mmun_end);
	if (!page_vma_mapped_walk(&pvmw))
		goto out_mn;

	if (pte_write(*pvmw.pte) || pte_dirty(*pvmw.pte)) {
		pte_t entry;

		swapped = PageSwapCache(page);
		entry = ptep_clear_flush_notify(vma, address, pvmw.pte);
		if (page_mapcount(page) + 1 + swapped != page_count(page)) {
			set_pte_at(mm, address, pvmw.pte, entry);
			goto out_unlock;
		}
		if (pte_dirty(entry))
			set_page_dirty(page);
		entry = pte_mkclean(pte_wrprotect(entry));
		set_pte_at_notify(mm, address, pvmw.pte, entry);
	}
	*orig_pte = *pvmw.pte;
	err = 0;
out_unlock:
	page_vma_mapped_walk_done(&pvmw);
out_mn:
	mmu_notifier_invalidate_range_end(mm, mmun_start, mmun_end);
	return err;
}

int ksm_prepare_merge_v414(struct vm_area_struct *vma, struct page *page,
			   unsigned long addr, pte_t *orig_pte)
{
	return ksm_write_protect_page(vma, page, addr, orig_pte);
}
