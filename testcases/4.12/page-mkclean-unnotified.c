// SPDX-License-Identifier: GPL-2.0
/*
 * pte-outside-range, bug, 4.12 API.
 *
 * docs/kernel-api.md A.2 and D.1: the shape of page_mkclean_one() up to
 * 4.12, where a change of one page's entry was told to the secondary MMUs
 * afterwards by mmu_notifier_invalidate_page().  This copy stops the walk
 * after write-protecting a huge pmd ("it maps the whole page") and leaves
 * before the notification, so a secondary MMU keeps a writable translation
 * of a page that writeback now takes for clean.  The pte branch is told.
 * Twin: page-mkclean-invalidate-page.c.
 */
#include <linux/mmu_notifier.h>

bool page_mkclean_one_early_stop(struct page *page, struct vm_area_struct *vma,
				 unsigned long address, void *arg)
{
	struct page_vma_mapped_walk pvmw = {
		.folio = page_folio(page),
		.vma = vma,
		.address = address,
	};
	int *cleaned = arg;

	while (page_vma_mapped_walk(&pvmw)) {
		int ret = 0;

		address = pvmw.address;
		if (pvmw.pte) {
			pte_t *pte = pvmw.pte;
			pte_t entry;

			if (!pte_dirty(*pte) && !pte_write(*pte))
				continue;
			flush_cache_page(vma, address, pte_pfn(*pte));
			entry = ptep_clear_flush(vma, address, pte);
			entry = pte_wrprotect(entry);
			entry = pte_mkclean(entry);
			set_pte_at(vma->vm_mm, address, pte, entry);
			ret = 1;
		} else {
			pmd_t *pmd = pvmw.pmd;
			pmd_t entry;

			if (!pmd_dirty(*pmd) && !pmd_write(*pmd))
				continue;
			flush_cache_page(vma, address, pmd_pfn(*pmd));
			entry = pmdp_huge_clear_flush(vma, address, pmd); /* expect: pte-outside-range */
			entry = pmd_wrprotect(entry);
			entry = pmd_mkclean(entry);
			set_pmd_at(vma->vm_mm, address, pmd, entry);
			(*cleaned)++;
			page_vma_mapped_walk_done(&pvmw);
			break;
		}

		if (ret) {
			mmu_notifier_invalidate_page(vma->vm_mm, address);
			(*cleaned)++;
		}
	}
	return true;
}
