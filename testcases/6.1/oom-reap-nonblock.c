// SPDX-License-Identifier: GPL-2.0
/*
 * range-unbalanced, pte-outside-range and page-freed-before-range-end,
 * correct (no tags), 6.1 API.
 *
 * docs/kernel-api.md D.4 (the fixed shape) and E.7: __oom_reap_task_mm() brackets
 * each VMA's zap with mmu_notifier_invalidate_range_start_nonblock().  When
 * a notifier would have to block, the call fails: the VMA is skipped and no
 * end is called - the contract of the nonblock API.  On success the zap
 * runs and the range is ended.  The zap helper works on an mmu_gather
 * (inside the caller's range by contract, E.3) and hands pages to the
 * gather, which frees them only after its own flush (E.12 c).
 */
#include <linux/mmu_notifier.h>

static void reap_ptes_v61(struct mmu_gather *tlb, struct vm_area_struct *vma,
			  pmd_t *pmd, unsigned long addr, unsigned long end)
{
	struct mm_struct *mm = tlb->mm;
	spinlock_t *ptl;
	pte_t *start_pte, *pte;

	start_pte = pte = pte_offset_map_lock(mm, pmd, addr, &ptl);
	for (; addr != end; pte++, addr += PAGE_SIZE) {
		pte_t ptent = ptep_get(pte);
		struct page *page;

		if (!pte_present(ptent))
			continue;
		page = vm_normal_page(vma, addr, ptent);
		ptent = ptep_get_and_clear_full(mm, addr, pte, 0);
		if (!page)
			continue;
		page_remove_rmap(page, vma, false);
		__tlb_remove_page(tlb, page);
	}
	pte_unmap_unlock(start_pte, ptl);
}

bool oom_reap_task_mm_v61(struct mm_struct *mm)
{
	struct vm_area_struct *vma;
	bool ret = true;

	for (vma = find_vma(mm, 0); vma; vma = find_vma(mm, vma->vm_end)) {
		struct mmu_notifier_range range;
		struct mmu_gather tlb;
		unsigned long end;
		pmd_t *pmd;

		if (!vma_is_anonymous(vma))
			continue;
		pmd = mm_find_pmd(mm, vma->vm_start);
		if (!pmd || pmd_none(*pmd) || pmd_trans_huge(*pmd))
			continue;
		end = min(vma->vm_end, (vma->vm_start & PMD_MASK) + PMD_SIZE);
		mmu_notifier_range_init(&range, MMU_NOTIFY_UNMAP, 0, vma, mm,
					vma->vm_start, end);
		tlb_gather_mmu(&tlb, mm);
		if (mmu_notifier_invalidate_range_start_nonblock(&range)) {
			tlb_finish_mmu(&tlb);
			ret = false;
			continue;
		}
		reap_ptes_v61(&tlb, vma, pmd, range.start, range.end);
		mmu_notifier_invalidate_range_end(&range);
		tlb_finish_mmu(&tlb);
	}
	return ret;
}
