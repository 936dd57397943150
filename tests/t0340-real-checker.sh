#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# checker/ on the real trees: every function that opens a range (docs/kernel-api.md
# section C) is analysed without an error or the path budget running out, and the
# findings of their files are exactly those of testcases/real/VER/checker.expect,
# each with a verdict.
. "$(dirname "$0")/lib.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
make -s -C "$top/checker" >/dev/null 2>&1
for v in 6.1 6.12; do
	tree "$v" || { not_ok "$v: tree prepared"; continue; }
	list=$top/testcases/real/$v/range-functions
	"$top/tests/checker-real-findings" "$src" "$build" "$list" >"$tmp/found" 2>"$tmp/err"
	expect "$v: the files of range-functions parse, no crash, no time-out" \
		sh -c "! grep -E ': error:' '$tmp/err'"
	while read -r file fn; do
		case $file in '#'*|'') continue ;; esac
		expect "$v: $fn() in $file is defined and analysed within its budget" \
			sh -c "grep -qE '^([a-z].*[ *])?$fn\\(' '$src/$file' && ! grep -qE ': (note|error): $fn\(\): too many paths' '$tmp/err'"
	done <"$list"
	grep -v '^#' "$top/testcases/real/$v/checker.expect" >"$tmp/expect"
	expect "$v: every expected finding has a verdict" \
		sh -c "! grep -vE ' \\| [a-z]' '$tmp/expect'"
	sed 's/ | .*//' "$tmp/expect" | sort >"$tmp/want"
	sort "$tmp/found" >"$tmp/got"
	expect "$v: the findings are those of checker.expect" diff -u "$tmp/want" "$tmp/got"
	expect "$v: at the default confidence, none" sh -c "! grep -v '(low)' '$tmp/got'"
done
done_testing
