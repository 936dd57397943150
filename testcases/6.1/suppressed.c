// SPDX-License-Identifier: GPL-2.0
/*
 * Suppression: a maintainer who has checked a finding and judged it a false
 * alarm writes "mmucheck: ignore RULE (reason)" on the line or the line
 * above; every engine must then stay silent there.  Same shapes as
 * set-pte-notify-no-range.c and start-twice.c, annotated.
 */
#include <linux/mmu_notifier.h>

int private_mm_replace(struct mm_struct *mm, pmd_t *pmd, unsigned long addr,
		       struct page *kpage)
{
	spinlock_t *ptl;
	pte_t *ptep = pte_offset_map_lock(mm, pmd, addr, &ptl);

	/* mmucheck: ignore pte-outside-range (mm built here, no notifier can be registered yet) */
	ptep_get_and_clear(mm, addr, ptep);
	set_pte_at_notify(mm, addr, ptep, mk_pte(kpage, 0)); /* mmucheck: ignore pte-outside-range (same mm) */
	pte_unmap_unlock(ptep, ptl);
	return 0;
}

void widen_and_restart(struct vm_area_struct *vma, unsigned long start,
		       unsigned long end)
{
	struct mmu_notifier_range range;

	mmu_notifier_range_init(&range, MMU_NOTIFY_CLEAR, 0, vma, vma->vm_mm, start, end);
	mmu_notifier_invalidate_range_start(&range);
	range.end += PMD_SIZE;
	/* mmucheck: ignore range-unbalanced (the notifier of this test mm counts starts) */
	mmu_notifier_invalidate_range_start(&range);
	mmu_notifier_invalidate_range_end(&range);
}
