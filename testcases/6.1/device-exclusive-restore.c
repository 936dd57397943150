// SPDX-License-Identifier: GPL-2.0
/*
 * All three rules, correct (no tags), 6.1 API.
 *
 * docs/kernel-api.md E.3 and E.12 (a) (remove_device_exclusive_entry, [6.1]
 * mm/memory.c:3670-3691): a CPU fault on a device-exclusive entry takes its
 * own reference with folio_try_get(), opens an EXCLUSIVE range and lets the
 * static helper put the normal pte back over the non-present exclusive
 * entry.  folio_put() comes before range_end but drops the reference taken
 * here, so it is never the last one.  The early returns happen before the
 * start.
 */
#include <linux/mmu_notifier.h>

static void restore_exclusive_pte_v61(struct vm_area_struct *vma,
				      struct page *page, unsigned long address,
				      pte_t *ptep)
{
	pte_t pte = pte_mkold(mk_pte(page, vma->vm_flags));

	set_pte_at(vma->vm_mm, address, ptep, pte);
}

int remove_device_exclusive_v61(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;
	unsigned long haddr = vmf->address & ~(PAGE_SIZE - 1);
	struct mmu_notifier_range range;
	struct page *page;
	struct folio *folio;

	page = pfn_swap_entry_to_page(pte_to_swp_entry(vmf->orig_pte));
	folio = page_folio(page);
	if (!folio_try_get(folio))
		return 0;
	if (!trylock_page(page)) {
		folio_put(folio);
		return -EAGAIN;
	}
	mmu_notifier_range_init_owner(&range, MMU_NOTIFY_EXCLUSIVE, 0, vma,
				      vma->vm_mm, haddr, haddr + PAGE_SIZE,
				      NULL);
	mmu_notifier_invalidate_range_start(&range);
	vmf->pte = pte_offset_map_lock(vma->vm_mm, vmf->pmd, vmf->address,
				       &vmf->ptl);
	if (likely(pte_same(ptep_get(vmf->pte), vmf->orig_pte)))
		restore_exclusive_pte_v61(vma, page, vmf->address, vmf->pte);
	pte_unmap_unlock(vmf->pte, vmf->ptl);
	unlock_page(page);
	folio_put(folio);
	mmu_notifier_invalidate_range_end(&range);
	return 0;
}
