// SPDX-License-Identifier: GPL-2.0
/*
 * range-unbalanced, bug and twin, a lone file in the 4.13 - 4.14 API:
 * (mm, start, end) ranges, the mmun_start/mmun_end locals of the era.
 *
 * docs/kernel-api.md D (the THP migration error path): a pmd that changed
 * under the lock sends the function out; the early return leaves the
 * range open, and KVM's invalidation count stays raised.
 *
 * migrate_pmd_return_early(): returns with the range open - bug.
 * migrate_pmd(): leaves through the label that ends it - ok.
 */
#include <linux/mm.h>
#include <linux/huge_mm.h>
#include <linux/mmu_notifier.h>

int migrate_pmd_return_early(struct vm_area_struct *vma, pmd_t *pmd,
			     pmd_t entry, unsigned long address)
{
	struct mm_struct *mm = vma->vm_mm;
	unsigned long mmun_start = address & HPAGE_PMD_MASK;
	unsigned long mmun_end = mmun_start + HPAGE_PMD_SIZE;
	spinlock_t *ptl;

	mmu_notifier_invalidate_range_start(mm, mmun_start, mmun_end); /* expect: range-unbalanced */
	ptl = pmd_lock(mm, pmd);
	if (!pmd_same(*pmd, entry)) {
		spin_unlock(ptl);
		return -EAGAIN;
	}
	pmdp_huge_clear_flush_notify(vma, mmun_start, pmd);
	spin_unlock(ptl);
	mmu_notifier_invalidate_range_end(mm, mmun_start, mmun_end);
	return 0;
}

int migrate_pmd(struct vm_area_struct *vma, pmd_t *pmd, pmd_t entry,
		unsigned long address)
{
	struct mm_struct *mm = vma->vm_mm;
	unsigned long mmun_start = address & HPAGE_PMD_MASK;
	unsigned long mmun_end = mmun_start + HPAGE_PMD_SIZE;
	spinlock_t *ptl;
	int ret = -EAGAIN;

	mmu_notifier_invalidate_range_start(mm, mmun_start, mmun_end);
	ptl = pmd_lock(mm, pmd);
	if (!pmd_same(*pmd, entry)) {
		spin_unlock(ptl);
		goto out;
	}
	pmdp_huge_clear_flush_notify(vma, mmun_start, pmd);
	spin_unlock(ptl);
	ret = 0;
out:
	mmu_notifier_invalidate_range_end(mm, mmun_start, mmun_end);
	return ret;
}
