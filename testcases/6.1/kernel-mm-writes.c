// SPDX-License-Identifier: GPL-2.0
/*
 * pte-outside-range, correct (no tags): page tables of mms that cannot
 * have notifiers, 6.1 API.
 *
 * docs/kernel-api.md E.8 and B.4: init_mm (vmalloc's vunmap_pte_range clearing
 * kernel ptes), efi_mm (write-protecting the EFI runtime mappings) and
 * poking_mm (x86 text poking installs a temporary mapping and clears it
 * again) are never registered with an mmu notifier, so clears,
 * write-protects and replacements on them need no range.
 */
#include <linux/mmu_notifier.h>

void vunmap_pte_range_v61(pmd_t *pmd, unsigned long addr, unsigned long end)
{
	pte_t *pte = pte_offset_kernel(pmd, addr);

	do {
		pte_t ptent = ptep_get_and_clear(&init_mm, addr, pte);

		if (!pte_none(ptent) && !pte_present(ptent))
			BUG();
	} while (pte++, addr += PAGE_SIZE, addr != end);
}

void efi_wrprotect_runtime_pte(pmd_t *pmd, unsigned long addr)
{
	pte_t *pte = pte_offset_kernel(pmd, addr);

	if (pte_present(ptep_get(pte)) && pte_write(ptep_get(pte)))
		ptep_set_wrprotect(&efi_mm, addr, pte);
}

void text_poke_map_unmap(pmd_t *pmd, unsigned long poking_addr,
			 struct page *pages[2])
{
	spinlock_t *ptl;
	pte_t *ptep;

	ptep = pte_offset_map_lock(poking_mm, pmd, poking_addr, &ptl);
	set_pte_at(poking_mm, poking_addr, ptep, mk_pte(pages[0], 0));
	set_pte_at(poking_mm, poking_addr + PAGE_SIZE, ptep + 1, mk_pte(pages[1], 0));
	/* ... copy the new instruction bytes through the alias ... */
	pte_clear(poking_mm, poking_addr, ptep);
	pte_clear(poking_mm, poking_addr + PAGE_SIZE, ptep + 1);
	pte_unmap_unlock(ptep, ptl);
	flush_tlb_mm(poking_mm);
}
