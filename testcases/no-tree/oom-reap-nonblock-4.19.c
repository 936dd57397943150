// SPDX-License-Identifier: GPL-2.0
/*
 * range-unbalanced, bug and twin, a lone file in the 4.19 - 4.20 API:
 * mmu_notifier_invalidate_range_start_nonblock(mm, start, end).
 *
 * docs/kernel-api.md A.3 (93065ac753e4): the OOM reaper starts its ranges
 * without blocking; a start that fails (-EAGAIN) is not a start, and the
 * header forbids the matching end.
 *
 * reap_vma_end_anyway(): ends the range after a failed start - bug.
 * reap_vma(): skips the vma when the start fails - ok.
 */
#include <linux/mm.h>
#include <linux/oom.h>
#include <linux/mmu_notifier.h>

bool reap_vma_end_anyway(struct mm_struct *mm, struct vm_area_struct *vma)
{
	struct mmu_gather tlb;
	bool ret = true;

	tlb_gather_mmu(&tlb, mm, vma->vm_start, vma->vm_end);
	if (mmu_notifier_invalidate_range_start_nonblock(mm, vma->vm_start,
							 vma->vm_end)) {
		ret = false;
		goto end;
	}
	unmap_page_range(&tlb, vma, vma->vm_start, vma->vm_end, NULL);
end:
	mmu_notifier_invalidate_range_end(mm, vma->vm_start, vma->vm_end); /* expect: range-unbalanced */
	tlb_finish_mmu(&tlb, vma->vm_start, vma->vm_end);
	return ret;
}

bool reap_vma(struct mm_struct *mm, struct vm_area_struct *vma)
{
	struct mmu_gather tlb;

	tlb_gather_mmu(&tlb, mm, vma->vm_start, vma->vm_end);
	if (mmu_notifier_invalidate_range_start_nonblock(mm, vma->vm_start,
							 vma->vm_end)) {
		tlb_finish_mmu(&tlb, vma->vm_start, vma->vm_end);
		return false;
	}
	unmap_page_range(&tlb, vma, vma->vm_start, vma->vm_end, NULL);
	mmu_notifier_invalidate_range_end(mm, vma->vm_start, vma->vm_end);
	tlb_finish_mmu(&tlb, vma->vm_start, vma->vm_end);
	return true;
}
