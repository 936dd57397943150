// SPDX-License-Identifier: GPL-2.0
/*
 * pte-outside-range, bug, and range-unbalanced, correct, 4.14 API.
 *
 * docs/kernel-api.md A.2 and E.4: follow_pte_pmd() starts a range only when
 * it is given somewhere to put its start and end; with NULL it is the plain
 * lookup follow_pte() and follow_pfn() make, and opens nothing.
 *
 * pfn_of_mapping(): reads the pfn through a NULL lookup and ends nothing -
 * no range is left open.
 * wrprotect_mapping_norange(): write-protects the entry it looked up with
 * NULL start and end, so no range covers the change - the bug.
 */
#include <linux/mmu_notifier.h>

int pfn_of_mapping(struct vm_area_struct *vma, unsigned long address,
		   unsigned long *pfn)
{
	pte_t *ptep;
	spinlock_t *ptl;

	if (follow_pte_pmd(vma->vm_mm, address, NULL, NULL, &ptep, NULL, &ptl))
		return -EINVAL;
	*pfn = pte_pfn(*ptep);
	pte_unmap_unlock(ptep, ptl);
	return 0;
}

int wrprotect_mapping_norange(struct vm_area_struct *vma,
			      unsigned long address)
{
	pte_t *ptep;
	spinlock_t *ptl;

	if (follow_pte_pmd(vma->vm_mm, address, NULL, NULL, &ptep, NULL, &ptl))
		return -EINVAL;
	if (pte_write(*ptep))
		ptep_set_wrprotect(vma->vm_mm, address, ptep); /* expect: pte-outside-range */
	pte_unmap_unlock(ptep, ptl);
	return 0;
}
