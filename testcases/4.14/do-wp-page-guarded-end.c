// SPDX-License-Identifier: GPL-2.0
/*
 * range-unbalanced and pte-outside-range, correct twin of
 * do-wp-page-guarded-end-leak.c, (mm, start, end) API.
 *
 * docs/kernel-api.md E.6 and C.3 (wp_page_copy): do_wp_page() of 3.8 - 3.19
 * started its range only on the copy path, after setting mmun_start and
 * mmun_end, and every exit went through "unlock:", which ends the range
 * only "if (mmun_end > mmun_start)" - true exactly when the start was made
 * (both are 0 until then).  The reuse path jumps there before any start and
 * only upgrades the entry (DOMAIN E.2); the copy replaces the entry inside
 * the range.  The guard is the start's own bounds: no end without a start,
 * no start left open.
 */
#include <linux/mmu_notifier.h>

int do_wp_page_v38(struct vm_area_struct *vma, unsigned long address,
		   pte_t *page_table, pmd_t *pmd, spinlock_t *ptl,
		   pte_t orig_pte)
{
	struct mm_struct *mm = vma->vm_mm;
	struct page *old_page, *new_page;
	unsigned long mmun_start = 0;	/* For mmu_notifiers */
	unsigned long mmun_end = 0;	/* For mmu_notifiers */
	pte_t entry;
	int ret = 0;

	old_page = vm_normal_page(vma, address, orig_pte);
	if (old_page && PageAnon(old_page) && page_mapcount(old_page) == 1) {
		/* reuse: the same page, more permissions */
		entry = pte_mkwrite(pte_mkdirty(pte_mkyoung(orig_pte)));
		ptep_set_access_flags(vma, address, page_table, entry, 1);
		ret = 1;
		goto unlock;
	}
	if (old_page)
		get_page(old_page);
	pte_unmap_unlock(page_table, ptl);
	new_page = alloc_zeroed_user_highpage_movable(vma, address);
	if (!new_page)
		goto oom;
	if (old_page)
		copy_user_highpage(new_page, old_page, address, vma);

	mmun_start = address & ~(PAGE_SIZE - 1);
	mmun_end = mmun_start + PAGE_SIZE;
	mmu_notifier_invalidate_range_start(mm, mmun_start, mmun_end);

	/* re-check the pte: the lock was dropped */
	page_table = pte_offset_map_lock(mm, pmd, address, &ptl);
	if (likely(pte_same(*page_table, orig_pte))) {
		entry = pte_mkwrite(pte_mkdirty(mk_pte(new_page, vma->vm_flags)));
		ptep_clear_flush_notify(vma, address, page_table);
		page_add_new_anon_rmap(new_page, vma, address, false);
		set_pte_at_notify(mm, address, page_table, entry);
		if (old_page)
			page_remove_rmap(old_page, vma, false);
		/* free the old page */
		new_page = old_page;
		ret = 1;
	}
	if (new_page)
		put_page(new_page);
unlock:
	pte_unmap_unlock(page_table, ptl);
	if (mmun_end > mmun_start)
		mmu_notifier_invalidate_range_end(mm, mmun_start, mmun_end);
	if (old_page)
		put_page(old_page);
	return ret;
oom:
	if (old_page)
		put_page(old_page);
	return -ENOMEM;
}
