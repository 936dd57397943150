/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The notifier API of 5.14 - 6.2, as in 5.15 (the same header as 6.1's,
 * docs/kernel-api.md A.8): struct mmu_notifier_range with a vma and an
 * owner, range_init with 7 arguments, _init_owner, _start_nonblock,
 * _only_end, and the ->invalidate_range secondary-TLB flush reached through
 * mmu_notifier_invalidate_range() and the *_notify helpers.
 * follow_invalidate_pte() (5.12-5.17) takes the range it starts for its
 * caller.
 */
#ifndef TESTCASES_MMU_NOTIFIER_H
#define TESTCASES_MMU_NOTIFIER_H

#include "kapi.h"

enum mmu_notifier_event {
	MMU_NOTIFY_UNMAP = 0,
	MMU_NOTIFY_CLEAR,
	MMU_NOTIFY_PROTECTION_VMA,
	MMU_NOTIFY_PROTECTION_PAGE,
	MMU_NOTIFY_SOFT_DIRTY,
	MMU_NOTIFY_RELEASE,
	MMU_NOTIFY_MIGRATE,
	MMU_NOTIFY_EXCLUSIVE,
};
#define MMU_NOTIFIER_RANGE_BLOCKABLE (1 << 0)

struct mmu_notifier;
struct mmu_notifier_range {
	struct vm_area_struct *vma;
	struct mm_struct *mm;
	unsigned long start;
	unsigned long end;
	unsigned flags;
	enum mmu_notifier_event event;
	void *owner;
};
struct mmu_notifier_ops {
	int (*invalidate_range_start)(struct mmu_notifier *subscription,
				      const struct mmu_notifier_range *range);
	void (*invalidate_range_end)(struct mmu_notifier *subscription,
				     const struct mmu_notifier_range *range);
	void (*invalidate_range)(struct mmu_notifier *subscription,
				 struct mm_struct *mm, unsigned long start,
				 unsigned long end);
	void (*change_pte)(struct mmu_notifier *subscription,
			   struct mm_struct *mm, unsigned long address,
			   pte_t pte);
};

void mmu_notifier_range_init(struct mmu_notifier_range *range,
			     enum mmu_notifier_event event, unsigned flags,
			     struct vm_area_struct *vma, struct mm_struct *mm,
			     unsigned long start, unsigned long end);
void mmu_notifier_range_init_owner(struct mmu_notifier_range *range,
				   enum mmu_notifier_event event,
				   unsigned int flags,
				   struct vm_area_struct *vma,
				   struct mm_struct *mm, unsigned long start,
				   unsigned long end, void *owner);
void mmu_notifier_invalidate_range_start(struct mmu_notifier_range *range);
int mmu_notifier_invalidate_range_start_nonblock(
	struct mmu_notifier_range *range);
void mmu_notifier_invalidate_range_end(struct mmu_notifier_range *range);
void mmu_notifier_invalidate_range_only_end(struct mmu_notifier_range *range);
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
void set_huge_pte_at(struct mm_struct *mm, unsigned long addr, pte_t *ptep,
		     pte_t pte);
pte_t huge_ptep_get_and_clear(struct mm_struct *mm, unsigned long addr,
			      pte_t *ptep);

/* mm.h of the era */
int follow_invalidate_pte(struct mm_struct *mm, unsigned long address,
			  struct mmu_notifier_range *range, pte_t **ptepp,
			  pmd_t **pmdpp, spinlock_t **ptlp);

#endif
