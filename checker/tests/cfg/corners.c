/* corner cases: empty loops, bare switch bodies, gotos into loops */
int f(int);

void empty_forever(void)
{
	for (;;)
		;
}

void switch_without_block(int x)
{
	switch (x)
	default:
		f(x);
}

void empty_switch(int x)
{
	switch (x) {
	}
	f(1);
}

int goto_into_loop(int x)
{
	if (x)
		goto in;
	for (x = 0; x < 3; x++) {
in:
		f(x);
	}
	return x;
}

int goto_out_of_stmt_expr(int x)
{
	x = ({ if (x) goto out; 1; });
out:
	return x;
}

void continue_in_do_while_zero(int x)
{
	do {
		if (x)
			continue;
		f(x);
	} while (0);
}

int stmt_expr_arms(int x)
{
	return x ? ({ f(1); }) : ({ f(2); });
}

int chained_gnu(int x)
{
	int y = x ?: f(x) ?: f(x + 1);

	return y;
}

void self_goto(void)
{
lbl:
	goto lbl;
}
