/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The notifier API of 5.2 - 6.2 as in 6.1: struct mmu_notifier_range with a
 * vma, range_init with 7 arguments, _start_nonblock, _only_end, and the
 * ->invalidate_range secondary-TLB flush reached through
 * mmu_notifier_invalidate_range() and the *_notify helpers.
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

/* mm.h / rmap.h / swapops.h / hugetlb.h / migrate.h of the era */
typedef struct page *pgtable_t;
struct page *alloc_zeroed_user_highpage_movable(struct vm_area_struct *vma,
						unsigned long vaddr);
void copy_user_highpage(struct page *to, struct page *from,
			unsigned long vaddr, struct vm_area_struct *vma);
unsigned long page_private(struct page *page);
void page_add_new_anon_rmap(struct page *page, struct vm_area_struct *vma,
			    unsigned long address);
unsigned long page_to_pfn(struct page *page);
swp_entry_t pte_to_swp_entry(pte_t pte);
bool is_device_private_entry(swp_entry_t entry);
struct page *pfn_swap_entry_to_page(swp_entry_t entry);
swp_entry_t make_readable_migration_entry(unsigned long offset);
#define MIGRATE_PFN_MIGRATE (1UL << 1)
struct page *migrate_pfn_to_page(unsigned long mpfn);
bool mmap_write_trylock(struct mm_struct *mm);
void mmap_write_unlock(struct mm_struct *mm);
pgtable_t pmd_pgtable(pmd_t pmd);
void pte_free(struct mm_struct *mm, pgtable_t pte_page);
void mm_dec_nr_ptes(struct mm_struct *mm);
pte_t *pte_offset_kernel(pmd_t *pmd, unsigned long address);
void tlb_remove_tlb_entry(struct mmu_gather *tlb, pte_t *ptep,
			  unsigned long address);
struct hstate;
struct hstate *hstate_vma(struct vm_area_struct *vma);
unsigned long huge_page_size(struct hstate *h);
pte_t *huge_pte_offset(struct mm_struct *mm, unsigned long addr,
		       unsigned long sz);
pte_t *huge_pte_alloc(struct mm_struct *mm, struct vm_area_struct *vma,
		      unsigned long addr, unsigned long sz);
pte_t huge_ptep_get(pte_t *ptep);
pte_t huge_pte_wrprotect(pte_t pte);

#endif
