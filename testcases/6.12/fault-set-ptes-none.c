// SPDX-License-Identifier: GPL-2.0
/*
 * pte-outside-range, correct (no tags): installs into empty slots,
 * 6.12 API (set_pte_at is a macro over set_ptes).
 *
 * docs/kernel-api.md E.1 and B.4: do_anonymous_page() maps a (possibly large) new
 * folio with set_ptes() only after checking under the PTL that every pte
 * in the batch is none ("No need to invalidate - it was non-present
 * before"); the read fault on an empty slot maps the zero page the same
 * way; insert_page_into_pte_locked() returns -EBUSY unless the slot is
 * empty.  The folio_put() on the race path returns the folio this fault
 * allocated and never mapped.
 */
#include <linux/mmu_notifier.h>

static bool ptes_all_none(pte_t *pte, int nr_pages)
{
	int i;

	for (i = 0; i < nr_pages; i++)
		if (!pte_none(ptep_get(pte + i)))
			return false;
	return true;
}

int do_anonymous_page_v612(struct vm_fault *vmf, bool write, int nr_pages)
{
	struct vm_area_struct *vma = vmf->vma;
	unsigned long addr = vmf->address;
	struct folio *folio;
	pte_t entry;

	if (!write) {
		entry = pte_mkspecial(pfn_pte(my_zero_pfn(addr), vma->vm_flags));
		vmf->pte = pte_offset_map_lock(vma->vm_mm, vmf->pmd, addr, &vmf->ptl);
		if (pte_none(ptep_get(vmf->pte)))
			set_pte_at(vma->vm_mm, addr, vmf->pte, entry);
		pte_unmap_unlock(vmf->pte, vmf->ptl);
		return 0;
	}

	folio = vma_alloc_zeroed_movable_folio(vma, addr);
	if (!folio)
		return -ENOMEM;
	entry = pte_mkwrite(pte_mkdirty(mk_pte(&folio->page, vma->vm_flags)));
	vmf->pte = pte_offset_map_lock(vma->vm_mm, vmf->pmd, addr, &vmf->ptl);
	if (!ptes_all_none(vmf->pte, nr_pages))
		goto release;
	folio_add_new_anon_rmap(folio, vma, addr, 0);
	set_ptes(vma->vm_mm, addr, vmf->pte, entry, nr_pages);
	/* No need to invalidate - it was non-present before */
	pte_unmap_unlock(vmf->pte, vmf->ptl);
	return 0;
release:
	pte_unmap_unlock(vmf->pte, vmf->ptl);
	folio_put(folio);
	return 0;
}

int insert_page_into_pte_locked_v612(struct vm_area_struct *vma, pte_t *pte,
				     unsigned long addr, struct page *page,
				     unsigned long prot)
{
	if (!pte_none(ptep_get(pte)))
		return -EBUSY;
	get_page(page);
	set_pte_at(vma->vm_mm, addr, pte, mk_pte(page, prot));
	return 0;
}
