/* && and || short-circuit: split into blocks with true/false edges */
int f(int);
int g(int);

#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)

void and_or(int a, int b, int c)
{
	if (a && b)
		f(1);
	if (a || b)
		f(2);
	if ((a && b) || c)
		f(3);
	if (a && (b || c))
		f(4);
}

/* !(a && b) is !a || !b: the edges swap */
void negated(int a, int b)
{
	if (!(a && f(b)))
		f(1);
}

void expect(int a, int b)
{
	if (likely(a))
		f(1);
	if (unlikely(a || f(b)))
		f(2);
}

/* in a value, split only when the right side has effects */
int in_value(int a, int b)
{
	int x = a && b;
	int y = a || f(b);

	return x + y;
}

int comma(int a)
{
	while (a = f(a), a > 0)
		g(a);
	return a;
}

int assign_in_cond(int a)
{
	int err;

	if ((err = f(a)))
		return err;
	return g(a);
}
