// SPDX-License-Identifier: GPL-2.0
/*
 * pte-outside-range, bug at the call site, 4.14 API.
 *
 * docs/kernel-api.md D.4 (fixed by 4d4bbd8526a8): __oom_reap_task_mm() tore down the
 * private memory of an OOM victim with unmap_page_range() and no
 * invalidation range, "that can corrupt the memory of the kvm guest".
 *
 * The pte zap is a zap_pte_range()-like static helper that works on an
 * mmu_gather; such callees run inside their caller's range by contract
 * (E.3), so the helper's ptep_get_and_clear_full() is silent and the finding
 * is the reaper's call, made with no range open.  The pages go through the
 * gather (__tlb_remove_page) and are freed after its flush: no
 * page-freed-before-range-end (E.12 c).
 */
#include <linux/mmu_notifier.h>

static void reap_pte_range(struct mmu_gather *tlb, struct vm_area_struct *vma,
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

bool oom_reap_task_mm_v414(struct mm_struct *mm)
{
	struct vm_area_struct *vma;
	struct mmu_gather tlb;

	for (vma = find_vma(mm, 0); vma; vma = find_vma(mm, vma->vm_end)) {
		unsigned long end;
		pmd_t *pmd;

		if (!vma_is_anonymous(vma))
			continue;
		pmd = mm_find_pmd(mm, vma->vm_start);
		if (!pmd || pmd_none(*pmd) || pmd_trans_huge(*pmd))
			continue;
		end = min(vma->vm_end, (vma->vm_start & PMD_MASK) + PMD_SIZE);
		tlb_gather_mmu(&tlb, mm);
		reap_pte_range(&tlb, vma, pmd, vma->vm_start, end); /* expect: pte-outside-range */
		tlb_finish_mmu(&tlb);
	}
	return true;
}
