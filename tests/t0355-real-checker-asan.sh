#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# The checker built with ASan and UBSan (checker/mmucheck-asan) scans the
# whole 6.1 and 6.12 trees cold, in a cache of its own (MMUCHECK_ASAN_TREES
# names others): no sanitizer
# report, no file failed, every file the plain build analyses analysed
# here too, and exactly the plain build's findings.
. "$(dirname "$0")/lib.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
make -s -C "$top/checker" mmucheck mmucheck-asan >/dev/null 2>&1
export ASAN_OPTIONS=detect_leaks=0:abort_on_error=0:exitcode=99
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

findings() { # JSON: one line a finding
	python3 -c '
import json, sys
for f in json.load(open(sys.argv[1]))["findings"]:
    print(f["rule"], f["file"], f["line"], f["function"], f["fingerprint"])' "$1"
}

for v in ${MMUCHECK_ASAN_TREES:-6.1 6.12}; do
	if ! tree "$v"; then
		not_ok "the $v tree"
		continue
	fi
	(cd "$src" && "$top/checker/mmucheck" scan --kdir=. --kbuild="$build" --format=json) \
		>"$tmp/plain.json" 2>"$tmp/plain.err"
	plain=$?
	start=$(date +%s)
	(cd "$src" && MMUCHECK_CACHE="$tmp/cache-$v" \
		"$top/checker/mmucheck-asan" scan --kdir=. --kbuild="$build" --format=json) \
		>"$tmp/asan.json" 2>"$tmp/asan.err"
	asan=$?
	echo "# $v: the ASan+UBSan scan took $(($(date +%s) - start)) s, exit $asan (plain $plain)"
	grep 'mmucheck scan:' "$tmp/plain.err" "$tmp/asan.err" | sed 's/^/# /'
	expect "$v: no sanitizer report in the scan's output" \
		sh -c "! grep -E 'AddressSanitizer|LeakSanitizer|runtime error:|SUMMARY: ' '$tmp/asan.err'"
	expect "$v: the same exit status as the plain build ($plain)" test "$asan" -eq "$plain"
	expect "$v: cold (nothing from a cache), no file failed" \
		grep -Eq 'analysed \(0 from cache\), 0 failed' "$tmp/asan.err"
	counts() { sed -n 's/.*: \([0-9]*\) files considered, \([0-9]*\) analysed.*/\1 \2/p' "$1"; }
	expect "$v: as many files considered and analysed as the plain build" \
		test "$(counts "$tmp/asan.err")" = "$(counts "$tmp/plain.err")"
	findings "$tmp/plain.json" >"$tmp/plain.list"
	findings "$tmp/asan.json" >"$tmp/asan.list"
	expect "$v: exactly the plain build's findings ($(wc -l <"$tmp/plain.list"))" \
		sh -c "[ -s '$tmp/plain.list' ] && diff '$tmp/plain.list' '$tmp/asan.list'"
done
done_testing
