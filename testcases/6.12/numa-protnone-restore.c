// SPDX-License-Identifier: GPL-2.0
/*
 * pte-outside-range, correct (no tags): permission upgrade, 6.12 API.
 *
 * docs/kernel-api.md E.2 (do_numa_page / numa_rebuild_single_mapping, [6.12]
 * mm/memory.c:5522/5527): a NUMA hinting fault on a PROT_NONE pte rebuilds
 * the mapping with the vma's protection, young and possibly writable, via
 * ptep_modify_prot_start/commit, with no range.  The pte was made
 * inaccessible by change_prot_numa() inside a range that already
 * invalidated the secondary MMUs; going back is an upgrade of the same pfn
 * and needs nothing.
 */
#include <linux/mmu_notifier.h>

static void numa_rebuild_mapping_v612(struct vm_area_struct *vma,
				      unsigned long addr, pte_t *ptep,
				      bool writable)
{
	pte_t pte, old_pte;

	old_pte = ptep_modify_prot_start(vma, addr, ptep);
	pte = pte_modify(old_pte, vma->vm_flags);
	pte = pte_mkyoung(pte);
	if (writable)
		pte = pte_mkwrite(pte);
	ptep_modify_prot_commit(vma, addr, ptep, old_pte, pte);
}

int do_numa_page_v612(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;
	pte_t old_pte;

	if (!pte_protnone(vmf->orig_pte))
		return 0;
	vmf->pte = pte_offset_map_lock(vma->vm_mm, vmf->pmd, vmf->address,
				       &vmf->ptl);
	old_pte = ptep_get(vmf->pte);
	if (unlikely(!pte_same(old_pte, vmf->orig_pte)))
		goto out_unlock;
	/* migration was not attempted or failed: map it back in place */
	numa_rebuild_mapping_v612(vma, vmf->address, vmf->pte,
				  pte_write(pte_modify(old_pte, vma->vm_flags)));
out_unlock:
	pte_unmap_unlock(vmf->pte, vmf->ptl);
	return 0;
}
