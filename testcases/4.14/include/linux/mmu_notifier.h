/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The notifier API of 4.13 - 4.14: ranges are (mm, start, end) triples,
 * the per-page op of 4.12 is gone (4.13; the header no longer names it, and
 * the era is read from that: docs/kernel-api.md A.8), ->invalidate_range
 * flushes the TLBs of secondary MMUs that share the CPU page tables, and
 * range_end calls it too.  _only_end (4.15) and _start_nonblock (4.19) do
 * not exist yet.
 */
#ifndef TESTCASES_MMU_NOTIFIER_H
#define TESTCASES_MMU_NOTIFIER_H

#include "kapi.h"

struct mmu_notifier;
struct mmu_notifier_ops {
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

/* mm.h / highmem.h / rmap.h of the era, as used by the testcases */
/* hugetlb.h of the era */
#define VM_MAYWRITE 0x00000020UL
struct hstate;
struct hstate *hstate_vma(struct vm_area_struct *vma);
unsigned long huge_page_size(struct hstate *h);
pte_t *huge_pte_offset(struct mm_struct *mm, unsigned long addr,
		       unsigned long sz);
pte_t *huge_pte_alloc(struct mm_struct *mm, unsigned long addr,
		      unsigned long sz);
pte_t huge_ptep_get(pte_t *ptep);
pte_t huge_pte_wrprotect(pte_t pte);
void set_huge_pte_at(struct mm_struct *mm, unsigned long addr, pte_t *ptep,
		     pte_t pte);
bool page_maybe_dma_pinned(struct page *page);
#define GFP_KERNEL 0x14000c0U
int mem_cgroup_newpage_charge(struct page *page, struct mm_struct *mm,
			      gfp_t gfp);
/* 4.13-4.20: with start and end, it starts the range the caller ends */
int follow_pte_pmd(struct mm_struct *mm, unsigned long address,
		   unsigned long *start, unsigned long *end, pte_t **ptepp,
		   pmd_t **pmdpp, spinlock_t **ptlp);
struct page *alloc_zeroed_user_highpage_movable(struct vm_area_struct *vma,
						unsigned long vaddr);
void copy_user_highpage(struct page *to, struct page *from,
			unsigned long vaddr, struct vm_area_struct *vma);
unsigned long page_private(struct page *page);
void page_add_new_anon_rmap(struct page *page, struct vm_area_struct *vma,
			    unsigned long address, bool compound);

#endif
