// SPDX-License-Identifier: GPL-2.0
/*
 * range-unbalanced, bug, 4.14 API.
 *
 * docs/kernel-api.md E.6: the copy_hugetlb_page_range() shape of 4.x,
 * whose start and end are both under "if (cow)".  This copy gives up the
 * COW write-protect for the rest of the span when it meets a page pinned
 * for DMA, by clearing cow between the start and the end: the range opened
 * for a COW mapping is then never ended.  A flag assigned between the two
 * tests does not pair them.  Twin: range-same-flag.c.
 */
#include <linux/mmu_notifier.h>

int copy_hugetlb_range_pinned(struct mm_struct *dst, struct mm_struct *src,
			      struct vm_area_struct *vma)
{
	unsigned long sz = huge_page_size(hstate_vma(vma));
	unsigned long addr, mmun_start, mmun_end;
	bool cow;
	int ret = 0;

	cow = (vma->vm_flags & (VM_SHARED | VM_MAYWRITE)) == VM_MAYWRITE;
	mmun_start = vma->vm_start;
	mmun_end = vma->vm_end;
	if (cow)
		mmu_notifier_invalidate_range_start(src, mmun_start, mmun_end); /* expect: range-unbalanced */

	for (addr = vma->vm_start; addr < vma->vm_end; addr += sz) {
		pte_t *src_pte, *dst_pte, entry;

		src_pte = huge_pte_offset(src, addr, sz);
		if (!src_pte)
			continue;
		dst_pte = huge_pte_alloc(dst, addr, sz);
		if (!dst_pte) {
			ret = -ENOMEM;
			break;
		}
		entry = huge_ptep_get(src_pte);
		if (huge_pte_none(entry))
			continue;
		if (page_maybe_dma_pinned(pte_page(entry)))
			cow = false;
		if (cow) {
			huge_ptep_set_wrprotect(src, addr, src_pte);
			entry = huge_pte_wrprotect(entry);
		}
		get_page(pte_page(entry));
		set_huge_pte_at(dst, addr, dst_pte, entry);
	}

	if (cow)
		mmu_notifier_invalidate_range_end(src, mmun_start, mmun_end);
	return ret;
}
