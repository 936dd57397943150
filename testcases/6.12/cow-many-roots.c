// SPDX-License-Identifier: GPL-2.0
/*
 * pte-outside-range, interprocedural: one change reached from five roots
 * that never open a range, 6.12 API.
 *
 * docs/kernel-api.md F.2 and D.10 (6bdb913f0a70: do_wp_page once replaced
 * the pte of a COW fault with no range; the fix opened the range in the
 * function that made the change, not in the many paths into the fault
 * handler).  cow_replace_pte_nr() clears and replaces the pte it walks
 * to; fault_in_nr() calls it; five entry points (the access_process_vm,
 * access_remote_vm, fixup_user_fault, get_dump_page, make_pages_present
 * paths) reach it, none with a range.  One finding, on the clear, with the
 * chains of callers as notes - not one per root.  Twin: cow_replace_pte()
 * opens its own range and is reached the same way.
 */
#include <linux/mmu_notifier.h>

static int cow_replace_pte_nr(struct vm_area_struct *vma, pmd_t *pmd,
			      unsigned long addr, struct page *new_page)
{
	struct mm_struct *mm = vma->vm_mm;
	spinlock_t *ptl;
	pte_t *pte, entry;

	pte = pte_offset_map_lock(mm, pmd, addr, &ptl);
	if (!pte_present(ptep_get(pte))) {
		pte_unmap_unlock(pte, ptl);
		return -EAGAIN;
	}
	ptep_clear_flush(vma, addr, pte); /* expect: pte-outside-range */
	entry = mk_pte(new_page, vma->vm_flags);
	set_pte_at(mm, addr, pte, entry);
	pte_unmap_unlock(pte, ptl);
	return 0;
}

static int cow_replace_pte(struct vm_area_struct *vma, pmd_t *pmd,
			   unsigned long addr, struct page *new_page)
{
	struct mm_struct *mm = vma->vm_mm;
	struct mmu_notifier_range range;
	spinlock_t *ptl;
	pte_t *pte, entry;
	int ret = -EAGAIN;

	mmu_notifier_range_init(&range, MMU_NOTIFY_CLEAR, 0, mm, addr,
				addr + PAGE_SIZE);
	mmu_notifier_invalidate_range_start(&range);
	pte = pte_offset_map_lock(mm, pmd, addr, &ptl);
	if (pte_present(ptep_get(pte))) {
		ptep_clear_flush(vma, addr, pte);
		entry = mk_pte(new_page, vma->vm_flags);
		set_pte_at(mm, addr, pte, entry);
		ret = 0;
	}
	pte_unmap_unlock(pte, ptl);
	mmu_notifier_invalidate_range_end(&range);
	return ret;
}

static int fault_in_nr(struct vm_area_struct *vma, unsigned long addr,
		       struct page *new_page, bool fixed)
{
	pmd_t *pmd = mm_find_pmd(vma->vm_mm, addr);

	if (!pmd)
		return -EFAULT;
	if (fixed)
		return cow_replace_pte(vma, pmd, addr, new_page);
	return cow_replace_pte_nr(vma, pmd, addr, new_page);
}

int access_process_vm_nr(struct vm_area_struct *vma, unsigned long addr,
			 struct page *page)
{
	return fault_in_nr(vma, addr, page, false);
}

int access_remote_vm_nr(struct vm_area_struct *vma, unsigned long addr,
			struct page *page)
{
	return fault_in_nr(vma, addr, page, false);
}

int fixup_user_fault_nr(struct vm_area_struct *vma, unsigned long addr,
			struct page *page)
{
	return fault_in_nr(vma, addr, page, false);
}

int get_dump_page_nr(struct vm_area_struct *vma, unsigned long addr,
		     struct page *page)
{
	return fault_in_nr(vma, addr, page, false);
}

int make_pages_present_nr(struct vm_area_struct *vma, unsigned long addr,
			  struct page *page)
{
	return fault_in_nr(vma, addr, page, true);
}
