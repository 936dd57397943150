// SPDX-License-Identifier: GPL-2.0
/*
 * pte-outside-range and range-unbalanced, correct (no tags), 6.12 API.
 *
 * docs/kernel-api.md C.3 (copy_page_range), E.5 and E.6: fork opens a
 * PROTECTION_PAGE range on the parent only for COW mappings - "we need to
 * invalidate the secondary MMU mappings only when there could be a
 * permission downgrade on the ptes of the parent mm" - and ends it under
 * the same is_cow test.  The callee write-protects the parent's ptes
 * (wrprotect_ptes) under the very same condition, and fills the child's
 * brand-new page table (dst_vma->vm_mm, no notifiers) with set_ptes.
 */
#include <linux/mmu_notifier.h>

static void copy_present_ptes_v612(struct vm_area_struct *dst_vma,
				   struct vm_area_struct *src_vma,
				   pte_t *dst_pte, pte_t *src_pte, pte_t pte,
				   unsigned long addr, unsigned int nr)
{
	struct mm_struct *src_mm = src_vma->vm_mm;

	/* If it's a COW mapping, write protect it both processes. */
	if (is_cow_mapping(src_vma->vm_flags) && pte_write(pte)) {
		wrprotect_ptes(src_mm, addr, src_pte, nr);
		pte = pte_wrprotect(pte);
	}
	set_ptes(dst_vma->vm_mm, addr, dst_pte, pte, nr);
}

static int copy_pte_range_v612(struct vm_area_struct *dst_vma,
			       struct vm_area_struct *src_vma, pmd_t *dst_pmd,
			       pmd_t *src_pmd, unsigned long addr,
			       unsigned long end)
{
	spinlock_t *src_ptl, *dst_ptl;
	pte_t *src_pte, *dst_pte, *orig_src, *orig_dst;

	orig_dst = dst_pte = pte_offset_map_lock(dst_vma->vm_mm, dst_pmd, addr, &dst_ptl);
	orig_src = src_pte = pte_offset_map_lock(src_vma->vm_mm, src_pmd, addr, &src_ptl);
	for (; addr != end; addr += PAGE_SIZE, src_pte++, dst_pte++) {
		pte_t ptent = ptep_get(src_pte);
		struct page *page;

		if (!pte_present(ptent))
			continue;
		page = vm_normal_page(src_vma, addr, ptent);
		if (page)
			get_page(page);
		copy_present_ptes_v612(dst_vma, src_vma, dst_pte, src_pte,
				       ptent, addr, 1);
	}
	pte_unmap_unlock(orig_src, src_ptl);
	pte_unmap_unlock(orig_dst, dst_ptl);
	return 0;
}

int copy_page_range_v612(struct vm_area_struct *dst_vma,
			 struct vm_area_struct *src_vma, pmd_t *dst_pmd,
			 pmd_t *src_pmd, unsigned long addr, unsigned long end)
{
	struct mm_struct *src_mm = src_vma->vm_mm;
	struct mmu_notifier_range range;
	bool is_cow = is_cow_mapping(src_vma->vm_flags);
	int ret;

	if (is_cow) {
		mmu_notifier_range_init(&range, MMU_NOTIFY_PROTECTION_PAGE, 0,
					src_mm, addr, end);
		mmu_notifier_invalidate_range_start(&range);
	}
	ret = copy_pte_range_v612(dst_vma, src_vma, dst_pmd, src_pmd, addr, end);
	if (is_cow)
		mmu_notifier_invalidate_range_end(&range);
	return ret;
}
