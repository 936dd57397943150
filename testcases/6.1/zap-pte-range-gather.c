// SPDX-License-Identifier: GPL-2.0
/*
 * All three rules, correct (no tags), 6.1 API.
 *
 * docs/kernel-api.md C.3 (zap_page_range_single / zap_pte_range), E.3 and E.12 (c),
 * (d): the caller opens a CLEAR range and gathers TLB work in an
 * mmu_gather; the static pte zapper takes the gather and runs inside that
 * range.  Present pages are handed to the gather (__tlb_remove_page) and
 * freed by tlb_finish_mmu() only after the gather's flush, which calls
 * ->invalidate_range.  A device-private entry is not present: the CPU and
 * the IOMMU never mapped it through this pte, so its put_page() right away
 * is fine, and clearing that non-present entry needs nothing either.
 */
#include <linux/mmu_notifier.h>

static void zap_ptes_gather_v61(struct mmu_gather *tlb,
				struct vm_area_struct *vma, pmd_t *pmd,
				unsigned long addr, unsigned long end)
{
	struct mm_struct *mm = tlb->mm;
	spinlock_t *ptl;
	pte_t *start_pte, *pte;

	start_pte = pte = pte_offset_map_lock(mm, pmd, addr, &ptl);
	for (; addr != end; pte++, addr += PAGE_SIZE) {
		pte_t ptent = ptep_get(pte);
		struct page *page;
		swp_entry_t entry;

		if (pte_none(ptent))
			continue;
		if (pte_present(ptent)) {
			page = vm_normal_page(vma, addr, ptent);
			ptent = ptep_get_and_clear_full(mm, addr, pte, 0);
			tlb_remove_tlb_entry(tlb, pte, addr);
			if (!page)
				continue;
			page_remove_rmap(page, vma, false);
			__tlb_remove_page(tlb, page);
			continue;
		}
		entry = pte_to_swp_entry(ptent);
		if (is_device_private_entry(entry)) {
			page = pfn_swap_entry_to_page(entry);
			page_remove_rmap(page, vma, false);
			put_page(page);
		}
		pte_clear(mm, addr, pte);
	}
	pte_unmap_unlock(start_pte, ptl);
}

void zap_page_range_single_v61(struct vm_area_struct *vma, pmd_t *pmd,
			       unsigned long address, unsigned long size)
{
	struct mmu_notifier_range range;
	struct mmu_gather tlb;

	mmu_notifier_range_init(&range, MMU_NOTIFY_CLEAR, 0, vma, vma->vm_mm,
				address, address + size);
	tlb_gather_mmu(&tlb, vma->vm_mm);
	mmu_notifier_invalidate_range_start(&range);
	zap_ptes_gather_v61(&tlb, vma, pmd, range.start, range.end);
	mmu_notifier_invalidate_range_end(&range);
	tlb_finish_mmu(&tlb);
}
