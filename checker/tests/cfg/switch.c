/* switch: fallthrough, case ranges, default, no default, break/continue */
int f(int);

int with_default(int x)
{
	switch (x) {
	case 1:
		x = f(1);
		break;
	case 2:
	case 3:
		x = f(2);
		/* fallthrough */
	case 4:
		x++;
		break;
	default:
		x = 0;
	}
	return x;
}

int no_default(int x)
{
	switch (f(x)) {
	case 0:
		return 1;
	case 5:
		x = 2;
	}
	return x;
}

enum color { RED, GREEN, BLUE = 10 };

int case_ranges(int x)
{
	switch (x) {
	case 1 ... 3:
		return f(1);
	case 'a' ... 'z':
		return f(2);
	case BLUE:
		return f(3);
	default:
		break;
	}
	return 0;
}

/* break leaves the switch, continue goes to the loop */
int in_loop(int n)
{
	int i, sum = 0;

	for (i = 0; i < n; i++) {
		switch (f(i)) {
		case 0:
			continue;
		case 1:
			break;
		default:
			sum++;
		}
		sum += 2;
	}
	return sum;
}

/* a case label inside a nested block */
void duff(int n)
{
	switch (n) {
	case 0:
		do {
			f(0);
	case 1:
			f(1);
		} while (--n > 0);
	}
}

/* the kernel's fallthrough is an attributed (unexposed) statement */
#define fallthrough __attribute__((__fallthrough__))

int attributed(int x)
{
	switch (x) {
	case 1:
		x = f(x);
		fallthrough;
	case 2:
		return x;
	}
	return 0;
}
