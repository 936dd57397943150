// SPDX-License-Identifier: GPL-2.0
/*
 * All three rules, correct (no tags), 6.12 API.
 *
 * docs/kernel-api.md C.3 (hugetlb_wp, [6.12] mm/hugetlb.c:5827-6024): the new folio
 * is allocated and filled before the CLEAR range opens, and an allocation
 * failure leaves before the start; the hugetlb pte is replaced with
 * huge_ptep_clear_flush() + set_huge_pte_at() inside the range (the install
 * goes into the slot just emptied); both folio_put()s come after the end,
 * one of them dropping the reference taken with folio_get() on entry.
 */
#include <linux/mmu_notifier.h>

int hugetlb_wp_v612(struct vm_fault *vmf)
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
		goto out_release_old;
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
	mmu_notifier_invalidate_range_end(&range);
	folio_put(new_folio);
out_release_old:
	folio_put(old_folio);
	return ret;
}
