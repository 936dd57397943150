// SPDX-License-Identifier: GPL-2.0
/*
 * pte-outside-range, correct (no tags): MADV_COLD vs MADV_FREE walks,
 * 6.1 API.
 *
 * docs/kernel-api.md E.2 and E.3: MADV_COLD ages a page by rewriting its own pte
 * with the same pfn, only the Accessed bit dropped
 * (ptep_get_and_clear_full + pte_mkold + set_pte_at, [6.1]
 * mm/madvise.c:464-469); nothing is downgraded, so madvise_cold() walks
 * with no range.  MADV_FREE also cleans the pte, a downgrade, and its
 * caller opens a CLEAR range around the walk.  Both callbacks take a
 * struct mm_walk and batch TLB work in the caller's mmu_gather.
 */
#include <linux/mmu_notifier.h>

static int cold_pte_entry(pte_t *pte, unsigned long addr, unsigned long next,
			  struct mm_walk *walk)
{
	struct mmu_gather *tlb = walk->private;
	struct mm_struct *mm = walk->mm;
	pte_t ptent = ptep_get(pte);
	struct page *page;

	if (!pte_present(ptent) || !pte_young(ptent))
		return 0;
	page = vm_normal_page(walk->vma, addr, ptent);
	if (!page || page_mapcount(page) != 1)
		return 0;
	ptent = ptep_get_and_clear_full(mm, addr, pte, 0);
	ptent = pte_mkold(ptent);
	set_pte_at(mm, addr, pte, ptent);
	tlb_remove_tlb_entry(tlb, pte, addr);
	return 0;
}

static int free_pte_entry(pte_t *pte, unsigned long addr, unsigned long next,
			  struct mm_walk *walk)
{
	struct mmu_gather *tlb = walk->private;
	struct mm_struct *mm = walk->mm;
	pte_t ptent = ptep_get(pte);

	if (!pte_present(ptent) || (!pte_young(ptent) && !pte_dirty(ptent)))
		return 0;
	ptent = ptep_get_and_clear_full(mm, addr, pte, 0);
	ptent = pte_mkclean(pte_mkold(ptent));
	set_pte_at(mm, addr, pte, ptent);
	tlb_remove_tlb_entry(tlb, pte, addr);
	return 0;
}

static const struct mm_walk_ops cold_walk_ops = { .pte_entry = cold_pte_entry };
static const struct mm_walk_ops free_walk_ops = { .pte_entry = free_pte_entry };

void madvise_cold_v61(struct vm_area_struct *vma, unsigned long start,
		      unsigned long end)
{
	struct mmu_gather tlb;

	tlb_gather_mmu(&tlb, vma->vm_mm);
	walk_page_range(vma->vm_mm, start, end, &cold_walk_ops, &tlb);
	tlb_finish_mmu(&tlb);
}

void madvise_free_v61(struct vm_area_struct *vma, unsigned long start,
		      unsigned long end)
{
	struct mmu_notifier_range range;
	struct mmu_gather tlb;

	mmu_notifier_range_init(&range, MMU_NOTIFY_CLEAR, 0, vma, vma->vm_mm,
				start, end);
	tlb_gather_mmu(&tlb, vma->vm_mm);
	mmu_notifier_invalidate_range_start(&range);
	walk_page_range(vma->vm_mm, start, end, &free_walk_ops, &tlb);
	mmu_notifier_invalidate_range_end(&range);
	tlb_finish_mmu(&tlb);
}
