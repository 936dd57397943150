// SPDX-License-Identifier: GPL-2.0
/*
 * range-unbalanced, bug (return inside the loop after the range opened),
 * 6.1 API.
 *
 * docs/kernel-api.md C.3 (change_protection) and E.6: the same lazily opened
 * PROTECTION_VMA range as change_pmd_range(), but the error from the
 * huge-pmd step is returned from inside the loop instead of breaking out
 * of it, so the range opened on an earlier (or the same) iteration is never
 * ended.  The pmd writes themselves are inside the range.  Twin:
 * change-prot-lazy-range.c.
 */
#include <linux/mmu_notifier.h>

static long prot_huge_pmd_ret(struct vm_area_struct *vma, pmd_t *pmd,
			      unsigned long addr)
{
	struct mm_struct *mm = vma->vm_mm;
	spinlock_t *ptl = pmd_lock(mm, pmd);
	pmd_t oldpmd;

	if (!pmd_trans_huge(*pmd)) {
		spin_unlock(ptl);
		return -EAGAIN;
	}
	oldpmd = pmdp_invalidate(vma, addr, pmd);
	set_pmd_at(mm, addr, pmd, pmd_wrprotect(oldpmd));
	spin_unlock(ptl);
	return 512;
}

long change_pmd_range_ret(struct vm_area_struct *vma, pmd_t *pmd,
			  unsigned long addr, unsigned long end,
			  unsigned long newprot)
{
	struct mmu_notifier_range range;
	unsigned long next;
	long pages = 0, ret;

	range.start = 0;
	for (; addr != end; pmd++, addr = next) {
		next = min((addr + PMD_SIZE) & PMD_MASK, end);
		if (pmd_none(*pmd))
			continue;
		if (!range.start) {
			mmu_notifier_range_init(&range, MMU_NOTIFY_PROTECTION_VMA, 0, vma, vma->vm_mm, addr, end);
			mmu_notifier_invalidate_range_start(&range); /* expect: range-unbalanced */
		}
		if (!pmd_trans_huge(*pmd) || next - addr != HPAGE_PMD_SIZE)
			continue;
		ret = prot_huge_pmd_ret(vma, pmd, addr);
		if (ret < 0)
			return ret;
		pages += ret;
	}
	if (range.start)
		mmu_notifier_invalidate_range_end(&range);
	return pages;
}
