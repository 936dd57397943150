// SPDX-License-Identifier: GPL-2.0
/*
 * range-unbalanced, bug (second start while the range is open) and twin,
 * 6.12 API.
 *
 * docs/kernel-api.md D.6 / D.14 and C.3 (hugetlb): a hugetlb zap must widen its
 * notifier range for possible PMD sharing *before* starting it
 * (adjust_range_if_pmd_sharing_possible / hugetlb_zap_begin).
 * zap_hugetlb_restart() starts first, then widens and starts the widened
 * range again without ending the first - the second start finds a range
 * already open, and only one end follows.  zap_hugetlb() widens first and
 * starts once.  The zap itself is __unmap_hugepage_range(), in another file.
 */
#include <linux/mmu_notifier.h>

static void zap_hugetlb_restart(struct vm_area_struct *vma,
				unsigned long start, unsigned long end)
{
	struct mmu_notifier_range range;
	struct mmu_gather tlb;

	mmu_notifier_range_init(&range, MMU_NOTIFY_CLEAR, 0, vma->vm_mm, start,
				end);
	mmu_notifier_invalidate_range_start(&range);
	adjust_range_if_pmd_sharing_possible(vma, &range.start, &range.end);
	if (range.start != start || range.end != end)
		mmu_notifier_invalidate_range_start(&range); /* expect: range-unbalanced */
	tlb_gather_mmu(&tlb, vma->vm_mm);
	__unmap_hugepage_range(&tlb, vma, start, end, NULL, 0);
	mmu_notifier_invalidate_range_end(&range);
	tlb_finish_mmu(&tlb);
}

static void zap_hugetlb(struct vm_area_struct *vma, unsigned long start,
			unsigned long end)
{
	struct mmu_notifier_range range;
	struct mmu_gather tlb;

	mmu_notifier_range_init(&range, MMU_NOTIFY_CLEAR, 0, vma->vm_mm, start,
				end);
	adjust_range_if_pmd_sharing_possible(vma, &range.start, &range.end);
	mmu_notifier_invalidate_range_start(&range);
	tlb_gather_mmu(&tlb, vma->vm_mm);
	__unmap_hugepage_range(&tlb, vma, start, end, NULL, 0);
	mmu_notifier_invalidate_range_end(&range);
	tlb_finish_mmu(&tlb);
}

void hugetlb_zap_vma_range(struct vm_area_struct *vma, unsigned long start,
			   unsigned long end, bool old_code)
{
	if (old_code)
		zap_hugetlb_restart(vma, start, end);
	else
		zap_hugetlb(vma, start, end);
}
