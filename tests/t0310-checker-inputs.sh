#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# checker/: the ways to feed it files (-p compile_commands.json, --kdir and
# --kbuild on a stand-in tree), per-file isolation and the exit status,
# plain and under AddressSanitizer + UBSan.
. "$(dirname "$0")/lib.sh"
expect "checker builds -Wall -Wextra -Werror" make -s -C "$top/checker"
expect "checker builds with ASan and UBSan" make -s -C "$top/checker" asan
include_tap < <((cd "$top/checker" && tests/run-inputs))
include_tap < <((cd "$top/checker" && MMUCHECK=./mmucheck-asan tests/run-inputs) | sed 's/^\(\(not \)\?ok [0-9]* - \)/\1asan: /')
done_testing
