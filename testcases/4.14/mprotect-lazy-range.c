// SPDX-License-Identifier: GPL-2.0
/*
 * range-unbalanced and pte-outside-range, correct twin of
 * mprotect-lazy-end.c, 4.14 API.
 *
 * docs/kernel-api.md C.3 (change_protection), E.3 and E.6: the range is opened at
 * the first populated pmd (mni_start doubles as the "opened" flag) and
 * closed "if (mni_start)".  The pte-level helper runs only after the lazy
 * start, so its ptep_modify_prot_start/commit are inside the range.
 */
#include <linux/mmu_notifier.h>

static unsigned long prot_pte_range_v2(struct vm_area_struct *vma, pmd_t *pmd,
				       unsigned long addr, unsigned long end,
				       unsigned long newprot)
{
	unsigned long pages = 0;
	spinlock_t *ptl;
	pte_t *pte, *start_pte;

	start_pte = pte = pte_offset_map_lock(vma->vm_mm, pmd, addr, &ptl);
	for (; addr != end; pte++, addr += PAGE_SIZE) {
		pte_t oldpte = ptep_get(pte);

		if (!pte_present(oldpte))
			continue;
		oldpte = ptep_modify_prot_start(vma, addr, pte);
		ptep_modify_prot_commit(vma, addr, pte, oldpte,
					pte_modify(oldpte, newprot));
		pages++;
	}
	pte_unmap_unlock(start_pte, ptl);
	return pages;
}

unsigned long change_pmd_range_v2(struct vm_area_struct *vma, pmd_t *pmd,
				  unsigned long addr, unsigned long end,
				  unsigned long newprot)
{
	struct mm_struct *mm = vma->vm_mm;
	unsigned long pages = 0, next, mni_start = 0;

	for (; addr != end; pmd++, addr = next) {
		next = min((addr + PMD_SIZE) & PMD_MASK, end);
		if (pmd_none(*pmd))
			continue;
		if (!mni_start) {
			mni_start = addr;
			mmu_notifier_invalidate_range_start(mm, mni_start, end);
		}
		pages += prot_pte_range_v2(vma, pmd, addr, next, newprot);
	}
	if (mni_start)
		mmu_notifier_invalidate_range_end(mm, mni_start, end);
	return pages;
}
