/* if, if/else, else-if chains, negation, nesting */
int f(int);

int if_only(int x)
{
	if (x > 0)
		x = f(x);
	return x;
}

int if_else(int x)
{
	if (x > 0)
		x = 1;
	else
		x = f(2);
	return x;
}

int else_if_chain(int x)
{
	if (x == 1)
		return 10;
	else if (x == 2)
		return 20;
	else if (f(x))
		return 30;
	return 0;
}

/* the leaf of !x is x: its true edge goes to the else branch */
void negated(int x)
{
	if (!x)
		f(1);
	else
		f(2);
}

void nested(int a, int b)
{
	if (a) {
		if (b)
			f(1);
		f(2);
	}
	f(3);
}

void empty_then(int a)
{
	if (a)
		;
	f(0);
}
