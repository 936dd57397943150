#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# checker/: the ways to feed it files (-p compile_commands.json, --kdir and
# --kbuild on a stand-in tree), per-file isolation and the exit status,
# plain and under AddressSanitizer + UBSan.
. "$(dirname "$0")/lib.sh"
expect "checker builds -Wall -Wextra -Werror" make -s -C "$top/checker"
expect "checker builds with ASan and UBSan" make -s -C "$top/checker" asan
expect "the test helpers build" make -s -C "$top/checker" test-helpers
include_tap < <((cd "$top/checker" && tests/run-inputs))
include_tap < <((cd "$top/checker" && MMUCHECK=./mmucheck-asan tests/run-inputs) | sed 's/^\(\(not \)\?ok [0-9]* - \)/\1asan: /')
# The product carries no test scaffolding: --help lists what users use,
# on stdout with exit 0, and no fault-injection option exists.
mmucheck=$top/checker/mmucheck
expect "--help: exit 0, usage on stdout" sh -c "'$mmucheck' --help 2>/dev/null | grep -q '^usage: mmucheck'"
expect "--help lists no test-only option" sh -c "! '$mmucheck' --help | grep -qi 'debug'"
expect "the binary has no fault injection" sh -c "! strings '$mmucheck' | grep -q 'debug-crash\\|debug-hang\\|debug-findings'"
# The rule registry: --list-rules, --enable, --disable.
expect "--list-rules: the three rules, one a line" sh -c "'$mmucheck' --list-rules | cut -d' ' -f1 | sort | tr '\n' ' ' | grep -qx 'page-freed-before-range-end pte-outside-range range-unbalanced '"
tc="-I$top/testcases/6.1/include -I$top/testcases/include $top/testcases/6.1/hugetlb-copy-no-range.c"
expect "a pte-outside-range testcase reports it" sh -c "'$mmucheck' $tc | grep -q '\[pte-outside-range\]'"
expect "--disable=pte-outside-range: silent, exit 0" sh -c "out=\$('$mmucheck' --disable=pte-outside-range $tc) && [ -z \"\$out\" ]"
expect "--enable=range-unbalanced: silent, exit 0" sh -c "out=\$('$mmucheck' --enable=range-unbalanced $tc) && [ -z \"\$out\" ]"
expect "--enable=pte-outside-range,range-unbalanced: reported" sh -c "'$mmucheck' --enable=pte-outside-range,range-unbalanced $tc | grep -q '\[pte-outside-range\]'"
expect "--enable=nosuch: one line, exit 2" sh -c "'$mmucheck' --enable=nosuch $tc 2>&1 >/dev/null | grep -qx \"mmucheck: error: unknown rule 'nosuch' (mmucheck --list-rules)\"; [ \$? -eq 0 ] && ! '$mmucheck' --enable=nosuch $tc 2>/dev/null; [ \$? -eq 0 ]"
done_testing
