// SPDX-License-Identifier: GPL-2.0
/*
 * page-freed-before-range-end, bug and twin, 6.12 API.
 *
 * docs/kernel-api.md A.6 and E.12 (e): a large anonymous folio mapped by nr
 * consecutive ptes is unmapped in one batch with get_and_clear_full_ptes(),
 * which does not flush, and the nr mapping references are dropped with one
 * folio_put_refs().  The folio was found through the page table and no
 * reference was taken, so that can be the last one.
 *  - unmap_folio_batch_early(): folio_put_refs() before flush_tlb_range().
 *  - unmap_folio_batch(): flush_tlb_range() under the PTL, then the put.
 */
#include <linux/mmu_notifier.h>

static int unmap_folio_batch_early(struct vm_area_struct *vma, pmd_t *pmd,
				   unsigned long start, unsigned int nr)
{
	unsigned long end = start + nr * PAGE_SIZE;
	struct mm_struct *mm = vma->vm_mm;
	struct mmu_notifier_range range;
	struct folio *folio = NULL;
	spinlock_t *ptl;
	pte_t *pte;

	mmu_notifier_range_init(&range, MMU_NOTIFY_CLEAR, 0, mm, start, end);
	mmu_notifier_invalidate_range_start(&range);
	pte = pte_offset_map_lock(mm, pmd, start, &ptl);
	if (pte_present(ptep_get(pte)) && vma_is_anonymous(vma))
		folio = vm_normal_folio(vma, start, ptep_get(pte));
	if (folio) {
		get_and_clear_full_ptes(mm, start, pte, nr, 0);
		folio_put_refs(folio, nr); /* expect: page-freed-before-range-end */
	}
	pte_unmap_unlock(pte, ptl);
	flush_tlb_range(vma, start, end);
	mmu_notifier_invalidate_range_end(&range);
	return folio ? 0 : -EAGAIN;
}

static int unmap_folio_batch(struct vm_area_struct *vma, pmd_t *pmd,
			     unsigned long start, unsigned int nr)
{
	unsigned long end = start + nr * PAGE_SIZE;
	struct mm_struct *mm = vma->vm_mm;
	struct mmu_notifier_range range;
	struct folio *folio = NULL;
	spinlock_t *ptl;
	pte_t *pte;

	mmu_notifier_range_init(&range, MMU_NOTIFY_CLEAR, 0, mm, start, end);
	mmu_notifier_invalidate_range_start(&range);
	pte = pte_offset_map_lock(mm, pmd, start, &ptl);
	if (pte_present(ptep_get(pte)) && vma_is_anonymous(vma))
		folio = vm_normal_folio(vma, start, ptep_get(pte));
	if (folio) {
		get_and_clear_full_ptes(mm, start, pte, nr, 0);
		flush_tlb_range(vma, start, end);
		folio_put_refs(folio, nr);
	}
	pte_unmap_unlock(pte, ptl);
	mmu_notifier_invalidate_range_end(&range);
	return folio ? 0 : -EAGAIN;
}

int unmap_anon_large_folio(struct vm_area_struct *vma, pmd_t *pmd,
			   unsigned long start, unsigned int nr, bool old_code)
{
	if (old_code)
		return unmap_folio_batch_early(vma, pmd, start, nr);
	return unmap_folio_batch(vma, pmd, start, nr);
}
