/* --dump-cfg=FUNCTION dumps only that function */
int f(int);

int skipped(int x)
{
	return f(x);
}

int wanted(int x)
{
	if (x)
		return f(x);
	return 0;
}
