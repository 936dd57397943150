// SPDX-License-Identifier: GPL-2.0
/*
 * range-unbalanced and pte-outside-range, correct (no tags), 6.12 API.
 *
 * docs/kernel-api.md E.4 and E.3 (mm/mapping_dirty_helpers.c): the range lives in
 * the walk's private struct.  ->pre_vma initialises and starts it, the
 * ->pte_entry callback write-protects inside it, and ->post_vma flushes the
 * TLB and ends it.  No single function holds a start/end pair, and none of
 * this is an unbalanced range or a write outside one.
 */
#include <linux/mmu_notifier.h>

struct wp_walk_v612 {
	struct mmu_notifier_range range;
	unsigned long tlbflush_start;
	unsigned long tlbflush_end;
	unsigned long total;
};

static int wp_pte_v612(pte_t *pte, unsigned long addr, unsigned long end,
		       struct mm_walk *walk)
{
	struct wp_walk_v612 *wpwalk = walk->private;
	pte_t ptent = ptep_get(pte);

	if (pte_write(ptent)) {
		pte_t old_pte = ptep_modify_prot_start(walk->vma, addr, pte);

		ptent = pte_wrprotect(old_pte);
		ptep_modify_prot_commit(walk->vma, addr, pte, old_pte, ptent);
		wpwalk->total++;
		wpwalk->tlbflush_start = min(wpwalk->tlbflush_start, addr);
		if (wpwalk->tlbflush_end < addr + PAGE_SIZE)
			wpwalk->tlbflush_end = addr + PAGE_SIZE;
	}
	return 0;
}

static int wp_clean_pre_vma_v612(unsigned long start, unsigned long end,
				 struct mm_walk *walk)
{
	struct wp_walk_v612 *wpwalk = walk->private;

	wpwalk->tlbflush_start = end;
	wpwalk->tlbflush_end = start;
	mmu_notifier_range_init(&wpwalk->range, MMU_NOTIFY_PROTECTION_PAGE, 0,
				walk->mm, start, end);
	mmu_notifier_invalidate_range_start(&wpwalk->range);
	return 0;
}

static void wp_clean_post_vma_v612(struct mm_walk *walk)
{
	struct wp_walk_v612 *wpwalk = walk->private;

	if (wpwalk->tlbflush_end > wpwalk->tlbflush_start)
		flush_tlb_range(walk->vma, wpwalk->tlbflush_start,
				wpwalk->tlbflush_end);
	mmu_notifier_invalidate_range_end(&wpwalk->range);
}

static const struct mm_walk_ops wp_walk_ops_v612 = {
	.pte_entry = wp_pte_v612,
	.pre_vma = wp_clean_pre_vma_v612,
	.post_vma = wp_clean_post_vma_v612,
};

unsigned long wp_shared_mapping_range_v612(struct vm_area_struct *vma,
					   unsigned long start,
					   unsigned long end)
{
	struct wp_walk_v612 wpwalk = { .total = 0 };

	walk_page_range(vma->vm_mm, start, end, &wp_walk_ops_v612, &wpwalk);
	return wpwalk.total;
}
