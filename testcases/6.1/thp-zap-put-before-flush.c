// SPDX-License-Identifier: GPL-2.0
/*
 * page-freed-before-range-end, bug and twin, 6.1 API.
 *
 * docs/kernel-api.md Rule 2, A.3 (4645b9fe84bf: "start; *_clear_flush_notify();
 * only_end") and E.12 (b): dropping an anonymous THP mapped by one pmd
 * outside the mmu_gather.
 *  - drop_anon_thp_early(): pmdp_huge_get_and_clear() flushes nothing and
 *    the THP's mapping reference (pmd_page, not a parameter, no reference
 *    taken) is put before flush_tlb_range() and before range_end: the
 *    IOMMU can still reach the freed huge page - bug.
 *  - drop_anon_thp(): pmdp_huge_clear_flush_notify() flushes the CPU and
 *    secondary TLBs before the put, so the range may close with _only_end.
 */
#include <linux/mmu_notifier.h>

static void drop_anon_thp_early(struct vm_area_struct *vma, pmd_t *pmd,
				unsigned long haddr)
{
	struct mm_struct *mm = vma->vm_mm;
	struct mmu_notifier_range range;
	spinlock_t *ptl;
	pmd_t orig;

	mmu_notifier_range_init(&range, MMU_NOTIFY_UNMAP, 0, vma, mm, haddr,
				haddr + HPAGE_PMD_SIZE);
	mmu_notifier_invalidate_range_start(&range);
	ptl = pmd_lock(mm, pmd);
	if (pmd_trans_huge(*pmd) && vma_is_anonymous(vma)) {
		struct page *page;

		orig = pmdp_huge_get_and_clear(mm, haddr, pmd);
		page = pmd_page(orig);
		page_remove_rmap(page, vma, true);
		put_page(page); /* expect: page-freed-before-range-end */
	}
	spin_unlock(ptl);
	flush_tlb_range(vma, haddr, haddr + HPAGE_PMD_SIZE);
	mmu_notifier_invalidate_range_end(&range);
}

static void drop_anon_thp(struct vm_area_struct *vma, pmd_t *pmd,
			  unsigned long haddr)
{
	struct mm_struct *mm = vma->vm_mm;
	struct mmu_notifier_range range;
	spinlock_t *ptl;
	pmd_t orig;

	mmu_notifier_range_init(&range, MMU_NOTIFY_UNMAP, 0, vma, mm, haddr,
				haddr + HPAGE_PMD_SIZE);
	mmu_notifier_invalidate_range_start(&range);
	ptl = pmd_lock(mm, pmd);
	if (pmd_trans_huge(*pmd) && vma_is_anonymous(vma)) {
		struct page *page;

		orig = pmdp_huge_clear_flush_notify(vma, haddr, pmd);
		page = pmd_page(orig);
		page_remove_rmap(page, vma, true);
		put_page(page);
	}
	spin_unlock(ptl);
	mmu_notifier_invalidate_range_only_end(&range);
}

void discard_anon_thp_pmd(struct vm_area_struct *vma, pmd_t *pmd,
			  unsigned long addr, bool old_code)
{
	if (old_code)
		drop_anon_thp_early(vma, pmd, addr & PMD_MASK);
	else
		drop_anon_thp(vma, pmd, addr & PMD_MASK);
}
