// SPDX-License-Identifier: GPL-2.0
/*
 * page-freed-before-range-end, bug, 6.12 API.
 *
 * docs/kernel-api.md A.6 / E.12 (e) inverted: a batched zap of one large anonymous
 * folio mapped by consecutive ptes.  get_and_clear_full_ptes() clears the
 * whole batch without flushing; the folios collected from the pte table
 * (no reference taken, not parameters) are released with folios_put()
 * while still under the PTL, and the TLB flush that would also reach the
 * IOMMU comes only after it.  Twin: zap_anon_ptes() in
 * zap-put-before-flush.c (flush, then folios_put).
 */
#include <linux/mmu_notifier.h>

#define CLEAR_BATCH 16

unsigned int zap_large_folio_ptes(struct vm_area_struct *vma, pmd_t *pmd,
				  unsigned long start, unsigned int nr)
{
	struct mm_struct *mm = vma->vm_mm;
	struct mmu_notifier_range range;
	struct folio *batch[CLEAR_BATCH];
	unsigned long end;
	spinlock_t *ptl;
	pte_t *pte, ptent;
	int nr_folios = 0;
	struct page *page;

	nr = min(nr, (unsigned int)CLEAR_BATCH);
	end = start + nr * PAGE_SIZE;
	mmu_notifier_range_init(&range, MMU_NOTIFY_CLEAR, 0, mm, start, end);
	mmu_notifier_invalidate_range_start(&range);
	pte = pte_offset_map_lock(mm, pmd, start, &ptl);
	ptent = ptep_get(pte);
	if (!pte_present(ptent) || !vma_is_anonymous(vma))
		goto unlock;
	page = vm_normal_page(vma, start, ptent);
	if (!page)
		goto unlock;
	ptent = get_and_clear_full_ptes(mm, start, pte, nr, 0);
	folio_remove_rmap_pte(page_folio(page), page, vma);
	batch[nr_folios++] = page_folio(page);
	folios_put(batch, nr_folios); /* expect: page-freed-before-range-end */
unlock:
	pte_unmap_unlock(pte, ptl);
	flush_tlb_range(vma, start, end);
	mmu_notifier_invalidate_range_end(&range);
	return nr_folios ? nr : 0;
}
