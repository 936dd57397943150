// SPDX-License-Identifier: GPL-2.0
/*
 * All three rules, correct (no tags), 4.14 API.
 *
 * docs/kernel-api.md C.3 (uprobes __replace_page): installing a breakpoint page
 * replaces a present pte by one pointing at a new page (case B), so the
 * clear uses ptep_clear_flush_notify() and the install set_pte_at_notify(),
 * both inside the range.  The early exit before the start ends nothing; the
 * "not mapped any more" exit jumps to the unlock label, which ends the
 * range.  put_page(old_page) before range_end drops a reference on a page
 * the caller passed in (and holds), after the notify: no finding.
 */
#include <linux/mmu_notifier.h>

static int uprobe_replace_page(struct vm_area_struct *vma, unsigned long addr,
			       struct page *old_page, struct page *new_page)
{
	struct mm_struct *mm = vma->vm_mm;
	struct page_vma_mapped_walk pvmw = {
		.folio = page_folio(old_page), .vma = vma, .address = addr,
	};
	unsigned long mmun_start = addr, mmun_end = addr + PAGE_SIZE;
	int err;

	if (!new_page)
		return -ENOMEM;

	lock_page(old_page);
	mmu_notifier_invalidate_range_start(mm, mmun_start, mmun_end);
	err = -EAGAIN;
	if (!page_vma_mapped_walk(&pvmw))
		goto unlock;

	get_page(new_page);
	page_add_new_anon_rmap(new_page, vma, addr, false);
	ptep_clear_flush_notify(vma, addr, pvmw.pte);
	set_pte_at_notify(mm, addr, pvmw.pte, mk_pte(new_page, vma->vm_flags));
	page_remove_rmap(old_page, vma, false);
	page_vma_mapped_walk_done(&pvmw);
	put_page(old_page);
	err = 0;
unlock:
	mmu_notifier_invalidate_range_end(mm, mmun_start, mmun_end);
	unlock_page(old_page);
	return err;
}

int uprobe_write_opcode_v414(struct vm_area_struct *vma, unsigned long vaddr,
			     struct page *old_page, struct page *new_page)
{
	return uprobe_replace_page(vma, vaddr & ~(PAGE_SIZE - 1), old_page,
				   new_page);
}
