// SPDX-License-Identifier: GPL-2.0
/*
 * pte-outside-range and range-unbalanced, correct (no tags), 6.1 API.
 *
 * docs/kernel-api.md C.3 (change_protection), E.3 and E.6: change_pmd_range() opens
 * its PROTECTION_VMA range lazily at the first populated pmd, using
 * range.start as the "opened" flag, and closes it "if (range.start)".  The
 * pte and huge-pmd work is done by static callees that only run after the
 * lazy start.  An error from the huge-pmd callee leaves the loop with
 * break, which still reaches the conditional end.  Bug twin:
 * change-prot-return-in-loop.c.
 */
#include <linux/mmu_notifier.h>

static long prot_huge_pmd_v61(struct vm_area_struct *vma, pmd_t *pmd,
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

static long prot_pte_range_v61(struct vm_area_struct *vma, pmd_t *pmd,
			       unsigned long addr, unsigned long end,
			       unsigned long newprot)
{
	long pages = 0;
	spinlock_t *ptl;
	pte_t *pte, *start_pte;

	start_pte = pte = pte_offset_map_lock(vma->vm_mm, pmd, addr, &ptl);
	for (; addr != end; pte++, addr += PAGE_SIZE) {
		pte_t oldpte = ptep_get(pte);

		if (!pte_present(oldpte))
			continue;
		oldpte = ptep_modify_prot_start(vma, addr, pte);
		ptep_modify_prot_commit(vma, addr, pte, oldpte,
					pte_modify(oldpte, newprot));
		pages++;
	}
	pte_unmap_unlock(start_pte, ptl);
	return pages;
}

long change_pmd_range_v61(struct vm_area_struct *vma, pmd_t *pmd,
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
		/* invoke the mmu notifier if the pmd is populated */
		if (!range.start) {
			mmu_notifier_range_init(&range, MMU_NOTIFY_PROTECTION_VMA, 0, vma, vma->vm_mm, addr, end);
			mmu_notifier_invalidate_range_start(&range);
		}
		if (pmd_trans_huge(*pmd) && next - addr == HPAGE_PMD_SIZE) {
			ret = prot_huge_pmd_v61(vma, pmd, addr);
			if (ret < 0) {
				pages = ret;
				break;
			}
			pages += ret;
			continue;
		}
		pages += prot_pte_range_v61(vma, pmd, addr, next, newprot);
	}
	if (range.start)
		mmu_notifier_invalidate_range_end(&range);
	return pages;
}
