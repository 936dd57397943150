// SPDX-License-Identifier: GPL-2.0
/*
 * pte-outside-range, correct (no tags): software-bit-only rewrite, 6.12 API.
 *
 * docs/kernel-api.md E.9 ([6.12] mm/memory.c:3671-3678): on a write fault in an
 * async userfaultfd-wp range, do_wp_page() drops the uffd-wp marker bit by
 * rewriting the present pte with the same pfn and permissions - "nothing
 * needed (cache flush, TLB invalidations, etc.) because we're only removing
 * the uffd-wp bit".  The pte stays read-only; the write fault proceeds to
 * the normal reuse/copy handling afterwards.  No range is needed.
 */
#include <linux/mmu_notifier.h>

int wp_fault_uffd_async_v612(struct vm_fault *vmf, bool wp_async)
{
	struct vm_area_struct *vma = vmf->vma;
	pte_t pte;

	vmf->pte = pte_offset_map_lock(vma->vm_mm, vmf->pmd, vmf->address,
				       &vmf->ptl);
	if (!pte_same(ptep_get(vmf->pte), vmf->orig_pte))
		goto unlock;
	if (pte_uffd_wp(ptep_get(vmf->pte))) {
		if (!wp_async) {
			pte_unmap_unlock(vmf->pte, vmf->ptl);
			return -EAGAIN;	/* handle_userfault(vmf, VM_UFFD_WP) */
		}
		/*
		 * Nothing needed (cache flush, TLB invalidations, etc.)
		 * because we're only removing the uffd-wp bit, which is
		 * completely invisible to the user.
		 */
		pte = pte_clear_uffd_wp(ptep_get(vmf->pte));
		set_pte_at(vma->vm_mm, vmf->address, vmf->pte, pte);
		/* Update this to be prepared for following up CoW handling */
		vmf->orig_pte = pte;
	}
unlock:
	pte_unmap_unlock(vmf->pte, vmf->ptl);
	return 0;
}
