#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Every finding survives every output, whatever bytes the source and its
# name hold: JSON and SARIF give bytes that are not UTF-8 as U+FFFD and
# keep the finding and its notes; text shows control bytes as \xNN and
# never sends them to the terminal.
. "$(dirname "$0")/lib.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
make -s -C "$top/checker" >/dev/null 2>&1
mmucheck=$top/checker/mmucheck
cd "$top" || exit 2
flags=(-Itestcases/6.1/include -Itestcases/include)
case=testcases/6.1/khugepaged-retract-no-range.c
latin1=$(printf '%s/caf\351.c' "$tmp")
escape=$(printf '%s/red\033[31m.c' "$tmp")
cp "$case" "$latin1"
cp "$case" "$escape"

"$mmucheck" "${flags[@]}" "$case" --format=json >"$tmp/plain.json"
"$mmucheck" "${flags[@]}" "$latin1" --format=json >"$tmp/latin1.json"
st=$?
expect "a file name not UTF-8: exit 1, JSON with every finding and note of the plain file" python3 -c '
import json, sys
a, b = (json.load(open(p))["findings"] for p in sys.argv[1:3])
assert len(a) == len(b) >= 1, (len(a), len(b))
for x, y in zip(a, b):
    assert len(x["trace"]) == len(y["trace"]) and x["message"] == y["message"]
    assert y["file"].endswith("caf\ufffd.c"), ascii(y["file"])
assert sys.argv[3] == "1"
' "$tmp/plain.json" "$tmp/latin1.json" "$st"
"$mmucheck" "${flags[@]}" "$latin1" --format=sarif >"$tmp/latin1.sarif"
expect "a file name not UTF-8: SARIF the validator accepts, the result kept" sh -c "
	'$top/scripts/sarif-validate' '$tmp/latin1.sarif' &&
	python3 -c 'import json, sys; assert json.load(open(sys.argv[1]))[\"runs\"][0][\"results\"]' '$tmp/latin1.sarif'"
"$mmucheck" "${flags[@]}" "$escape" >"$tmp/escape.txt"
expect "a file name with an escape sequence: text shows it as \\x1b, no ESC byte sent" sh -c "
	grep -q 'red\\\\x1b\\[31m.c:[0-9]*:[0-9]*: warning: ' '$tmp/escape.txt' && ! grep -q \"\$(printf '\\033')\" '$tmp/escape.txt'"
done_testing
