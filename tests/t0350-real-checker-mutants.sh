#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Recall of checker/mmucheck on mutants of the real trees made at test time
# (tests/checker-mutants): drop the end, drop start and end, move a put
# before the end (6.1).
. "$(dirname "$0")/lib.sh"
make -s -C "$top/checker" >/dev/null 2>&1
for v in 6.1 6.12; do
	tree "$v" || { not_ok "$v: tree prepared"; continue; }
	include_tap < <("$top/tests/checker-mutants" "$v" "$src" "$build" "$top/testcases/real/$v/checker-mutants.known")
done
done_testing
