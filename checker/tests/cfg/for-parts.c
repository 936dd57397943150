/*
 * for statements with parts missing: libclang gives only the present
 * children, init/cond/inc are recovered from the header tokens, or from
 * clang's printing when a macro wrote the loop.
 */
int f(int);

void forever(void)
{
	for (;;) {
		if (f(0))
			break;
	}
	f(1);
}

void no_cond(int n)
{
	int i;

	for (i = 0; ; i++)
		if (f(i) == n)
			return;
}

void only_cond(int i)
{
	for (; i < 10; )
		i = f(i);
}

void only_inc(int i)
{
	for (; ; i++)
		if (f(i))
			break;
}

void init_cond(int n)
{
	int i;

	for (i = f(0); i < n; )
		i += 2;
}

void decl_init(int n)
{
	for (int i = 0; i < n; i++)
		f(i);
}

void init_inc(int n)
{
	for (n = f(n); ; n++)
		if (n > 100)
			return;
}

void cond_with_stmt_expr(int n)
{
	for (; ({ int t = f(n); t > 0; }); n--)
		f(1);
}

#define loop_cond(i, n) for (; (i) < (n); )
#define loop_inc(i) for (; ; (i)++)
#define loop_all(i, n) for ((i) = 0; (i) < (n); (i)++)

void macro_loops(int i, int n)
{
	loop_cond(i, n)
		i = f(i);
	loop_inc(i)
		if (f(i))
			break;
	loop_all(i, n)
		f(i);
}
