/* returns edge to the exit block; falling off the end too */
int f(int);

void falls_off(int x)
{
	f(x);
}

void void_return(int x)
{
	if (x)
		return;
	f(x);
}

int return_call(int x)
{
	return f(f(x));
}

int dead_code(int x)
{
	return x;
	f(1);
}

void empty(void)
{
}
