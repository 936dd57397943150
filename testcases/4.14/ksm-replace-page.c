// SPDX-License-Identifier: GPL-2.0
/*
 * page-freed-before-range-end and range-unbalanced, correct (no tags),
 * 4.14 API.
 *
 * docs/kernel-api.md C.3 (KSM replace_page) and E.12 (a): the old page is dropped
 * with put_page() before the range ends, but it is a parameter - the KSM
 * scanner keeps its own reference across the merge - so this put is never
 * the last one (Andrea's "not the last put_page" condition); the
 * ptep_clear_flush_notify() before it also flushed the secondary TLB.  The
 * pte_same() recheck failure leaves through out_mn, which ends the range;
 * the missing-pmd exit comes before the start.  get_page(kpage) is the
 * reference the new mapping keeps.
 */
#include <linux/mmu_notifier.h>

static int ksm_replace_page(struct vm_area_struct *vma, struct page *page,
			    struct page *kpage, unsigned long addr,
			    pte_t orig_pte)
{
	struct mm_struct *mm = vma->vm_mm;
	unsigned long mmun_start = addr, mmun_end = addr + PAGE_SIZE;
	int err = -EFAULT;
	spinlock_t *ptl;
	pmd_t *pmd;
	pte_t *ptep;

	pmd = mm_find_pmd(mm, addr);
	if (!pmd)
		return err;

	mmu_notifier_invalidate_range_start(mm, mmun_start, mmun_end);
	ptep = pte_offset_map_lock(mm, pmd, addr, &ptl);
	if (!pte_same(*ptep, orig_pte)) {
		pte_unmap_unlock(ptep, ptl);
		goto out_mn;
	}
	get_page(kpage);
	ptep_clear_flush_notify(vma, addr, ptep);
	set_pte_at_notify(mm, addr, ptep, mk_pte(kpage, vma->vm_flags));
	page_remove_rmap(page, vma, false);
	put_page(page);
	pte_unmap_unlock(ptep, ptl);
	err = 0;
out_mn:
	mmu_notifier_invalidate_range_end(mm, mmun_start, mmun_end);
	return err;
}

int ksm_merge_into_kpage_v414(struct vm_area_struct *vma, struct page *page,
			      struct page *kpage, unsigned long addr,
			      pte_t orig_pte)
{
	return ksm_replace_page(vma, page, kpage, addr, orig_pte);
}
