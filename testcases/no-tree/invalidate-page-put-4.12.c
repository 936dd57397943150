// SPDX-License-Identifier: GPL-2.0
/*
 * page-freed-before-range-end, bug and twin, a lone file in the API up to
 * 4.12, where mmu_notifier_invalidate_page() is the secondary-TLB flush of
 * one page (docs/kernel-api.md A.2: ->invalidate_page "before this is
 * invoked any secondary MMU is still ok to read/write to the page").
 *
 * The 4.12 try_to_unmap_one() dropped the page before telling the
 * secondary MMUs; here the same order inside a range: the put of a page
 * found through the pte may be the last one while the device still maps
 * it.  The range end flushes too, but only after the put.
 *
 * zap_one_put_first(): put, then invalidate_page - bug.
 * zap_one_notify_first(): invalidate_page, then put - ok.
 */
#include <linux/mm.h>
#include <linux/mmu_notifier.h>

void zap_one_put_first(struct vm_area_struct *vma, pte_t *ptep,
		       unsigned long address)
{
	struct mm_struct *mm = vma->vm_mm;
	struct page *page;
	pte_t pteval;

	mmu_notifier_invalidate_range_start(mm, address, address + PAGE_SIZE);
	pteval = ptep_get_and_clear(mm, address, ptep);
	page = vm_normal_page(vma, address, pteval);
	if (page)
		put_page(page); /* expect: page-freed-before-range-end */
	mmu_notifier_invalidate_page(mm, address);
	mmu_notifier_invalidate_range_end(mm, address, address + PAGE_SIZE);
}

void zap_one_notify_first(struct vm_area_struct *vma, pte_t *ptep,
			  unsigned long address)
{
	struct mm_struct *mm = vma->vm_mm;
	struct page *page;
	pte_t pteval;

	mmu_notifier_invalidate_range_start(mm, address, address + PAGE_SIZE);
	pteval = ptep_get_and_clear(mm, address, ptep);
	mmu_notifier_invalidate_page(mm, address);
	page = vm_normal_page(vma, address, pteval);
	if (page)
		put_page(page);
	mmu_notifier_invalidate_range_end(mm, address, address + PAGE_SIZE);
}
