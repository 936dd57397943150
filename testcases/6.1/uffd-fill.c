// SPDX-License-Identifier: GPL-2.0
/*
 * pte-outside-range, correct (no tags): installs over empty slots, 6.1 API.
 *
 * docs/kernel-api.md E.1 and B.4: UFFDIO_COPY (mfill_atomic_install_pte) maps a page
 * only after checking, under the PTL, that the destination pte is none,
 * and fails with -EEXIST otherwise ("No need to invalidate - it was
 * non-present before").  The huge anonymous fault installs its pmd only
 * into a pmd_none() slot.  Neither replaces a present entry.  The names
 * dst_* here are the uffd destination, not a fork child: the reason these
 * are fine is the emptiness check.  put_page() on the race path returns
 * the page the fault allocated and never mapped.
 */
#include <linux/mmu_notifier.h>

int mfill_install_pte_v61(struct mm_struct *dst_mm, pmd_t *dst_pmd,
			  struct vm_area_struct *dst_vma,
			  unsigned long dst_addr, struct page *page,
			  bool newly_allocated, bool wp_copy)
{
	pte_t _dst_pte, *dst_pte;
	spinlock_t *ptl;
	int ret;

	_dst_pte = pte_mkdirty(mk_pte(page, dst_vma->vm_flags));
	if (!wp_copy)
		_dst_pte = pte_mkwrite(_dst_pte);
	dst_pte = pte_offset_map_lock(dst_mm, dst_pmd, dst_addr, &ptl);
	ret = -EEXIST;
	if (!pte_none(ptep_get(dst_pte)))
		goto out_unlock;
	if (newly_allocated)
		page_add_new_anon_rmap(page, dst_vma, dst_addr);
	set_pte_at(dst_mm, dst_addr, dst_pte, _dst_pte);
	/* No need to invalidate - it was non-present before */
	ret = 0;
out_unlock:
	pte_unmap_unlock(dst_pte, ptl);
	return ret;
}

int huge_pmd_anonymous_fault_v61(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;
	unsigned long haddr = vmf->address & PMD_MASK;
	struct page *page;
	spinlock_t *ptl;

	page = alloc_zeroed_user_highpage_movable(vma, haddr);
	if (!page)
		return -ENOMEM;
	ptl = pmd_lock(vma->vm_mm, vmf->pmd);
	if (unlikely(!pmd_none(*vmf->pmd))) {
		spin_unlock(ptl);
		put_page(page);
		return 0;
	}
	set_pmd_at(vma->vm_mm, haddr, vmf->pmd, mk_huge_pmd(page, vma->vm_flags));
	spin_unlock(ptl);
	return 0;
}
