/*
 * __attribute__((cleanup(f))) variables: the cleanup is called at every
 * exit of the scope (block end, return, break, continue, goto), newest
 * first.  The kernel's guard() and scoped_guard() are written with it.
 */
int f(int);
void unlock(int *p);
void release(int *p);

#define __cleanup(func) __attribute__((__cleanup__(func)))

/* the kernel's include/linux/cleanup.h, cut down */
#define DEFINE_GUARD(name, type, lock, unlock_)				\
	typedef type class_##name##_t;					\
	static inline void class_##name##_destructor(type *p)		\
	{ unlock_; }							\
	static inline type class_##name##_constructor(type l)		\
	{ lock; return l; }
#define CLASS(name, var)						\
	class_##name##_t var __cleanup(class_##name##_destructor) =	\
		class_##name##_constructor
#define guard(name) CLASS(name, __guard_##name)
#define scoped_guard(name, args...)					\
	for (CLASS(name, scope)(args), *done = 0; !done; done = (void *)1)

DEFINE_GUARD(mutex, int, f(l), unlock(p))

int block_end(int x)
{
	{
		int a __attribute__((cleanup(unlock))) = x;
		int b __cleanup(release) = f(a);
	}
	return f(0);
}

int early_return(int x)
{
	int a __attribute__((cleanup(unlock))) = x;

	if (f(x))
		return 1;
	{
		int b __attribute__((cleanup(release))) = 0;

		if (f(b))
			return 2;
	}
	return 3;
}

void loop_exits(int n)
{
	int i;

	for (i = 0; i < n; i++) {
		int a __attribute__((cleanup(unlock))) = i;

		if (f(i) == 1)
			continue;
		if (f(i) == 2)
			break;
	}
}

int goto_out(int x)
{
	int err = 0;

	{
		int a __attribute__((cleanup(unlock))) = x;

		if (f(a))
			goto out;
		err = f(1);
	}
out:
	return err;
}

int goto_back(int x)
{
again:
	{
		int a __attribute__((cleanup(unlock))) = x;

		if (f(a) < 0)
			goto again;
	}
	return 0;
}

int kernel_guard(int m)
{
	guard(mutex)(m);
	if (f(m))
		return -1;
	return 0;
}

int kernel_scoped_guard(int m)
{
	scoped_guard(mutex, m) {
		if (f(m))
			return -1;
	}
	return 0;
}
