// SPDX-License-Identifier: GPL-2.0
/*
 * range-unbalanced, bug (error goto jumps past the end), 6.12 API.
 *
 * docs/kernel-api.md C.3 (uprobes __replace_page: the label `unlock`, reached also
 * from the !page_vma_mapped_walk() error path, ends the range).  In this
 * copy the "not mapped any more" exit jumps to out_unlock_folio, which
 * sits *below* the end, so that path returns with the range open; the
 * "not anonymous" exit uses the right label.  Inside the range the old pte
 * is cleared with ptep_clear_flush() and the new one installed; the old
 * folio belongs to the caller's page.  Correct shape: 4.14
 * uprobes-replace-page.c.
 */
#include <linux/mmu_notifier.h>

int uprobe_replace_page_v612(struct vm_area_struct *vma, unsigned long addr,
			     struct page *old_page, struct page *new_page)
{
	struct folio *old_folio = page_folio(old_page);
	struct folio *new_folio = page_folio(new_page);
	struct mm_struct *mm = vma->vm_mm;
	struct page_vma_mapped_walk pvmw = {
		.folio = old_folio, .vma = vma, .address = addr,
	};
	struct mmu_notifier_range range;
	int err;

	mmu_notifier_range_init(&range, MMU_NOTIFY_CLEAR, 0, mm, addr,
				addr + PAGE_SIZE);
	folio_lock(old_folio);
	mmu_notifier_invalidate_range_start(&range); /* expect: range-unbalanced */
	err = -EINVAL;
	if (!folio_test_anon(new_folio))
		goto unlock;
	err = -EAGAIN;
	if (!page_vma_mapped_walk(&pvmw))
		goto out_unlock_folio;

	folio_get(new_folio);
	folio_add_new_anon_rmap(new_folio, vma, addr, 0);
	ptep_clear_flush(vma, addr, pvmw.pte);
	set_pte_at(mm, addr, pvmw.pte, mk_pte(new_page, vma->vm_flags));
	folio_remove_rmap_pte(old_folio, old_page, vma);
	page_vma_mapped_walk_done(&pvmw);
	folio_put(old_folio);
	err = 0;
unlock:
	mmu_notifier_invalidate_range_end(&range);
out_unlock_folio:
	folio_unlock(old_folio);
	return err;
}
