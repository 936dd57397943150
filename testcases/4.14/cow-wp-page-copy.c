// SPDX-License-Identifier: GPL-2.0
/*
 * page-freed-before-range-end and pte-outside-range, correct (no tags),
 * 4.14 API.
 *
 * docs/kernel-api.md C.3 (wp_page_copy) and E.12 (b): the COW copy replaces a
 * present pte by one pointing at a new page (Documentation case B), so it
 * clears with ptep_clear_flush_notify() and installs with
 * set_pte_at_notify() inside the range.  After the switch new_page is
 * reused to name the old page, and "put_page(new_page)" then drops the old
 * mapping's reference before range_end - harmless because the *_notify
 * clear already flushed the secondary TLB.  The extra reference taken at
 * the top (do_wp_page's get_page) is dropped after range_end.  When the pte
 * changed under us nothing was cleared and the unused copy is freed.
 */
#include <linux/mmu_notifier.h>

int wp_page_copy_v414(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;
	struct mm_struct *mm = vma->vm_mm;
	unsigned long mmun_start = vmf->address & ~(PAGE_SIZE - 1);
	unsigned long mmun_end = mmun_start + PAGE_SIZE;
	struct page *old_page, *new_page;
	pte_t entry;

	old_page = vm_normal_page(vma, vmf->address, vmf->orig_pte);
	if (!old_page)
		return 0;
	get_page(old_page);
	new_page = alloc_zeroed_user_highpage_movable(vma, vmf->address);
	if (!new_page)
		goto oom;
	copy_user_highpage(new_page, old_page, vmf->address, vma);

	mmu_notifier_invalidate_range_start(mm, mmun_start, mmun_end);
	vmf->pte = pte_offset_map_lock(mm, vmf->pmd, vmf->address, &vmf->ptl);
	if (likely(pte_same(*vmf->pte, vmf->orig_pte))) {
		entry = pte_mkwrite(pte_mkdirty(mk_pte(new_page, vma->vm_flags)));
		ptep_clear_flush_notify(vma, vmf->address, vmf->pte);
		page_add_new_anon_rmap(new_page, vma, vmf->address, false);
		set_pte_at_notify(mm, vmf->address, vmf->pte, entry);
		page_remove_rmap(old_page, vma, false);
		/* Free the old page.. */
		new_page = old_page;
	}
	if (new_page)
		put_page(new_page);
	pte_unmap_unlock(vmf->pte, vmf->ptl);
	mmu_notifier_invalidate_range_end(mm, mmun_start, mmun_end);
	put_page(old_page);
	return 1;
oom:
	put_page(old_page);
	return -ENOMEM;
}
