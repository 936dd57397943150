/* while, do/while, for with all parts, break and continue */
int f(int);

int while_loop(int n)
{
	int i = 0;

	while (i < n)
		i = f(i);
	return i;
}

int do_while(int n)
{
	do {
		n = f(n);
	} while (n > 0);
	return n;
}

/* the do { } while (0) of macros leaves no loop behind */
#define CALL_TWICE(x) do { f(x); f(x); } while (0)
void do_while_zero(int x)
{
	CALL_TWICE(x);
	f(0);
}

int for_loop(int n)
{
	int i, sum = 0;

	for (i = 0; i < n; i++)
		sum += f(i);
	return sum;
}

int break_continue(int n)
{
	int i;

	for (i = 0; i < n; i++) {
		if (f(i) < 0)
			continue;
		if (f(i) > 10)
			break;
		f(100);
	}
	return i;
}

void nested_loops(int n)
{
	int i, j;

	for (i = 0; i < n; i++) {
		j = 0;
		while (j < i) {
			if (f(j))
				break;
			j++;
		}
		if (j == 3)
			continue;
		f(i);
	}
}

void infinite_while(void)
{
	while (1) {
		if (f(0))
			return;
	}
}
