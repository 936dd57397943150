#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# checker/: the control-flow graph built from libclang cursors, against golden
# dumps, plain and under AddressSanitizer + UBSan.
. "$(dirname "$0")/lib.sh"
expect "checker builds -Wall -Wextra -Werror" make -s -C "$top/checker"
expect "checker builds with ASan and UBSan" make -s -C "$top/checker" asan
include_tap < <((cd "$top/checker" && tests/run-cfg))
include_tap < <((cd "$top/checker" && MMUCHECK=./mmucheck-asan tests/run-cfg) | sed 's/^\(\(not \)\?ok [0-9]* - \)/\1asan: /')
done_testing
