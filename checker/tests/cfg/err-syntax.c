/* a syntax error: one "file:line:col: error:" line, exit 2 */
int f(int x)
{
	return x +;
}
