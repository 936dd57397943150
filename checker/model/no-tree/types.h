/* SPDX-License-Identifier: GPL-2.0 */
/*
 * types.h, the page-table entry types, atomics, lists, trees, locks and
 * the other small structures whose members the kernel's macros reach
 * into (x86-64 layout, as the prepared trees build).
 */
#ifndef __MMUCHECK_TYPES_H
#define __MMUCHECK_TYPES_H

#define NULL ((void *)0)
typedef __builtin_va_list va_list;
#define va_start(v, l) __builtin_va_start(v, l)
#define va_end(v) __builtin_va_end(v)
#define va_arg(v, T) __builtin_va_arg(v, T)
#define va_copy(d, s) __builtin_va_copy(d, s)
#define offsetof(TYPE, MEMBER) __builtin_offsetof(TYPE, MEMBER)

typedef _Bool bool;
enum { false = 0, true = 1 };

typedef signed char __s8;
typedef unsigned char __u8;
typedef short __s16;
typedef unsigned short __u16;
typedef int __s32;
typedef unsigned int __u32;
typedef long long __s64;
typedef unsigned long long __u64;
typedef __s8 s8;
typedef __u8 u8;
typedef __s16 s16;
typedef __u16 u16;
typedef __s32 s32;
typedef __u32 u32;
typedef __s64 s64;
typedef __u64 u64;
typedef __u16 __le16;
typedef __u16 __be16;
typedef __u32 __le32;
typedef __u32 __be32;
typedef __u64 __le64;
typedef __u64 __be64;
typedef unsigned char u_char;
typedef unsigned short u_short;
typedef unsigned int u_int;
typedef unsigned long u_long;
typedef unsigned char unchar;
typedef unsigned short ushort;
typedef unsigned int uint;
typedef unsigned long ulong;
typedef __u8 uint8_t;
typedef __u16 uint16_t;
typedef __u32 uint32_t;
typedef __u64 uint64_t;
typedef __s8 int8_t;
typedef __s16 int16_t;
typedef __s32 int32_t;
typedef __s64 int64_t;
typedef unsigned long uintptr_t;
typedef long intptr_t;
typedef unsigned long size_t;
typedef long ssize_t;
typedef long ptrdiff_t;
typedef long long loff_t;
typedef long off_t;
typedef unsigned long __kernel_ulong_t;
typedef long __kernel_long_t;
typedef unsigned long __kernel_size_t;
typedef long long __kernel_loff_t;
typedef unsigned int __poll_t;
typedef unsigned int gfp_t;
typedef unsigned int slab_flags_t;
typedef unsigned int fmode_t;
typedef unsigned short umode_t;
typedef unsigned int dev_t;
typedef int pid_t;
typedef unsigned int uid_t;
typedef unsigned int gid_t;
typedef unsigned long ino_t;
typedef long long time64_t;
typedef s64 ktime_t;
typedef long clock_t;
typedef u64 phys_addr_t;
typedef u64 dma_addr_t;
typedef phys_addr_t resource_size_t;
typedef unsigned long irq_hw_number_t;
typedef unsigned long sector_t;
typedef unsigned long blkcnt_t;
typedef int __kernel_rwf_t;
typedef int rwf_t;
typedef unsigned int vm_fault_t;
typedef unsigned long vm_flags_t;
typedef unsigned int zap_flags_t;
typedef unsigned int pgtbl_mod_mask;
typedef int rmap_t;
typedef int cydp_t;
typedef int fpb_t;
typedef unsigned int isolate_mode_t;
typedef int (*initcall_t)(void);
#define pgoff_t unsigned long
typedef unsigned long __kernel_old_dev_t;
typedef __u32 __wsum;
typedef struct { uid_t val; } kuid_t;
typedef struct { gid_t val; } kgid_t;

/* arch/x86/include/asm/pgtable_64_types.h, pgtable_types.h */
typedef unsigned long pteval_t;
typedef unsigned long pmdval_t;
typedef unsigned long pudval_t;
typedef unsigned long p4dval_t;
typedef unsigned long pgdval_t;
typedef unsigned long pgprotval_t;
typedef struct {
	pteval_t pte;
} pte_t;
typedef struct {
	pmdval_t pmd;
} pmd_t;
typedef struct {
	pudval_t pud;
} pud_t;
typedef struct {
	p4dval_t p4d;
} p4d_t;
typedef struct {
	pgdval_t pgd;
} pgd_t;
typedef struct pgprot {
	pgprotval_t pgprot;
} pgprot_t;
struct page;
typedef struct page *pgtable_t;
typedef struct {
	unsigned long val;
} swp_entry_t;
typedef swp_entry_t softleaf_t;
typedef struct {
	u64 val;
} pfn_t;
typedef unsigned long pte_marker;
typedef struct {
	unsigned long pd;
} hugepd_t;

typedef struct {
	int counter;
} atomic_t;
typedef struct {
	s64 counter;
} atomic64_t;
typedef atomic64_t atomic_long_t;
typedef struct refcount_struct {
	atomic_t refs;
} refcount_t;
struct kref {
	refcount_t refcount;
};

struct list_head {
	struct list_head *next, *prev;
};
struct hlist_head {
	struct hlist_node *first;
};
struct hlist_node {
	struct hlist_node *next, **pprev;
};
struct llist_node {
	struct llist_node *next;
};
struct llist_head {
	struct llist_node *first;
};
struct callback_head {
	struct callback_head *next;
	void (*func)(struct callback_head *head);
};
#define rcu_head callback_head

struct rb_node {
	unsigned long __rb_parent_color;
	struct rb_node *rb_right;
	struct rb_node *rb_left;
};
struct rb_root {
	struct rb_node *rb_node;
};
struct rb_root_cached {
	struct rb_root rb_root;
	struct rb_node *rb_leftmost;
};

struct raw_spinlock {
	unsigned int raw_lock;
};
typedef struct raw_spinlock raw_spinlock_t;
typedef struct spinlock {
	struct raw_spinlock rlock;
} spinlock_t;
typedef struct {
	unsigned int raw_lock;
} rwlock_t;
typedef struct seqcount {
	unsigned int sequence;
} seqcount_t;
typedef struct {
	seqcount_t seqcount;
	spinlock_t lock;
} seqlock_t;
typedef struct seqcount_spinlock {
	seqcount_t seqcount;
} seqcount_spinlock_t;
struct lock_class_key {
	int __mc_unused;
};
struct mutex {
	atomic_long_t owner;
	raw_spinlock_t wait_lock;
	struct list_head wait_list;
};
struct rw_semaphore {
	atomic_long_t count;
	atomic_long_t owner;
	raw_spinlock_t wait_lock;
	struct list_head wait_list;
};
struct semaphore {
	raw_spinlock_t lock;
	unsigned int count;
	struct list_head wait_list;
};
struct wait_queue_head {
	spinlock_t lock;
	struct list_head head;
};
typedef struct wait_queue_head wait_queue_head_t;
struct wait_queue_entry;
typedef int (*wait_queue_func_t)(struct wait_queue_entry *wq_entry,
				 unsigned int mode, int flags, void *key);
struct wait_queue_entry {
	unsigned int flags;
	void *private;
	wait_queue_func_t func;
	struct list_head entry;
};
typedef struct wait_queue_entry wait_queue_entry_t;
struct completion {
	unsigned int done;
	struct wait_queue_head wait;
};
struct percpu_counter {
	raw_spinlock_t lock;
	s64 count;
};
struct percpu_rw_semaphore {
	struct rw_semaphore rw_sem;
};

struct work_struct;
typedef void (*work_func_t)(struct work_struct *work);
struct work_struct {
	atomic_long_t data;
	struct list_head entry;
	work_func_t func;
};
struct timer_list {
	struct hlist_node entry;
	unsigned long expires;
	void (*function)(struct timer_list *);
	u32 flags;
};
struct delayed_work {
	struct work_struct work;
	struct timer_list timer;
};

#define BITS_PER_LONG 64
#define BITS_TO_LONGS(nr) (((nr) + BITS_PER_LONG - 1) / BITS_PER_LONG)
#define DECLARE_BITMAP(name, bits) unsigned long name[BITS_TO_LONGS(bits)]
typedef struct {
	DECLARE_BITMAP(bits, 1 << 10);
} nodemask_t;
struct cpumask {
	DECLARE_BITMAP(bits, 64);
};
typedef struct cpumask cpumask_t;
typedef struct cpumask cpumask_var_t[1];

/* xarray.h, maple_tree.h: what XA_STATE() and VMA_ITERATOR() fill */
struct xarray {
	spinlock_t xa_lock;
	gfp_t xa_flags;
	void *xa_head;
};
struct xa_node;
struct xa_state {
	struct xarray *xa;
	unsigned long xa_index;
	unsigned char xa_shift;
	unsigned char xa_sibs;
	unsigned char xa_offset;
	unsigned char xa_pad;
	struct xa_node *xa_node;
	struct xa_node *xa_alloc;
	void (*xa_update)(struct xa_node *node);
	struct list_lru *xa_lru;
};
struct maple_tree {
	union {
		spinlock_t ma_lock;
	};
	unsigned int ma_flags;
	void *ma_root;
};
struct maple_enode;
struct maple_alloc;
enum maple_status {
	ma_active,
	ma_start,
	ma_root,
	ma_none,
	ma_pause,
	ma_overflow,
	ma_underflow,
	ma_error,
};
enum store_type {
	wr_invalid,
};
struct ma_state {
	struct maple_tree *tree;
	unsigned long index;
	unsigned long last;
	struct maple_enode *node;
	unsigned long min;
	unsigned long max;
	struct maple_alloc *alloc;
	enum maple_status status;
	unsigned char depth;
	unsigned char offset;
	unsigned char mas_flags;
	unsigned char end;
	enum store_type store_type;
};
struct vma_iterator {
	struct ma_state mas;
};

/* arch/x86/include/asm/ptrace.h: what the system call stubs read */
struct pt_regs {
	unsigned long r15, r14, r13, r12, bp, bx, r11, r10, r9, r8, ax, cx, dx,
		si, di, orig_ax, ip, cs, flags, sp, ss;
};
struct task_struct;
struct module;
struct file;
struct inode;
struct kobject;

#endif
