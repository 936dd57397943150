/* A 6.1-era file on its own: no mmu_notifier.h, the API declared here. */
struct mm_struct;
struct vm_area_struct;
typedef struct { unsigned long pte; } pte_t;
struct mmu_notifier_range { unsigned long start, end; };
void mmu_notifier_range_init(struct mmu_notifier_range *r, int event,
			     unsigned int flags, struct vm_area_struct *vma,
			     struct mm_struct *mm, unsigned long start,
			     unsigned long end);
void mmu_notifier_invalidate_range_start(struct mmu_notifier_range *r);
void mmu_notifier_invalidate_range_only_end(struct mmu_notifier_range *r);
pte_t ptep_clear_flush(struct vm_area_struct *vma, unsigned long addr,
		       pte_t *ptep);
void mmu_notifier_invalidate_range(struct mm_struct *mm, unsigned long start,
				   unsigned long end);

void replace_one(struct vm_area_struct *vma, struct mm_struct *mm,
		 unsigned long addr, pte_t *ptep)
{
	struct mmu_notifier_range range;

	mmu_notifier_range_init(&range, 0, 0, vma, mm, addr, addr + 4096);
	mmu_notifier_invalidate_range_start(&range);
	ptep_clear_flush(vma, addr, ptep);
	mmu_notifier_invalidate_range(mm, addr, addr + 4096);
	mmu_notifier_invalidate_range_only_end(&range);
}
