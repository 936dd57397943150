// SPDX-License-Identifier: GPL-2.0
/*
 * All three rules, correct (no tags), 6.1 API.
 *
 * docs/kernel-api.md C.3 (wp_page_copy), A.3 and E.12 (b): the COW copy points a
 * present pte at a new page (Documentation case B), so it clears with
 * ptep_clear_flush_notify() and installs with set_pte_at_notify() inside a
 * CLEAR range, and - because the notify already flushed the secondary TLB -
 * closes the range with _only_end.  After the switch new_page names the
 * old page and its mapping reference is dropped before the end: fine after
 * the notify.  The reference this function took with get_page() on entry
 * (do_wp_page's) is dropped after the end.  If the pte changed meanwhile,
 * nothing was cleared and the unused copy is freed.
 */
#include <linux/mmu_notifier.h>

int wp_page_copy_v61(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;
	struct mm_struct *mm = vma->vm_mm;
	unsigned long haddr = vmf->address & ~(PAGE_SIZE - 1);
	struct mmu_notifier_range range;
	struct page *old_page, *new_page;
	pte_t entry;

	old_page = vm_normal_page(vma, vmf->address, vmf->orig_pte);
	if (!old_page)
		return 0;
	get_page(old_page);
	new_page = alloc_zeroed_user_highpage_movable(vma, vmf->address);
	if (!new_page) {
		put_page(old_page);
		return -ENOMEM;
	}
	copy_user_highpage(new_page, old_page, vmf->address, vma);

	mmu_notifier_range_init(&range, MMU_NOTIFY_CLEAR, 0, vma, mm, haddr,
				haddr + PAGE_SIZE);
	mmu_notifier_invalidate_range_start(&range);
	vmf->pte = pte_offset_map_lock(mm, vmf->pmd, vmf->address, &vmf->ptl);
	if (likely(pte_same(ptep_get(vmf->pte), vmf->orig_pte))) {
		entry = pte_mkwrite(pte_mkdirty(mk_pte(new_page, vma->vm_flags)));
		ptep_clear_flush_notify(vma, vmf->address, vmf->pte);
		page_add_new_anon_rmap(new_page, vma, vmf->address);
		set_pte_at_notify(mm, vmf->address, vmf->pte, entry);
		page_remove_rmap(old_page, vma, false);
		/* Free the old page.. */
		new_page = old_page;
	}
	if (new_page)
		put_page(new_page);
	pte_unmap_unlock(vmf->pte, vmf->ptl);
	/*
	 * No need to double call mmu_notifier->invalidate_range() callback as
	 * the above ptep_clear_flush_notify() did already call it.
	 */
	mmu_notifier_invalidate_range_only_end(&range);
	put_page(old_page);
	return 1;
}
