/*
 * Kbuild passes gcc's flags and sparse's CHECKFLAGS (kbuild-flags.flags);
 * the ones clang rejects are dropped, and parsing succeeds.
 */
int f(int x)
{
	return x;
}
