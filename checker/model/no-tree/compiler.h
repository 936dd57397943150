/* SPDX-License-Identifier: GPL-2.0 */
/*
 * compiler.h, compiler_types.h, kconfig.h, init.h, export.h: attributes
 * and annotations mm code is written with, as the kernel defines them
 * for clang, without the sparse and section machinery.
 */
#ifndef __MMUCHECK_COMPILER_H
#define __MMUCHECK_COMPILER_H

#define __KCONFIG_ARG_PLACEHOLDER_1 0,
#define __KCONFIG_TAKE_SECOND(ignored, val, ...) val
#define __KCONFIG_IS_ONE(x) __KCONFIG_IS_ONE_(__KCONFIG_ARG_PLACEHOLDER_##x)
#define __KCONFIG_IS_ONE_(arg) __KCONFIG_TAKE_SECOND(arg 1, 0, 0)
#define IS_BUILTIN(option) __KCONFIG_IS_ONE(option)
#define IS_MODULE(option) 0
#define IS_REACHABLE(option) IS_BUILTIN(option)
#define IS_ENABLED(option) IS_BUILTIN(option)

#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)
#define likely_notrace(x) likely(x)
#define unlikely_notrace(x) unlikely(x)

#define __always_inline inline __attribute__((__always_inline__))
#define noinline __attribute__((__noinline__))
#define __noinline noinline
#define noinline_for_stack noinline
#define __cold __attribute__((__cold__))
#define __hot __attribute__((__hot__))
#define __noreturn __attribute__((__noreturn__))
#define __maybe_unused __attribute__((__unused__))
#define __always_unused __attribute__((__unused__))
#define __used __attribute__((__used__))
#define __must_check __attribute__((__warn_unused_result__))
#define __pure __attribute__((__pure__))
#define __const __attribute__((__const__))
#define __packed __attribute__((__packed__))
#define __aligned(x) __attribute__((__aligned__(x)))
#define __weak __attribute__((__weak__))
#define __printf(a, b) __attribute__((__format__(printf, a, b)))
#define __scanf(a, b) __attribute__((__format__(scanf, a, b)))
#define __section(s) __attribute__((__section__(s)))
#define __cleanup(func) __attribute__((__cleanup__(func)))
#define __malloc __attribute__((__malloc__))
#define __randomize_layout
#define __no_randomize_layout
#define __counted_by(member)
#define __nonstring
#define __flatten
#define __visible
#define __latent_entropy
#define __noinitretpoline
#define __ref
#define __refdata
#define __meminit
#define __meminitdata
#define __init
#define __initdata
#define __initconst
#define __exit
#define __exitdata
#define __read_mostly
#define __ro_after_init
#define __cacheline_aligned
#define __cacheline_aligned_in_smp
#define ____cacheline_aligned
#define ____cacheline_aligned_in_smp
#define __percpu
#define __user
#define __kernel
#define __iomem
#define __rcu
#define __force
#define __bitwise
#define __safe
#define __private
#define __nocast
#define __must_hold(x)
#define __acquires(x)
#define __releases(x)
#define __acquire(x) (void)0
#define __release(x) (void)0
#define __cond_lock(x, c) (c)
#define __chk_user_ptr(x) (void)0
#define __chk_io_ptr(x) (void)0
#define notrace
#define __notrace_funcgraph
#define __kprobes
#define nokprobe_inline __always_inline
#define __no_kcsan
#define __no_sanitize_address
#define noinstr
#define __noinstr_section(s)
#define __inline_maybe_unused
#define __gnu_inline
#define fallthrough __attribute__((__fallthrough__))
#define asmlinkage
#define __stringify_1(x...) #x
#define __stringify(x...) __stringify_1(x)
#define ___PASTE(a, b) a##b
#define __PASTE(a, b) ___PASTE(a, b)
#define __UNIQUE_ID(prefix) __PASTE(__PASTE(__UNIQUE_ID_, prefix), __COUNTER__)
#define __same_type(a, b) __builtin_types_compatible_p(typeof(a), typeof(b))
#define __must_be_array(a) 0
#define __is_constexpr(x) __builtin_constant_p(x)
#define barrier() __asm__ __volatile__("" : : : "memory")
#define barrier_data(ptr) barrier()
#define unreachable() __builtin_unreachable()
#define OPTIMIZER_HIDE_VAR(var) (void)0
#define RELOC_HIDE(ptr, off) ((typeof(ptr))((unsigned long)(ptr) + (off)))
#define data_race(expr) (expr)
#define ASSERT_EXCLUSIVE_WRITER(var) (void)0
#define ASSERT_EXCLUSIVE_ACCESS(var) (void)0
#define kcsan_check_access(ptr, size, type) (void)0
#define instrumentation_begin() (void)0
#define instrumentation_end() (void)0

/* module.h, export.h, init.h: registrations, nothing to run */
#define EXPORT_SYMBOL(sym) extern typeof(sym) sym
#define EXPORT_SYMBOL_GPL(sym) extern typeof(sym) sym
#define EXPORT_SYMBOL_NS(sym, ns) extern typeof(sym) sym
#define EXPORT_SYMBOL_NS_GPL(sym, ns) extern typeof(sym) sym
#define EXPORT_SYMBOL_FOR_MODULES(sym, mods) extern typeof(sym) sym
#define EXPORT_TRACEPOINT_SYMBOL(name) struct __mc_tracepoint_##name
#define EXPORT_TRACEPOINT_SYMBOL_GPL(name) struct __mc_tracepoint_##name
#define __define_initcall(fn, id) \
	static int (*__initcall_##fn##id)(void) __attribute__((__used__)) = fn
#define early_initcall(fn) __define_initcall(fn, early)
#define pure_initcall(fn) __define_initcall(fn, 0)
#define core_initcall(fn) __define_initcall(fn, 1)
#define postcore_initcall(fn) __define_initcall(fn, 2)
#define arch_initcall(fn) __define_initcall(fn, 3)
#define subsys_initcall(fn) __define_initcall(fn, 4)
#define fs_initcall(fn) __define_initcall(fn, 5)
#define device_initcall(fn) __define_initcall(fn, 6)
#define late_initcall(fn) __define_initcall(fn, 7)
#define __initcall(fn) device_initcall(fn)
#define module_init(fn) __define_initcall(fn, 6)
#define module_exit(fn) \
	static void (*__exitcall_##fn)(void) __attribute__((__used__)) = fn
#define __setup(str, fn) \
	static int (*__setup_##fn)(char *) __attribute__((__used__)) = fn
#define early_param(str, fn) \
	static int (*__setup_##fn)(char *) __attribute__((__used__)) = fn
#define core_param(name, var, type, perm) \
	static void *__param_##name __attribute__((__used__)) = &var
#define module_param(name, type, perm) \
	static void *__param_##name __attribute__((__used__)) = &name
#define module_param_named(name, value, type, perm) \
	static void *__param_##name __attribute__((__used__)) = &value
#define MODULE_PARM_DESC(var, desc) struct __mc_parm_desc_##var
#define MODULE_LICENSE(x) struct __mc_module_license
#define MODULE_AUTHOR(x) struct __mc_module_author
#define MODULE_DESCRIPTION(x) struct __mc_module_description
#define THIS_MODULE ((struct module *)0)
#define ALLOW_ERROR_INJECTION(fname, type) struct __mc_error_injection_##fname
#define NOKPROBE_SYMBOL(fname) struct __mc_nokprobe_##fname
#define late_initcall_sync(fn) __define_initcall(fn, 7s)

/*
 * The x86 system call wrappers (arch/x86/include/asm/syscall_wrapper.h,
 * IA32_EMULATION on): the body is __do_sys_NAME(), called by
 * __se_sys_NAME(), called by the __x64_ and __ia32_ entry points.
 */
#define __MAP0(m, ...)
#define __MAP1(m, t, a, ...) m(t, a)
#define __MAP2(m, t, a, ...) m(t, a), __MAP1(m, __VA_ARGS__)
#define __MAP3(m, t, a, ...) m(t, a), __MAP2(m, __VA_ARGS__)
#define __MAP4(m, t, a, ...) m(t, a), __MAP3(m, __VA_ARGS__)
#define __MAP5(m, t, a, ...) m(t, a), __MAP4(m, __VA_ARGS__)
#define __MAP6(m, t, a, ...) m(t, a), __MAP5(m, __VA_ARGS__)
#define __MAP(n, ...) __MAP##n(__VA_ARGS__)
#define __SC_DECL(t, a) t a
#define __SC_LONG(t, a) long a
#define __SC_CAST(t, a) (t)a
#define __SC_ARGS(t, a) a
#define SC_X86_64_REGS_TO_ARGS(x, ...) \
	__MAP(x, __SC_ARGS, , regs->di, , regs->si, , regs->dx, , regs->r10, \
	      , regs->r8, , regs->r9)
#define SC_IA32_REGS_TO_ARGS(x, ...) \
	__MAP(x, __SC_ARGS, , (unsigned int)regs->bx, , \
	      (unsigned int)regs->cx, , (unsigned int)regs->dx, , \
	      (unsigned int)regs->si, , (unsigned int)regs->di, , \
	      (unsigned int)regs->bp)
#define SYSCALL_DEFINEx(x, name, ...) \
	static long __se_sys##name(__MAP(x, __SC_LONG, __VA_ARGS__)); \
	static inline long __do_sys##name(__MAP(x, __SC_DECL, __VA_ARGS__)); \
	long __x64_sys##name(const struct pt_regs *regs) \
	{ \
		return __se_sys##name(SC_X86_64_REGS_TO_ARGS(x, __VA_ARGS__)); \
	} \
	long __ia32_sys##name(const struct pt_regs *regs) \
	{ \
		return __se_sys##name(SC_IA32_REGS_TO_ARGS(x, __VA_ARGS__)); \
	} \
	static long __se_sys##name(__MAP(x, __SC_LONG, __VA_ARGS__)) \
	{ \
		long ret = __do_sys##name(__MAP(x, __SC_CAST, __VA_ARGS__)); \
		return ret; \
	} \
	static inline long __do_sys##name(__MAP(x, __SC_DECL, __VA_ARGS__))
#define SYSCALL_DEFINE0(sname) \
	static long __do_sys_##sname(void); \
	long __x64_sys_##sname(const struct pt_regs *__unused) \
	{ \
		return __do_sys_##sname(); \
	} \
	long __ia32_sys_##sname(const struct pt_regs *__unused) \
	{ \
		return __do_sys_##sname(); \
	} \
	static long __do_sys_##sname(void)
#define SYSCALL_DEFINE1(name, ...) SYSCALL_DEFINEx(1, _##name, __VA_ARGS__)
#define SYSCALL_DEFINE2(name, ...) SYSCALL_DEFINEx(2, _##name, __VA_ARGS__)
#define SYSCALL_DEFINE3(name, ...) SYSCALL_DEFINEx(3, _##name, __VA_ARGS__)
#define SYSCALL_DEFINE4(name, ...) SYSCALL_DEFINEx(4, _##name, __VA_ARGS__)
#define SYSCALL_DEFINE5(name, ...) SYSCALL_DEFINEx(5, _##name, __VA_ARGS__)
#define SYSCALL_DEFINE6(name, ...) SYSCALL_DEFINEx(6, _##name, __VA_ARGS__)
#define COMPAT_SYSCALL_DEFINEx(x, name, ...) \
	long __do_compat_sys##name(__MAP(x, __SC_DECL, __VA_ARGS__))
#define COMPAT_SYSCALL_DEFINE1(name, ...) \
	COMPAT_SYSCALL_DEFINEx(1, _##name, __VA_ARGS__)
#define COMPAT_SYSCALL_DEFINE2(name, ...) \
	COMPAT_SYSCALL_DEFINEx(2, _##name, __VA_ARGS__)
#define COMPAT_SYSCALL_DEFINE3(name, ...) \
	COMPAT_SYSCALL_DEFINEx(3, _##name, __VA_ARGS__)
#define COMPAT_SYSCALL_DEFINE4(name, ...) \
	COMPAT_SYSCALL_DEFINEx(4, _##name, __VA_ARGS__)
#define COMPAT_SYSCALL_DEFINE5(name, ...) \
	COMPAT_SYSCALL_DEFINEx(5, _##name, __VA_ARGS__)
#define COMPAT_SYSCALL_DEFINE6(name, ...) \
	COMPAT_SYSCALL_DEFINEx(6, _##name, __VA_ARGS__)

#endif
