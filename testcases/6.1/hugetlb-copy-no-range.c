// SPDX-License-Identifier: GPL-2.0
/*
 * pte-outside-range, bug, 6.1 API.
 *
 * docs/kernel-api.md E.5 / B.4: at fork, a private (COW) hugetlb mapping must be
 * write-protected in the *parent*, and that downgrade of src's entries
 * needs a range; the child's entries (dst) never do.  This copy loop has
 * no range at all - the state hugetlb fork was in before it learnt to call
 * the notifiers (2014, "mm/hugetlb.c: call MMU notifiers when copying a
 * hugetlb page range"; recalled, not in docs/kernel-api.md) - so a KVM guest backed
 * by the parent keeps writing through its own mapping after the fork.
 * Only the src write-protect is a finding.  Twin: hugetlb-copy-cow.c.
 */
#include <linux/mmu_notifier.h>

int copy_hugetlb_range_norange(struct mm_struct *dst, struct mm_struct *src,
			       struct vm_area_struct *dst_vma,
			       struct vm_area_struct *src_vma)
{
	bool cow = is_cow_mapping(src_vma->vm_flags);
	unsigned long sz = huge_page_size(hstate_vma(src_vma));
	unsigned long addr;
	int ret = 0;

	for (addr = src_vma->vm_start; addr < src_vma->vm_end; addr += sz) {
		pte_t *src_pte, *dst_pte, entry;

		src_pte = huge_pte_offset(src, addr, sz);
		if (!src_pte)
			continue;
		dst_pte = huge_pte_alloc(dst, dst_vma, addr, sz);
		if (!dst_pte) {
			ret = -ENOMEM;
			break;
		}
		entry = huge_ptep_get(src_pte);
		if (huge_pte_none(entry))
			continue;
		if (cow) {
			huge_ptep_set_wrprotect(src, addr, src_pte); /* expect: pte-outside-range */
			entry = huge_pte_wrprotect(entry);
		}
		get_page(pte_page(entry));
		set_huge_pte_at(dst, addr, dst_pte, entry);
	}
	return ret;
}
