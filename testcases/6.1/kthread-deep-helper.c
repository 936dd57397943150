// SPDX-License-Identifier: GPL-2.0
/*
 * pte-outside-range, interprocedural: a clear five calls below a
 * kthread's main loop, 6.1 API.
 *
 * docs/kernel-api.md D.11 and F.2 (f268f6cf875f: khugepaged's
 * retract_page_tables() took pte tables out of their pmd with
 * pmdp_collapse_flush() and no range; the fix opened the range in
 * retract_page_tables() itself).  Here khugepaged_nr(), the thread's
 * loop, reaches retract_nr() through four levels of helpers, and nothing
 * on the way holds a range.  The finding is on the clear in retract_nr(),
 * where the fix goes, with the chain from the loop as notes - not on the
 * loop.  Twin: retract() opens its range around the same clear.
 */
#include <linux/mmu_notifier.h>

static void retract_nr(struct mm_struct *mm, struct vm_area_struct *vma,
		       unsigned long addr)
{
	pmd_t *pmd = mm_find_pmd(mm, addr);
	spinlock_t *ptl;
	pmd_t old;

	if (!pmd)
		return;
	ptl = pmd_lock(mm, pmd);
	old = pmdp_collapse_flush(vma, addr, pmd); /* expect: pte-outside-range */
	spin_unlock(ptl);
	mm_dec_nr_ptes(mm);
	pte_free(mm, pmd_pgtable(old));
}

static void retract(struct mm_struct *mm, struct vm_area_struct *vma,
		    unsigned long addr)
{
	struct mmu_notifier_range range;
	pmd_t *pmd = mm_find_pmd(mm, addr);
	spinlock_t *ptl;
	pmd_t old;

	if (!pmd)
		return;
	mmu_notifier_range_init(&range, MMU_NOTIFY_CLEAR, 0, NULL, mm, addr,
				addr + HPAGE_PMD_SIZE);
	mmu_notifier_invalidate_range_start(&range);
	ptl = pmd_lock(mm, pmd);
	old = pmdp_collapse_flush(vma, addr, pmd);
	spin_unlock(ptl);
	mmu_notifier_invalidate_range_end(&range);
	mm_dec_nr_ptes(mm);
	pte_free(mm, pmd_pgtable(old));
}

static void collapse_file_nr(struct mm_struct *mm, struct vm_area_struct *vma,
			     unsigned long addr, bool fixed)
{
	if (fixed)
		retract(mm, vma, addr);
	else
		retract_nr(mm, vma, addr);
}

static void scan_file_nr(struct mm_struct *mm, struct vm_area_struct *vma,
			 unsigned long addr, bool fixed)
{
	collapse_file_nr(mm, vma, addr, fixed);
}

static void scan_mm_slot_nr(struct mm_struct *mm, struct vm_area_struct *vma,
			    unsigned long addr, bool fixed)
{
	scan_file_nr(mm, vma, addr, fixed);
}

static void do_scan_nr(struct mm_struct *mm, struct vm_area_struct *vma,
		       unsigned long addr, bool fixed)
{
	scan_mm_slot_nr(mm, vma, addr, fixed);
}

int khugepaged_nr(struct mm_struct *mm, struct vm_area_struct *vma,
		  unsigned long addr, bool fixed)
{
	for (;;) {
		do_scan_nr(mm, vma, addr, fixed);
		cond_resched();
	}
	return 0;
}
