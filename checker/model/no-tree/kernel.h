/* SPDX-License-Identifier: GPL-2.0 */
/*
 * kernel.h, bug.h, list.h, locking, printk, bitops, time and the other
 * general macros mm code uses.  Those with control flow keep the
 * kernel's shape: BUG() does not return, WARN_ON() tests and yields its
 * condition, the iterators are loops.  CONFIG_DEBUG_VM is off, as in the
 * prepared trees: VM_BUG_ON() and VM_WARN_ON() only type-check.
 */
#ifndef __MMUCHECK_KERNEL_H
#define __MMUCHECK_KERNEL_H

/* errno-base.h, errno.h */
#define EPERM 1
#define ENOENT 2
#define ESRCH 3
#define EINTR 4
#define EIO 5
#define ENXIO 6
#define E2BIG 7
#define ENOEXEC 8
#define EBADF 9
#define ECHILD 10
#define EAGAIN 11
#define ENOMEM 12
#define EACCES 13
#define EFAULT 14
#define ENOTBLK 15
#define EBUSY 16
#define EEXIST 17
#define EXDEV 18
#define ENODEV 19
#define ENOTDIR 20
#define EISDIR 21
#define EINVAL 22
#define ENFILE 23
#define EMFILE 24
#define ENOTTY 25
#define ETXTBSY 26
#define EFBIG 27
#define ENOSPC 28
#define ESPIPE 29
#define EROFS 30
#define EMLINK 31
#define EPIPE 32
#define EDOM 33
#define ERANGE 34
#define EDEADLK 35
#define ENAMETOOLONG 36
#define ENOLCK 37
#define ENOSYS 38
#define ENOTEMPTY 39
#define ELOOP 40
#define EWOULDBLOCK EAGAIN
#define ENOMSG 42
#define ENODATA 61
#define ETIME 62
#define EOVERFLOW 75
#define EBADFD 77
#define EOPNOTSUPP 95
#define ENOTSUPP 524
#define ETIMEDOUT 110
#define EHWPOISON 133
#define ERESTARTSYS 512
#define ERESTARTNOINTR 513
#define ENOIOCTLCMD 515
#define EPROBE_DEFER 517
#define MAX_ERRNO 4095
#define IS_ERR_VALUE(x) unlikely((unsigned long)(void *)(x) >= (unsigned long)-MAX_ERRNO)

/* limits.h */
#define USHRT_MAX ((unsigned short)~0U)
#define SHRT_MAX ((short)(USHRT_MAX >> 1))
#define INT_MAX ((int)(~0U >> 1))
#define INT_MIN (-INT_MAX - 1)
#define UINT_MAX (~0U)
#define LONG_MAX ((long)(~0UL >> 1))
#define LONG_MIN (-LONG_MAX - 1)
#define ULONG_MAX (~0UL)
#define LLONG_MAX ((long long)(~0ULL >> 1))
#define ULLONG_MAX (~0ULL)
#define U8_MAX ((u8)~0U)
#define U16_MAX ((u16)~0U)
#define U32_MAX ((u32)~0U)
#define U64_MAX ((u64)~0ULL)
#define S32_MAX ((s32)(U32_MAX >> 1))
#define S64_MAX ((s64)(U64_MAX >> 1))
#define SIZE_MAX (~(size_t)0)
#define PHYS_ADDR_MAX (~(phys_addr_t)0)

/* const.h, bits.h, align.h, math.h */
#define _AC(X, Y) (X##Y)
#define _AT(T, X) ((T)(X))
#define _UL(x) (_AC(x, UL))
#define _ULL(x) (_AC(x, ULL))
#define UL(x) (_UL(x))
#define ULL(x) (_ULL(x))
#define BIT(nr) (UL(1) << (nr))
#define BIT_ULL(nr) (ULL(1) << (nr))
#define BIT_MASK(nr) (UL(1) << ((nr) % BITS_PER_LONG))
#define BIT_WORD(nr) ((nr) / BITS_PER_LONG)
#define BITS_PER_BYTE 8
#define BITS_PER_TYPE(type) (sizeof(type) * BITS_PER_BYTE)
#define GENMASK(h, l) (((~UL(0)) - (UL(1) << (l)) + 1) & (~UL(0) >> (BITS_PER_LONG - 1 - (h))))
#define GENMASK_ULL(h, l) (((~ULL(0)) - (ULL(1) << (l)) + 1) & (~ULL(0) >> (63 - (h))))
#define __ALIGN_KERNEL(x, a) __ALIGN_KERNEL_MASK(x, (typeof(x))(a) - 1)
#define __ALIGN_KERNEL_MASK(x, mask) (((x) + (mask)) & ~(mask))
#define ALIGN(x, a) __ALIGN_KERNEL((x), (a))
#define ALIGN_DOWN(x, a) __ALIGN_KERNEL((x) - ((a) - 1), (a))
#define PTR_ALIGN(p, a) ((typeof(p))ALIGN((unsigned long)(p), (a)))
#define PTR_ALIGN_DOWN(p, a) ((typeof(p))ALIGN_DOWN((unsigned long)(p), (a)))
#define IS_ALIGNED(x, a) (((x) & ((typeof(x))(a) - 1)) == 0)
#define __round_mask(x, y) ((__typeof__(x))((y) - 1))
#define round_up(x, y) ((((x) - 1) | __round_mask(x, y)) + 1)
#define round_down(x, y) ((x) & ~__round_mask(x, y))
#define DIV_ROUND_UP(n, d) (((n) + (d) - 1) / (d))
#define DIV_ROUND_DOWN_ULL(ll, d) ((unsigned long long)(ll) / (d))
#define DIV_ROUND_UP_ULL(ll, d) DIV_ROUND_DOWN_ULL((unsigned long long)(ll) + (d) - 1, (d))
#define DIV_ROUND_CLOSEST(x, divisor) (((x) + ((divisor) / 2)) / (divisor))
#define roundup(x, y) ((((x) + ((y) - 1)) / (y)) * (y))
#define rounddown(x, y) ((x) - ((x) % (y)))
#define ARRAY_SIZE(arr) (sizeof(arr) / sizeof((arr)[0]))
#define sizeof_field(TYPE, MEMBER) sizeof((((TYPE *)0)->MEMBER))
#define typeof_member(T, m) typeof(((T *)0)->m)
#define container_of(ptr, type, member) \
	((type *)((void *)(ptr) - offsetof(type, member)))
#define container_of_const(ptr, type, member) container_of(ptr, type, member)
#define min(x, y) ((x) < (y) ? (x) : (y))
#define max(x, y) ((x) > (y) ? (x) : (y))
#define min3(x, y, z) min((typeof(x))min(x, y), z)
#define max3(x, y, z) max((typeof(x))max(x, y), z)
#define min_t(type, x, y) ((type)(x) < (type)(y) ? (type)(x) : (type)(y))
#define max_t(type, x, y) ((type)(x) > (type)(y) ? (type)(x) : (type)(y))
#define umin(x, y) min(x, y)
#define umax(x, y) max(x, y)
#define min_not_zero(x, y) ((x) == 0 ? (y) : ((y) == 0 ? (x) : min(x, y)))
#define clamp(val, lo, hi) min((typeof(val))max(val, lo), hi)
#define clamp_t(type, val, lo, hi) min_t(type, max_t(type, val, lo), hi)
#define clamp_val(val, lo, hi) clamp_t(typeof(val), val, lo, hi)
#define abs(x) ((x) < 0 ? -(x) : (x))
#define swap(a, b) \
	do { \
		typeof(a) __tmp = (a); \
		(a) = (b); \
		(b) = __tmp; \
	} while (0)
#define in_range(val, start, len) ((val) >= (start) && (val) < (start) + (len))
#define ilog2(n) ((n) < 2 ? 0 : 63 - __builtin_clzll(n))
#define order_base_2(n) ((n) > 1 ? ilog2((n) - 1) + 1 : 0)
#define is_power_of_2(n) ((n) != 0 && (((n) & ((n) - 1)) == 0))
#define roundup_pow_of_two(n) (1UL << order_base_2(n))
#define rounddown_pow_of_two(n) (1UL << ilog2(n))
#define upper_32_bits(n) ((u32)(((n) >> 16) >> 16))
#define lower_32_bits(n) ((u32)((n) & 0xffffffff))
#define typecheck(type, x) 1
#define do_div(n, base) \
	({ \
		u32 __rem = (n) % (base); \
		(n) /= (base); \
		__rem; \
	})

/* build_bug.h, bug.h, once_lite.h */
#define BUILD_BUG_ON_INVALID(e) ((void)(sizeof((long)(e))))
#define BUILD_BUG_ON_ZERO(e) ((int)(sizeof(struct { int : (-!!(e)); })))
#define BUILD_BUG_ON_MSG(cond, msg) ((void)sizeof(char[1 - 2 * !!(cond)]))
#define BUILD_BUG_ON(condition) ((void)(sizeof((long)(condition))))
#define BUILD_BUG() ((void)0)
#define BUILD_BUG_ON_NOT_POWER_OF_2(n) ((void)0)
#define static_assert(expr, ...) _Static_assert(expr, #expr)
#define MAYBE_BUILD_BUG_ON(cond) BUG_ON(cond)
void __mc_warn(void);
#define BUG() \
	do { \
		__builtin_unreachable(); \
	} while (0)
#define BUG_ON(condition) \
	do { \
		if (unlikely(condition)) \
			BUG(); \
	} while (0)
#define __WARN() __mc_warn()
#define __WARN_printf(taint, arg...) __mc_warn()
#define WARN_ON(condition) \
	({ \
		int __ret_warn_on = !!(condition); \
		if (unlikely(__ret_warn_on)) \
			__WARN(); \
		unlikely(__ret_warn_on); \
	})
#define WARN(condition, format...) \
	({ \
		int __ret_warn_on = !!(condition); \
		if (unlikely(__ret_warn_on)) \
			__WARN(); \
		unlikely(__ret_warn_on); \
	})
#define WARN_ON_ONCE(condition) WARN_ON(condition)
#define WARN_ONCE(condition, format...) WARN(condition, format)
#define WARN_TAINT(condition, taint, format...) WARN(condition, format)
#define WARN_ON_SMP(x) WARN_ON(x)
#define DO_ONCE_LITE_IF(condition, func, ...) \
	({ \
		bool __ret_do_once = !!(condition); \
		if (unlikely(__ret_do_once)) \
			func(__VA_ARGS__); \
		unlikely(__ret_do_once); \
	})
#define VM_BUG_ON(cond) BUILD_BUG_ON_INVALID(cond)
#define VM_WARN_ON(cond) BUILD_BUG_ON_INVALID(cond)
#define VM_WARN_ON_ONCE(cond) BUILD_BUG_ON_INVALID(cond)
#define VM_WARN_ONCE(cond, format...) BUILD_BUG_ON_INVALID(cond)
#define VM_WARN(cond, format...) BUILD_BUG_ON_INVALID(cond)
#define VM_BUG_ON_PAGE(cond, page) VM_BUG_ON(cond)
#define VM_BUG_ON_FOLIO(cond, folio) VM_BUG_ON(cond)
#define VM_BUG_ON_VMA(cond, vma) VM_BUG_ON(cond)
#define VM_BUG_ON_MM(cond, mm) VM_BUG_ON(cond)
#define VM_WARN_ON_PAGE(cond, page) BUILD_BUG_ON_INVALID(cond)
#define VM_WARN_ON_FOLIO(cond, folio) BUILD_BUG_ON_INVALID(cond)
#define VM_WARN_ON_ONCE_PAGE(cond, page) BUILD_BUG_ON_INVALID(cond)
#define VM_WARN_ON_ONCE_FOLIO(cond, folio) BUILD_BUG_ON_INVALID(cond)
#define VM_WARN_ON_ONCE_MM(cond, mm) BUILD_BUG_ON_INVALID(cond)
#define VM_WARN_ON_VMA(cond, vma) BUILD_BUG_ON_INVALID(cond)
#define VM_WARN_ON_ONCE_VMA(cond, vma) BUILD_BUG_ON_INVALID(cond)
#define VM_WARN_ON_IRQS_ENABLED() ((void)0)
#define VIRTUAL_BUG_ON(cond) ((void)0)

/* printk.h */
#define KERN_SOH "\001"
#define KERN_EMERG KERN_SOH "0"
#define KERN_ALERT KERN_SOH "1"
#define KERN_CRIT KERN_SOH "2"
#define KERN_ERR KERN_SOH "3"
#define KERN_WARNING KERN_SOH "4"
#define KERN_NOTICE KERN_SOH "5"
#define KERN_INFO KERN_SOH "6"
#define KERN_DEBUG KERN_SOH "7"
#define KERN_DEFAULT ""
#define KERN_CONT KERN_SOH "c"
#ifndef pr_fmt
#define pr_fmt(fmt) fmt
#endif
int _printk(const char *fmt, ...) __printf(1, 2);
#define printk(fmt, ...) _printk(fmt, ##__VA_ARGS__)
#define no_printk(fmt, ...) ({ 0; })
#define printk_once(fmt, ...) printk(fmt, ##__VA_ARGS__)
#define printk_ratelimited(fmt, ...) printk(fmt, ##__VA_ARGS__)
#define printk_deferred(fmt, ...) printk(fmt, ##__VA_ARGS__)
#define pr_emerg(fmt, ...) printk(KERN_EMERG pr_fmt(fmt), ##__VA_ARGS__)
#define pr_alert(fmt, ...) printk(KERN_ALERT pr_fmt(fmt), ##__VA_ARGS__)
#define pr_crit(fmt, ...) printk(KERN_CRIT pr_fmt(fmt), ##__VA_ARGS__)
#define pr_err(fmt, ...) printk(KERN_ERR pr_fmt(fmt), ##__VA_ARGS__)
#define pr_warn(fmt, ...) printk(KERN_WARNING pr_fmt(fmt), ##__VA_ARGS__)
#define pr_warning pr_warn
#define pr_notice(fmt, ...) printk(KERN_NOTICE pr_fmt(fmt), ##__VA_ARGS__)
#define pr_info(fmt, ...) printk(KERN_INFO pr_fmt(fmt), ##__VA_ARGS__)
#define pr_cont(fmt, ...) printk(KERN_CONT fmt, ##__VA_ARGS__)
#define pr_debug(fmt, ...) no_printk(KERN_DEBUG pr_fmt(fmt), ##__VA_ARGS__)
#define pr_devel(fmt, ...) no_printk(KERN_DEBUG pr_fmt(fmt), ##__VA_ARGS__)
#define pr_err_once(fmt, ...) pr_err(fmt, ##__VA_ARGS__)
#define pr_warn_once(fmt, ...) pr_warn(fmt, ##__VA_ARGS__)
#define pr_info_once(fmt, ...) pr_info(fmt, ##__VA_ARGS__)
#define pr_notice_once(fmt, ...) pr_notice(fmt, ##__VA_ARGS__)
#define pr_err_ratelimited(fmt, ...) pr_err(fmt, ##__VA_ARGS__)
#define pr_warn_ratelimited(fmt, ...) pr_warn(fmt, ##__VA_ARGS__)
#define pr_info_ratelimited(fmt, ...) pr_info(fmt, ##__VA_ARGS__)
#define pr_alert_ratelimited(fmt, ...) pr_alert(fmt, ##__VA_ARGS__)
#define dump_stack() ((void)0)

/* compiler.h: READ_ONCE() and the barriers */
#define READ_ONCE(x) (*(const volatile typeof(x) *)&(x))
#define WRITE_ONCE(x, val) \
	do { \
		*(volatile typeof(x) *)&(x) = (val); \
	} while (0)
#define __READ_ONCE(x) READ_ONCE(x)
#define __WRITE_ONCE(x, val) WRITE_ONCE(x, val)
#define mb() barrier()
#define rmb() barrier()
#define wmb() barrier()
#define smp_mb() barrier()
#define smp_rmb() barrier()
#define smp_wmb() barrier()
#define smp_mb__before_atomic() barrier()
#define smp_mb__after_atomic() barrier()
#define smp_mb__after_spinlock() barrier()
#define smp_mb__after_unlock_lock() barrier()
#define smp_load_acquire(p) READ_ONCE(*(p))
#define smp_store_release(p, v) WRITE_ONCE(*(p), v)
#define smp_store_mb(var, value) WRITE_ONCE(var, value)
#define smp_cond_load_acquire(ptr, cond_expr) READ_ONCE(*(ptr))
#define smp_cond_load_relaxed(ptr, cond_expr) READ_ONCE(*(ptr))
#define rcu_dereference(p) READ_ONCE(p)
#define rcu_dereference_raw(p) READ_ONCE(p)
#define rcu_dereference_check(p, c) READ_ONCE(p)
#define rcu_dereference_protected(p, c) (p)
#define rcu_access_pointer(p) READ_ONCE(p)
#define rcu_assign_pointer(p, v) WRITE_ONCE(p, v)
#define RCU_INIT_POINTER(p, v) WRITE_ONCE(p, v)
#define kfree_rcu(ptr, rhf...) kfree(ptr)
#define lockdep_assert_held(l) ((void)(l))
#define lockdep_assert_held_write(l) ((void)(l))
#define lockdep_assert_held_read(l) ((void)(l))
#define lockdep_assert_not_held(l) ((void)(l))
#define lockdep_assert_irqs_disabled() ((void)0)
#define lockdep_assert_irqs_enabled() ((void)0)
#define lockdep_assert(c) ((void)0)
#define lockdep_is_held(l) 1
#define lockdep_set_class(lock, key) ((void)0)
#define might_lock(lock) ((void)0)
#define might_lock_read(lock) ((void)0)
#define might_fault() ((void)0)
#define might_sleep() ((void)0)
#define might_sleep_if(cond) ((void)0)
#define might_resched() ((void)0)
#define cant_sleep() ((void)0)

/* atomics: the value-only ones as functions in decls.h */
#define ATOMIC_INIT(i) { (i) }
#define ATOMIC64_INIT(i) { (i) }
#define ATOMIC_LONG_INIT(i) ATOMIC64_INIT(i)
#define REFCOUNT_INIT(n) { .refs = ATOMIC_INIT(n), }
#define atomic_cond_read_acquire(v, c) smp_cond_load_acquire(&(v)->counter, (c))
#define atomic_cond_read_relaxed(v, c) smp_cond_load_relaxed(&(v)->counter, (c))
#define xchg(ptr, x) __atomic_exchange_n(ptr, x, __ATOMIC_SEQ_CST)
#define cmpxchg(ptr, o, n) \
	({ \
		typeof(*(ptr)) __o = (o); \
		__atomic_compare_exchange_n(ptr, &__o, n, 0, __ATOMIC_SEQ_CST, \
					    __ATOMIC_SEQ_CST); \
		__o; \
	})
#define cmpxchg_relaxed(ptr, o, n) cmpxchg(ptr, o, n)
#define try_cmpxchg(ptr, oldp, n) \
	__atomic_compare_exchange_n(ptr, oldp, n, 0, __ATOMIC_SEQ_CST, \
				    __ATOMIC_SEQ_CST)

/* bitops: test_bit() and friends take any unsigned long pointer */
#define for_each_set_bit(bit, addr, size) \
	for ((bit) = 0; (bit) = find_next_bit((addr), (size), (bit)), \
	     (bit) < (size); (bit)++)
#define for_each_clear_bit(bit, addr, size) \
	for ((bit) = 0; (bit) = find_next_zero_bit((addr), (size), (bit)), \
	     (bit) < (size); (bit)++)

/* list.h, hash.h, hashtable.h, rbtree.h, llist.h */
#define LIST_HEAD_INIT(name) { &(name), &(name) }
#define LIST_HEAD(name) struct list_head name = LIST_HEAD_INIT(name)
#define HLIST_HEAD_INIT { .first = NULL }
#define HLIST_HEAD(name) struct hlist_head name = { .first = NULL }
#define INIT_HLIST_HEAD(ptr) ((ptr)->first = NULL)
#define list_entry(ptr, type, member) container_of(ptr, type, member)
#define list_first_entry(ptr, type, member) \
	list_entry((ptr)->next, type, member)
#define list_last_entry(ptr, type, member) list_entry((ptr)->prev, type, member)
#define list_first_entry_or_null(ptr, type, member) \
	({ \
		struct list_head *head__ = (ptr); \
		struct list_head *pos__ = READ_ONCE(head__->next); \
		pos__ != head__ ? list_entry(pos__, type, member) : NULL; \
	})
#define list_next_entry(pos, member) \
	list_entry((pos)->member.next, typeof(*(pos)), member)
#define list_prev_entry(pos, member) \
	list_entry((pos)->member.prev, typeof(*(pos)), member)
#define list_entry_is_head(pos, head, member) \
	(&(pos)->member == (head))
#define list_for_each(pos, head) \
	for (pos = (head)->next; !list_is_head(pos, (head)); pos = pos->next)
#define list_for_each_prev(pos, head) \
	for (pos = (head)->prev; !list_is_head(pos, (head)); pos = pos->prev)
#define list_for_each_safe(pos, n, head) \
	for (pos = (head)->next, n = pos->next; !list_is_head(pos, (head)); \
	     pos = n, n = pos->next)
#define list_for_each_entry(pos, head, member) \
	for (pos = list_first_entry(head, typeof(*pos), member); \
	     !list_entry_is_head(pos, head, member); \
	     pos = list_next_entry(pos, member))
#define list_for_each_entry_reverse(pos, head, member) \
	for (pos = list_last_entry(head, typeof(*pos), member); \
	     !list_entry_is_head(pos, head, member); \
	     pos = list_prev_entry(pos, member))
#define list_for_each_entry_continue(pos, head, member) \
	for (pos = list_next_entry(pos, member); \
	     !list_entry_is_head(pos, head, member); \
	     pos = list_next_entry(pos, member))
#define list_for_each_entry_from(pos, head, member) \
	for (; !list_entry_is_head(pos, head, member); \
	     pos = list_next_entry(pos, member))
#define list_for_each_entry_safe(pos, n, head, member) \
	for (pos = list_first_entry(head, typeof(*pos), member), \
	    n = list_next_entry(pos, member); \
	     !list_entry_is_head(pos, head, member); \
	     pos = n, n = list_next_entry(n, member))
#define list_for_each_entry_safe_reverse(pos, n, head, member) \
	for (pos = list_last_entry(head, typeof(*pos), member), \
	    n = list_prev_entry(pos, member); \
	     !list_entry_is_head(pos, head, member); \
	     pos = n, n = list_prev_entry(n, member))
#define list_for_each_entry_rcu(pos, head, member, cond...) \
	list_for_each_entry(pos, head, member)
#define list_safe_reset_next(pos, n, member) n = list_next_entry(pos, member)
#define hlist_entry(ptr, type, member) container_of(ptr, type, member)
#define hlist_entry_safe(ptr, type, member) \
	({ \
		typeof(ptr) ____ptr = (ptr); \
		____ptr ? hlist_entry(____ptr, type, member) : NULL; \
	})
#define hlist_for_each(pos, head) \
	for (pos = (head)->first; pos; pos = pos->next)
#define hlist_for_each_entry(pos, head, member) \
	for (pos = hlist_entry_safe((head)->first, typeof(*(pos)), member); \
	     pos; \
	     pos = hlist_entry_safe((pos)->member.next, typeof(*(pos)), member))
#define hlist_for_each_entry_safe(pos, n, head, member) \
	for (pos = hlist_entry_safe((head)->first, typeof(*pos), member); \
	     pos && ({ \
		     n = pos->member.next; \
		     1; \
	     }); \
	     pos = hlist_entry_safe(n, typeof(*pos), member))
#define hlist_for_each_entry_rcu(pos, head, member, cond...) \
	hlist_for_each_entry(pos, head, member)
#define llist_entry(ptr, type, member) container_of(ptr, type, member)
#define llist_for_each_entry_safe(pos, n, node, member) \
	for (pos = llist_entry((node), typeof(*pos), member); \
	     &pos->member != NULL && \
	     (n = llist_entry(pos->member.next, typeof(*n), member), true); \
	     pos = n)
#define DECLARE_HASHTABLE(name, bits) struct hlist_head name[1 << (bits)]
#define DEFINE_HASHTABLE(name, bits) \
	struct hlist_head name[1 << (bits)] = { [0 ...((1 << (bits)) - 1)] = \
							HLIST_HEAD_INIT }
#define DEFINE_READ_MOSTLY_HASHTABLE(name, bits) DEFINE_HASHTABLE(name, bits)
#define HASH_SIZE(name) (ARRAY_SIZE(name))
#define HASH_BITS(name) ilog2(HASH_SIZE(name))
#define hash_min(val, bits) hash_long(val, bits)
#define hash_add(hashtable, node, key) \
	hlist_add_head(node, &hashtable[hash_min(key, HASH_BITS(hashtable))])
#define hash_for_each_possible(name, obj, member, key) \
	hlist_for_each_entry(obj, &name[hash_min(key, HASH_BITS(name))], member)
#define hash_for_each(name, bkt, obj, member) \
	for ((bkt) = 0, obj = NULL; obj == NULL && (bkt) < HASH_SIZE(name); \
	     (bkt)++) \
		hlist_for_each_entry(obj, &name[bkt], member)
#define hash_init(hashtable) ((void)(hashtable))
#define rb_entry(ptr, type, member) container_of(ptr, type, member)
#define rb_entry_safe(ptr, type, member) \
	({ \
		typeof(ptr) ____ptr = (ptr); \
		____ptr ? rb_entry(____ptr, type, member) : NULL; \
	})
#define RB_ROOT ((struct rb_root){ NULL })
#define RB_ROOT_CACHED ((struct rb_root_cached){ { NULL }, NULL })
#define RB_EMPTY_ROOT(root) (READ_ONCE((root)->rb_node) == NULL)
#define RB_EMPTY_NODE(node) \
	((node)->__rb_parent_color == (unsigned long)(node))
#define RB_CLEAR_NODE(node) ((node)->__rb_parent_color = (unsigned long)(node))
#define rb_parent(r) ((struct rb_node *)((r)->__rb_parent_color & ~3))

/* spinlock.h, rwlock.h, mutex.h, rwsem.h, seqlock.h, wait.h */
#define __SPIN_LOCK_UNLOCKED(lockname) { { 0 } }
#define DEFINE_SPINLOCK(x) spinlock_t x = __SPIN_LOCK_UNLOCKED(x)
#define DEFINE_RAW_SPINLOCK(x) raw_spinlock_t x = { 0 }
#define DEFINE_RWLOCK(x) rwlock_t x = { 0 }
#define __MUTEX_INITIALIZER(lockname) { ATOMIC_LONG_INIT(0) }
#define DEFINE_MUTEX(mutexname) \
	struct mutex mutexname = __MUTEX_INITIALIZER(mutexname)
#define __RWSEM_INITIALIZER(name) { ATOMIC_LONG_INIT(0) }
#define DECLARE_RWSEM(name) struct rw_semaphore name = __RWSEM_INITIALIZER(name)
#define DEFINE_STATIC_PERCPU_RWSEM(name) struct percpu_rw_semaphore name
#define SEQCNT_ZERO(name) { 0 }
#define DEFINE_SEQLOCK(x) seqlock_t x = { { 0 } }
#define __WAIT_QUEUE_HEAD_INITIALIZER(name) \
	{ .head = { &(name).head, &(name).head } }
#define DECLARE_WAIT_QUEUE_HEAD(name) \
	struct wait_queue_head name = __WAIT_QUEUE_HEAD_INITIALIZER(name)
#define DECLARE_WAITQUEUE(name, tsk) \
	struct wait_queue_entry name = { .private = tsk, \
					 .func = default_wake_function }
#define DEFINE_WAIT_FUNC(name, function) \
	struct wait_queue_entry name = { .private = current, .func = function }
#define DEFINE_WAIT(name) DEFINE_WAIT_FUNC(name, autoremove_wake_function)
#define DECLARE_COMPLETION(work) struct completion work = { 0 }
#define DECLARE_COMPLETION_ONSTACK(work) struct completion work = { 0 }
#define spin_lock_init(lock) ((void)(lock))
#define rwlock_init(lock) ((void)(lock))
#define mutex_init(lock) ((void)(lock))
#define init_rwsem(sem) ((void)(sem))
#define seqcount_init(s) ((void)(s))
#define seqlock_init(s) ((void)(s))
#define init_waitqueue_head(wq) ((void)(wq))
#define init_completion(x) ((void)(x))
#define spin_lock_irqsave(lock, flags) \
	do { \
		(flags) = _raw_spin_lock_irqsave(lock); \
	} while (0)
#define spin_lock_irqsave_nested(lock, flags, subclass) \
	spin_lock_irqsave(lock, flags)
#define spin_lock_nested(lock, subclass) spin_lock(lock)
#define spin_lock_bh_nested(lock, subclass) spin_lock_bh(lock)
#define read_lock_irqsave(lock, flags) \
	do { \
		(flags) = _raw_read_lock_irqsave(lock); \
	} while (0)
#define write_lock_irqsave(lock, flags) \
	do { \
		(flags) = _raw_write_lock_irqsave(lock); \
	} while (0)
#define local_irq_save(flags) \
	do { \
		(flags) = arch_local_irq_save(); \
	} while (0)
#define local_irq_restore(flags) arch_local_irq_restore(flags)
#define local_irq_disable() arch_local_irq_disable()
#define local_irq_enable() arch_local_irq_enable()
#define local_lock(lock) preempt_disable()
#define local_unlock(lock) preempt_enable()
#define local_lock_irq(lock) local_irq_disable()
#define local_unlock_irq(lock) local_irq_enable()
#define local_lock_irqsave(lock, flags) local_irq_save(flags)
#define local_unlock_irqrestore(lock, flags) local_irq_restore(flags)
#define assert_spin_locked(lock) ((void)(lock))
#define mutex_lock_nested(lock, subclass) mutex_lock(lock)
#define down_read_nested(sem, subclass) down_read(sem)
#define down_write_nested(sem, subclass) down_write(sem)
#define down_write_nest_lock(sem, nest_lock) down_write(sem)
#define raw_write_seqcount_begin(s) ((void)(s))
#define raw_write_seqcount_end(s) ((void)(s))
#define write_seqcount_begin(s) ((void)(s))
#define write_seqcount_end(s) ((void)(s))
/* any seqcount_*_t, as the kernel's _Generic() takes them */
unsigned int __mc_read_seqcount();
int __mc_read_seqcount_retry();
#define read_seqcount_begin(s) __mc_read_seqcount(s)
#define raw_read_seqcount(s) __mc_read_seqcount(s)
#define raw_read_seqcount_begin(s) __mc_read_seqcount(s)
#define read_seqcount_retry(s, start) __mc_read_seqcount_retry(s, start)
#define raw_seqcount_try_begin(s, start) \
	((start) = __mc_read_seqcount(s), 1)
#define SEQCNT_RWLOCK_ZERO(name, lock) { .seqcount = { 0 } }
#define SEQCNT_SPINLOCK_ZERO(name, lock) { .seqcount = { 0 } }
#define SEQCNT_MUTEX_ZERO(name, lock) { .seqcount = { 0 } }
#define preempt_disable() __mc_preempt_disable()
#define preempt_enable() __mc_preempt_enable()
#define preempt_enable_no_resched() __mc_preempt_enable()
void __mc_preempt_disable(void);
void __mc_preempt_enable(void);
#define get_cpu() ({ preempt_disable(); smp_processor_id(); })
#define put_cpu() preempt_enable()
#define smp_processor_id() raw_smp_processor_id()
#define raw_smp_processor_id() __mc_smp_processor_id()
int __mc_smp_processor_id(void);
#define in_interrupt() 0
#define in_task() 1
#define in_atomic() 0
#define irqs_disabled() 0

/* wait.h: the wait_event family evaluate their condition and may sleep */
#define ___wait_cond_timeout(condition) \
	({ \
		bool __cond = (condition); \
		if (__cond && !__ret) \
			__ret = 1; \
		__cond || !__ret; \
	})
#define wait_event(wq_head, condition) \
	do { \
		while (!(condition)) \
			schedule(); \
	} while (0)
#define wait_event_interruptible(wq_head, condition) \
	({ \
		int __ret = 0; \
		while (!(condition)) \
			schedule(); \
		__ret; \
	})
#define wait_event_killable(wq_head, condition) \
	wait_event_interruptible(wq_head, condition)
#define wait_event_freezable(wq_head, condition) \
	wait_event_interruptible(wq_head, condition)
#define wait_event_timeout(wq_head, condition, timeout) \
	({ \
		long __ret = timeout; \
		if (!___wait_cond_timeout(condition)) \
			__ret = schedule_timeout(__ret); \
		__ret; \
	})
#define wait_event_interruptible_timeout(wq_head, condition, timeout) \
	wait_event_timeout(wq_head, condition, timeout)
#define wait_event_freezable_timeout(wq_head, condition, timeout) \
	wait_event_timeout(wq_head, condition, timeout)
#define wake_up(x) __wake_up(x, TASK_NORMAL, 1, NULL)
#define wake_up_all(x) __wake_up(x, TASK_NORMAL, 0, NULL)
#define wake_up_interruptible(x) __wake_up(x, TASK_INTERRUPTIBLE, 1, NULL)
#define wake_up_interruptible_all(x) __wake_up(x, TASK_INTERRUPTIBLE, 0, NULL)
#define wake_up_var(var) ((void)(var))
#define wait_var_event(var, condition) wait_event(0, condition)

/* sched.h, current.h, jiffies.h */
#define current get_current()
#define TASK_RUNNING 0x00000000
#define TASK_INTERRUPTIBLE 0x00000001
#define TASK_UNINTERRUPTIBLE 0x00000002
#define TASK_WAKEKILL 0x00000100
#define TASK_KILLABLE (TASK_WAKEKILL | TASK_UNINTERRUPTIBLE)
#define TASK_IDLE (TASK_UNINTERRUPTIBLE | 0x00000400)
#define TASK_NORMAL (TASK_INTERRUPTIBLE | TASK_UNINTERRUPTIBLE)
#define TASK_FREEZABLE 0x00002000
#define __set_current_state(state_value) set_current_state(state_value)
#define cond_resched() _cond_resched()
#define next_task(p) list_entry((p)->tasks.next, struct task_struct, tasks)
#define for_each_process(p) \
	for (p = &init_task; (p = next_task(p)) != &init_task;)
#define __for_each_thread(signal, t) \
	list_for_each_entry(t, &(signal)->thread_head, thread_node)
#define for_each_thread(p, t) __for_each_thread((p)->signal, t)
#define for_each_process_thread(p, t) \
	for_each_process(p) \
		for_each_thread(p, t)
#define cond_resched_lock(lock) __cond_resched_lock(lock)
#define HZ 1000
#define MAX_JIFFY_OFFSET ((LONG_MAX >> 1) - 1)
#define MAX_SCHEDULE_TIMEOUT LONG_MAX
#define time_after(a, b) ((long)((b) - (a)) < 0)
#define time_before(a, b) time_after(b, a)
#define time_after_eq(a, b) ((long)((a) - (b)) >= 0)
#define time_before_eq(a, b) time_after_eq(b, a)
#define time_is_before_jiffies(a) time_after(jiffies, a)
#define time_is_after_jiffies(a) time_before(jiffies, a)
#define NSEC_PER_SEC 1000000000L
#define NSEC_PER_MSEC 1000000L
#define NSEC_PER_USEC 1000L
#define USEC_PER_SEC 1000000L
#define MSEC_PER_SEC 1000L
#define kthread_run(threadfn, data, namefmt, ...) \
	({ \
		struct task_struct *__k = \
			kthread_create(threadfn, data, namefmt, ##__VA_ARGS__); \
		if (!IS_ERR(__k)) \
			wake_up_process(__k); \
		__k; \
	})
#define kthread_create(threadfn, data, namefmt, arg...) \
	kthread_create_on_node(threadfn, data, NUMA_NO_NODE, namefmt, ##arg)
#define NUMA_NO_NODE (-1)

/* percpu.h */
#define DEFINE_PER_CPU(type, name) __typeof__(type) name
#define DECLARE_PER_CPU(type, name) extern __typeof__(type) name
#define DEFINE_PER_CPU_SHARED_ALIGNED(type, name) __typeof__(type) name
#define DEFINE_STATIC_KEY_FALSE(name) struct static_key_false name
#define DEFINE_STATIC_KEY_TRUE(name) struct static_key_true name
#define DECLARE_STATIC_KEY_FALSE(name) extern struct static_key_false name
#define DECLARE_STATIC_KEY_TRUE(name) extern struct static_key_true name
struct static_key_false {
	int enabled;
};
struct static_key_true {
	int enabled;
};
#define static_branch_likely(x) likely((x)->enabled)
#define static_branch_unlikely(x) unlikely((x)->enabled)
#define static_branch_enable(x) ((void)(x))
#define static_branch_disable(x) ((void)(x))
#define static_key_enabled(x) ((x)->enabled)
#define per_cpu_ptr(ptr, cpu) ((typeof(ptr))(ptr))
#define raw_cpu_ptr(ptr) (ptr)
#define this_cpu_ptr(ptr) (ptr)
#define per_cpu(var, cpu) (*per_cpu_ptr(&(var), cpu))
#define get_cpu_var(var) (var)
#define put_cpu_var(var) ((void)0)
#define this_cpu_read(pcp) (pcp)
#define raw_cpu_read(pcp) (pcp)
#define this_cpu_write(pcp, val) ((pcp) = (val))
#define this_cpu_add(pcp, val) ((pcp) += (val))
#define this_cpu_sub(pcp, val) ((pcp) -= (val))
#define this_cpu_inc(pcp) ((pcp)++)
#define this_cpu_dec(pcp) ((pcp)--)
#define __this_cpu_read(pcp) (pcp)
#define __this_cpu_write(pcp, val) ((pcp) = (val))
#define __this_cpu_add(pcp, val) ((pcp) += (val))
#define __this_cpu_sub(pcp, val) ((pcp) -= (val))
#define __this_cpu_inc(pcp) ((pcp)++)
#define __this_cpu_dec(pcp) ((pcp)--)
#define raw_cpu_inc(pcp) ((pcp)++)
#define raw_cpu_add(pcp, val) ((pcp) += (val))
#define for_each_possible_cpu(cpu) for ((cpu) = 0; (cpu) < nr_cpu_ids; (cpu)++)
#define for_each_online_cpu(cpu) for ((cpu) = 0; (cpu) < nr_cpu_ids; (cpu)++)
#define for_each_cpu(cpu, mask) for ((cpu) = 0; (cpu) < nr_cpu_ids; (cpu)++)
#define for_each_node(node) for ((node) = 0; (node) < nr_node_ids; (node)++)
#define for_each_online_node(node) for_each_node(node)
#define for_each_node_state(node, state) for_each_node(node)
#define for_each_node_mask(node, mask) for_each_node(node)
#define node_set(node, dst) __node_set((node), &(dst))
#define node_isset(node, nodemask) test_bit((node), (nodemask).bits)
#define nodes_clear(dst) __nodes_clear(&(dst), MAX_NUMNODES)
#define node_distance(a, b) __node_distance(a, b)
#define MAX_NUMNODES (1 << CONFIG_NODES_SHIFT)
#define cpu_possible_mask ((const struct cpumask *)&__cpu_possible_mask)
#define cpu_online_mask ((const struct cpumask *)&__cpu_online_mask)

/* uaccess.h, string.h */
#define get_user(x, ptr) ({ (x) = *(ptr); 0; })
#define put_user(x, ptr) ({ *(ptr) = (x); 0; })
#define __get_user(x, ptr) get_user(x, ptr)
#define __put_user(x, ptr) put_user(x, ptr)
#define access_ok(addr, size) 1
#define untagged_addr(addr) (addr)
#define untagged_addr_remote(mm, addr) (addr)
#define memcpy(d, s, n) __builtin_memcpy(d, s, n)
#define memset(s, c, n) __builtin_memset(s, c, n)
#define memcmp(a, b, n) __builtin_memcmp(a, b, n)
#define strlen(s) __builtin_strlen(s)

/* sysfs.h, kobject.h, debugfs.h, the attribute tables */
#define __ATTR(_name, _mode, _show, _store) \
	{ .attr = { .name = __stringify(_name), .mode = _mode }, \
	  .show = _show, .store = _store, }
#define __ATTR_RO(_name) \
	{ .attr = { .name = __stringify(_name), .mode = 0444 }, \
	  .show = _name##_show, }
#define __ATTR_RO_MODE(_name, _mode) \
	{ .attr = { .name = __stringify(_name), .mode = _mode }, \
	  .show = _name##_show, }
#define __ATTR_WO(_name) \
	{ .attr = { .name = __stringify(_name), .mode = 0200 }, \
	  .store = _name##_store, }
#define __ATTR_RW(_name) __ATTR(_name, 0644, _name##_show, _name##_store)
#define __ATTR_NULL { .attr = { .name = NULL } }
#define DEFINE_DEBUGFS_ATTRIBUTE_XSIGNED(__fops, __get, __set, __fmt, \
					 __is_signed) \
	static int __fops##_open(struct inode *inode, struct file *file) \
	{ \
		return simple_attr_open(inode, file, __get, __set, __fmt); \
	} \
	static const struct file_operations __fops = { \
		.owner = THIS_MODULE, \
		.open = __fops##_open, \
		.release = simple_attr_release, \
		.read = debugfs_attr_read, \
		.write = (__is_signed) ? debugfs_attr_write_signed : \
					 debugfs_attr_write, \
	}
#define DEFINE_DEBUGFS_ATTRIBUTE(__fops, __get, __set, __fmt) \
	DEFINE_DEBUGFS_ATTRIBUTE_XSIGNED(__fops, __get, __set, __fmt, false)
#define DEFINE_DEBUGFS_ATTRIBUTE_SIGNED(__fops, __get, __set, __fmt) \
	DEFINE_DEBUGFS_ATTRIBUTE_XSIGNED(__fops, __get, __set, __fmt, true)
#define DEFINE_SIMPLE_ATTRIBUTE(__fops, __get, __set, __fmt) \
	DEFINE_DEBUGFS_ATTRIBUTE(__fops, __get, __set, __fmt)
#define DEFINE_SHOW_ATTRIBUTE(__name) \
	const struct file_operations __name##_fops = { 0 }
#define ATTRIBUTE_GROUPS(_name) \
	static const struct attribute_group *_name##_groups[] = { NULL }

/* the wrappers of allocation profiling (6.10) and of the bit operations */
#define alloc_hooks(_do_alloc) (_do_alloc)
#define bitop(op, nr, addr) op(nr, addr)
#define __is_defined(x) 0
#define IS_DEFINED(x) 0
#define _RET_IP_ ((unsigned long)__builtin_return_address(0))
#define _THIS_IP_ 0UL

/* initialisers the declaring macros (LLIST_HEAD(), DECLARE_WORK() ...) use */
#define LLIST_HEAD_INIT(name) { NULL }
#define __WORK_INITIALIZER(n, f) { .entry = { &(n).entry, &(n).entry }, .func = (f) }
#define __DELAYED_WORK_INITIALIZER(n, f, tflags) { .work = __WORK_INITIALIZER((n).work, (f)) }
#define __INIT_WORK(_work, _func, _onstack) ((_work)->func = (_func))
#define __INIT_DELAYED_WORK(_work, _func, _tflags) INIT_WORK(&(_work)->work, (_func))
#define BLOCKING_NOTIFIER_INIT(name) { .head = NULL }
#define ATOMIC_NOTIFIER_INIT(name) { .head = NULL }
#define RATELIMIT_STATE_INIT(name, interval_init, burst_init) \
	{ .interval = interval_init, .burst = burst_init }
#define STATIC_KEY_FALSE_INIT { 0 }
#define STATIC_KEY_TRUE_INIT { 1 }
#define KUIDT_INIT(value) ((kuid_t){ value })
#define KGIDT_INIT(value) ((kgid_t){ value })
#define __va(x) ((void *)((unsigned long)(x) + PAGE_OFFSET))
#define current_cred_xxx(xxx) (current_cred()->xxx)

/* cleanup.h: guard() holds a lock to the end of the scope */
#define DEFINE_FREE(_name, _type, _free) \
	static inline void __free_##_name(void *p) \
	{ \
		_type _T = *(_type *)p; \
		_free; \
	}
#define __free(_name) __cleanup(__free_##_name)
#define no_free_ptr(p) \
	({ \
		__auto_type __ptr = (p); \
		(p) = NULL; \
		__ptr; \
	})
#define return_ptr(p) return no_free_ptr(p)
#define DEFINE_GUARD(_name, _type, _lock, _unlock)
#define DEFINE_LOCK_GUARD_1(_name, _type, _lock, _unlock, ...)
void __mc_guard();
#define guard(_name) __mc_guard
#define scoped_guard(_name, args...) \
	for (int __mc_done = 0; !__mc_done; __mc_done = 1)

#endif
