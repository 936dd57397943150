#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Every testcase compiles standalone against the headers of its era, with no
# warning: the corpus is C a kernel developer would recognise.
. "$(dirname "$0")/lib.sh"
cc=$(command -v clang-19 || command -v clang)
for f in "$top"/testcases/*/*.c; do
	era=$(basename "$(dirname "$f")")
	expect "compiles: ${f#"$top"/}" "$cc" -fsyntax-only -Werror -Wall -Wextra \
		-Wno-unused-parameter -Wno-unused-variable -Wno-unused-but-set-variable \
		-I "$top/testcases/$era/include" -I "$top/testcases/include" "$f"
done
n=$(find "$top"/testcases/*/ -maxdepth 1 -name "*.c" | wc -l)
expect "at least 40 testcases ($n)" test "$n" -ge 40
for rule in pte-outside-range page-freed-before-range-end range-unbalanced; do
	bugs=$(grep -l "expect:.*$rule" "$top"/testcases/*/*.c | wc -l)
	expect "$rule has bug cases ($bugs files)" test "$bugs" -ge 5
done
done_testing
