// SPDX-License-Identifier: GPL-2.0
/*
 * page-freed-before-range-end, bug and twin, 6.12 API.
 *
 * docs/kernel-api.md A.6 and Rule 2 from 6.6 on: the secondary TLBs are flushed by
 * the architecture's TLB flush (->arch_invalidate_secondary_tlbs), so the
 * rule becomes "no free before the flush of the cleared entry".  The
 * remaining hazard is exactly ptep_get_and_clear() - which flushes nothing -
 * followed by a put before flush_tlb_range().
 *  - zap_anon_ptes_early(): put_page() of the mapping's reference (page
 *    looked up through the pte, no reference taken) before the flush - bug.
 *  - zap_anon_ptes(): flush under the PTL first, then release the batch;
 *    that the puts come before range_end does not matter in 6.12 (E.12 e).
 */
#include <linux/mmu_notifier.h>

#define ZAP_BATCH 16

static void zap_anon_ptes_early(struct vm_area_struct *vma, pmd_t *pmd,
				unsigned long start, unsigned long end)
{
	struct mm_struct *mm = vma->vm_mm;
	struct mmu_notifier_range range;
	unsigned long addr;
	spinlock_t *ptl;
	pte_t *pte, *start_pte;

	mmu_notifier_range_init(&range, MMU_NOTIFY_CLEAR, 0, mm, start, end);
	mmu_notifier_invalidate_range_start(&range);
	start_pte = pte = pte_offset_map_lock(mm, pmd, start, &ptl);
	for (addr = start; addr != end; addr += PAGE_SIZE, pte++) {
		pte_t ptent = ptep_get(pte);
		struct page *page;

		if (!pte_present(ptent) || !vma_is_anonymous(vma))
			continue;
		page = vm_normal_page(vma, addr, ptent);
		if (!page)
			continue;
		ptep_get_and_clear(mm, addr, pte);
		folio_remove_rmap_pte(page_folio(page), page, vma);
		put_page(page); /* expect: page-freed-before-range-end */
	}
	pte_unmap_unlock(start_pte, ptl);
	flush_tlb_range(vma, start, end);
	mmu_notifier_invalidate_range_end(&range);
}

static void zap_anon_ptes(struct vm_area_struct *vma, pmd_t *pmd,
			  unsigned long start, unsigned long end)
{
	struct mm_struct *mm = vma->vm_mm;
	struct mmu_notifier_range range;
	struct folio *batch[ZAP_BATCH];
	unsigned long addr;
	int nr = 0;
	spinlock_t *ptl;
	pte_t *pte, *start_pte;

	end = min(end, start + ZAP_BATCH * PAGE_SIZE);
	mmu_notifier_range_init(&range, MMU_NOTIFY_CLEAR, 0, mm, start, end);
	mmu_notifier_invalidate_range_start(&range);
	start_pte = pte = pte_offset_map_lock(mm, pmd, start, &ptl);
	for (addr = start; addr != end; addr += PAGE_SIZE, pte++) {
		pte_t ptent = ptep_get(pte);
		struct page *page;

		if (!pte_present(ptent) || !vma_is_anonymous(vma))
			continue;
		page = vm_normal_page(vma, addr, ptent);
		if (!page)
			continue;
		ptep_get_and_clear(mm, addr, pte);
		folio_remove_rmap_pte(page_folio(page), page, vma);
		batch[nr++] = page_folio(page);
	}
	flush_tlb_range(vma, start, end);
	pte_unmap_unlock(start_pte, ptl);
	folios_put(batch, nr);
	mmu_notifier_invalidate_range_end(&range);
}

void zap_anon_range_v612(struct vm_area_struct *vma, pmd_t *pmd,
			 unsigned long start, unsigned long end, bool old_code)
{
	if (old_code)
		zap_anon_ptes_early(vma, pmd, start, end);
	else
		zap_anon_ptes(vma, pmd, start, end);
}
