// SPDX-License-Identifier: GPL-2.0
/*
 * range-unbalanced, bug and twin, a lone file in the 6.12 API with no
 * header of its tree: the 6-argument mmu_notifier_range_init() (6.3 on).
 *
 * docs/kernel-api.md C (hugetlb): when the range grows for shared PMDs
 * after it was started, starting it again opens a second range the one
 * end does not close.  The range is adjusted before the start.
 *
 * zap_restart(): starts twice - bug.
 * zap_adjust_first(): adjusts, then starts once - ok.
 */
#include <linux/mm.h>
#include <linux/hugetlb.h>
#include <asm/tlb.h>

void zap_restart(struct vm_area_struct *vma, unsigned long start,
		 unsigned long end)
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

void zap_adjust_first(struct vm_area_struct *vma, unsigned long start,
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
