#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Baselines (link here; scan on the real trees in t0360): a sorted file of
# the known findings, then only what is new counts - shown first, exit 1 -
# and what is known is shown as old with exit 0.  A bad baseline is one
# line and exit 2, before any work.
. "$(dirname "$0")/lib.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
make -s -C "$top/checker" >/dev/null 2>&1
mmucheck=$top/checker/mmucheck
cd "$top" || exit 2
mkdir -p "$tmp/src" "$tmp/sums"
cp testcases/6.1/khugepaged-retract-no-range.c testcases/6.1/unmap-put-before-end.c "$tmp/src/"
summarize() {
	local f
	for f in "$tmp"/src/*.c; do
		"$mmucheck" -Itestcases/6.1/include -Itestcases/include \
			--summary="$tmp/sums/$(basename "$f").json" "$f" || return 1
	done
}
summarize
"$mmucheck" link --write-baseline="$tmp/base" "$tmp"/sums/*.json >/dev/null
expect "write: a header and one sorted line per finding" python3 -c '
import re, sys
lines = open(sys.argv[1]).read().splitlines()
assert lines[0].startswith("# mmucheck baseline: 2 known findings"), lines
body = lines[1:]
assert body == sorted(body) and len(body) == 2, body
for l in body:
    assert re.match(r"^[0-9a-f]{16} [a-z-]+ \S+\.c:\w+ # .+$", l), l
' "$tmp/base"

"$mmucheck" link --baseline="$tmp/base" "$tmp"/sums/*.json >"$tmp/known" 2>"$tmp/known.err"
status=$?
expect "known findings only: exit 0, shown as old" sh -c "[ $status -eq 0 ] &&
	head -1 '$tmp/known' | grep -qx 'Old mmucheck warnings:' &&
	test \$(grep -c ': warning: ' '$tmp/known') = 2 &&
	grep -qx 'mmucheck link: baseline $tmp/base: 0 new, 2 known, 0 no longer found' '$tmp/known.err'"

# Lines added above a finding and a re-indented anchor keep it known.
{ printf '/* added */\n\n\n'; sed 's/^\t\tpmd = pmdp_collapse_flush/\t\t  pmd = pmdp_collapse_flush/' \
	testcases/6.1/khugepaged-retract-no-range.c; } >"$tmp/src/khugepaged-retract-no-range.c"
rm -f "$tmp"/sums/*.json
summarize
"$mmucheck" link --baseline="$tmp/base" "$tmp"/sums/*.json >/dev/null 2>&1
expect "lines added above, the anchor re-indented: still known, exit 0" test $? -eq 0

# A new finding: exit 1, "New" first, then "Old".
sed 's|^\tmmu_notifier_invalidate_range_end(&range);$||' testcases/6.1/rmap-unmap-one.c >"$tmp/src/rmap-unmap-one.c"
summarize
"$mmucheck" link --baseline="$tmp/base" "$tmp"/sums/*.json >"$tmp/new" 2>/dev/null
status=$?
expect "a new finding: exit 1, new first, old after" python3 -c '
import sys
text = open(sys.argv[1]).read().split("\n")
assert sys.argv[2] == "1", sys.argv[2]
new, old = text.index("New mmucheck warnings:"), text.index("Old mmucheck warnings:")
assert new == 0 and old > new
news = [l for l in text[new:old] if ": warning: " in l]
assert len(news) >= 1 and all("rmap-unmap-one.c" in l for l in news), news
assert sum(": warning: " in l for l in text[old:]) == 2
' "$tmp/new" "$status"
"$mmucheck" link --baseline="$tmp/base" --format=json "$tmp"/sums/*.json >"$tmp/new.json" 2>/dev/null
"$mmucheck" link --baseline="$tmp/base" --format=sarif "$tmp"/sums/*.json >"$tmp/new.sarif" 2>/dev/null
expect "json and sarif: each finding new or unchanged" python3 -c '
import json, sys
j = json.load(open(sys.argv[1]))["findings"]
s = json.load(open(sys.argv[2]))["runs"][0]["results"]
assert sorted(f["baseline"] for f in j) == sorted(r["baselineState"] for r in s)
assert {f["baseline"] for f in j} == {"new", "unchanged"}
assert sum(f["baseline"] == "unchanged" for f in j) == 2
' "$tmp/new.json" "$tmp/new.sarif"
expect "sarif with baselineState: the validator accepts it" "$top/scripts/sarif-validate" "$tmp/new.sarif"
# A fixed finding is no longer found.
rm "$tmp/src/unmap-put-before-end.c" "$tmp/src/rmap-unmap-one.c"
rm -f "$tmp"/sums/*.json
summarize
"$mmucheck" link --baseline="$tmp/base" "$tmp"/sums/*.json >/dev/null 2>"$tmp/fixed.err"
expect "a finding gone: exit 0, counted as no longer found" sh -c "[ $? -eq 0 ] &&
	grep -q ': 0 new, 1 known, 1 no longer found' '$tmp/fixed.err'"

# Bad baselines: one line, exit 2, the output file never half written.
bad() {
	local err status
	err=$("$mmucheck" link "$@" "$tmp"/sums/*.json 2>&1 >/dev/null)
	status=$?
	if [ "$status" -ne 2 ] || [ "$(printf '%s\n' "$err" | wc -l)" -ne 1 ]; then
		echo "exit $status: $err"
		return 1
	fi
}
printf 'not a line\n' >"$tmp/junk"
expect "a malformed baseline: one line, exit 2" bad --baseline="$tmp/junk"
expect "a missing baseline: one line, exit 2" bad --baseline="$tmp/no-such"
expect "a baseline that cannot be written: one line, exit 2" bad --write-baseline="$tmp/no-such-dir/base"
expect "--baseline outside scan and link: exit 2" sh -c "! '$mmucheck' --baseline=x testcases/6.1/rmap-unmap-one.c 2>/dev/null; [ \$? -eq 0 ] && '$mmucheck' --baseline=x x.c 2>&1 | grep -q 'baseline does not apply (it applies to scan, link, diff)'"
done_testing
