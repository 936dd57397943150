// SPDX-License-Identifier: GPL-2.0
/*
 * range-unbalanced, bug (end without start), 4.14 API.
 *
 * docs/kernel-api.md C.3 (change_protection) and E.6: 4.14's change_pmd_range()
 * opened its range lazily, at the first populated pmd, remembering the
 * start in mni_start, and closed it only "if (mni_start)".  This copy closes
 * it unconditionally, so when every pmd of the span is empty it ends a
 * range it never started.  The pte work is the static helper
 * prot_pte_range_v1(), called only after the lazy start: silent (E.3).
 * Twin: mprotect-lazy-range.c.
 */
#include <linux/mmu_notifier.h>

static unsigned long prot_pte_range_v1(struct vm_area_struct *vma, pmd_t *pmd,
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

unsigned long change_pmd_range_v1(struct vm_area_struct *vma, pmd_t *pmd,
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
		pages += prot_pte_range_v1(vma, pmd, addr, next, newprot);
	}
	mmu_notifier_invalidate_range_end(mm, mni_start, end); /* expect: range-unbalanced */
	return pages;
}
