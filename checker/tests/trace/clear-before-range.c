// SPDX-License-Identifier: GPL-2.0
/*
 * A change made before a range opens, then a range: the finding's notes
 * are the path to the change, never the range or a clear that come after
 * it (tests/t0345).
 */
#include <linux/mmu_notifier.h>
#include "kapi.h"

void clear_then_empty_range(struct vm_area_struct *vma, struct mm_struct *mm,
			    unsigned long addr, pte_t *ptep)
{
	struct mmu_notifier_range range;

	ptep_get_and_clear(mm, addr, ptep);
	mmu_notifier_range_init(&range, MMU_NOTIFY_CLEAR, 0, vma, mm, addr,
				addr + PAGE_SIZE);
	mmu_notifier_invalidate_range_start(&range);
	mmu_notifier_invalidate_range_end(&range);
}

void clear_then_range_with_clear(struct vm_area_struct *vma,
				 struct mm_struct *mm, unsigned long addr,
				 pte_t *ptep)
{
	struct mmu_notifier_range range;

	ptep_get_and_clear(mm, addr, ptep);
	mmu_notifier_range_init(&range, MMU_NOTIFY_CLEAR, 0, vma, mm, addr,
				addr + PAGE_SIZE);
	mmu_notifier_invalidate_range_start(&range);
	ptep_get_and_clear(mm, addr, ptep);
	mmu_notifier_invalidate_range_end(&range);
}
