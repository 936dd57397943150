#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Recall of the whole-tree checker on mutants of the real trees: for every
# function that opens a range, drop its end (range-unbalanced) and drop its
# start and end (pte-outside-range whose trace passes through it, wherever
# the clear is), the mutant's summary linked with the scan's summaries of
# every other file (tests/checker-mutants --linked).
. "$(dirname "$0")/lib.sh"
make -s -C "$top/checker" >/dev/null 2>&1
for v in 6.1 6.12; do
	tree "$v" || { not_ok "$v: tree prepared"; continue; }
	(cd "$src" && "$top/checker/mmucheck" scan --kdir="$src" --kbuild="$build" >/dev/null 2>&1)
	include_tap < <("$top/tests/checker-mutants" --linked "$v" "$src" "$build" \
		"$top/testcases/real/$v/checker-linked-mutants.known")
done
done_testing
