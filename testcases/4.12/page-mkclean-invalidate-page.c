// SPDX-License-Identifier: GPL-2.0
/*
 * pte-outside-range and range-unbalanced, correct (no tags), 4.12 API.
 *
 * docs/kernel-api.md A.2 and D.1: up to 4.12 page_mkclean_one() opened no
 * range.  It write-protected and cleaned each pte (or huge pmd) mapping the
 * page and told the secondary MMUs afterwards with
 * mmu_notifier_invalidate_page(), the era's form for a change of one page:
 * the 4.13 series replaced it with a start/end bracket.  invalidate_page()
 * is neither a start nor an end, so no range is left open or ended without
 * a start.  Bug twin: page-mkclean-unnotified.c.
 */
#include <linux/mmu_notifier.h>

bool page_mkclean_one_v412(struct page *page, struct vm_area_struct *vma,
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
			entry = pmdp_huge_clear_flush(vma, address, pmd);
			entry = pmd_wrprotect(entry);
			entry = pmd_mkclean(entry);
			set_pmd_at(vma->vm_mm, address, pmd, entry);
			ret = 1;
		}

		if (ret) {
			mmu_notifier_invalidate_page(vma->vm_mm, address);
			(*cleaned)++;
		}
	}
	return true;
}
