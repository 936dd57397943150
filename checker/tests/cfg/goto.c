/* goto and labels: error unwinding, backward goto, computed goto */
int f(int);
void undo(int);

int unwind(int x)
{
	int err;

	err = f(1);
	if (err)
		goto out;
	err = f(2);
	if (err)
		goto undo_one;
	err = f(3);
	if (err)
		goto undo_two;
	return 0;

undo_two:
	undo(2);
undo_one:
	undo(1);
out:
	return err;
}

int retry(int x)
{
again:
	x = f(x);
	if (x < 0)
		goto again;
	return x;
}

int computed(int x)
{
	void *target = x ? &&one : &&two;

	goto *target;
one:
	return 1;
two:
	return 2;
}
