/* asm goto: edges to every label named in its tokens, plus fall-through */
int f(int);

#define asm_volatile_goto(x...) do { asm goto(x); asm (""); } while (0)

int direct(int x)
{
	asm goto("jmp %l[err]" : : : : err);
	f(x);
	return 0;
err:
	return -1;
}

int from_macro(int x)
{
	asm_volatile_goto("jmp %l[yes]" : : "i"(1) : : yes);
	return f(0);
yes:
	return f(1);
}

int plain_asm(int x)
{
	asm volatile("" : "+r"(x) : : "memory");
	return x;
}

/* the keyword is in the #define, the label in the use (unsafe_get_user) */
#define get_user_asm(x, ptr, label)					\
	asm goto("mov %0, %1" : : "r"(x), "m"(*(ptr)) : : label)

int hidden_keyword(int *p)
{
	get_user_asm(1, p, efault);
	return 0;
efault:
	return -14;
}
