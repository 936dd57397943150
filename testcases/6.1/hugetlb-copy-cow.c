// SPDX-License-Identifier: GPL-2.0
/*
 * pte-outside-range and range-unbalanced, correct (no tags), 6.1 API.
 *
 * docs/kernel-api.md E.5 and E.6 (copy_hugetlb_page_range): the range is opened on
 * the parent (src) only when the mapping is COW, because only then are the
 * parent's entries write-protected, and it is closed under the same
 * condition; the -ENOMEM break still reaches the conditional end.  Writes
 * to the child's page tables (dst, a brand-new mm with no notifiers) need
 * no range.  Bug twin: hugetlb-copy-no-range.c.
 */
#include <linux/mmu_notifier.h>

int copy_hugetlb_range_v61(struct mm_struct *dst, struct mm_struct *src,
			   struct vm_area_struct *dst_vma,
			   struct vm_area_struct *src_vma)
{
	bool cow = is_cow_mapping(src_vma->vm_flags);
	unsigned long sz = huge_page_size(hstate_vma(src_vma));
	struct mmu_notifier_range range;
	unsigned long addr;
	int ret = 0;

	if (cow) {
		mmu_notifier_range_init(&range, MMU_NOTIFY_CLEAR, 0, src_vma, src,
					src_vma->vm_start, src_vma->vm_end);
		mmu_notifier_invalidate_range_start(&range);
	}

	for (addr = src_vma->vm_start; addr < src_vma->vm_end; addr += sz) {
		pte_t *src_pte, *dst_pte, entry;

		src_pte = huge_pte_offset(src, addr, sz);
		if (!src_pte)
			continue;
		dst_pte = huge_pte_alloc(dst, dst_vma, addr, sz);
		if (!dst_pte) {
			ret = -ENOMEM;
			break;
		}
		entry = huge_ptep_get(src_pte);
		if (huge_pte_none(entry))
			continue;
		if (cow) {
			huge_ptep_set_wrprotect(src, addr, src_pte);
			entry = huge_pte_wrprotect(entry);
		}
		get_page(pte_page(entry));
		set_huge_pte_at(dst, addr, dst_pte, entry);
	}

	if (cow)
		mmu_notifier_invalidate_range_end(&range);
	return ret;
}
