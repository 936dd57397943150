/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The macros of mm.h, pgtable.h, rmap.h, huge_mm.h, mm_slot.h and the
 * arch headers that are not functions: initialisers, iterators, lvalues,
 * type arguments and the ones with control flow.  Everything else of the
 * page-table, TLB and page API is a function in decls.h (x86-64: four or
 * five levels, 4K pages, 2M PMDs).
 */
#ifndef __MMUCHECK_MM_H
#define __MMUCHECK_MM_H

/* walking and building page tables */
#define pgprot_val(x) ((x).pgprot)
#define __pgprot(x) ((pgprot_t){ (x) })
#define pte_val(x) ((x).pte)
#define pmd_val(x) ((x).pmd)
#define pud_val(x) ((x).pud)
#define p4d_val(x) ((x).p4d)
#define pgd_val(x) ((x).pgd)
pte_t native_make_pte __MC_PROTO((pteval_t val));
pmd_t native_make_pmd __MC_PROTO((pmdval_t val));
pud_t native_make_pud __MC_PROTO((pudval_t val));
p4d_t native_make_p4d __MC_PROTO((p4dval_t val));
pgd_t native_make_pgd __MC_PROTO((pgdval_t val));
#define __pte(x) native_make_pte(x)
#define __pmd(x) native_make_pmd(x)
#define __pud(x) native_make_pud(x)
#define __p4d(x) native_make_p4d(x)
#define __pgd(x) native_make_pgd(x)
#define __swp_entry_to_pte(x) ((pte_t){ .pte = (x).val })
#define pgd_addr_end(addr, end) \
	({ \
		unsigned long __boundary = ((addr) + PGDIR_SIZE) & PGDIR_MASK; \
		(__boundary - 1 < (end) - 1) ? __boundary : (end); \
	})
#define p4d_addr_end(addr, end) \
	({ \
		unsigned long __boundary = ((addr) + P4D_SIZE) & P4D_MASK; \
		(__boundary - 1 < (end) - 1) ? __boundary : (end); \
	})
#define pud_addr_end(addr, end) \
	({ \
		unsigned long __boundary = ((addr) + PUD_SIZE) & PUD_MASK; \
		(__boundary - 1 < (end) - 1) ? __boundary : (end); \
	})
#define pmd_addr_end(addr, end) \
	({ \
		unsigned long __boundary = ((addr) + PMD_SIZE) & PMD_MASK; \
		(__boundary - 1 < (end) - 1) ? __boundary : (end); \
	})
#define pgd_offset(mm, address) pgd_offset_pgd((mm)->pgd, (address))
#define pgd_offset_k(address) pgd_offset(&init_mm, (address))
#define pte_alloc(mm, pmd) (unlikely(pmd_none(*(pmd))) && __pte_alloc(mm, pmd))
#define pte_alloc_map(mm, pmd, address) \
	(pte_alloc(mm, pmd) ? NULL : pte_offset_map(pmd, address))
#define pte_alloc_map_lock(mm, pmd, address, ptlp) \
	(pte_alloc(mm, pmd) ? NULL : pte_offset_map_lock(mm, pmd, address, ptlp))
#define pte_alloc_kernel(pmd, address) \
	((unlikely(pmd_none(*(pmd))) && __pte_alloc_kernel(pmd)) ? \
		 NULL : \
		 pte_offset_kernel(pmd, address))
#define pte_alloc_kernel_track(pmd, address, mask) \
	((unlikely(pmd_none(*(pmd))) && (__pte_alloc_kernel(pmd) || ({ \
		  *(mask) |= PGTBL_PMD_MODIFIED; \
		  0; \
	  }))) ? \
		 NULL : \
		 pte_offset_kernel(pmd, address))
#define pte_unmap_unlock(pte, ptl) \
	do { \
		spin_unlock(ptl); \
		pte_unmap(pte); \
	} while (0)
#define split_huge_pmd(__vma, __pmd, __address) \
	do { \
		pmd_t *____pmd = (__pmd); \
		if (is_swap_pmd(*____pmd) || pmd_trans_huge(*____pmd) || \
		    pmd_devmap(*____pmd)) \
			__split_huge_pmd(__vma, __pmd, __address, false, NULL); \
	} while (0)
#define split_huge_pud(__vma, __pud, __address) \
	do { \
		pud_t *____pud = (__pud); \
		if (pud_trans_huge(*____pud) || pud_devmap(*____pud)) \
			__split_huge_pud(__vma, __pud, __address); \
	} while (0)
#define move_pte(pte, ...) (pte)
#define arch_enter_lazy_mmu_mode() ((void)0)
#define arch_leave_lazy_mmu_mode() ((void)0)
#define arch_flush_lazy_mmu_mode() ((void)0)
#define arch_needs_pgtable_deposit() (false)
#define arch_start_context_switch(prev) ((void)0)
#define mm_forbids_zeropage(X) (0)
#define flush_tlb_fix_spurious_fault(vma, address, ...) ((void)0)
#define flush_pmd_tlb_range(vma, addr, end) flush_tlb_range(vma, addr, end)
#define flush_pud_tlb_range(vma, addr, end) flush_tlb_range(vma, addr, end)
#define update_mmu_cache(vma, addr, ptep) ((void)0)
#define update_mmu_cache_range(vmf, vma, addr, ptep, nr) ((void)0)
#define update_mmu_cache_pmd(vma, addr, pmd) ((void)0)
#define update_mmu_cache_pud(vma, addr, pud) ((void)0)
#define flush_cache_range(vma, start, end) ((void)0)
#define flush_cache_page(vma, vmaddr, pfn) ((void)0)
#define flush_cache_mm(mm) ((void)0)
#define flush_cache_dup_mm(mm) ((void)0)
#define flush_icache_page(vma, page) ((void)0)
#define flush_icache_pages(vma, page, nr) ((void)0)
#define flush_icache_range(start, end) ((void)0)
#define flush_dcache_page(page) ((void)0)
#define flush_dcache_mmap_lock(mapping) ((void)0)
#define flush_dcache_mmap_unlock(mapping) ((void)0)
#define flush_anon_page(vma, page, vmaddr) ((void)0)
#define copy_to_user_page(vma, page, vaddr, dst, src, len) \
	memcpy(dst, src, len)
#define copy_from_user_page(vma, page, vaddr, dst, src, len) \
	memcpy(dst, src, len)
#define pte_free_tlb(tlb, ptep, address) __pte_free_tlb(tlb, ptep, address)
#define pmd_free_tlb(tlb, pmdp, address) __pmd_free_tlb(tlb, pmdp, address)
#define pud_free_tlb(tlb, pudp, address) __pud_free_tlb(tlb, pudp, address)
#define p4d_free_tlb(tlb, p4dp, address) __p4d_free_tlb(tlb, p4dp, address)
#define tlb_delay_rmap(tlb) (((tlb)->delayed_rmap = 1), true)
#define tlb_start_vma(tlb, vma) ((void)0)
#define tlb_end_vma(tlb, vma) ((void)0)

/*
 * What x86 declares its own, so that mm code takes its #ifdef branch
 * (memory.c's insert_pages() needs pte_index).
 */
#define pte_index pte_index
#define pmd_index pmd_index
#define pud_index pud_index
#define pte_offset_kernel pte_offset_kernel
#define pmd_offset pmd_offset
#define pud_offset pud_offset
#define pmd_dirty pmd_dirty
#define pmd_write pmd_write
#define pmd_young pmd_young
#define pud_write pud_write
#define pmd_leaf pmd_leaf
#define pud_leaf pud_leaf
#define p4d_leaf p4d_leaf
#define pgd_leaf pgd_leaf
#define pte_accessible pte_accessible
#define pte_sw_mkyoung pte_sw_mkyoung
#define pte_needs_flush pte_needs_flush
#define huge_pmd_needs_flush huge_pmd_needs_flush
#define pmdp_establish pmdp_establish
#define flush_dcache_folio flush_dcache_folio
#define arch_has_hw_pte_young arch_has_hw_pte_young
#define gup_fast_permitted gup_fast_permitted
#define ioremap_prot ioremap_prot
#define iounmap iounmap
#define memory_add_physaddr_to_nid memory_add_physaddr_to_nid
#define phys_to_target_node phys_to_target_node
#define __HAVE_ARCH_PTEP_SET_ACCESS_FLAGS
#define __HAVE_ARCH_PMDP_SET_ACCESS_FLAGS
#define __HAVE_ARCH_PTEP_CLEAR_YOUNG_FLUSH
#define __HAVE_ARCH_PMDP_CLEAR_YOUNG_FLUSH
#define __HAVE_ARCH_PMDP_INVALIDATE_AD
#define __HAVE_ARCH_PTE_SWP_EXCLUSIVE
#define ARCH_HAS_PREFETCHW
#if __MMUCHECK_KV >= __MC_KV(6, 6)
#define pte_advance_pfn pte_advance_pfn
#define pmd_mkwrite pmd_mkwrite
#define pte_mkwrite pte_mkwrite
#define pud_pfn pud_pfn
#define pud_same pud_same
#define arch_check_zapped_pte arch_check_zapped_pte
#define arch_check_zapped_pmd arch_check_zapped_pmd
#define arch_check_zapped_pud arch_check_zapped_pud
#endif
/* 6.2 made the rss counters per-cpu counters */
#if __MMUCHECK_KV != 0 && __MMUCHECK_KV < __MC_KV(6, 3)
#define SPLIT_RSS_COUNTING
#endif

/* pages and folios */
#define vmemmap ((struct page *)0xffffea0000000000UL)
#define __page_to_pfn(page) (unsigned long)((page) - vmemmap)
#define __pfn_to_page(pfn) (vmemmap + (pfn))
#define page_to_pfn __page_to_pfn
#define pfn_to_page __pfn_to_page
#define folio_add_anon_rmap_pte(folio, page, vma, address, flags) \
	folio_add_anon_rmap_ptes(folio, page, 1, vma, address, flags)
#define folio_add_file_rmap_pte(folio, page, vma) \
	folio_add_file_rmap_ptes(folio, page, 1, vma)
#define folio_remove_rmap_pte(folio, page, vma) \
	folio_remove_rmap_ptes(folio, page, 1, vma)
#define split_folio(f) split_folio_to_list(f, NULL)
#define page_private(page) ((page)->private)
#define folio_page(folio, n) nth_page(&(folio)->page, n)
#define folio_page_idx(folio, p) ((p) - &(folio)->page)
#define nth_page(page, n) ((page) + (n))
#define page_folio(p) ((struct folio *)_compound_head(p))
#define compound_head(page) ((typeof(page))_compound_head(page))
#define pte_page(pte) pfn_to_page(pte_pfn(pte))
#define pmd_page(pmd) pfn_to_page(pmd_pfn(pmd))
#define pud_page(pud) pfn_to_page(pud_pfn(pud))
#define pmd_pgtable(pmd) pmd_page(pmd)
#define pmd_folio(pmd) page_folio(pmd_page(pmd))
#define pud_folio(pud) page_folio(pud_page(pud))
#define ZERO_PAGE(vaddr) ((void)(vaddr), virt_to_page(empty_zero_page))
#define virt_to_page(kaddr) pfn_to_page(__pa(kaddr) >> PAGE_SHIFT)
#define offset_in_page(p) ((unsigned long)(p) & ~PAGE_MASK)
#define offset_in_folio(folio, p) ((unsigned long)(p) & (folio_size(folio) - 1))
#define PAGE_ALIGN(addr) ALIGN(addr, PAGE_SIZE)
#define PAGE_ALIGN_DOWN(addr) ALIGN_DOWN(addr, PAGE_SIZE)
#define PAGE_ALIGNED(addr) IS_ALIGNED((unsigned long)(addr), PAGE_SIZE)
#define is_ksm_zero_pte(pte) (is_zero_pfn(pte_pfn(pte)) && pte_dirty(pte))
#define page_ref_zero_or_close_to_overflow(page) \
	((unsigned int)page_ref_count(page) + 127u <= 127u)
#define for_each_zone(zone) \
	for (zone = (first_online_pgdat())->node_zones; zone; \
	     zone = next_zone(zone))
#define for_each_populated_zone(zone) \
	for (zone = (first_online_pgdat())->node_zones; zone; \
	     zone = next_zone(zone)) \
		if (!populated_zone(zone)) \
			; \
		else
#define for_each_online_pgdat(pgdat) \
	for (pgdat = first_online_pgdat(); pgdat; pgdat = next_online_pgdat(pgdat))
#define zone_idx(zone) ((zone) - (zone)->zone_pgdat->node_zones)
#define NODE_DATA(nid) (node_data[nid])
#define pfn_to_nid(pfn) page_to_nid(pfn_to_page(pfn))
#define swap_address_space(entry) \
	(&swapper_spaces[swp_type(entry)][swp_offset(entry) >> \
					   SWAP_ADDRESS_SPACE_SHIFT])
#define vma_policy(vma) ((vma)->vm_policy)
#define count_vm_numa_event(x) ((void)0)
#define count_vm_numa_events(x, y) ((void)0)
#define count_vm_vma_lock_event(x) ((void)0)
#define count_vm_tlb_event(x) ((void)0)
#define count_vm_tlb_events(x, y) ((void)0)
#define kunmap_atomic(addr) __kunmap_atomic(addr)
#define kunmap_local(addr) __kunmap_local(addr)
#define iter_iov_addr(iter) (iter_iov(iter)->iov_base + (iter)->iov_offset)
#define iter_iov_len(iter) (iter_iov(iter)->iov_len - (iter)->iov_offset)

/* transparent huge pages */
#define hugepage_flags_enabled() \
	(transparent_hugepage_flags & \
	 ((1 << TRANSPARENT_HUGEPAGE_FLAG) | \
	  (1 << TRANSPARENT_HUGEPAGE_REQ_MADV_FLAG)))
#define hugepage_flags_always() \
	(transparent_hugepage_flags & (1 << TRANSPARENT_HUGEPAGE_FLAG))
#define transparent_hugepage_use_zero_page() \
	(transparent_hugepage_flags & \
	 (1 << TRANSPARENT_HUGEPAGE_USE_ZERO_PAGE_FLAG))
#define thp_vma_allowable_order(vma, vm_flags, tva_flags, order) \
	(!!thp_vma_allowable_orders(vma, vm_flags, tva_flags, BIT(order)))
#define to_thpsize(kobj) container_of(kobj, struct thpsize, kobj)

/* rmap.h, the vma and anon_vma trees, the maple tree and the xarray */
#define DEFINE_PAGE_VMA_WALK(name, _page, _vma, _address, _flags) \
	struct page_vma_mapped_walk name = { \
		.pfn = page_to_pfn(_page), \
		.nr_pages = compound_nr(_page), \
		.pgoff = page_to_pgoff(_page), \
		.vma = _vma, \
		.address = _address, \
		.flags = _flags, \
	}
#define DEFINE_FOLIO_VMA_WALK(name, _folio, _vma, _address, _flags) \
	struct page_vma_mapped_walk name = { \
		.pfn = folio_pfn(_folio), \
		.nr_pages = folio_nr_pages(_folio), \
		.pgoff = folio_pgoff(_folio), \
		.vma = _vma, \
		.address = _address, \
		.flags = _flags, \
	}
#define anon_vma_interval_tree_foreach(avc, root, start, last) \
	for (avc = anon_vma_interval_tree_iter_first(root, start, last); avc; \
	     avc = anon_vma_interval_tree_iter_next(avc, start, last))
#define vma_interval_tree_foreach(vma, root, start, last) \
	for (vma = vma_interval_tree_iter_first(root, start, last); vma; \
	     vma = vma_interval_tree_iter_next(vma, start, last))
#define MA_STATE(name, mt, first, end) \
	struct ma_state name = { \
		.tree = mt, \
		.index = first, \
		.last = end, \
		.node = NULL, \
		.status = ma_start, \
		.min = 0, \
		.max = ULONG_MAX, \
	}
#define VMA_ITERATOR(name, __mm, __addr) \
	struct vma_iterator name = { \
		.mas = { \
			.tree = &(__mm)->mm_mt, \
			.index = __addr, \
			.node = NULL, \
			.status = ma_start, \
		}, \
	}
#define for_each_vma(__vmi, __vma) \
	while (((__vma) = vma_next(&(__vmi))) != NULL)
#define for_each_vma_range(__vmi, __vma, __end) \
	while (((__vma) = vma_find(&(__vmi), (__end))) != NULL)
#define mas_for_each(__mas, __entry, __max) \
	while (((__entry) = mas_find((__mas), (__max))) != NULL)
#define mt_for_each(__tree, __entry, __index, __max) \
	for (__entry = mt_find(__tree, &(__index), __max); __entry; \
	     __entry = mt_find_after(__tree, &(__index), __max))
#define __XA_STATE(array, index, shift, sibs) \
	{ \
		.xa = array, \
		.xa_index = index, \
		.xa_shift = shift, \
		.xa_sibs = sibs, \
		.xa_offset = 0, \
		.xa_pad = 0, \
		.xa_node = XAS_RESTART, \
		.xa_alloc = NULL, \
		.xa_update = NULL, \
		.xa_lru = NULL, \
	}
#define XA_STATE(name, array, index) \
	struct xa_state name = __XA_STATE(array, index, 0, 0)
#define XA_STATE_ORDER(name, array, index, order) \
	struct xa_state name = __XA_STATE(array, \
		(index >> order) << order, \
		order - (order % XA_CHUNK_SHIFT), \
		(1U << (order % XA_CHUNK_SHIFT)) - 1)
#define XAS_RESTART ((struct xa_node *)3UL)
#define XA_CHUNK_SHIFT 6
#define XA_RETRY_ENTRY xa_mk_internal(256)
#define XA_ZERO_ENTRY xa_mk_internal(257)
#define xas_for_each(xas, entry, max) \
	for (entry = xas_find(xas, max); entry; entry = xas_next_entry(xas, max))
#define xas_for_each_marked(xas, entry, max, mark) \
	for (entry = xas_find_marked(xas, max, mark); entry; \
	     entry = xas_next_marked(xas, max, mark))
#define xas_for_each_conflict(xas, entry) \
	while ((entry = xas_find_conflict(xas)))
#define xa_for_each(xa, index, entry) \
	for (index = 0, entry = xa_find(xa, &index, ULONG_MAX, XA_PRESENT); \
	     entry; entry = xa_find_after(xa, &index, ULONG_MAX, XA_PRESENT))
#define xa_lock(xa) spin_lock(&(xa)->xa_lock)
#define xa_unlock(xa) spin_unlock(&(xa)->xa_lock)
#define xa_lock_irq(xa) spin_lock_irq(&(xa)->xa_lock)
#define xa_unlock_irq(xa) spin_unlock_irq(&(xa)->xa_lock)
#define xa_lock_irqsave(xa, flags) spin_lock_irqsave(&(xa)->xa_lock, flags)
#define xa_unlock_irqrestore(xa, flags) \
	spin_unlock_irqrestore(&(xa)->xa_lock, flags)
#define xas_lock(xas) xa_lock((xas)->xa)
#define xas_unlock(xas) xa_unlock((xas)->xa)
#define xas_lock_irq(xas) xa_lock_irq((xas)->xa)
#define xas_unlock_irq(xas) xa_unlock_irq((xas)->xa)
#define xas_lock_irqsave(xas, flags) xa_lock_irqsave((xas)->xa, flags)
#define xas_unlock_irqrestore(xas, flags) xa_unlock_irqrestore((xas)->xa, flags)
#define xas_marked(xas, mark) xa_marked((xas)->xa, mark)
#define mapping_set_update(xas, mapping) ((void)(xas))

/* mm/mm_slot.h (khugepaged, ksm) */
#define mm_slot_entry(ptr, type, member) container_of(ptr, type, member)
#define mm_slot_lookup(_hashtable, _mm) \
	({ \
		struct mm_slot *tmp_slot, *mm_slot = NULL; \
		hash_for_each_possible(_hashtable, tmp_slot, hash, \
				       (unsigned long)_mm) if (_mm == \
							       tmp_slot->mm) \
		{ \
			mm_slot = tmp_slot; \
			break; \
		} \
		mm_slot; \
	})
#define mm_slot_insert(_hashtable, _mm, _mm_slot) \
	({ \
		_mm_slot->mm = _mm; \
		hash_add(_hashtable, &_mm_slot->hash, (unsigned long)_mm); \
	})

/* slab.h, gfp.h: the allocators are functions; these take a type */
#define KMEM_CACHE(__struct, __flags) \
	kmem_cache_create(#__struct, sizeof(struct __struct), \
			  __alignof__(struct __struct), (__flags), NULL)
#define kmalloc_obj(x, gfp) kmalloc(sizeof(x), gfp)
#define __get_free_page(gfp_mask) __get_free_pages((gfp_mask), 0)
#define __get_dma_pages(gfp_mask, order) \
	__get_free_pages((gfp_mask) | GFP_DMA, (order))
#define free_page(addr) free_pages((addr), 0)
#define __free_page(page) __free_pages((page), 0)
#define alloc_page(gfp_mask) alloc_pages(gfp_mask, 0)
#define alloc_page_vma(gfp, vma, addr) \
	alloc_pages_vma(gfp, 0, vma, addr, numa_node_id(), false)

/* events and memory notifiers */
#define hotplug_memory_notifier(fn, pri) \
	({ \
		static struct notifier_block fn##_mem_nb = { \
			.notifier_call = fn, \
			.priority = pri \
		}; \
		register_memory_notifier(&fn##_mem_nb); \
	})
#define exception_ip(regs) instruction_pointer(regs)

/*
 * What x86 and the generic headers make macros over other names, as
 * functions of their own: the model's names stay the names called
 * (pte_clear(), not native_pte_clear()).
 */
pte_t mk_pte __MC_PROTO((struct page *page, pgprot_t pgprot));
pmd_t mk_pmd __MC_PROTO((struct page *page, pgprot_t pgprot));
pmd_t mk_huge_pmd __MC_PROTO((struct page *page, pgprot_t pgprot));
pmd_t pmd_mk_savedwrite __MC_PROTO((pmd_t pmd));
int pmd_savedwrite __MC_PROTO((pmd_t pmd));
int pte_savedwrite __MC_PROTO((pte_t pte));
pte_t pte_clear_savedwrite __MC_PROTO((pte_t pte));
pgprot_t pte_pgprot __MC_PROTO((pte_t pte));
pgprot_t pmd_pgprot __MC_PROTO((pmd_t pmd));
pgprot_t pud_pgprot __MC_PROTO((pud_t pud));
void pte_clear __MC_PROTO((struct mm_struct *mm, unsigned long addr,
			   pte_t *ptep));
void pmd_clear __MC_PROTO((pmd_t *pmdp));
void pud_clear __MC_PROTO((pud_t *pudp));
void p4d_clear __MC_PROTO((p4d_t *p4dp));
void pgd_clear __MC_PROTO((pgd_t *pgdp));
void flush_tlb_mm __MC_PROTO((struct mm_struct *mm));
void flush_tlb_range __MC_PROTO((struct vm_area_struct *vma,
				 unsigned long start, unsigned long end));
void tlb_remove_tlb_entry __MC_PROTO((struct mmu_gather *tlb, pte_t *ptep,
				      unsigned long address));
void tlb_remove_pmd_tlb_entry __MC_PROTO((struct mmu_gather *tlb, pmd_t *pmdp,
					  unsigned long address));
void tlb_remove_pud_tlb_entry __MC_PROTO((struct mmu_gather *tlb, pud_t *pudp,
					  unsigned long address));
struct page *alloc_zeroed_user_highpage_movable
	__MC_PROTO((struct vm_area_struct *vma, unsigned long vaddr));
struct folio *vma_alloc_zeroed_movable_folio
	__MC_PROTO((struct vm_area_struct *vma, unsigned long vaddr));
softleaf_t softleaf_from_pte __MC_PROTO((pte_t pte));
unsigned long softleaf_to_pfn __MC_PROTO((softleaf_t entry));
void *kzalloc __MC_PROTO((size_t size, gfp_t flags));
struct folio *folio_alloc __MC_PROTO((gfp_t gfp, unsigned int order));
struct folio *__folio_alloc __MC_PROTO((gfp_t gfp, unsigned int order,
					int preferred_nid, nodemask_t *nodemask));
extern unsigned long empty_zero_page[];
extern struct pglist_data *node_data[];
extern struct address_space *swapper_spaces[];
int autoremove_wake_function __MC_PROTO((struct wait_queue_entry *wq_entry,
					 unsigned int mode, int sync,
					 void *key));
#define __pa(x) ((unsigned long)(x))
#define PGDIR_SHIFT 39
#define PGDIR_SIZE (1UL << PGDIR_SHIFT)
#define PGDIR_MASK (~(PGDIR_SIZE - 1))
#define P4D_SHIFT 39
#define P4D_SIZE (1UL << P4D_SHIFT)
#define P4D_MASK (~(P4D_SIZE - 1))
#define TASK_SIZE ((1UL << 47) - PAGE_SIZE)
#define TASK_SIZE_MAX TASK_SIZE
#define STACK_TOP TASK_SIZE
#define CONFIG_NODES_SHIFT 6
#define SWAP_ADDRESS_SPACE_SHIFT 14
#define TAIL_MAPPING ((void *)0x400)
#define PGTBL_PTE_MODIFIED BIT(0)
#define PGTBL_PMD_MODIFIED BIT(1)
#define PGTBL_PUD_MODIFIED BIT(2)
#define PGTBL_P4D_MODIFIED BIT(3)
#define PGTBL_PGD_MODIFIED BIT(4)
#define ARCH_PAGE_TABLE_SYNC_MASK PGTBL_PGD_MODIFIED
#define LRU_REFS_MASK 0UL
#define PAGE_FLAGS_CHECK_AT_PREP (~0UL >> 12)
#define THP_ORDERS_ALL_FILE_DEFAULT ((BIT(9 + 1) - 1) & ~BIT(0))
#define NULL_VM_UFFD_CTX ((struct vm_userfaultfd_ctx){ NULL })
#define no_llseek NULL
typedef int (*pte_fn_t)(pte_t *pte, unsigned long addr, void *data);
extern struct hstate hstates[];
extern unsigned int default_hstate_idx;
extern struct task_struct init_task;
struct thread_info *current_thread_info __MC_PROTO((void));
const struct cred *current_cred __MC_PROTO((void));
kuid_t task_uid __MC_PROTO((struct task_struct *task));
kuid_t task_euid __MC_PROTO((struct task_struct *task));
kuid_t current_uid __MC_PROTO((void));
kuid_t current_euid __MC_PROTO((void));

#endif
