// SPDX-License-Identifier: GPL-2.0
/*
 * page-freed-before-range-end and pte-outside-range, correct (no tags),
 * 6.12 API.
 *
 * docs/kernel-api.md A.6 and E.12 (e): deduplicating an anonymous page behind one
 * pte, KSM style, but the old page is found through the pte rather than
 * passed in and no reference is taken.  In 6.1 dropping it before range_end
 * after a plain ptep_clear_flush() would be the Rule 2 bug; in 6.12
 * ptep_clear_flush() -> flush_tlb_page() flushes the secondary TLBs as
 * well, so folio_put() after it is safe although range_end comes later.
 * The new pte goes into the slot ptep_clear_flush() emptied.
 */
#include <linux/mmu_notifier.h>

int dedup_replace_pte_v612(struct vm_area_struct *vma, pmd_t *pmd,
			   unsigned long addr, struct page *kpage)
{
	struct mm_struct *mm = vma->vm_mm;
	struct mmu_notifier_range range;
	struct folio *folio;
	struct page *page;
	spinlock_t *ptl;
	pte_t *ptep, orig;
	int err = -EAGAIN;

	mmu_notifier_range_init(&range, MMU_NOTIFY_CLEAR, 0, mm, addr,
				addr + PAGE_SIZE);
	mmu_notifier_invalidate_range_start(&range);
	ptep = pte_offset_map_lock(mm, pmd, addr, &ptl);
	orig = ptep_get(ptep);
	if (!pte_present(orig) || pte_write(orig))
		goto unlock;
	page = vm_normal_page(vma, addr, orig);
	if (!page || !pages_identical(page, kpage))
		goto unlock;
	folio = page_folio(page);

	folio_get(page_folio(kpage));
	ptep_clear_flush(vma, addr, ptep);
	set_pte_at(mm, addr, ptep, mk_pte(kpage, vma->vm_flags));
	folio_remove_rmap_pte(folio, page, vma);
	folio_put(folio);
	err = 0;
unlock:
	pte_unmap_unlock(ptep, ptl);
	mmu_notifier_invalidate_range_end(&range);
	return err;
}
