#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# make batch over three served releases of 6.1: the oldest, one in the
# middle and the newest the archive serves (testcases/real/batch/VERSIONS),
# each prepared by scripts/kernel-tree, then mmucheck batch with the
# committed verdicts: every finding, its engines, first and last version,
# statuses and verdict exactly as testcases/real/batch/6.1.expect says, no
# file failed in any version, and no finding without a verdict.
. "$(dirname "$0")/lib.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
dir=$top/testcases/real/batch
read -r -a versions < <(grep -v '^#' "$dir/VERSIONS")
served=$(apt-cache madison linux-source-6.1 2>/dev/null | awk -F'|' '{ gsub(/ /, "", $2); print $2 }')
for v in "${versions[@]}"; do
	grep -qx "$v" <<<"$served" ||
		not_ok "$v is served by the archive (else testcases/real/batch/ needs the versions served now)"
done
[ "$test_failed" -eq 0 ] || { done_testing; exit; }

start=$(date +%s)
(cd "$tmp" && cp "$dir/verdicts" verdicts &&
	make -s -C "$top" batch VERSIONS="${versions[*]}" BATCH_OUT="$tmp/out" \
		BATCH_VERDICTS="$tmp/verdicts") >"$tmp/matrix" 2>"$tmp/err"
st=$?
echo "# make batch over ${versions[*]}: $(($(date +%s) - start)) s, exit $st"
sed 's/^/# /' "$tmp/matrix"
expect "make batch: exit 0, report.json, index.html and a SARIF per version" \
	sh -c "[ $st -eq 0 ] && [ -s '$tmp/out/report.json' ] && [ -s '$tmp/out/index.html' ] &&
		for v in ${versions[*]}; do [ -s '$tmp/out/'\$v.sarif ] || exit 1; done" ||
	tail -5 "$tmp/err" | sed 's/^/#   /'

expect "every version analysed whole, in order, no file failed" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
names = [v["name"] for v in d["versions"]]
assert names == sys.argv[2:], names
for v in d["versions"]:
    assert v["analysed"] >= 30 and v["failed"] == 0, v
' "$tmp/out/report.json" "${versions[@]}"

# one line a finding:
#   FILE FUNCTION RULE ENGINES FIRST LAST LINES STATUS@FROM..TO VERDICT
# LINES: its line in each version, in order, "-" where it is not
python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
names = [v["name"] for v in d["versions"]]
for f in sorted(d["findings"], key=lambda f: (f["file"], f["function"], f["rule"], f["first"])):
    lines = ",".join(str(f["present"][n]["line"]) if n in f["present"] else "-" for n in names)
    print(f["file"], f["function"], f["rule"], ",".join(f["engines"]), f["first"], f["last"], lines,
          ",".join("%s@%s..%s" % (s["status"], s["from"], s["to"]) for s in f["status"]) or "-", (f["verdict"] or {}).get("verdict", "none"))
' "$tmp/out/report.json" >"$tmp/got"
grep -v '^#' "$dir/6.1.expect" >"$tmp/want"
expect "the findings across the versions are exactly testcases/real/batch/6.1.expect" \
	diff -u "$tmp/want" "$tmp/got"
later=()
for v in "${versions[@]:1}"; do later+=("$tmp/out/$v.sarif"); done
expect "each later version's SARIF marks every result unchanged against the one before" python3 -c '
import json, sys
for path in sys.argv[1:]:
    results = json.load(open(path))["runs"][0]["results"]
    assert results and all(r.get("baselineState") == "unchanged" for r in results), path
' "${later[@]}"
expect "every finding has its verdict" sh -c "! grep -q ' none\$' '$tmp/got'"
done_testing
