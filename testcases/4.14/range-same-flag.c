// SPDX-License-Identifier: GPL-2.0
/*
 * range-unbalanced and pte-outside-range, correct (no tags), 4.14 API.
 *
 * docs/kernel-api.md E.5 and E.6: a start and its end under the same local
 * flag, which nothing assigns between them, pair.
 *
 * copy_hugetlb_range_v414(): copy_hugetlb_page_range() of 4.x computes cow
 * once, opens the range on the parent only for a COW mapping and closes it
 * "if (cow)"; the parent's entries are write-protected only then, and the
 * child's (dst, a new mm) need no range.
 * clear_soft_dirty_v414(): the clear_refs_write() request kept in a flag,
 * do_notify, tested at the start and at the end; the walk's callback runs
 * inside the range by contract (struct mm_walk).
 */
#include <linux/mmu_notifier.h>

int copy_hugetlb_range_v414(struct mm_struct *dst, struct mm_struct *src,
			    struct vm_area_struct *vma)
{
	unsigned long sz = huge_page_size(hstate_vma(vma));
	unsigned long addr, mmun_start, mmun_end;
	bool cow;
	int ret = 0;

	cow = (vma->vm_flags & (VM_SHARED | VM_MAYWRITE)) == VM_MAYWRITE;
	mmun_start = vma->vm_start;
	mmun_end = vma->vm_end;
	if (cow)
		mmu_notifier_invalidate_range_start(src, mmun_start, mmun_end);

	for (addr = vma->vm_start; addr < vma->vm_end; addr += sz) {
		pte_t *src_pte, *dst_pte, entry;

		src_pte = huge_pte_offset(src, addr, sz);
		if (!src_pte)
			continue;
		dst_pte = huge_pte_alloc(dst, addr, sz);
		if (!dst_pte) {
			ret = -ENOMEM;
			break;
		}
		entry = huge_ptep_get(src_pte);
		if (huge_pte_none(entry))
			continue;
		if (cow) {
			huge_ptep_set_wrprotect(src, addr, src_pte);
			entry = huge_pte_wrprotect(entry);
		}
		get_page(pte_page(entry));
		set_huge_pte_at(dst, addr, dst_pte, entry);
	}

	if (cow)
		mmu_notifier_invalidate_range_end(src, mmun_start, mmun_end);
	return ret;
}

static int soft_dirty_pte_v414(pte_t *pte, unsigned long addr,
			       unsigned long next, struct mm_walk *walk)
{
	struct vm_area_struct *vma = walk->vma;
	pte_t old, ptent = ptep_get(pte);

	if (!pte_present(ptent))
		return 0;
	old = ptep_modify_prot_start(vma, addr, pte);
	ptep_modify_prot_commit(vma, addr, pte, old,
				pte_clear_soft_dirty(pte_wrprotect(old)));
	return 0;
}

static const struct mm_walk_ops soft_dirty_ops_v414 = {
	.pte_entry = soft_dirty_pte_v414,
};

static int young_pte_v414(pte_t *pte, unsigned long addr, unsigned long next,
			  struct mm_walk *walk)
{
	ptep_test_and_clear_young(walk->vma, addr, pte);
	return 0;
}

static const struct mm_walk_ops young_ops_v414 = {
	.pte_entry = young_pte_v414,
};

long clear_soft_dirty_v414(struct mm_struct *mm, int soft_dirty)
{
	bool do_notify = soft_dirty != 0;

	if (do_notify)
		mmu_notifier_invalidate_range_start(mm, 0, -1);
	if (do_notify)
		walk_page_range(mm, 0, ~0UL, &soft_dirty_ops_v414, NULL);
	else
		walk_page_range(mm, 0, ~0UL, &young_ops_v414, NULL);
	if (do_notify)
		mmu_notifier_invalidate_range_end(mm, 0, -1);
	flush_tlb_mm(mm);
	return 0;
}
