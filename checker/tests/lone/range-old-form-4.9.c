/* A 4.9-era file on its own: the (mm, start, end) range calls. */
struct mm_struct;
typedef struct { unsigned long pte; } pte_t;
void mmu_notifier_invalidate_range_start(struct mm_struct *mm,
					 unsigned long start, unsigned long end);
void mmu_notifier_invalidate_range_end(struct mm_struct *mm,
				       unsigned long start, unsigned long end);
pte_t ptep_get_and_clear(struct mm_struct *mm, unsigned long addr, pte_t *ptep);

void zap_one(struct mm_struct *mm, unsigned long addr, pte_t *ptep, int fail)
{
	mmu_notifier_invalidate_range_start(mm, addr, addr + 4096);
	if (fail)
		return;
	ptep_get_and_clear(mm, addr, ptep);
	mmu_notifier_invalidate_range_end(mm, addr, addr + 4096);
}
