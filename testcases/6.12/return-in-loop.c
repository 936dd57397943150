// SPDX-License-Identifier: GPL-2.0
/*
 * range-unbalanced, bug (return inside the loop) and twin, 6.12 API.
 *
 * docs/kernel-api.md Rule 1 ("must pair with every successful start"): a
 * write-protect pass over the pmds of a span opens one PROTECTION_VMA
 * range before the loop.  wrprotect_span_early_return() bails out with
 * `return -EAGAIN` when it meets a huge pmd, leaving the range open;
 * wrprotect_span() breaks out and reaches the end.  The pte work is a
 * static helper called only inside the range.
 */
#include <linux/mmu_notifier.h>

static long wrprotect_pte_table(struct vm_area_struct *vma, pmd_t *pmd,
				unsigned long addr, unsigned long end)
{
	struct mm_struct *mm = vma->vm_mm;
	spinlock_t *ptl;
	pte_t *pte, *start_pte;
	long nr = 0;

	start_pte = pte = pte_offset_map_lock(mm, pmd, addr, &ptl);
	for (; addr != end; addr += PAGE_SIZE, pte++) {
		pte_t ptent = ptep_get(pte);

		if (pte_present(ptent) && pte_write(ptent)) {
			wrprotect_ptes(mm, addr, pte, 1);
			nr++;
		}
	}
	pte_unmap_unlock(start_pte, ptl);
	return nr;
}

static long wrprotect_span_early_return(struct vm_area_struct *vma,
					pmd_t *pmd, unsigned long start,
					unsigned long end)
{
	struct mmu_notifier_range range;
	unsigned long addr, next;
	long pages = 0;

	mmu_notifier_range_init(&range, MMU_NOTIFY_PROTECTION_VMA, 0,
				vma->vm_mm, start, end);
	mmu_notifier_invalidate_range_start(&range); /* expect: range-unbalanced */
	for (addr = start; addr != end; pmd++, addr = next) {
		next = min((addr + PMD_SIZE) & PMD_MASK, end);
		if (pmd_none(*pmd))
			continue;
		if (pmd_trans_huge(*pmd))
			return -EAGAIN;
		pages += wrprotect_pte_table(vma, pmd, addr, next);
	}
	flush_tlb_range(vma, start, end);
	mmu_notifier_invalidate_range_end(&range);
	return pages;
}

static long wrprotect_span(struct vm_area_struct *vma, pmd_t *pmd,
			   unsigned long start, unsigned long end)
{
	struct mmu_notifier_range range;
	unsigned long addr, next;
	long pages = 0;

	mmu_notifier_range_init(&range, MMU_NOTIFY_PROTECTION_VMA, 0,
				vma->vm_mm, start, end);
	mmu_notifier_invalidate_range_start(&range);
	for (addr = start; addr != end; pmd++, addr = next) {
		next = min((addr + PMD_SIZE) & PMD_MASK, end);
		if (pmd_none(*pmd))
			continue;
		if (pmd_trans_huge(*pmd)) {
			pages = -EAGAIN;
			break;
		}
		pages += wrprotect_pte_table(vma, pmd, addr, next);
	}
	flush_tlb_range(vma, start, end);
	mmu_notifier_invalidate_range_end(&range);
	return pages;
}

long wrprotect_vma_span(struct vm_area_struct *vma, pmd_t *pmd,
			unsigned long start, unsigned long end, bool old_code)
{
	if (old_code)
		return wrprotect_span_early_return(vma, pmd, start, end);
	return wrprotect_span(vma, pmd, start, end);
}
