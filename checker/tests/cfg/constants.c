/* constant conditions have one way out; effects are never folded */
int f(int);

#define IS_ENABLED(x) 0

void folded(int x)
{
	if (0)
		f(0);
	if (sizeof(x) == 4)
		f(1);
	if (IS_ENABLED(CONFIG_FOO) && x)
		f(2);
	if (__builtin_constant_p(x) ? f(3) : f(4))
		f(5);
}

void not_folded(int x)
{
	if ((f(x), 1))
		f(6);
}
