// SPDX-License-Identifier: GPL-2.0
/*
 * All three rules, correct (no tags), 6.12 API.
 *
 * docs/kernel-api.md C.3 (UFFDIO_MOVE move_pages_pte / move_present_pte), E.1, E.3,
 * E.10 and E.12 (a), (e): one CLEAR range on the source page, opened once;
 * every failure leaves through `out`, which ends it, and `goto retry`
 * re-enters after the start.  The static callee clears the source pte with
 * ptep_clear_flush(), puts it back if the folio got pinned meanwhile
 * (abort restore inside the range), and installs the destination pte into
 * a slot the caller checked to be none.  The folio_put() before the end
 * drops the reference taken with folio_get() a few lines earlier.
 */
#include <linux/mmu_notifier.h>

static int move_present_pte_v612(struct mm_struct *mm,
				 struct vm_area_struct *dst_vma,
				 struct vm_area_struct *src_vma,
				 unsigned long dst_addr, unsigned long src_addr,
				 pte_t *dst_pte, pte_t *src_pte,
				 struct folio *src_folio)
{
	pte_t orig_src_pte, orig_dst_pte;

	orig_src_pte = ptep_clear_flush(src_vma, src_addr, src_pte);
	/* Folio got pinned from under us. Put it back and fail the move. */
	if (folio_maybe_dma_pinned(src_folio)) {
		set_pte_at(mm, src_addr, src_pte, orig_src_pte);
		return -EBUSY;
	}
	folio_move_anon_rmap(src_folio, dst_vma);
	orig_dst_pte = pte_mkdirty(mk_pte(&src_folio->page, dst_vma->vm_flags));
	set_pte_at(mm, dst_addr, dst_pte, orig_dst_pte);
	return 0;
}

int move_pages_pte_v612(struct mm_struct *mm, pmd_t *dst_pmd, pmd_t *src_pmd,
			struct vm_area_struct *dst_vma,
			struct vm_area_struct *src_vma,
			unsigned long dst_addr, unsigned long src_addr)
{
	struct folio *src_folio = NULL;
	struct mmu_notifier_range range;
	spinlock_t *src_ptl, *dst_ptl;
	pte_t *src_pte, *dst_pte, orig_src_pte;
	int err = 0;

	mmu_notifier_range_init(&range, MMU_NOTIFY_CLEAR, 0, mm, src_addr,
				src_addr + PAGE_SIZE);
	mmu_notifier_invalidate_range_start(&range);
retry:
	dst_pte = pte_offset_map_lock(mm, dst_pmd, dst_addr, &dst_ptl);
	src_pte = pte_offset_map_lock(mm, src_pmd, src_addr, &src_ptl);
	orig_src_pte = ptep_get(src_pte);
	if (!pte_none(ptep_get(dst_pte))) {
		err = -EEXIST;
		goto unlock;
	}
	if (!pte_present(orig_src_pte)) {
		err = -ENOENT;
		goto unlock;
	}
	if (!src_folio) {
		struct folio *folio = vm_normal_folio(src_vma, src_addr, orig_src_pte);

		if (!folio || !folio_test_anon(folio)) {
			err = -EBUSY;
			goto unlock;
		}
		folio_get(folio);
		src_folio = folio;
		if (!folio_trylock(src_folio)) {
			pte_unmap_unlock(src_pte, src_ptl);
			pte_unmap_unlock(dst_pte, dst_ptl);
			folio_lock(src_folio);
			goto retry;
		}
	}
	err = move_present_pte_v612(mm, dst_vma, src_vma, dst_addr, src_addr,
				    dst_pte, src_pte, src_folio);
unlock:
	pte_unmap_unlock(src_pte, src_ptl);
	pte_unmap_unlock(dst_pte, dst_ptl);
	if (src_folio) {
		folio_unlock(src_folio);
		folio_put(src_folio);
	}
	mmu_notifier_invalidate_range_end(&range);
	return err;
}
