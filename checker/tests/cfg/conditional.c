/* ?: and GNU a ?: b, in values and in conditions */
int f(int);
int g(int);

/* no calls in the arms: one piece */
int pure_arms(int a, int b)
{
	return a ? a + 1 : b;
}

/* calls in the arms: split, the statement is evaluated at the join */
int call_arms(int a)
{
	int x = a ? f(1) : g(2);

	return x;
}

int gnu_value(int a)
{
	int x = a ?: 5;
	int y = f(a) ?: g(a);

	return x + y;
}

void in_condition(int a, int b, int c)
{
	if (a ? b : c)
		f(1);
	if (f(a) ?: g(b))
		f(2);
}
