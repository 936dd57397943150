/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The notifier API of 6.12: no vma in the range, range_init with 6
 * arguments, no _only_end, no *_notify helpers, no
 * mmu_notifier_invalidate_range(): since 6.6 the secondary TLBs are flushed
 * by the architecture's TLB flush through ->arch_invalidate_secondary_tlbs.
 * set_pte_at() is a macro over set_ptes().
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
	void (*arch_invalidate_secondary_tlbs)(struct mmu_notifier *subscription,
					       struct mm_struct *mm,
					       unsigned long start,
					       unsigned long end);
};

void mmu_notifier_range_init(struct mmu_notifier_range *range,
			     enum mmu_notifier_event event, unsigned flags,
			     struct mm_struct *mm, unsigned long start,
			     unsigned long end);
void mmu_notifier_range_init_owner(struct mmu_notifier_range *range,
				   enum mmu_notifier_event event,
				   unsigned int flags, struct mm_struct *mm,
				   unsigned long start, unsigned long end,
				   void *owner);
void mmu_notifier_invalidate_range_start(struct mmu_notifier_range *range);
int mmu_notifier_invalidate_range_start_nonblock(
	struct mmu_notifier_range *range);
void mmu_notifier_invalidate_range_end(struct mmu_notifier_range *range);
void mmu_notifier_arch_invalidate_secondary_tlbs(struct mm_struct *mm,
						 unsigned long start,
						 unsigned long end);

void set_ptes(struct mm_struct *mm, unsigned long addr, pte_t *ptep,
	      pte_t pte, unsigned int nr);
#define set_pte_at(mm, addr, ptep, pte) set_ptes(mm, addr, ptep, pte, 1)
void wrprotect_ptes(struct mm_struct *mm, unsigned long addr, pte_t *ptep,
		    unsigned int nr);
pte_t get_and_clear_full_ptes(struct mm_struct *mm, unsigned long addr,
			      pte_t *ptep, unsigned int nr, int full);
void set_huge_pte_at(struct mm_struct *mm, unsigned long addr, pte_t *ptep,
		     pte_t pte, unsigned long sz);
pte_t huge_ptep_get_and_clear(struct mm_struct *mm, unsigned long addr,
			      pte_t *ptep, unsigned long sz);
void folios_put(struct folio **folios, int nr);

/* mm.h / rmap.h / swapops.h / hugetlb.h of the era */
struct folio *vm_normal_folio(struct vm_area_struct *vma, unsigned long addr,
			      pte_t pte);
struct page *folio_page(struct folio *folio, unsigned long n);
struct folio *pmd_folio(pmd_t pmd);
void folio_remove_rmap_pte(struct folio *folio, struct page *page,
			   struct vm_area_struct *vma);
void folio_remove_rmap_pmd(struct folio *folio, struct page *page,
			   struct vm_area_struct *vma);
void folio_add_new_anon_rmap(struct folio *folio, struct vm_area_struct *vma,
			     unsigned long address, int flags);
bool folio_test_anon(struct folio *folio);
void folio_lock(struct folio *folio);
bool folio_trylock(struct folio *folio);
void folio_unlock(struct folio *folio);
void folio_ref_add(struct folio *folio, int nr);
struct folio *vma_alloc_zeroed_movable_folio(struct vm_area_struct *vma,
					     unsigned long vaddr);
void folio_copy(struct folio *dst, struct folio *src);
bool pte_uffd_wp(pte_t pte);
pte_t pte_mkuffd_wp(pte_t pte);
pte_t pte_clear_uffd_wp(pte_t pte);
bool pte_protnone(pte_t pte);
pte_t pfn_pte(unsigned long pfn, unsigned long prot);
pte_t pte_mkspecial(pte_t pte);
unsigned long my_zero_pfn(unsigned long addr);
void tlb_remove_tlb_entry(struct mmu_gather *tlb, pte_t *ptep,
			  unsigned long address);
bool mmap_write_trylock(struct mm_struct *mm);
void mmap_write_unlock(struct mm_struct *mm);
void pte_free_defer(struct mm_struct *mm, struct page *pte_page);
struct page *pmd_pgtable(pmd_t pmd);
void mm_dec_nr_ptes(struct mm_struct *mm);
struct hstate;
struct hstate *hstate_vma(struct vm_area_struct *vma);
unsigned long huge_page_size(struct hstate *h);
pte_t *huge_pte_offset(struct mm_struct *mm, unsigned long addr,
		       unsigned long sz);
pte_t huge_ptep_get(struct mm_struct *mm, unsigned long addr, pte_t *ptep);
pte_t make_huge_pte(struct vm_area_struct *vma, struct page *page,
		    int writable);
struct folio *alloc_hugetlb_folio(struct vm_area_struct *vma,
				  unsigned long addr, int avoid_reserve);
void adjust_range_if_pmd_sharing_possible(struct vm_area_struct *vma,
					  unsigned long *start,
					  unsigned long *end);
void __unmap_hugepage_range(struct mmu_gather *tlb,
			    struct vm_area_struct *vma, unsigned long start,
			    unsigned long end, struct page *ref_page,
			    unsigned int zap_flags);
bool pages_identical(struct page *page1, struct page *page2);
bool folio_mapped(struct folio *folio);
bool folio_maybe_dma_pinned(struct folio *folio);
void folio_move_anon_rmap(struct folio *folio, struct vm_area_struct *vma);
void folio_ref_sub(struct folio *folio, int nr);

#endif
