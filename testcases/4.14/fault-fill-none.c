// SPDX-License-Identifier: GPL-2.0
/*
 * pte-outside-range, correct (no tags): fault-path installs and upgrades,
 * 4.14 API.
 *
 * docs/kernel-api.md E.1, E.2, B.4: the fault handler dispatches on the pte it
 * read.  An empty slot is filled by the anonymous path after re-checking
 * pte_none() under the lock; a swap entry is replaced by the swapin path
 * after re-checking pte_same() against that non-present value ("No need to
 * invalidate - it was non-present before"); a present pte only gets its
 * Accessed/Dirty bits upgraded with ptep_set_access_flags().  None of these
 * needs a range.  put_page(page) on the race path drops the page this
 * function allocated and never mapped.
 */
#include <linux/mmu_notifier.h>

static int anon_fault_fill(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;
	struct page *page;
	pte_t entry;

	page = alloc_zeroed_user_highpage_movable(vma, vmf->address);
	if (!page)
		return -ENOMEM;
	entry = pte_mkwrite(pte_mkdirty(mk_pte(page, vma->vm_flags)));
	vmf->pte = pte_offset_map_lock(vma->vm_mm, vmf->pmd, vmf->address,
				       &vmf->ptl);
	if (!pte_none(*vmf->pte))
		goto release;
	page_add_new_anon_rmap(page, vma, vmf->address, false);
	set_pte_at(vma->vm_mm, vmf->address, vmf->pte, entry);
	pte_unmap_unlock(vmf->pte, vmf->ptl);
	return 0;
release:
	pte_unmap_unlock(vmf->pte, vmf->ptl);
	put_page(page);
	return 0;
}

static int swapin_fill(struct vm_fault *vmf, struct page *page)
{
	struct vm_area_struct *vma = vmf->vma;

	vmf->pte = pte_offset_map_lock(vma->vm_mm, vmf->pmd, vmf->address,
				       &vmf->ptl);
	if (unlikely(!pte_same(*vmf->pte, vmf->orig_pte)))
		goto out_nomap;
	set_pte_at(vma->vm_mm, vmf->address, vmf->pte,
		   mk_pte(page, vma->vm_flags));
	/* No need to invalidate - it was non-present before */
out_nomap:
	pte_unmap_unlock(vmf->pte, vmf->ptl);
	return 0;
}

int handle_pte_fault_v414(struct vm_fault *vmf, struct page *swapcache)
{
	pte_t entry;

	if (pte_none(vmf->orig_pte))
		return anon_fault_fill(vmf);
	if (!pte_present(vmf->orig_pte))
		return swapin_fill(vmf, swapcache);

	vmf->pte = pte_offset_map_lock(vmf->vma->vm_mm, vmf->pmd, vmf->address,
				       &vmf->ptl);
	entry = pte_mkyoung(pte_mkdirty(vmf->orig_pte));
	if (pte_same(*vmf->pte, vmf->orig_pte))
		ptep_set_access_flags(vmf->vma, vmf->address, vmf->pte, entry, 1);
	pte_unmap_unlock(vmf->pte, vmf->ptl);
	return 0;
}
