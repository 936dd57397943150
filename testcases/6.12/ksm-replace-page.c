// SPDX-License-Identifier: GPL-2.0
/*
 * page-freed-before-range-end and range-unbalanced, correct (no tags),
 * 6.12 API.
 *
 * docs/kernel-api.md C.3 (KSM replace_page, [6.12] mm/ksm.c:1339-1432) and E.12
 * (a): the CLEAR range is opened once; the pte_same() recheck failure
 * leaves through out_mn, which ends it.  The old folio is put before the
 * end, but it belongs to @page, which the KSM scanner passed in and keeps
 * referenced across the merge; ptep_clear_flush() has also flushed the
 * secondary TLBs in this era.  The new pte goes into the emptied slot.
 */
#include <linux/mmu_notifier.h>

static int ksm_replace_page_v612(struct vm_area_struct *vma,
				 struct page *page, struct page *kpage,
				 unsigned long addr, pte_t orig_pte)
{
	struct folio *kfolio = page_folio(kpage);
	struct mm_struct *mm = vma->vm_mm;
	struct mmu_notifier_range range;
	struct folio *folio;
	int err = -EFAULT;
	spinlock_t *ptl;
	pmd_t *pmd;
	pte_t *ptep;

	pmd = mm_find_pmd(mm, addr);
	if (!pmd)
		return err;

	mmu_notifier_range_init(&range, MMU_NOTIFY_CLEAR, 0, mm, addr,
				addr + PAGE_SIZE);
	mmu_notifier_invalidate_range_start(&range);
	ptep = pte_offset_map_lock(mm, pmd, addr, &ptl);
	if (!pte_same(ptep_get(ptep), orig_pte)) {
		pte_unmap_unlock(ptep, ptl);
		goto out_mn;
	}
	folio_get(kfolio);
	ptep_clear_flush(vma, addr, ptep);
	set_pte_at(mm, addr, ptep, mk_pte(kpage, vma->vm_flags));
	folio = page_folio(page);
	folio_remove_rmap_pte(folio, page, vma);
	folio_put(folio);
	pte_unmap_unlock(ptep, ptl);
	err = 0;
out_mn:
	mmu_notifier_invalidate_range_end(&range);
	return err;
}

int ksm_merge_one_v612(struct vm_area_struct *vma, struct page *page,
		       struct page *kpage, unsigned long addr, pte_t orig_pte)
{
	return ksm_replace_page_v612(vma, page, kpage, addr, orig_pte);
}
