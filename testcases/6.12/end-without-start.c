// SPDX-License-Identifier: GPL-2.0
/*
 * range-unbalanced, bug (end without start), 6.12 API.
 *
 * docs/kernel-api.md C.3 (hugetlb_wp): the COW of a hugetlb page allocates and
 * copies the new folio before it opens the CLEAR range.  In this copy the
 * allocation failure jumps to the common out_end label, whose
 * mmu_notifier_invalidate_range_end() then closes a range that was never
 * started (nor even initialised).  The replacement itself is inside the
 * range and the puts come after the end.  Twin: hugetlb-wp.c.
 */
#include <linux/mmu_notifier.h>

int hugetlb_cow_end_unstarted(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;
	struct mm_struct *mm = vma->vm_mm;
	unsigned long sz = huge_page_size(hstate_vma(vma));
	unsigned long haddr = vmf->address & ~(sz - 1);
	struct mmu_notifier_range range;
	struct folio *old_folio, *new_folio;
	pte_t pte = huge_ptep_get(mm, haddr, vmf->pte);
	int ret = 0;

	old_folio = page_folio(pte_page(pte));
	folio_get(old_folio);
	new_folio = alloc_hugetlb_folio(vma, haddr, 0);
	if (!new_folio) {
		ret = -ENOMEM;
		goto out_end;
	}
	folio_copy(new_folio, old_folio);

	mmu_notifier_range_init(&range, MMU_NOTIFY_CLEAR, 0, mm, haddr,
				haddr + sz);
	mmu_notifier_invalidate_range_start(&range);
	spin_lock(vmf->ptl);
	if (likely(pte_same(huge_ptep_get(mm, haddr, vmf->pte), pte))) {
		huge_ptep_clear_flush(vma, haddr, vmf->pte);
		set_huge_pte_at(mm, haddr, vmf->pte, make_huge_pte(vma, &new_folio->page, 1), sz);
		/* Make the old folio be freed below */
		new_folio = old_folio;
	}
	spin_unlock(vmf->ptl);
out_end:
	mmu_notifier_invalidate_range_end(&range); /* expect: range-unbalanced */
	if (new_folio)
		folio_put(new_folio);
	folio_put(old_folio);
	return ret;
}
