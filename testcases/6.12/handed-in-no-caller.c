// SPDX-License-Identifier: GPL-2.0
/*
 * pte-outside-range, correct at the default confidence (no tags): changes
 * to entries a caller nobody sees handed in, 6.12 API.
 *
 * docs/kernel-api.md F.2: clear_handed_pte() clears the pte its caller
 * walked to; in one file nothing calls it, so the range belongs to a
 * caller elsewhere, if anywhere.  Alone it is a low-confidence finding
 * (tests/t0330 asks for it with --confidence=low); linked as a whole
 * program where nothing calls it and nothing takes its address, it is
 * reported at the default confidence.  clear_handed_pte_cb() is the same
 * change in a function put in an ops table: something unseen calls it,
 * so it stays at low confidence even linked.
 */
#include <linux/mmu_notifier.h>

struct handed_ops {
	void (*clear)(struct vm_area_struct *vma, unsigned long addr,
		      pte_t *ptep);
};

void clear_handed_pte(struct vm_area_struct *vma, unsigned long addr,
		      pte_t *ptep)
{
	ptep_clear_flush(vma, addr, ptep);
}

static void clear_handed_pte_cb(struct vm_area_struct *vma,
				unsigned long addr, pte_t *ptep)
{
	ptep_clear_flush(vma, addr, ptep);
}

const struct handed_ops handed_ops = { .clear = clear_handed_pte_cb };
