// SPDX-License-Identifier: GPL-2.0
/*
 * range-unbalanced, bug and twin, 4.14 API.
 *
 * Shaped like migrate_misplaced_transhuge_page() of 4.14 (docs/kernel-api.md D.8
 * names the function; the bug here is a different one): the range over the
 * huge pmd is started, then the pmd is re-checked under its lock.  In
 * thp_numa_move_leaky() the "pmd changed / page still in use" exit returns
 * -EAGAIN without ending the range: a missing end on an error return.
 * thp_numa_move() ends the range on that path too.  The pmd replacement
 * itself (clear_flush_notify + set_pmd_at into the emptied slot) is inside
 * the range, and put_page(page) comes after range_end.  put_page(new_page)
 * on the error path follows no clear.
 */
#include <linux/mmu_notifier.h>

static int thp_numa_move_leaky(struct vm_area_struct *vma, pmd_t *pmd,
			       pmd_t entry, unsigned long address,
			       struct page *page, struct page *new_page)
{
	struct mm_struct *mm = vma->vm_mm;
	unsigned long mmun_start = address & PMD_MASK;
	unsigned long mmun_end = mmun_start + HPAGE_PMD_SIZE;
	spinlock_t *ptl;

	mmu_notifier_invalidate_range_start(mm, mmun_start, mmun_end); /* expect: range-unbalanced */
	ptl = pmd_lock(mm, pmd);
	if (unlikely(!pmd_same(*pmd, entry) || page_count(page) != 2)) {
		spin_unlock(ptl);
		put_page(new_page);
		return -EAGAIN;
	}
	pmdp_huge_clear_flush_notify(vma, mmun_start, pmd);
	set_pmd_at(mm, mmun_start, pmd, mk_huge_pmd(new_page, vma->vm_flags));
	page_remove_rmap(page, vma, true);
	spin_unlock(ptl);
	mmu_notifier_invalidate_range_end(mm, mmun_start, mmun_end);
	put_page(page);
	return 0;
}

static int thp_numa_move(struct vm_area_struct *vma, pmd_t *pmd, pmd_t entry,
			 unsigned long address, struct page *page,
			 struct page *new_page)
{
	struct mm_struct *mm = vma->vm_mm;
	unsigned long mmun_start = address & PMD_MASK;
	unsigned long mmun_end = mmun_start + HPAGE_PMD_SIZE;
	spinlock_t *ptl;

	mmu_notifier_invalidate_range_start(mm, mmun_start, mmun_end);
	ptl = pmd_lock(mm, pmd);
	if (unlikely(!pmd_same(*pmd, entry) || page_count(page) != 2)) {
		spin_unlock(ptl);
		mmu_notifier_invalidate_range_end(mm, mmun_start, mmun_end);
		put_page(new_page);
		return -EAGAIN;
	}
	pmdp_huge_clear_flush_notify(vma, mmun_start, pmd);
	set_pmd_at(mm, mmun_start, pmd, mk_huge_pmd(new_page, vma->vm_flags));
	page_remove_rmap(page, vma, true);
	spin_unlock(ptl);
	mmu_notifier_invalidate_range_end(mm, mmun_start, mmun_end);
	put_page(page);
	return 0;
}

int migrate_misplaced_thp_v414(struct vm_area_struct *vma, pmd_t *pmd,
			       pmd_t entry, unsigned long address,
			       struct page *page, struct page *new_page,
			       bool old_code)
{
	if (old_code)
		return thp_numa_move_leaky(vma, pmd, entry, address, page,
					   new_page);
	return thp_numa_move(vma, pmd, entry, address, page, new_page);
}
