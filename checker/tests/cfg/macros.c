/*
 * Calls made by a macro are attributed to its use site and name it
 * (6.12: set_pte_at() is a macro for set_ptes()); calls written in a
 * macro argument are the user's own.
 */
struct mm;
void set_ptes(struct mm *mm, unsigned long addr, int *ptep, int pte, int nr);
int pte_val(int pte);
void warn(void);

#define set_pte_at(mm, addr, ptep, pte) set_ptes(mm, addr, ptep, pte, 1)
#define WARN_ON(c) ({ int __r = !!(c); if (__r) warn(); __r; })
#define CHECKED_SET(mm, addr, ptep, pte) \
	do { if (!WARN_ON(!ptep)) set_pte_at(mm, addr, ptep, pte); } while (0)

void user(struct mm *mm, int *ptep)
{
	set_pte_at(mm, 0, ptep, 1);
	set_pte_at(mm, 4096, ptep, pte_val(2));
	WARN_ON(pte_val(*ptep));
	CHECKED_SET(mm, 8192, ptep, 3);
}
