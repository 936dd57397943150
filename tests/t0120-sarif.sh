#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# --format=sarif: SARIF 2.1.0 that the SARIF SDK's validator accepts with
# GitHub code scanning's rules, the same findings as JSON, the rule
# catalogue, code flows from the trace, both fingerprints, and the git
# revision when the files are in a work tree.
. "$(dirname "$0")/lib.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
make -s -C "$top/checker" >/dev/null 2>&1
mmucheck=$top/checker/mmucheck
cd "$top" || exit 2
flags=(-Itestcases/6.1/include -Itestcases/include)
files=(testcases/6.1/khugepaged-retract-no-range.c testcases/6.1/unmap-put-before-end.c)

"$mmucheck" "${flags[@]}" --format=sarif "${files[@]}" >"$tmp/two.sarif"
"$mmucheck" "${flags[@]}" --format=json "${files[@]}" >"$tmp/two.json"
expect "check: the validator accepts it (Sarif and Gh rules)" "$top/scripts/sarif-validate" "$tmp/two.sarif"
expect "check: one run with every finding of the JSON output, same fingerprints" python3 -c '
import json, sys
s, j = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
assert s["version"] == "2.1.0" and len(s["runs"]) == 1
run = s["runs"][0]
rules = [r["id"] for r in run["tool"]["driver"]["rules"]]
assert rules == ["range-unbalanced", "pte-outside-range", "page-freed-before-range-end"], rules
res, fnd = run["results"], j["findings"]
assert len(res) == len(fnd) == 2, (len(res), len(fnd))
for r, f in zip(res, fnd):
    assert r["ruleId"] == f["rule"] and rules[r["ruleIndex"]] == f["rule"]
    loc = r["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == f["file"] and loc["region"]["startLine"] == f["line"]
    assert r["partialFingerprints"]["mmucheck/v1"] == f["fingerprint"]
    steps = r["codeFlows"][0]["threadFlows"][0]["locations"]
    assert [x["location"]["message"]["text"] for x in steps] == [t["note"] for t in f["trace"]]
    assert r["level"] in ("error", "warning")
assert run["automationDetails"]["id"] == "mmucheck/check/"
' "$tmp/two.sarif" "$tmp/two.json"

# GitHub's line hash, computed again by an implementation of its
# documented algorithm written independently here (BigInt, in node).
cat >"$tmp/linehash.js" <<'JS'
const fs = require("fs");
const text = fs.readFileSync(process.argv[2], "utf8");
const M = 1n << 64n, B = 37n, W = 100;
let first = 1n;
for (let i = 0; i < W; i++) first = (first * B) % M;
const win = new Array(W).fill(0n), start = new Array(W).fill(-1);
let h = 0n, idx = 0, line = 0, atStart = true, cr = false;
const seen = {}, out = {};
const emit = () => {
  const k = h.toString(16);
  seen[k] = (seen[k] || 0) + 1;
  out[start[idx]] = k + ":" + seen[k];
  start[idx] = -1;
};
const push = (c) => {
  const old = win[idx];
  win[idx] = BigInt(c);
  h = (((B * h + BigInt(c) - first * old) % M) + M) % M;
  idx = (idx + 1) % W;
};
const feed = (c) => {
  if (c === 32 || c === 9 || (cr && c === 10)) { cr = false; return; }
  cr = c === 13;
  if (cr) c = 10;
  if (start[idx] !== -1) emit();
  if (atStart) { atStart = false; start[idx] = ++line; }
  if (c === 10) atStart = true;
  push(c);
};
for (let i = 0; i < text.length; i++) feed(text.charCodeAt(i));
feed(65535);
for (let i = 0; i < W; i++) { if (start[idx] !== -1) emit(); push(0); }
console.log(JSON.stringify(out));
JS
line_hashes() {
	python3 - "$tmp/two.sarif" "$tmp/linehash.js" <<'PY'
import json, subprocess, sys
run = json.load(open(sys.argv[1]))["runs"][0]
for r in run["results"]:
    uri = r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    line = r["locations"][0]["physicalLocation"]["region"]["startLine"]
    ref = json.loads(subprocess.run(["node", sys.argv[2], uri], capture_output=True, text=True, check=True).stdout)
    assert r["partialFingerprints"]["primaryLocationLineHash"] == ref[str(line)], (uri, line, r["partialFingerprints"], ref[str(line)])
PY
}
expect "check: primaryLocationLineHash as GitHub computes it" line_hashes

# In a git work tree: the revision and the repository.
mkdir -p "$tmp/repo"
cp -r testcases/6.1 testcases/include "$tmp/repo/"
git -C "$tmp/repo" init -q && git -C "$tmp/repo" add -A &&
	git -C "$tmp/repo" -c user.name=t -c user.email=t@t commit -qm t
(cd "$tmp/repo" && "$mmucheck" -I6.1/include -Iinclude --format=sarif 6.1/unmap-put-before-end.c) >"$tmp/git.sarif"
expect "in a git work tree: versionControlProvenance names HEAD" python3 -c '
import json, sys
run = json.load(open(sys.argv[1]))["runs"][0]
vcp = run["versionControlProvenance"][0]
assert vcp["revisionId"] == sys.argv[2] and vcp["repositoryUri"].startswith("file://"), vcp
' "$tmp/git.sarif" "$(git -C "$tmp/repo" rev-parse HEAD)"
expect "in a git work tree: the validator accepts it" "$top/scripts/sarif-validate" "$tmp/git.sarif"
# A remote given as a path or in git's host:path form is made a URI.
repo_uri() {
	git -C "$tmp/repo" remote remove origin 2>/dev/null
	git -C "$tmp/repo" remote add origin "$1"
	(cd "$tmp/repo" && "$mmucheck" -I6.1/include -Iinclude --format=sarif 6.1/unmap-put-before-end.c) >"$tmp/uri.sarif"
	python3 -c '
import json, sys
vcp = json.load(open(sys.argv[1]))["runs"][0]["versionControlProvenance"][0]
assert vcp["repositoryUri"] == sys.argv[2], vcp' "$tmp/uri.sarif" "$2" &&
		"$top/scripts/sarif-validate" "$tmp/uri.sarif"
}
expect "remote as a path: a file URI" repo_uri /srv/git/linux.git file:///srv/git/linux.git
expect "remote as host:path: an ssh URI" repo_uri git@example.org:linux.git ssh://git@example.org/linux.git
expect "remote as a URI: kept" repo_uri https://example.org/linux.git https://example.org/linux.git

# link prints SARIF too.
for f in "${files[@]}"; do
	"$mmucheck" "${flags[@]}" --summary="$tmp/sums/$(basename "$f").json" "$f"
done
"$mmucheck" link --format=sarif "$tmp"/sums/*.json >"$tmp/link.sarif"
expect "link: SARIF the validator accepts, automationDetails mmucheck/link/" sh -c "
	'$top/scripts/sarif-validate' '$tmp/link.sarif' &&
	grep -q '\"id\": \"mmucheck/link/\"' '$tmp/link.sarif'"
# The validator reads what it is given: a broken file fails.
python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
del d["runs"][0]["results"][0]["locations"]
json.dump(d, open(sys.argv[2], "w"))' "$tmp/two.sarif" "$tmp/broken.sarif"
expect "the validator rejects a result without a location" sh -c "! '$top/scripts/sarif-validate' '$tmp/broken.sarif' >/dev/null"
# In-source suppressions: silent in text (exit 0), in SARIF as results
# with a suppression of kind inSource and the comment's reason.
"$mmucheck" "${flags[@]}" testcases/6.1/suppressed.c >"$tmp/supp.txt"
expect "suppressed.c: text prints nothing, exit 0" sh -c "[ $? -eq 0 ] && [ ! -s '$tmp/supp.txt' ]"
"$mmucheck" "${flags[@]}" --format=sarif testcases/6.1/suppressed.c >"$tmp/supp.sarif"
expect "suppressed.c: SARIF the validator accepts" "$top/scripts/sarif-validate" "$tmp/supp.sarif"
expect "suppressed.c: each silenced finding a result, suppressed in source, with its reason" python3 -c '
import json, sys
res = json.load(open(sys.argv[1]))["runs"][0]["results"]
got = sorted((r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startLine"],
              r["suppressions"][0]["kind"], r["suppressions"][0]["justification"]) for r in res)
assert got == [("pte-outside-range", 17, "inSource", "mm built here, no notifier can be registered yet"),
               ("pte-outside-range", 18, "inSource", "same mm"),
               ("range-unbalanced", 32, "inSource", "the notifier of this test mm counts starts")], got' "$tmp/supp.sarif"
# A reason not in UTF-8 (found by tests/fuzz/suppress): json_pack refused
# it, and the SARIF showed the finding as not suppressed.
sed 's/(same mm)/(same \xff mm)/' testcases/6.1/suppressed.c >"$tmp/latin.c"
"$mmucheck" "${flags[@]}" --format=sarif "$tmp/latin.c" >"$tmp/latin.sarif"
expect "a reason not in UTF-8: still suppressed, the byte as U+FFFD" python3 -c '
import json, sys
res = json.load(open(sys.argv[1]))["runs"][0]["results"]
got = [r.get("suppressions", [{}])[0].get("justification") for r in res
       if r["locations"][0]["physicalLocation"]["region"]["startLine"] == 18]
assert got == ["same \ufffd mm"], got' "$tmp/latin.sarif"
bad_format() {
	local err status
	err=$("$mmucheck" --format=yaml x.c 2>&1 >/dev/null)
	status=$?
	[ "$status" -eq 2 ] && [ "$err" = "mmucheck: fatal: --format: 'yaml' is not text, json or sarif" ]
}
expect "--format=yaml: one line, exit 2" bad_format
done_testing
