// SPDX-License-Identifier: GPL-2.0
/*
 * pte-outside-range, bug and twin, 6.1 API.
 *
 * docs/kernel-api.md D.10 (6bdb913f0a70 "mm: wrap calls to set_pte_at_notify with
 * invalidate_range_start and invalidate_range_end"): KSM, COW and uprobes
 * once fired ->change_pte through set_pte_at_notify() with no range around
 * it, so secondary MMUs that only act in range_start never dropped their
 * translation of the old page.  Here a read-only pte is switched in place
 * to another page with the same contents (the KSM/uprobes situation).
 * replace_ro_pte_norange() overwrites the present pte with no range open;
 * replace_ro_pte() brackets the same write with a CLEAR range.  The caller
 * keeps its reference on @old, so nothing is freed here.  The finding is
 * on the write in replace_ro_pte_norange(): no caller holds a range, and
 * the fix opened it there.
 */
#include <linux/mmu_notifier.h>

static int replace_ro_pte_norange(struct vm_area_struct *vma, pmd_t *pmd,
				  unsigned long addr, struct page *old,
				  struct page *kpage)
{
	struct mm_struct *mm = vma->vm_mm;
	spinlock_t *ptl;
	pte_t *ptep, orig;
	int err = -EAGAIN;

	ptep = pte_offset_map_lock(mm, pmd, addr, &ptl);
	orig = ptep_get(ptep);
	if (!pte_present(orig) || pte_write(orig) ||
	    vm_normal_page(vma, addr, orig) != old)
		goto unlock;
	get_page(kpage);
	set_pte_at_notify(mm, addr, ptep, mk_pte(kpage, vma->vm_flags)); /* expect: pte-outside-range */
	flush_tlb_page(vma, addr);
	page_remove_rmap(old, vma, false);
	err = 0;
unlock:
	pte_unmap_unlock(ptep, ptl);
	return err;
}

static int replace_ro_pte(struct vm_area_struct *vma, pmd_t *pmd,
			  unsigned long addr, struct page *old,
			  struct page *kpage)
{
	struct mm_struct *mm = vma->vm_mm;
	struct mmu_notifier_range range;
	spinlock_t *ptl;
	pte_t *ptep, orig;
	int err = -EAGAIN;

	mmu_notifier_range_init(&range, MMU_NOTIFY_CLEAR, 0, vma, mm, addr,
				addr + PAGE_SIZE);
	mmu_notifier_invalidate_range_start(&range);
	ptep = pte_offset_map_lock(mm, pmd, addr, &ptl);
	orig = ptep_get(ptep);
	if (!pte_present(orig) || pte_write(orig) ||
	    vm_normal_page(vma, addr, orig) != old)
		goto unlock;
	get_page(kpage);
	set_pte_at_notify(mm, addr, ptep, mk_pte(kpage, vma->vm_flags));
	flush_tlb_page(vma, addr);
	page_remove_rmap(old, vma, false);
	err = 0;
unlock:
	pte_unmap_unlock(ptep, ptl);
	mmu_notifier_invalidate_range_end(&range);
	return err;
}

int merge_identical_ro_page(struct vm_area_struct *vma, pmd_t *pmd,
			    unsigned long addr, struct page *old,
			    struct page *kpage, bool old_code)
{
	if (old_code)
		return replace_ro_pte_norange(vma, pmd, addr, old, kpage);
	return replace_ro_pte(vma, pmd, addr, old, kpage);
}
