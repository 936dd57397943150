/* a missing header is an error like any other */
#include "no-such-header.h"

int f(int x)
{
	return x;
}
