/* statement expressions ({ ... }) in values and conditions */
int f(int);
void warn(void);

#define unlikely(x) __builtin_expect(!!(x), 0)
#define WARN_ON(condition) ({						\
	int __ret_warn_on = !!(condition);				\
	if (unlikely(__ret_warn_on))					\
		warn();							\
	unlikely(__ret_warn_on);					\
})
#define max_t(a, b) ({ int __a = (a), __b = (b); __a > __b ? __a : __b; })

int value(int a, int b)
{
	int x = ({ int t = f(a); t + 1; });

	return x + max_t(f(b), 3);
}

int condition(int a)
{
	if (WARN_ON(a > 3))
		return -1;
	WARN_ON(f(a));
	return 0;
}
