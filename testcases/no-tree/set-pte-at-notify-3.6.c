// SPDX-License-Identifier: GPL-2.0
/*
 * pte-outside-range, bug and twin, a lone file in the (mm, start, end) API
 * of 3.x: KSM's replace_page() (docs/kernel-api.md C.3).
 *
 * Until 3.7 replace_page() installed the KSM page with set_pte_at_notify()
 * with no range open: the secondary MMU heard of the change only through
 * ->change_pte, after the entry had already moved.  3.7 opened a range
 * around the clear and the install.
 *
 * replace_page_no_range(): replaces the present pte in place, no range - bug.
 * replace_page_range(): the 3.7 shape - ok.
 */
#include <linux/mm.h>
#include <linux/ksm.h>
#include <linux/mmu_notifier.h>

int replace_page_no_range(struct vm_area_struct *vma, struct page *page,
			  struct page *kpage, pte_t orig_pte)
{
	struct mm_struct *mm = vma->vm_mm;
	unsigned long addr = page_address_in_vma(page, vma);
	spinlock_t *ptl;
	pmd_t *pmd;
	pte_t *ptep;

	pmd = mm_find_pmd(mm, addr);
	if (!pmd)
		return -EFAULT;
	ptep = pte_offset_map_lock(mm, pmd, addr, &ptl);
	if (!pte_same(*ptep, orig_pte)) {
		pte_unmap_unlock(ptep, ptl);
		return -EFAULT;
	}
	get_page(kpage);
	page_add_anon_rmap(kpage, vma, addr);
	flush_cache_page(vma, addr, pte_pfn(*ptep));
	set_pte_at_notify(mm, addr, ptep, mk_pte(kpage, vma->vm_page_prot)); /* expect: pte-outside-range */
	flush_tlb_page(vma, addr);
	page_remove_rmap(page);
	pte_unmap_unlock(ptep, ptl);
	return 0;
}

int replace_page_range(struct vm_area_struct *vma, struct page *page,
		       struct page *kpage, pte_t orig_pte)
{
	struct mm_struct *mm = vma->vm_mm;
	unsigned long addr = page_address_in_vma(page, vma);
	unsigned long mmun_start = addr, mmun_end = addr + PAGE_SIZE;
	int err = -EFAULT;
	spinlock_t *ptl;
	pmd_t *pmd;
	pte_t *ptep;

	pmd = mm_find_pmd(mm, addr);
	if (!pmd)
		return err;
	mmu_notifier_invalidate_range_start(mm, mmun_start, mmun_end);
	ptep = pte_offset_map_lock(mm, pmd, addr, &ptl);
	if (!pte_same(*ptep, orig_pte)) {
		pte_unmap_unlock(ptep, ptl);
		goto out_mn;
	}
	get_page(kpage);
	page_add_anon_rmap(kpage, vma, addr);
	flush_cache_page(vma, addr, pte_pfn(*ptep));
	ptep_clear_flush(vma, addr, ptep);
	set_pte_at_notify(mm, addr, ptep, mk_pte(kpage, vma->vm_page_prot));
	page_remove_rmap(page);
	pte_unmap_unlock(ptep, ptl);
	err = 0;
out_mn:
	mmu_notifier_invalidate_range_end(mm, mmun_start, mmun_end);
	return err;
}
