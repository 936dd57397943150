#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# mmucheck scan on the whole real trees: every file it picks is analysed,
# the findings are exactly those of testcases/real/VERSION/scan.expect, each
# with a verdict, at most one false alarm per tree; a second scan comes
# from the cache; the per-file pass and "mmucheck link" give the same.
. "$(dirname "$0")/lib.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
make -s -C "$top/checker" >/dev/null 2>&1
mmucheck=$top/checker/mmucheck
for v in 6.1 6.12; do
	tree "$v" || { not_ok "$v: tree prepared"; continue; }
	rm -rf "$mmucache/summaries"
	(cd "$src" && "$mmucheck" scan --kdir="$src" --kbuild="$build") >"$tmp/out" 2>"$tmp/err"
	status=$?
	summary=$(grep '^mmucheck scan:' "$tmp/err")
	echo "# $v: $summary"
	expect "$v: scan ran (exit 0 or 1, not $status)" test "$status" -le 1
	expect "$v: no file failed" sh -c "echo '$summary' | grep -q ', 0 failed;'"
	# a cache of its own: the user's may hold another tree's summary of
	# the file, which the scan takes instead (README, Summaries made in
	# another tree)
	(cd "$src" && MMUCHECK_CACHE=$tmp/fresh-$v "$mmucheck" scan --kdir="$src" --kbuild="$build" mm/rmap.c) \
		>/dev/null 2>"$tmp/err1"
	expect "$v: Kbuild-style progress lines" grep -q '^  CHECK   mm/rmap.c$' "$tmp/err1"
	grep ': warning: ' "$tmp/out" | sort >"$tmp/got"
	grep -v '^#' "$top/testcases/real/$v/scan.expect" >"$tmp/expect"
	expect "$v: every expected finding has a verdict" sh -c "! grep -vE ' \\| (true bug|false alarm|debatable)' '$tmp/expect'"
	sed 's/ | .*//' "$tmp/expect" | sort >"$tmp/want"
	expect "$v: the findings are those of scan.expect" diff -u "$tmp/want" "$tmp/got"
	expect "$v: at most one false alarm" test "$(grep -c '| false alarm' "$tmp/expect")" -le 1
	(cd "$src" && "$mmucheck" scan --kdir="$src" --kbuild="$build") >"$tmp/out2" 2>"$tmp/err2"
	expect "$v: a second scan reads every summary from the cache" \
		sh -c "grep '^mmucheck scan:' '$tmp/err2' | grep -qE '([0-9]+) analysed \\(\\1 from cache\\)'"
	expect "$v: and finds the same" cmp "$tmp/out" "$tmp/out2"
	# The recipe for many machines: the per-file pass, then link.
	# the summaries this mmucheck made (the cache may keep an earlier
	# binary's for files no scan of this one considered: link refuses a mix)
	python3 -c '
import json, os, sys
root, mine = sys.argv[1], json.load(open(sys.argv[2]))["made_by"]
for d, _, fs in sorted(os.walk(root)):
    for f in sorted(fs):
        p = os.path.join(d, f)
        if f.endswith(".json") and "@" not in f and json.load(open(p)).get("made_by") == mine:
            print(p)' "$mmucache/summaries" "$mmucache/summaries/mm/rmap.c.json" >"$tmp/list"
	xargs "$mmucheck" link --kdir="$src" <"$tmp/list" >"$tmp/linked" 2>/dev/null
	expect "$v: mmucheck link over the summaries gives the scan's findings" cmp "$tmp/out" "$tmp/linked"
	# Fingerprints are made in one place: scan, link and the single-file
	# run give the same finding the same, non-empty one.
	(cd "$src" && "$mmucheck" scan --kdir="$src" --kbuild="$build" \
		--confidence=low --format=json) >"$tmp/scan.json" 2>/dev/null
	xargs "$mmucheck" link --kdir="$src" --confidence=low --format=json \
		<"$tmp/list" >"$tmp/link.json" 2>/dev/null
	files=$(grep -v '^#' "$top/testcases/real/$v/checker.expect" | cut -d: -f1 | sort -u)
	# shellcheck disable=SC2086 # file names are words
	(cd "$src" && "$mmucheck" --kdir="$src" --kbuild="$build" --confidence=low \
		--format=json $files) >"$tmp/single.json" 2>/dev/null
	expect "$v: scan, link and single-file runs agree on fingerprints" python3 - \
		"$tmp/scan.json" "$tmp/link.json" "$tmp/single.json" "$src" <<'PY'
import json, os, sys
def docs(path):
    text, dec, i, out = open(path).read(), json.JSONDecoder(), 0, []
    while i < len(text):
        if text[i].isspace():
            i += 1
            continue
        doc, i = dec.raw_decode(text, i)
        out += doc["findings"]
    return out
src = os.path.realpath(sys.argv[4])
def key(f):
    return (f["rule"], os.path.relpath(os.path.realpath(os.path.join(src, f["file"])), src), f["line"], f["column"])
scan, link, single = (docs(p) for p in sys.argv[1:4])
assert scan, "scan found nothing"
for f in scan + link + single:
    assert len(f["fingerprint"]) == 16, f
assert {key(f): f["fingerprint"] for f in scan} == {key(f): f["fingerprint"] for f in link}, "scan != link"
ones = {key(f): f["fingerprint"] for f in single}
both = [k for k in map(key, scan) if k in ones]
assert both, "no finding in both the scan and the single-file run"
for f in scan:
    if key(f) in ones:
        assert ones[key(f)] == f["fingerprint"], (key(f), ones[key(f)], f["fingerprint"])
print("# %d findings, %d in both" % (len(scan), len(both)))
PY
	# A baseline of the tree's known findings: the next scan has nothing
	# new (exit 0), shows them as old, and the SARIF says "unchanged".
	(cd "$src" && "$mmucheck" scan --kdir="$src" --kbuild="$build" \
		--write-baseline="$tmp/base") >/dev/null 2>&1
	expect "$v: --write-baseline: one line per finding" \
		test "$(grep -vc '^#' "$tmp/base")" = "$(wc -l <"$tmp/got")"
	(cd "$src" && "$mmucheck" scan --kdir="$src" --kbuild="$build" \
		--baseline="$tmp/base") >"$tmp/old" 2>"$tmp/old.err"
	status=$?
	expect "$v: --baseline: exit 0, the known findings shown as old" sh -c "[ $status -eq 0 ] &&
		head -1 '$tmp/old' | grep -qx 'Old mmucheck warnings:' &&
		grep -q ': 0 new, [0-9]* known, 0 no longer found' '$tmp/old.err'"
	(cd "$src" && "$mmucheck" scan --kdir="$src" --kbuild="$build" \
		--baseline="$tmp/base" --format=sarif) >"$tmp/old.sarif" 2>/dev/null
	expect "$v: SARIF of the scan: valid, every result unchanged" sh -c "
		'$top/scripts/sarif-validate' '$tmp/old.sarif' &&
		python3 -c 'import json, sys; r = json.load(open(sys.argv[1]))[\"runs\"][0][\"results\"]; assert r and all(x[\"baselineState\"] == \"unchanged\" for x in r)' '$tmp/old.sarif'"
done
done_testing
