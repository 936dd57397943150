// SPDX-License-Identifier: GPL-2.0
/*
 * page-freed-before-range-end, bug and twin, a lone file in the 4.15 -
 * 4.20 API: (mm, start, end) ranges with _only_end().
 *
 * docs/kernel-api.md A.3: mmu_notifier_invalidate_range_only_end() ends the
 * range without ->invalidate_range, for the pattern "start;
 * *_clear_flush_notify(); only_end": the flush has to come from the
 * _notify helper.  With a plain ptep_clear_flush() nothing flushes the
 * secondary TLB before the put of the page the pte mapped.
 *
 * cow_replace_plain_flush(): ptep_clear_flush(), put, only_end - bug.
 * cow_replace_notify(): ptep_clear_flush_notify(), put, only_end - ok.
 */
#include <linux/mm.h>
#include <linux/mmu_notifier.h>

void cow_replace_plain_flush(struct vm_area_struct *vma, pte_t *ptep,
			     unsigned long address, struct page *new_page)
{
	struct mm_struct *mm = vma->vm_mm;
	unsigned long mmun_start = address & PAGE_MASK;
	unsigned long mmun_end = mmun_start + PAGE_SIZE;
	struct page *old_page;
	pte_t pteval;

	mmu_notifier_invalidate_range_start(mm, mmun_start, mmun_end);
	pteval = ptep_clear_flush(vma, address, ptep);
	old_page = vm_normal_page(vma, address, pteval);
	set_pte_at(mm, address, ptep, mk_pte(new_page, vma->vm_page_prot));
	if (old_page)
		put_page(old_page); /* expect: page-freed-before-range-end */
	mmu_notifier_invalidate_range_only_end(mm, mmun_start, mmun_end);
}

void cow_replace_notify(struct vm_area_struct *vma, pte_t *ptep,
			unsigned long address, struct page *new_page)
{
	struct mm_struct *mm = vma->vm_mm;
	unsigned long mmun_start = address & PAGE_MASK;
	unsigned long mmun_end = mmun_start + PAGE_SIZE;
	struct page *old_page;
	pte_t pteval;

	mmu_notifier_invalidate_range_start(mm, mmun_start, mmun_end);
	pteval = ptep_clear_flush_notify(vma, address, ptep);
	old_page = vm_normal_page(vma, address, pteval);
	set_pte_at(mm, address, ptep, mk_pte(new_page, vma->vm_page_prot));
	if (old_page)
		put_page(old_page);
	mmu_notifier_invalidate_range_only_end(mm, mmun_start, mmun_end);
}
