#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# The trace of a finding is the path that produced it: a clear made
# before a range opens is reported with the notes up to the clear, not
# with the range started and ended after it, nor with a second clear
# inside that range (checker/tests/trace/clear-before-range.c).  And a
# walk that runs out of its path budget is never a silent "no finding":
# the function is named in an error, exit 2.
. "$(dirname "$0")/lib.sh"
make -s -C "$top/checker" >/dev/null 2>&1
cd "$top" || exit 2
file=checker/tests/trace/clear-before-range.c
out=$(checker/mmucheck -Itestcases/6.1/include -Itestcases/include --format=json "$file")
for fn in clear_then_empty_range clear_then_range_with_clear; do
	expect "$fn: one finding, at the clear before the range, no note after that line" python3 -c '
import json, sys
f = [f for f in json.load(sys.stdin)["findings"] if f["function"] == sys.argv[1]]
assert len(f) == 1, f
f = f[0]
assert f["rule"] == "pte-outside-range", f
late = [s for s in f["trace"] if s["line"] > f["line"]]
assert not late, late
' "$fn" <<<"$out"
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for n in 9 10 100; do
	python3 -c '
import sys
n = int(sys.argv[1])
body = "\n".join("\tif (pte_present(*(p + %d)))\n\t\tptep_get_and_clear(mm, addr, p + %d);" % (i, i) for i in range(n))
print("#include <linux/mmu_notifier.h>\n#include \"kapi.h\"\n\nvoid many_clears(struct mm_struct *mm, unsigned long addr, pte_t *p)\n{\n%s\n}" % body)
' "$n" >"$tmp/budget$n.c"
	# the entry is the caller's: the finding is of low confidence
	checker/mmucheck --confidence=low -Itestcases/6.1/include -Itestcases/include \
		"$tmp/budget$n.c" >"$tmp/out" 2>"$tmp/err"
	st=$?
	found=$(grep -c ': warning: .*\[pte-outside-range\]' "$tmp/out")
	if [ "$n" -eq 9 ]; then
		expect "9 independent clears: within the budget, all 9 reported, exit 1" \
			sh -c "[ $st -eq 1 ] && [ $found -eq 9 ] && [ ! -s '$tmp/err' ]"
		continue
	fi
	expect "$n independent clears: the budget runs out, exit 2, the function named in an error" \
		sh -c "[ $st -eq 2 ] && grep -q 'budget$n.c:4:6: error: many_clears(): too many paths' '$tmp/err'"
	expect "$n independent clears: the 9 found before it ran out are still printed" test "$found" -eq 9
done
done_testing
