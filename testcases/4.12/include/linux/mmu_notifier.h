/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The notifier API of 3.19 - 4.12, as in 4.12: ranges are (mm, start, end)
 * triples, and a change of one page's entry is told afterwards by
 * mmu_notifier_invalidate_page() (->invalidate_page), with no range
 * (docs/kernel-api.md A.2).  ->invalidate_range and the *_notify helpers
 * exist (3.19); _only_end (4.15) and _start_nonblock (4.19) do not.
 */
#ifndef TESTCASES_MMU_NOTIFIER_H
#define TESTCASES_MMU_NOTIFIER_H

#include "kapi.h"

struct mmu_notifier;
struct mmu_notifier_ops {
	void (*invalidate_page)(struct mmu_notifier *mn, struct mm_struct *mm,
				unsigned long address);
	void (*invalidate_range_start)(struct mmu_notifier *mn,
				       struct mm_struct *mm,
				       unsigned long start, unsigned long end);
	void (*invalidate_range_end)(struct mmu_notifier *mn,
				     struct mm_struct *mm,
				     unsigned long start, unsigned long end);
	void (*invalidate_range)(struct mmu_notifier *mn, struct mm_struct *mm,
				 unsigned long start, unsigned long end);
	void (*change_pte)(struct mmu_notifier *mn, struct mm_struct *mm,
			   unsigned long address, pte_t pte);
};

void mmu_notifier_invalidate_page(struct mm_struct *mm,
				  unsigned long address);
void mmu_notifier_invalidate_range_start(struct mm_struct *mm,
					 unsigned long start,
					 unsigned long end);
void mmu_notifier_invalidate_range_end(struct mm_struct *mm,
				       unsigned long start, unsigned long end);
void mmu_notifier_invalidate_range(struct mm_struct *mm, unsigned long start,
				   unsigned long end);

void set_pte_at(struct mm_struct *mm, unsigned long addr, pte_t *ptep,
		pte_t pte);
pte_t ptep_clear_flush_notify(struct vm_area_struct *vma, unsigned long addr,
			      pte_t *ptep);
pmd_t pmdp_huge_clear_flush_notify(struct vm_area_struct *vma,
				   unsigned long addr, pmd_t *pmdp);
void set_pte_at_notify(struct mm_struct *mm, unsigned long addr, pte_t *ptep,
		       pte_t pte);

/* mm.h of the era: 4.10-4.12 look the entry up with no range */
int follow_pte_pmd(struct mm_struct *mm, unsigned long address,
		   pte_t **ptepp, pmd_t **pmdpp, spinlock_t **ptlp);

#endif
