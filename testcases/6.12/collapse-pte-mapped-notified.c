// SPDX-License-Identifier: GPL-2.0
/*
 * All three rules, correct (no tags), 6.12 API.
 *
 * docs/kernel-api.md C.3 (collapse_pte_mapped_thp) and E.6: step 1 only reads the
 * ptes, with no range; step 2 opens a CLEAR range, records it in
 * `notified`, and clears each pte with ptep_clear() - the flush is deferred
 * to pmdp_collapse_flush() in step 4, still inside the range.  The abort
 * path, reachable from both steps, ends the range only "if (notified)".
 * folio_ref_sub() drops the mappings' references but the caller holds its
 * own: it is not one of the freeing puts.
 */
#include <linux/mmu_notifier.h>

int collapse_pte_mapped_thp_v612(struct mm_struct *mm, unsigned long addr,
				 struct folio *folio)
{
	unsigned long haddr = addr & PMD_MASK, a;
	struct vm_area_struct *vma = find_vma(mm, haddr);
	struct mmu_notifier_range range;
	bool notified = false;
	int i, nr_ptes = 0, result = -EINVAL;
	spinlock_t *pml, *ptl;
	pte_t *start_pte, *pte;
	pmd_t *pmd, pgt_pmd;

	if (!vma || vma->vm_start > haddr || vma->vm_end < haddr + PMD_SIZE)
		return -EINVAL;
	pmd = mm_find_pmd(mm, haddr);
	if (!pmd)
		return -EINVAL;

	/* step 1: check that every mapped pte points into @folio */
	start_pte = pte_offset_map_lock(mm, pmd, haddr, &ptl);
	for (i = 0, a = haddr, pte = start_pte; i < 512; i++, a += PAGE_SIZE, pte++) {
		pte_t ptent = ptep_get(pte);

		if (pte_none(ptent))
			continue;
		if (!pte_present(ptent) || vm_normal_page(vma, a, ptent) != folio_page(folio, i))
			goto abort;
	}
	pte_unmap_unlock(start_pte, ptl);

	/* step 2: clear the page table and adjust rmap */
	mmu_notifier_range_init(&range, MMU_NOTIFY_CLEAR, 0, mm, haddr,
				haddr + PMD_SIZE);
	mmu_notifier_invalidate_range_start(&range);
	notified = true;
	start_pte = pte_offset_map_lock(mm, pmd, haddr, &ptl);
	for (i = 0, a = haddr, pte = start_pte; i < 512; i++, a += PAGE_SIZE, pte++) {
		pte_t ptent = ptep_get(pte);

		if (pte_none(ptent))
			continue;
		if (!pte_present(ptent))
			goto abort;
		ptep_clear(mm, a, pte);
		folio_remove_rmap_pte(folio, folio_page(folio, i), vma);
		nr_ptes++;
	}
	pte_unmap_unlock(start_pte, ptl);

	/* step 3: drop the mappings' references */
	if (nr_ptes)
		folio_ref_sub(folio, nr_ptes);

	/* step 4: remove the empty page table */
	pml = pmd_lock(mm, pmd);
	pgt_pmd = pmdp_collapse_flush(vma, haddr, pmd);
	spin_unlock(pml);
	mmu_notifier_invalidate_range_end(&range);
	mm_dec_nr_ptes(mm);
	pte_free_defer(mm, pmd_pgtable(pgt_pmd));
	return 0;

abort:
	pte_unmap_unlock(start_pte, ptl);
	if (notified)
		mmu_notifier_invalidate_range_end(&range);
	return result;
}
