#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Recall on mutants of the real trees made at test time (tests/cocci-mutants).
. "$(dirname "$0")/lib.sh"
for v in 6.1 6.12; do
	tree "$v" || { not_ok "$v: tree prepared"; continue; }
	include_tap < <("$top/tests/cocci-mutants" "$v" "$src" "$top/testcases/real/$v/cocci-mutants.known")
done
done_testing
