// SPDX-License-Identifier: GPL-2.0
/*
 * pte-outside-range, interprocedural: some chains of callers hold a range
 * and others do not, two levels up, 6.12 API.
 *
 * docs/kernel-api.md F.2 and E.3: wp_one_pte() write-protects the pte it
 * walks to and opens nothing.  wp_range_locked() calls it inside a
 * PROTECTION_PAGE range; wp_range() does not, and is itself called by
 * wp_vma_ranged() inside a range and by wp_vma_fast() with none.  The
 * helper is used correctly on most paths, so the fix is at the one call
 * with no range above it: wp_vma_fast()'s call of wp_range().
 */
#include <linux/mmu_notifier.h>

static void wp_one_pte(struct vm_area_struct *vma, pmd_t *pmd,
		       unsigned long addr)
{
	struct mm_struct *mm = vma->vm_mm;
	spinlock_t *ptl;
	pte_t *pte = pte_offset_map_lock(mm, pmd, addr, &ptl);

	if (pte_present(ptep_get(pte)) && pte_write(ptep_get(pte)))
		ptep_set_wrprotect(mm, addr, pte);
	pte_unmap_unlock(pte, ptl);
}

static void wp_range(struct vm_area_struct *vma, pmd_t *pmd,
		     unsigned long addr)
{
	wp_one_pte(vma, pmd, addr);
	flush_tlb_range(vma, addr, addr + PAGE_SIZE);
}

void wp_range_locked(struct vm_area_struct *vma, pmd_t *pmd,
		     unsigned long addr)
{
	struct mmu_notifier_range range;

	mmu_notifier_range_init(&range, MMU_NOTIFY_PROTECTION_PAGE, 0,
				vma->vm_mm, addr, addr + PAGE_SIZE);
	mmu_notifier_invalidate_range_start(&range);
	wp_one_pte(vma, pmd, addr);
	flush_tlb_range(vma, addr, addr + PAGE_SIZE);
	mmu_notifier_invalidate_range_end(&range);
}

void wp_vma_ranged(struct vm_area_struct *vma, pmd_t *pmd,
		   unsigned long addr)
{
	struct mmu_notifier_range range;

	mmu_notifier_range_init(&range, MMU_NOTIFY_PROTECTION_VMA, 0,
				vma->vm_mm, vma->vm_start, vma->vm_end);
	mmu_notifier_invalidate_range_start(&range);
	wp_range(vma, pmd, addr);
	mmu_notifier_invalidate_range_end(&range);
}

void wp_vma_fast(struct vm_area_struct *vma, pmd_t *pmd, unsigned long addr)
{
	wp_range(vma, pmd, addr); /* expect: pte-outside-range */
}
