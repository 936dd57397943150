/* calls to noreturn functions end their block with no successor */
int f(int);
void panic(const char *fmt, ...) __attribute__((noreturn));
_Noreturn void c11_die(void);
[[noreturn]] void c23_die(void);
void __attribute__((__noreturn__)) gnu_die(void);
void gnu_die(void);	/* a redeclaration keeps it */
typedef void (*die_fn)(void) __attribute__((noreturn));

#define BUG() do { asm volatile("ud2"); __builtin_unreachable(); } while (0)
#define BUG_ON(c) do { if (c) BUG(); } while (0)

int bug(int x)
{
	if (x < 0)
		BUG();
	BUG_ON(x > 100);
	return f(x);
}

int attributes(int x)
{
	if (x == 1)
		panic("one");
	if (x == 2)
		c11_die();
	if (x == 3)
		gnu_die();
	if (x == 4)
		c23_die();
	return x;
}

int through_pointer(die_fn die, int x)
{
	if (x)
		die();
	return f(x);
}

void trap(void)
{
	__builtin_trap();
}
