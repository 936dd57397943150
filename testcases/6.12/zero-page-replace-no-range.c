// SPDX-License-Identifier: GPL-2.0
/*
 * pte-outside-range, bug and twin, 6.12 API (set_pte_at over set_ptes).
 *
 * docs/kernel-api.md B.4 ("replacing a present entry with a different pfn ... zero
 * page -> page") and Documentation case B: a write fault on a pte that maps
 * the shared zero page must point it at a fresh private folio.
 * wp_zero_page_norange() overwrites the present zero-page pte directly with
 * no range open, so a secondary MMU can keep reading zeroes from the old
 * translation while the process writes to the new folio.
 * wp_zero_page() opens a CLEAR range first and replaces the entry with
 * ptep_clear_flush() + set_pte_at().  On the race path the unused folio
 * this function allocated is freed; nothing was cleared there.
 */
#include <linux/mmu_notifier.h>

static int wp_zero_page_norange(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;
	struct folio *new_folio;
	pte_t entry;

	new_folio = vma_alloc_zeroed_movable_folio(vma, vmf->address);
	if (!new_folio)
		return -ENOMEM;
	entry = pte_mkwrite(pte_mkdirty(mk_pte(&new_folio->page, vma->vm_flags)));
	vmf->pte = pte_offset_map_lock(vma->vm_mm, vmf->pmd, vmf->address, &vmf->ptl);
	if (!pte_same(ptep_get(vmf->pte), vmf->orig_pte)) {
		pte_unmap_unlock(vmf->pte, vmf->ptl);
		folio_put(new_folio);
		return 0;
	}
	folio_add_new_anon_rmap(new_folio, vma, vmf->address, 0);
	set_pte_at(vma->vm_mm, vmf->address, vmf->pte, entry); /* expect: pte-outside-range; cocci: cannot-see (whether the old entry was present: an install alone is taken as a fill); checker: cannot-see (the entry is known present only from the test in the caller) */
	flush_tlb_page(vma, vmf->address);
	pte_unmap_unlock(vmf->pte, vmf->ptl);
	return 1;
}

static int wp_zero_page(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;
	unsigned long haddr = vmf->address & ~(PAGE_SIZE - 1);
	struct mmu_notifier_range range;
	struct folio *new_folio;
	pte_t entry;
	int ret = 0;

	new_folio = vma_alloc_zeroed_movable_folio(vma, vmf->address);
	if (!new_folio)
		return -ENOMEM;
	entry = pte_mkwrite(pte_mkdirty(mk_pte(&new_folio->page, vma->vm_flags)));
	mmu_notifier_range_init(&range, MMU_NOTIFY_CLEAR, 0, vma->vm_mm, haddr,
				haddr + PAGE_SIZE);
	mmu_notifier_invalidate_range_start(&range);
	vmf->pte = pte_offset_map_lock(vma->vm_mm, vmf->pmd, vmf->address, &vmf->ptl);
	if (pte_same(ptep_get(vmf->pte), vmf->orig_pte)) {
		folio_add_new_anon_rmap(new_folio, vma, vmf->address, 0);
		ptep_clear_flush(vma, vmf->address, vmf->pte);
		set_pte_at(vma->vm_mm, vmf->address, vmf->pte, entry);
		new_folio = NULL;
		ret = 1;
	}
	pte_unmap_unlock(vmf->pte, vmf->ptl);
	mmu_notifier_invalidate_range_end(&range);
	if (new_folio)
		folio_put(new_folio);
	return ret;
}

int do_wp_zero_page_v612(struct vm_fault *vmf, bool old_code)
{
	/* only the zero page gets here: a present, read-only, special pte */
	if (!pte_present(vmf->orig_pte) || !is_zero_pfn(pte_pfn(vmf->orig_pte)))
		return 0;
	return old_code ? wp_zero_page_norange(vmf) : wp_zero_page(vmf);
}
