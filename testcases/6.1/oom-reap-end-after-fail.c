// SPDX-License-Identifier: GPL-2.0
/*
 * range-unbalanced, bug (end after a failed nonblock start), 6.1 API.
 *
 * docs/kernel-api.md Rule 1 and E.7: a failed
 * mmu_notifier_invalidate_range_start_nonblock() (non-zero return) has not
 * opened a range, and the header forbids calling _end for it.  This OOM
 * reaper variant skips the zap on failure but still falls through to the
 * common end, so the notifiers that did not block see an end they never
 * saw a start for.  The zap itself (unmap_page_range, another file) runs
 * only after a successful start.  Twin: oom-reap-nonblock.c.
 */
#include <linux/mmu_notifier.h>

bool oom_reap_task_mm_endfail(struct mm_struct *mm)
{
	struct vm_area_struct *vma;
	bool ret = true;

	for (vma = find_vma(mm, 0); vma; vma = find_vma(mm, vma->vm_end)) {
		struct mmu_notifier_range range;
		struct mmu_gather tlb;

		if (!vma_is_anonymous(vma))
			continue;
		mmu_notifier_range_init(&range, MMU_NOTIFY_UNMAP, 0, vma, mm,
					vma->vm_start, vma->vm_end);
		tlb_gather_mmu(&tlb, mm);
		if (mmu_notifier_invalidate_range_start_nonblock(&range)) {
			ret = false;
			goto next;
		}
		unmap_page_range(&tlb, vma, range.start, range.end);
next:
		mmu_notifier_invalidate_range_end(&range); /* expect: range-unbalanced */
		tlb_finish_mmu(&tlb);
	}
	return ret;
}
