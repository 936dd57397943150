// SPDX-License-Identifier: GPL-2.0
/*
 * page-freed-before-range-end and pte-outside-range, correct (no tags),
 * 6.1 API.
 *
 * docs/kernel-api.md C.3 (migrate_vma), E.3 and E.12 (a): migrate_vma_collect()
 * opens a MIGRATE range (init_owner) around walk_page_range(), whose
 * ->pmd_entry replaces present ptes by migration entries.  The callback
 * takes a struct mm_walk and runs inside that range.  For every page it
 * first takes its own reference (get_page, kept for the migration), so the
 * put_page() that drops the mapping's reference after the pte is cleared
 * can never be the last one - the same reasoning as migrate_vma_collect_pmd
 * (folio_get ... page_remove_rmap + folio_put).  The put on the trylock
 * failure path returns the reference just taken.
 */
#include <linux/mmu_notifier.h>

static int collect_pmd_own_ref(pmd_t *pmdp, unsigned long start,
			       unsigned long end, struct mm_walk *walk)
{
	struct vm_area_struct *vma = walk->vma;
	struct mm_struct *mm = vma->vm_mm;
	unsigned long addr;
	bool unmapped = false;
	spinlock_t *ptl;
	pte_t *ptep, *start_ptep;

	start_ptep = ptep = pte_offset_map_lock(mm, pmdp, start, &ptl);
	for (addr = start; addr < end; addr += PAGE_SIZE, ptep++) {
		pte_t pte = ptep_get(ptep);
		struct page *page;

		if (!pte_present(pte))
			continue;
		page = vm_normal_page(vma, addr, pte);
		if (!page)
			continue;
		get_page(page);
		if (!trylock_page(page)) {
			put_page(page);
			continue;
		}
		pte = ptep_get_and_clear(mm, addr, ptep);
		unmapped = true;
		if (pte_dirty(pte))
			set_page_dirty(page);
		set_pte_at(mm, addr, ptep, swp_entry_to_pte(make_readable_migration_entry(page_to_pfn(page))));
		page_remove_rmap(page, vma, false);
		put_page(page);
	}
	if (unmapped)
		flush_tlb_range(vma, start, end);
	pte_unmap_unlock(start_ptep, ptl);
	return 0;
}

static const struct mm_walk_ops collect_own_ref_ops = {
	.pmd_entry = collect_pmd_own_ref,
};

void migrate_vma_collect_v61(struct vm_area_struct *vma, unsigned long start,
			     unsigned long end, void *pgmap_owner)
{
	struct mmu_notifier_range range;

	mmu_notifier_range_init_owner(&range, MMU_NOTIFY_MIGRATE, 0, vma,
				      vma->vm_mm, start, end, pgmap_owner);
	mmu_notifier_invalidate_range_start(&range);
	walk_page_range(vma->vm_mm, start, end, &collect_own_ref_ops, NULL);
	mmu_notifier_invalidate_range_end(&range);
}
