/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The notifier API of the era (docs/kernel-api.md A.1 - A.8), and the
 * entry setters whose form follows it:
 *
 *   <= 4.12  mmu_notifier_invalidate_page()
 *   <= 4.20  (mm, start, end) ranges; 4.15 _only_end(), 4.19 _nonblock()
 *   5.0-5.1  struct mmu_notifier_range, range_init(range, mm, start, end)
 *   5.2-6.2  range_init(range, event, flags, vma, mm, start, end)
 *   >= 6.3   range_init(range, event, flags, mm, start, end)
 *   3.19-6.5 mmu_notifier_invalidate_range(), the *_clear_flush_notify()
 *            helpers, _only_end()
 *   >= 6.5   set_ptes(), set_pte_at() a macro over it
 *   >= 6.6   mmu_notifier_arch_invalidate_secondary_tlbs()
 *   <= 6.9   set_pte_at_notify(), mmu_notifier_change_pte()
 *
 * In the probe (__MMUCHECK_KV 0) every one of them is declared, without
 * prototype where its form changed, so that the file's calls show the era.
 */
#ifndef __MMUCHECK_MMU_NOTIFIER_H
#define __MMUCHECK_MMU_NOTIFIER_H

#define __MC_ERA(first, last) \
	(__MMUCHECK_KV == 0 || \
	 (__MMUCHECK_KV >= (first) && __MMUCHECK_KV <= (last)))
#define __MC_ERA_FROM(first) __MC_ERA(first, 9999)
#define __MC_ERA_UPTO(last) __MC_ERA(0, last)

struct mmu_notifier;
struct mmu_notifier_subscriptions;
struct mmu_interval_notifier;

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

struct mmu_notifier_range {
#if __MC_ERA(__MC_KV(5, 2), __MC_KV(6, 2))
	struct vm_area_struct *vma;
#endif
	struct mm_struct *mm;
	unsigned long start;
	unsigned long end;
#if __MC_ERA(__MC_KV(5, 0), __MC_KV(5, 1))
	bool blockable;
#endif
	unsigned int flags;
	enum mmu_notifier_event event;
	void *owner;
	void *migrate_pgmap_owner;
};

struct mmu_notifier_ops {
	void (*release)(struct mmu_notifier *subscription, struct mm_struct *mm);
	int (*clear_flush_young)(struct mmu_notifier *subscription,
				 struct mm_struct *mm, unsigned long start,
				 unsigned long end);
	int (*clear_young)(struct mmu_notifier *subscription,
			   struct mm_struct *mm, unsigned long start,
			   unsigned long end);
	int (*test_young)(struct mmu_notifier *subscription,
			  struct mm_struct *mm, unsigned long address);
	void (*change_pte)(struct mmu_notifier *subscription,
			   struct mm_struct *mm, unsigned long address,
			   pte_t pte);
	void (*invalidate_page)(struct mmu_notifier *subscription,
				struct mm_struct *mm, unsigned long address);
	int (*invalidate_range_start)();
	void (*invalidate_range_end)();
	void (*invalidate_range)(struct mmu_notifier *subscription,
				 struct mm_struct *mm, unsigned long start,
				 unsigned long end);
	void (*arch_invalidate_secondary_tlbs)(struct mmu_notifier *subscription,
					       struct mm_struct *mm,
					       unsigned long start,
					       unsigned long end);
	struct mmu_notifier *(*alloc_notifier)(struct mm_struct *mm);
	void (*free_notifier)(struct mmu_notifier *subscription);
};

struct mmu_notifier {
	struct hlist_node hlist;
	const struct mmu_notifier_ops *ops;
	struct mm_struct *mm;
	struct callback_head rcu;
	unsigned int users;
};

bool mm_has_notifiers(struct mm_struct *mm);
int mmu_notifier_register(struct mmu_notifier *subscription,
			  struct mm_struct *mm);
int __mmu_notifier_register(struct mmu_notifier *subscription,
			    struct mm_struct *mm);
void mmu_notifier_unregister(struct mmu_notifier *subscription,
			     struct mm_struct *mm);
void mmu_notifier_put(struct mmu_notifier *subscription);
void mmu_notifier_synchronize(void);
void mmu_notifier_release(struct mm_struct *mm);
void __mmu_notifier_release(struct mm_struct *mm);
void mmu_notifier_subscriptions_init(struct mm_struct *mm);
void mmu_notifier_subscriptions_destroy(struct mm_struct *mm);
int mmu_notifier_clear_flush_young(struct mm_struct *mm, unsigned long start,
				   unsigned long end);
int mmu_notifier_clear_young(struct mm_struct *mm, unsigned long start,
			     unsigned long end);
int mmu_notifier_test_young(struct mm_struct *mm, unsigned long address);

#if __MC_ERA_UPTO(__MC_KV(4, 12))
void mmu_notifier_invalidate_page(struct mm_struct *mm, unsigned long address);
#endif

#if __MMUCHECK_KV == 0
/* the probe: (mm, start, end) and (range) alike */
void mmu_notifier_invalidate_range_start();
int mmu_notifier_invalidate_range_start_nonblock();
void mmu_notifier_invalidate_range_end();
void mmu_notifier_invalidate_range_only_end();
void mmu_notifier_range_init();
void mmu_notifier_range_init_owner();
void mmu_notifier_range_init_migrate();
#elif __MMUCHECK_KV <= __MC_KV(4, 20)
void mmu_notifier_invalidate_range_start(struct mm_struct *mm,
					 unsigned long start,
					 unsigned long end);
void mmu_notifier_invalidate_range_end(struct mm_struct *mm,
				       unsigned long start, unsigned long end);
#if __MMUCHECK_KV >= __MC_KV(4, 15)
void mmu_notifier_invalidate_range_only_end(struct mm_struct *mm,
					    unsigned long start,
					    unsigned long end);
#endif
#if __MMUCHECK_KV >= __MC_KV(4, 19)
int mmu_notifier_invalidate_range_start_nonblock(struct mm_struct *mm,
						 unsigned long start,
						 unsigned long end);
#endif
#else
void mmu_notifier_invalidate_range_start(struct mmu_notifier_range *range);
int mmu_notifier_invalidate_range_start_nonblock(
	struct mmu_notifier_range *range);
void mmu_notifier_invalidate_range_end(struct mmu_notifier_range *range);
#if __MMUCHECK_KV <= __MC_KV(6, 5)
void mmu_notifier_invalidate_range_only_end(struct mmu_notifier_range *range);
#endif
bool mmu_notifier_range_blockable(const struct mmu_notifier_range *range);
bool mmu_notifier_range_update_to_read_only(
	const struct mmu_notifier_range *range);
#if __MMUCHECK_KV <= __MC_KV(5, 1)
void mmu_notifier_range_init(struct mmu_notifier_range *range,
			     struct mm_struct *mm, unsigned long start,
			     unsigned long end);
#elif __MMUCHECK_KV <= __MC_KV(6, 2)
void mmu_notifier_range_init(struct mmu_notifier_range *range,
			     enum mmu_notifier_event event, unsigned int flags,
			     struct vm_area_struct *vma, struct mm_struct *mm,
			     unsigned long start, unsigned long end);
#if __MMUCHECK_KV >= __MC_KV(5, 9) && __MMUCHECK_KV <= __MC_KV(5, 13)
void mmu_notifier_range_init_migrate(struct mmu_notifier_range *range,
				     unsigned int flags,
				     struct vm_area_struct *vma,
				     struct mm_struct *mm, unsigned long start,
				     unsigned long end, void *pgmap);
#endif
void mmu_notifier_range_init_owner(struct mmu_notifier_range *range,
				   enum mmu_notifier_event event,
				   unsigned int flags,
				   struct vm_area_struct *vma,
				   struct mm_struct *mm, unsigned long start,
				   unsigned long end, void *owner);
#else
void mmu_notifier_range_init(struct mmu_notifier_range *range,
			     enum mmu_notifier_event event, unsigned int flags,
			     struct mm_struct *mm, unsigned long start,
			     unsigned long end);
void mmu_notifier_range_init_owner(struct mmu_notifier_range *range,
				   enum mmu_notifier_event event,
				   unsigned int flags, struct mm_struct *mm,
				   unsigned long start, unsigned long end,
				   void *owner);
#endif
#endif

#if __MC_ERA(__MC_KV(3, 19), __MC_KV(6, 5))
void mmu_notifier_invalidate_range(struct mm_struct *mm, unsigned long start,
				   unsigned long end);
#endif
#if __MMUCHECK_KV == 0
pte_t ptep_clear_flush_notify(struct vm_area_struct *vma, unsigned long address,
			      pte_t *ptep);
pmd_t pmdp_huge_clear_flush_notify(struct vm_area_struct *vma,
				   unsigned long haddr, pmd_t *pmdp);
pud_t pudp_huge_clear_flush_notify(struct vm_area_struct *vma,
				   unsigned long haddr, pud_t *pudp);
#elif __MMUCHECK_KV >= __MC_KV(3, 19) && __MMUCHECK_KV <= __MC_KV(6, 5)
/* macros, as the kernel has them: the clear, then the secondary flush */
#define ptep_clear_flush_notify(__vma, __address, __ptep) \
	({ \
		unsigned long ___addr = __address & PAGE_MASK; \
		struct mm_struct *___mm = (__vma)->vm_mm; \
		pte_t ___pte; \
		___pte = ptep_clear_flush(__vma, __address, __ptep); \
		mmu_notifier_invalidate_range(___mm, ___addr, \
					      ___addr + PAGE_SIZE); \
		___pte; \
	})
#define pmdp_huge_clear_flush_notify(__vma, __haddr, __pmd) \
	({ \
		unsigned long ___haddr = __haddr & HPAGE_PMD_MASK; \
		struct mm_struct *___mm = (__vma)->vm_mm; \
		pmd_t ___pmd; \
		___pmd = pmdp_huge_clear_flush(__vma, __haddr, __pmd); \
		mmu_notifier_invalidate_range(___mm, ___haddr, \
					      ___haddr + HPAGE_PMD_SIZE); \
		___pmd; \
	})
#define pudp_huge_clear_flush_notify(__vma, __haddr, __pud) \
	({ \
		unsigned long ___haddr = __haddr & HPAGE_PUD_MASK; \
		struct mm_struct *___mm = (__vma)->vm_mm; \
		pud_t ___pud; \
		___pud = pudp_huge_clear_flush(__vma, __haddr, __pud); \
		mmu_notifier_invalidate_range(___mm, ___haddr, \
					      ___haddr + HPAGE_PUD_SIZE); \
		___pud; \
	})
#endif
#if __MC_ERA_FROM(__MC_KV(6, 6))
void mmu_notifier_arch_invalidate_secondary_tlbs(struct mm_struct *mm,
						 unsigned long start,
						 unsigned long end);
#endif

#if __MC_ERA_UPTO(__MC_KV(6, 9))
void mmu_notifier_change_pte(struct mm_struct *mm, unsigned long address,
			     pte_t pte);
#endif
#if __MMUCHECK_KV == 0
void set_pte_at_notify(struct mm_struct *mm, unsigned long address,
		       pte_t *ptep, pte_t pte);
#elif __MMUCHECK_KV <= __MC_KV(6, 9)
#define set_pte_at_notify(__mm, __address, __ptep, __pte) \
	({ \
		struct mm_struct *___mm = __mm; \
		unsigned long ___address = __address; \
		pte_t ___pte = __pte; \
		mmu_notifier_change_pte(___mm, ___address, ___pte); \
		set_pte_at(___mm, ___address, __ptep, ___pte); \
	})
#endif

int ptep_clear_flush_young_notify(struct vm_area_struct *vma,
				  unsigned long address, pte_t *ptep);
int pmdp_clear_flush_young_notify(struct vm_area_struct *vma,
				  unsigned long address, pmd_t *pmdp);
int ptep_clear_young_notify(struct vm_area_struct *vma, unsigned long address,
			    pte_t *ptep);
int pmdp_clear_young_notify(struct vm_area_struct *vma, unsigned long address,
			    pmd_t *pmdp);

/* asm/pgtable.h, linux/pgtable.h: the setters of the era */
#if __MC_ERA_FROM(__MC_KV(6, 5))
void set_ptes(struct mm_struct *mm, unsigned long addr, pte_t *ptep, pte_t pte,
	      unsigned int nr);
#endif
#if __MMUCHECK_KV >= __MC_KV(6, 5)
#define set_pte_at(mm, addr, ptep, pte) set_ptes(mm, addr, ptep, pte, 1)
#else
void set_pte_at(struct mm_struct *mm, unsigned long addr, pte_t *ptep,
		pte_t pte);
#endif

#endif
