/* SPDX-License-Identifier: GPL-2.0 */
/*
 * kapi.h - the slice of the kernel API the testcases use, common to every
 * era.  Each era's include/linux/mmu_notifier.h includes this file and adds
 * the notifier API of that era.  Real kernels make most of these static
 * inline functions or macros; plain declarations are enough here, since the
 * engines look at calls, not bodies.
 */
#ifndef TESTCASES_KAPI_H
#define TESTCASES_KAPI_H

#include <stdbool.h>
#include <stddef.h>

#define NULL_PTR ((void *)0)
#define PAGE_SIZE 4096UL
#define PMD_SIZE (512 * PAGE_SIZE)
#define PMD_MASK (~(PMD_SIZE - 1))
#define HPAGE_PMD_SIZE PMD_SIZE
#define EAGAIN 11
#define EBUSY 16
#define ENOMEM 12
#define EFAULT 14
#define EEXIST 17
#define EINVAL 22
#define ENOENT 2
#define unlikely(x) (x)
#define likely(x) (x)
#define min(a, b) ((a) < (b) ? (a) : (b))

typedef struct { unsigned long pte; } pte_t;
typedef struct { unsigned long pmd; } pmd_t;
typedef struct { unsigned long pud; } pud_t;
typedef struct { unsigned long val; } swp_entry_t;
typedef struct { int rlock; } spinlock_t;
typedef unsigned int gfp_t;
typedef int vm_fault_t;

struct mm_struct { int users; };
struct vm_area_struct {
	struct mm_struct *vm_mm;
	unsigned long vm_start, vm_end, vm_flags;
};
struct page { unsigned long flags; };
struct folio { struct page page; };
struct mmu_gather { struct mm_struct *mm; unsigned long start, end; };
struct mm_walk_ops;
struct mm_walk {
	const struct mm_walk_ops *ops;
	struct mm_struct *mm;
	struct vm_area_struct *vma;
	void *private;
};
struct mm_walk_ops {
	int (*pte_entry)(pte_t *pte, unsigned long addr, unsigned long next,
			 struct mm_walk *walk);
	int (*pmd_entry)(pmd_t *pmd, unsigned long addr, unsigned long next,
			 struct mm_walk *walk);
	int (*pre_vma)(unsigned long start, unsigned long end,
		       struct mm_walk *walk);
	void (*post_vma)(struct mm_walk *walk);
};
struct vm_fault {
	struct vm_area_struct *vma;
	unsigned long address;
	pte_t *pte;
	pmd_t *pmd;
	pte_t orig_pte;
	spinlock_t *ptl;
};
struct page_vma_mapped_walk {
	struct folio *folio;
	struct vm_area_struct *vma;
	unsigned long address;
	pmd_t *pmd;
	pte_t *pte;
	spinlock_t *ptl;
};

extern struct mm_struct init_mm;
extern struct mm_struct efi_mm;
extern struct mm_struct *poking_mm;

/* locking */
void spin_lock(spinlock_t *lock);
void spin_unlock(spinlock_t *lock);
pte_t *pte_offset_map_lock(struct mm_struct *mm, pmd_t *pmd,
			   unsigned long addr, spinlock_t **ptl);
spinlock_t *pmd_lock(struct mm_struct *mm, pmd_t *pmd);
void pte_unmap_unlock(pte_t *pte, spinlock_t *ptl);
void BUG(void) __attribute__((noreturn));
void cond_resched(void);

/* entry tests and constructors */
pte_t ptep_get(pte_t *ptep);
bool pte_none(pte_t pte);
bool pte_present(pte_t pte);
bool pte_write(pte_t pte);
bool pte_dirty(pte_t pte);
bool pte_young(pte_t pte);
unsigned long pte_pfn(pte_t pte);
bool is_zero_pfn(unsigned long pfn);
bool pte_same(pte_t a, pte_t b);
bool pmd_none(pmd_t pmd);
bool pmd_present(pmd_t pmd);
bool pmd_trans_huge(pmd_t pmd);
bool pmd_same(pmd_t a, pmd_t b);
bool pmd_dirty(pmd_t pmd);
bool pmd_write(pmd_t pmd);
bool huge_pte_none(pte_t pte);
pte_t pte_wrprotect(pte_t pte);
pte_t pte_mkclean(pte_t pte);
pte_t pte_mkold(pte_t pte);
pte_t pte_mkwrite(pte_t pte);
pte_t pte_mkyoung(pte_t pte);
pte_t pte_mkdirty(pte_t pte);
pte_t pte_clear_soft_dirty(pte_t pte);
pte_t pte_modify(pte_t pte, unsigned long prot);
pte_t mk_pte(struct page *page, unsigned long prot);
pte_t swp_entry_to_pte(swp_entry_t entry);
pmd_t pmd_wrprotect(pmd_t pmd);
pmd_t pmd_mkclean(pmd_t pmd);
pmd_t mk_huge_pmd(struct page *page, unsigned long prot);
struct page *vm_normal_page(struct vm_area_struct *vma, unsigned long addr,
			    pte_t pte);
struct page *pte_page(pte_t pte);
struct page *pmd_page(pmd_t pmd);
int page_mapcount(struct page *page);
int page_count(struct page *page);
bool PageAnon(struct page *page);
bool PageSwapCache(struct page *page);
bool PageSwapBacked(struct page *page);
bool set_page_dirty(struct page *page);
void lock_page(struct page *page);
bool trylock_page(struct page *page);
void unlock_page(struct page *page);
struct folio *page_folio(struct page *page);

/* B.1: clear, downgrade, replace */
pte_t ptep_get_and_clear(struct mm_struct *mm, unsigned long addr,
			 pte_t *ptep);
pte_t ptep_get_and_clear_full(struct mm_struct *mm, unsigned long addr,
			      pte_t *ptep, int full);
pte_t ptep_clear_flush(struct vm_area_struct *vma, unsigned long addr,
		       pte_t *ptep);
void ptep_clear(struct mm_struct *mm, unsigned long addr, pte_t *ptep);
void pte_clear(struct mm_struct *mm, unsigned long addr, pte_t *ptep);
void ptep_set_wrprotect(struct mm_struct *mm, unsigned long addr,
			pte_t *ptep);
pte_t ptep_modify_prot_start(struct vm_area_struct *vma, unsigned long addr,
			     pte_t *ptep);
void ptep_modify_prot_commit(struct vm_area_struct *vma, unsigned long addr,
			     pte_t *ptep, pte_t old, pte_t pte);
pmd_t pmdp_invalidate(struct vm_area_struct *vma, unsigned long addr,
		      pmd_t *pmdp);
pmd_t pmdp_huge_clear_flush(struct vm_area_struct *vma, unsigned long addr,
			    pmd_t *pmdp);
pmd_t pmdp_huge_get_and_clear(struct mm_struct *mm, unsigned long addr,
			      pmd_t *pmdp);
pmd_t pmdp_collapse_flush(struct vm_area_struct *vma, unsigned long addr,
			  pmd_t *pmdp);
void pmdp_set_wrprotect(struct mm_struct *mm, unsigned long addr,
			pmd_t *pmdp);
pud_t pudp_huge_get_and_clear(struct mm_struct *mm, unsigned long addr,
			      pud_t *pudp);
pud_t pudp_huge_clear_flush(struct vm_area_struct *vma, unsigned long addr,
			    pud_t *pudp);
pte_t huge_ptep_clear_flush(struct vm_area_struct *vma, unsigned long addr,
			    pte_t *ptep);
void huge_ptep_set_wrprotect(struct mm_struct *mm, unsigned long addr,
			     pte_t *ptep);

/* B.2: install (needs a range only over a present entry) */
void set_pmd_at(struct mm_struct *mm, unsigned long addr, pmd_t *pmdp,
		pmd_t pmd);
void set_pud_at(struct mm_struct *mm, unsigned long addr, pud_t *pudp,
		pud_t pud);

/* B.3: upgrades and aging (never need a range) */
int ptep_set_access_flags(struct vm_area_struct *vma, unsigned long addr,
			  pte_t *ptep, pte_t entry, int dirty);
int pmdp_set_access_flags(struct vm_area_struct *vma, unsigned long addr,
			  pmd_t *pmdp, pmd_t entry, int dirty);
int ptep_test_and_clear_young(struct vm_area_struct *vma, unsigned long addr,
			      pte_t *ptep);
int ptep_clear_flush_young(struct vm_area_struct *vma, unsigned long addr,
			   pte_t *ptep);

/* TLB */
void flush_tlb_range(struct vm_area_struct *vma, unsigned long start,
		     unsigned long end);
void flush_tlb_page(struct vm_area_struct *vma, unsigned long addr);
void flush_tlb_mm(struct mm_struct *mm);
void tlb_gather_mmu(struct mmu_gather *tlb, struct mm_struct *mm);
void tlb_finish_mmu(struct mmu_gather *tlb);
void tlb_flush_mmu(struct mmu_gather *tlb);
void __tlb_remove_page(struct mmu_gather *tlb, struct page *page);
void tlb_remove_page(struct mmu_gather *tlb, struct page *page);

/* page references */
void get_page(struct page *page);
void put_page(struct page *page);
void folio_get(struct folio *folio);
bool folio_try_get(struct folio *folio);
void folio_put(struct folio *folio);
void folio_put_refs(struct folio *folio, int refs);
void release_pages(struct page **pages, int nr);
void free_page_and_swap_cache(struct page *page);
void page_remove_rmap(struct page *page, struct vm_area_struct *vma,
		      bool compound);

/* vmas and walkers */
struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr);
pmd_t *mm_find_pmd(struct mm_struct *mm, unsigned long address);
bool is_cow_mapping(unsigned long flags);
bool vma_is_anonymous(struct vm_area_struct *vma);
bool page_vma_mapped_walk(struct page_vma_mapped_walk *pvmw);
void page_vma_mapped_walk_done(struct page_vma_mapped_walk *pvmw);
int walk_page_range(struct mm_struct *mm, unsigned long start,
		    unsigned long end, const struct mm_walk_ops *ops,
		    void *private);
void unmap_page_range(struct mmu_gather *tlb, struct vm_area_struct *vma,
		      unsigned long addr, unsigned long end);

/* files: the vmas that map a page of a file (fs/dax.c's walk) */
#define VM_SHARED 0x00000008UL
typedef unsigned long pgoff_t;
struct rb_root_cached { void *rb_node; };
struct address_space { struct rb_root_cached i_mmap; };
struct vm_area_struct *vma_interval_tree_iter_first(struct rb_root_cached *root,
						    pgoff_t start, pgoff_t last);
struct vm_area_struct *vma_interval_tree_iter_next(struct vm_area_struct *vma,
						   pgoff_t start, pgoff_t last);
#define vma_interval_tree_foreach(vma, root, start, last)                   \
	for (vma = vma_interval_tree_iter_first(root, start, last); vma;     \
	     vma = vma_interval_tree_iter_next(vma, start, last))
void i_mmap_lock_read(struct address_space *mapping);
void i_mmap_unlock_read(struct address_space *mapping);
unsigned long pgoff_address(pgoff_t pgoff, struct vm_area_struct *vma);
void flush_cache_page(struct vm_area_struct *vma, unsigned long addr,
		      unsigned long pfn);
unsigned long pmd_pfn(pmd_t pmd);

#endif /* TESTCASES_KAPI_H */
