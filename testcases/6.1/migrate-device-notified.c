// SPDX-License-Identifier: GPL-2.0
/*
 * All three rules, correct (no tags), 6.1 API.
 *
 * docs/kernel-api.md C.3 (__migrate_device_pages / migrate_vma_insert_page), E.1,
 * E.3 and E.6: when device memory is migrated into holes, the second range
 * is opened lazily - only once a page actually has to be inserted - and a
 * `notified` flag records it; the range is closed "if (notified)" with
 * _only_end, because the one replacement that needs a secondary flush (the
 * zero page) uses ptep_clear_flush_notify().  An empty slot is filled with
 * plain set_pte_at ("No need to invalidate - it was non-present before");
 * anything else present or non-none aborts.
 */
#include <linux/mmu_notifier.h>

static void migrate_insert_page_v61(struct vm_area_struct *vma, pmd_t *pmdp,
				    unsigned long addr, struct page *page,
				    unsigned long *src)
{
	struct mm_struct *mm = vma->vm_mm;
	pte_t *ptep, entry, orig;
	spinlock_t *ptl;

	entry = pte_mkwrite(pte_mkdirty(mk_pte(page, vma->vm_flags)));
	ptep = pte_offset_map_lock(mm, pmdp, addr, &ptl);
	orig = ptep_get(ptep);
	if (pte_present(orig)) {
		if (!is_zero_pfn(pte_pfn(orig)))
			goto abort;
		ptep_clear_flush_notify(vma, addr, ptep);
		set_pte_at_notify(mm, addr, ptep, entry);
	} else if (!pte_none(orig)) {
		goto abort;
	} else {
		/* No need to invalidate - it was non-present before */
		set_pte_at(mm, addr, ptep, entry);
	}
	pte_unmap_unlock(ptep, ptl);
	return;
abort:
	pte_unmap_unlock(ptep, ptl);
	*src &= ~MIGRATE_PFN_MIGRATE;
}

void migrate_device_pages_v61(struct vm_area_struct *vma, pmd_t *pmdp,
			      unsigned long *src_pfns, unsigned long *dst_pfns,
			      unsigned long start, unsigned long npages,
			      void *owner)
{
	struct mmu_notifier_range range;
	bool notified = false;
	unsigned long i, addr;

	for (i = 0, addr = start; i < npages; i++, addr += PAGE_SIZE) {
		struct page *newpage = migrate_pfn_to_page(dst_pfns[i]);
		struct page *page = migrate_pfn_to_page(src_pfns[i]);

		if (!newpage || page)
			continue;
		if (!(src_pfns[i] & MIGRATE_PFN_MIGRATE))
			continue;
		if (!notified) {
			notified = true;
			mmu_notifier_range_init_owner(&range, MMU_NOTIFY_MIGRATE, 0, vma, vma->vm_mm, addr, start + npages * PAGE_SIZE, owner);
			mmu_notifier_invalidate_range_start(&range);
		}
		migrate_insert_page_v61(vma, pmdp, addr, newpage, &src_pfns[i]);
	}
	/*
	 * No need to double call mmu_notifier->invalidate_range() callback as
	 * the above ptep_clear_flush_notify() inside the insert helper did
	 * already call it.
	 */
	if (notified)
		mmu_notifier_invalidate_range_only_end(&range);
}
