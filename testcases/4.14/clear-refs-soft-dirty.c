// SPDX-License-Identifier: GPL-2.0
/*
 * pte-outside-range, bug at the walk_page_range() call, 4.14-era API.
 *
 * docs/kernel-api.md D.9 (fixed by 64e455079e1b "soft-dirty: call mmu notifiers
 * when write-protecting ptes"): writing 4 to /proc/PID/clear_refs
 * write-protected every present pte to re-arm soft-dirty tracking, with no
 * mmu notifier involved, so a secondary MMU kept writable translations and
 * its writes were never marked soft-dirty.
 *
 * The pte work is a ->pte_entry callback taking a struct mm_walk; it runs
 * under whatever its walk caller set up (E.3), so the finding is the
 * walk_page_range() call made with no range open.  The young-bit branch of
 * the same callback needs no range (E.2).
 */
#include <linux/mmu_notifier.h>

enum clear_refs_kind_v1 {
	CLEAR_REFS_ALL_V1 = 1,
	CLEAR_REFS_ANON_V1,
	CLEAR_REFS_SOFT_DIRTY_V1 = 4,
};

struct clear_refs_private_v1 {
	enum clear_refs_kind_v1 type;
};

static int clear_refs_pte_v1(pte_t *pte, unsigned long addr,
			     unsigned long next, struct mm_walk *walk)
{
	struct clear_refs_private_v1 *cp = walk->private;
	struct vm_area_struct *vma = walk->vma;
	pte_t ptent = ptep_get(pte);

	if (!pte_present(ptent))
		return 0;
	if (cp->type == CLEAR_REFS_SOFT_DIRTY_V1) {
		pte_t old = ptep_modify_prot_start(vma, addr, pte);

		ptent = pte_clear_soft_dirty(pte_wrprotect(old));
		ptep_modify_prot_commit(vma, addr, pte, old, ptent);
		return 0;
	}
	if (vm_normal_page(vma, addr, ptent))
		ptep_test_and_clear_young(vma, addr, pte);
	return 0;
}

static const struct mm_walk_ops clear_refs_ops_v1 = {
	.pte_entry = clear_refs_pte_v1,
};

long clear_refs_write_v1(struct mm_struct *mm, enum clear_refs_kind_v1 type)
{
	struct clear_refs_private_v1 cp = { .type = type };

	if (type < CLEAR_REFS_ALL_V1 || type > CLEAR_REFS_SOFT_DIRTY_V1)
		return -EINVAL;
	walk_page_range(mm, 0, ~0UL, &clear_refs_ops_v1, &cp); /* expect: pte-outside-range */
	flush_tlb_mm(mm);
	return 0;
}
