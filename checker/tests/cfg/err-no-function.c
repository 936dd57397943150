/* --dump-cfg=FUNCTION of a function the file does not define: exit 2 */
int f(int x)
{
	return x;
}
