// SPDX-License-Identifier: GPL-2.0
/*
 * pte-outside-range, bug at two call sites, 6.1 API.
 *
 * docs/kernel-api.md D.11 (f268f6cf875f "mm/khugepaged: invoke MMU notifiers in
 * shmem/file collapse paths"): "Any codepath that zaps page table entries
 * must invoke MMU notifiers ... failing to notify them can lead to page
 * use-after-free".  Before the fix, retract_page_tables() and
 * collapse_pte_mapped_thp() took the pte table of a file THP out of the pmd
 * with pmdp_collapse_flush() - removing every pte it held, present ones
 * included - and never opened a range.
 *
 * The clear sits in the static helper collapse_free_pmd_nr(), which opens
 * nothing; neither of its callers in this file holds a range, so the one
 * finding is on the clear, where the fix opened it (the callers are its
 * notes).  Twin: khugepaged-retract-range.c.
 */
#include <linux/mmu_notifier.h>

static void collapse_free_pmd_nr(struct mm_struct *mm,
				 struct vm_area_struct *vma,
				 unsigned long addr, pmd_t *pmdp)
{
	spinlock_t *ptl;
	pmd_t pmd;

	ptl = pmd_lock(mm, pmdp);
	pmd = pmdp_collapse_flush(vma, addr, pmdp); /* expect: pte-outside-range */
	spin_unlock(ptl);
	mm_dec_nr_ptes(mm);
	pte_free(mm, pmd_pgtable(pmd));
}

void retract_page_tables_nr(struct vm_area_struct **vmas, int nr,
			    unsigned long *addrs)
{
	int i;

	for (i = 0; i < nr; i++) {
		struct vm_area_struct *vma = vmas[i];
		struct mm_struct *mm = vma->vm_mm;
		pmd_t *pmd;

		if (addrs[i] & ~PMD_MASK)
			continue;
		pmd = mm_find_pmd(mm, addrs[i]);
		if (!pmd)
			continue;
		if (mmap_write_trylock(mm)) {
			collapse_free_pmd_nr(mm, vma, addrs[i], pmd);
			mmap_write_unlock(mm);
		}
	}
}

void collapse_pte_mapped_thp_nr(struct mm_struct *mm, unsigned long addr)
{
	unsigned long haddr = addr & PMD_MASK;
	struct vm_area_struct *vma = find_vma(mm, haddr);
	spinlock_t *ptl;
	pte_t *start_pte, *pte;
	unsigned long a;
	pmd_t *pmd;

	if (!vma || vma->vm_start > haddr || vma->vm_end < haddr + PMD_SIZE)
		return;
	pmd = mm_find_pmd(mm, haddr);
	if (!pmd)
		return;
	/* step 1: drop the rmap of every small page still mapped here */
	start_pte = pte_offset_map_lock(mm, pmd, haddr, &ptl);
	for (a = haddr, pte = start_pte; a < haddr + PMD_SIZE; a += PAGE_SIZE, pte++) {
		struct page *page;

		if (pte_none(ptep_get(pte)))
			continue;
		page = vm_normal_page(vma, a, ptep_get(pte));
		if (page)
			page_remove_rmap(page, vma, false);
	}
	pte_unmap_unlock(start_pte, ptl);
	/* step 2: remove the pte table */
	collapse_free_pmd_nr(mm, vma, haddr, pmd);
}
