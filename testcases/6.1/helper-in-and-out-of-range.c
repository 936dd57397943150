// SPDX-License-Identifier: GPL-2.0
/*
 * pte-outside-range, interprocedural: one static helper, one caller inside
 * a range (silent) and one without (bug at its call), 6.1 API.
 *
 * docs/kernel-api.md E.3, B.4 and C.3 (page_vma_mkclean_one / pfn_mkclean_range):
 * wb_mkclean_ptes() write-protects and cleans every dirty or writable pte
 * of a shared file mapping before writeback, with the clear-flush +
 * set_pte_at idiom (the reinstall goes into the slot it just emptied).
 * That is a downgrade: a secondary MMU keeping its writable translation
 * would dirty the page behind writeback's back.  mkclean_file_range()
 * calls the helper inside a PROTECTION_PAGE range; mkclean_file_range_fast()
 * reuses it with no range.  The finding is that call; the helper's lines
 * are silent.
 */
#include <linux/mmu_notifier.h>

static int wb_mkclean_ptes(struct vm_area_struct *vma, pmd_t *pmd,
			   unsigned long addr, unsigned long end)
{
	struct mm_struct *mm = vma->vm_mm;
	spinlock_t *ptl;
	pte_t *pte, *start_pte;
	int cleaned = 0;

	start_pte = pte = pte_offset_map_lock(mm, pmd, addr, &ptl);
	for (; addr != end; pte++, addr += PAGE_SIZE) {
		pte_t entry = ptep_get(pte);

		if (!pte_present(entry))
			continue;
		if (!pte_dirty(entry) && !pte_write(entry))
			continue;
		entry = ptep_clear_flush(vma, addr, pte);
		entry = pte_mkclean(pte_wrprotect(entry));
		set_pte_at(mm, addr, pte, entry);
		cleaned++;
	}
	pte_unmap_unlock(start_pte, ptl);
	return cleaned;
}

int mkclean_file_range(struct vm_area_struct *vma, pmd_t *pmd,
		       unsigned long start, unsigned long end)
{
	struct mmu_notifier_range range;
	int cleaned;

	mmu_notifier_range_init(&range, MMU_NOTIFY_PROTECTION_PAGE, 0, vma,
				vma->vm_mm, start, end);
	mmu_notifier_invalidate_range_start(&range);
	cleaned = wb_mkclean_ptes(vma, pmd, start, end);
	mmu_notifier_invalidate_range_end(&range);
	return cleaned;
}

int mkclean_file_range_fast(struct vm_area_struct *vma, pmd_t *pmd,
			    unsigned long start, unsigned long end)
{
	return wb_mkclean_ptes(vma, pmd, start, end); /* expect: pte-outside-range */
}
