// SPDX-License-Identifier: GPL-2.0
/*
 * range-unbalanced, bug (end after a failed nonblock start) and twin,
 * 6.12 API.
 *
 * docs/kernel-api.md E.7 and Rule 1 ([6.12] include/linux/mmu_notifier.h:444-463:
 * after a failed _start_nonblock "the caller must not call _end").  Both
 * reapers keep the nonblock result in `err`.  reap_vmas_end_always() skips
 * the zap on failure but ends the range unconditionally;
 * reap_vmas_end_on_success() ends it only under the same !err test that
 * guarded the zap.
 */
#include <linux/mmu_notifier.h>

bool reap_vmas_end_always(struct mm_struct *mm)
{
	struct vm_area_struct *vma;
	bool ret = true;

	for (vma = find_vma(mm, 0); vma; vma = find_vma(mm, vma->vm_end)) {
		struct mmu_notifier_range range;
		struct mmu_gather tlb;
		int err;

		if (!vma_is_anonymous(vma))
			continue;
		mmu_notifier_range_init(&range, MMU_NOTIFY_UNMAP, 0, mm,
					vma->vm_start, vma->vm_end);
		tlb_gather_mmu(&tlb, mm);
		err = mmu_notifier_invalidate_range_start_nonblock(&range);
		if (!err)
			unmap_page_range(&tlb, vma, range.start, range.end);
		mmu_notifier_invalidate_range_end(&range); /* expect: range-unbalanced */
		tlb_finish_mmu(&tlb);
		if (err)
			ret = false;
	}
	return ret;
}

bool reap_vmas_end_on_success(struct mm_struct *mm)
{
	struct vm_area_struct *vma;
	bool ret = true;

	for (vma = find_vma(mm, 0); vma; vma = find_vma(mm, vma->vm_end)) {
		struct mmu_notifier_range range;
		struct mmu_gather tlb;
		int err;

		if (!vma_is_anonymous(vma))
			continue;
		mmu_notifier_range_init(&range, MMU_NOTIFY_UNMAP, 0, mm,
					vma->vm_start, vma->vm_end);
		tlb_gather_mmu(&tlb, mm);
		err = mmu_notifier_invalidate_range_start_nonblock(&range);
		if (!err) {
			unmap_page_range(&tlb, vma, range.start, range.end);
			mmu_notifier_invalidate_range_end(&range);
		} else {
			ret = false;
		}
		tlb_finish_mmu(&tlb);
	}
	return ret;
}
