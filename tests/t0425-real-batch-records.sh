#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# mmucheck batch beyond one process: each version of the prepared 6.1 and
# 6.12 trees scanned by "batch --record" as GNU parallel runs it (through
# --sshlogin :, this machine as a remote one), then the matching step over
# the records alone.  Its report is the one-process batch's: the same
# findings, statuses, first and last versions.  A record made by another
# checker (its made_by edited) turns what comes and goes into
# "checker-changed" in report.json, the SARIF and the matrix; records away
# from their trees are matched by fingerprint alone; a malformed
# record is one error line naming its file and field, exit 2.
. "$(dirname "$0")/lib.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
make -s -C "$top/checker" >/dev/null 2>&1
mmucheck=$top/checker/mmucheck
tree 6.1 && s1=$src b1=$build
tree 6.12 && s2=$src b2=$build
if [ -z "${s1:-}" ] || [ -z "${s2:-}" ] || ! command -v parallel >/dev/null; then
	not_ok "the 6.1 and 6.12 trees, and GNU parallel (make deps)"
	done_testing
	exit
fi

# the one-process form: it keeps its records in DIR/versions/
"$mmucheck" batch -o "$tmp/one" "6.1=$s1:$b1" "6.12=$s2:$b2" >"$tmp/one.matrix" 2>"$tmp/one.err"
st=$?
expect "one process: exit 0, report.json, its records in versions/" \
	sh -c "[ $st -eq 0 ] && [ -s '$tmp/one/report.json' ] && [ -s '$tmp/one/versions/6.1.version.json' ] && [ -s '$tmp/one/versions/6.12.version.json' ]"

# the per-version scans as GNU parallel spreads them: each job a plain
# command on a "remote" machine (--sshlogin : is this one); {1} the
# name, {2} the tree
parallel --sshlogin : --jobs 1 --halt now,fail=1 \
	"$mmucheck" batch --record -o "$tmp/recs" '{1}={2}' \
	::: 6.1 6.12 :::+ "$s1:$b1" "$s2:$b2" >"$tmp/par.out" 2>"$tmp/par.err"
st=$?
sed 's/^/# /' "$tmp/par.out"
expect "parallel --sshlogin : runs batch --record per version, a record each" \
	sh -c "[ $st -eq 0 ] && [ -s '$tmp/recs/6.1.version.json' ] && [ -s '$tmp/recs/6.12.version.json' ]"

"$mmucheck" batch -o "$tmp/two" "$tmp/recs/6.1.version.json" "$tmp/recs/6.12.version.json" \
	>"$tmp/two.matrix" 2>"$tmp/two.err"
st=$?
sed 's/^/# /' "$tmp/two.matrix"
expect "the matching step over the records: exit 0, no tree scanned" \
	sh -c "[ $st -eq 0 ] && ! grep -q BATCH '$tmp/two.err' && [ -s '$tmp/two/6.12.sarif' ]"
expect "the records' report is the one process's: findings, statuses, first and last" python3 -c '
import json, sys
def key(p):
    d = json.load(open(p))
    return ([(v["name"], v["analysed"], v["failed"], v["findings"]) for v in d["versions"]],
            sorted((f["id"], f["rule"], f["file"], f["function"], tuple(f["engines"]), f["first"], f["last"],
                    json.dumps(f["status"]), json.dumps(f["present"], sort_keys=True),
                    json.dumps(f["trace"], sort_keys=True), f["subsystem"]) for f in d["findings"]))
a, b = key(sys.argv[1]), key(sys.argv[2])
assert a == b, (a, b)
assert len(a[1]) == 4, a[1]
' "$tmp/one/report.json" "$tmp/two/report.json"
expect "the same report.json byte for byte, the same matrix" \
	sh -c "cmp -s '$tmp/one/report.json' '$tmp/two/report.json' && cmp -s '$tmp/one.matrix' '$tmp/two.matrix'"

# the records where their trees are not (another machine matches): the
# fingerprints alone follow the findings, and each text comes from the
# records; so do the SARIF's line hashes
mkdir -p "$tmp/away"
for v in 6.1 6.12; do
	python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
d["tree"] = "/nonexistent/" + d["name"]
json.dump(d, open(sys.argv[2], "w"), indent=1)
' "$tmp/recs/$v.version.json" "$tmp/away/$v.version.json"
done
"$mmucheck" batch -o "$tmp/far" "$tmp/away/6.1.version.json" "$tmp/away/6.12.version.json" \
	>/dev/null 2>"$tmp/far.err"
st=$?
sed 's/^/# /' "$tmp/far.err"
expect "trees not here: exit 0, a warning a tree, the one process's findings and statuses" python3 -c '
import json, sys
def key(p):
    d = json.load(open(p))
    return sorted((f["id"], f["first"], f["last"], json.dumps(f["status"]),
                   json.dumps(f["trace"], sort_keys=True)) for f in d["findings"])
assert key(sys.argv[1]) == key(sys.argv[2]), (key(sys.argv[1]), key(sys.argv[2]))
assert int(sys.argv[4]) == 0
err = open(sys.argv[3]).read()
assert "/nonexistent/6.1) is not here" in err and "/nonexistent/6.12) is not here" in err, err
' "$tmp/one/report.json" "$tmp/far/report.json" "$tmp/far.err" "$st"
expect "trees not here: the SARIF's results and line hashes are the one process's" python3 -c '
import json, sys
def results(p):
    r = json.load(open(p))["runs"][0]["results"]
    return sorted((x["ruleId"], x["partialFingerprints"].get("primaryLocationLineHash"),
                   x.get("baselineState")) for x in r)
a, b = results(sys.argv[1]), results(sys.argv[2])
assert a == b and all(h for _, h, _ in a), (a, b)
' "$tmp/one/6.12.sarif" "$tmp/far/6.12.sarif"

# another checker made 6.12's record: what came and went is its doing
mkdir -p "$tmp/other"
python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
d["made_by"]["model"] = "model-0000000000000000"
json.dump(d, open(sys.argv[2], "w"), indent=1)
' "$tmp/recs/6.12.version.json" "$tmp/other/6.12.version.json"
"$mmucheck" batch -o "$tmp/cc" "$tmp/recs/6.1.version.json" "$tmp/other/6.12.version.json" \
	>"$tmp/cc.matrix" 2>/dev/null
st=$?
sed 's/^/# /' "$tmp/cc.matrix"
expect "another made_by: exit 0" test "$st" -eq 0
expect "another made_by: what came or went is checker-changed; what stayed persists" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
got = sorted((f["function"], tuple(s["status"] for s in f["status"])) for f in d["findings"])
want = sorted([("unmap_ldt_struct", ("persisting",)), ("do_numa_page", ("checker-changed",)),
               ("pte_marker_clear", ("checker-changed",)), ("collapse_pte_mapped_thp", ("checker-changed",))])
assert got == want, got
assert d["versions"][1]["made_by"]["model"] == "model-0000000000000000", d["versions"][1]
' "$tmp/cc/report.json"
expect "another made_by: the SARIF says so in its properties, the matrix in its column" python3 -c '
import json, re, sys
r = json.load(open(sys.argv[1]))["runs"][0]["results"]
got = sorted((x["baselineState"], x["properties"].get("status") or "") for x in r)
assert got == [("absent", "checker-changed"), ("new", "checker-changed"), ("new", "checker-changed"),
               ("unchanged", "")], got
m = open(sys.argv[2]).read()
assert re.search(r"^6\.12 .* \+0 -0 ~3$", m, re.M), m
' "$tmp/cc/6.12.sarif" "$tmp/cc.matrix"

# malformed records: one line naming the file and the field, exit 2
bad_record() {
	local name=$1 edit=$2 want=$3 err status
	python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
exec(sys.argv[3])
json.dump(d, open(sys.argv[2], "w"))
' "$tmp/recs/6.12.version.json" "$tmp/$name.version.json" "$edit"
	err=$("$mmucheck" batch -o "$tmp/x" "$tmp/recs/6.1.version.json" "$tmp/$name.version.json" 2>&1 >/dev/null)
	status=$?
	if [ "$status" -ne 2 ] || [ "$(wc -l <<<"$err")" -ne 1 ] ||
		[[ $err != *"$tmp/$name.version.json: $want"* ]]; then
		echo "exit $status: $err"
		return 1
	fi
}
expect "a record without made_by.model: one line, file and field, exit 2" \
	bad_record nomodel 'del d["made_by"]["model"]' "made_by.model: missing"
expect "a finding's line not a number: one line, file and field, exit 2" \
	bad_record badline 'd["findings"][0]["line"] = "x"' "findings[0].line: not an integer"
expect "a trace step out of the tree: one line, file and field, exit 2" \
	bad_record climbs 'd["findings"][0]["trace"][0]["file"] = "../../etc/passwd"' \
	"findings[0].trace[0].file: a file outside the tree"
expect "an unknown engine: one line, file and field, exit 2" \
	bad_record engine 'd["findings"][0]["engines"] = ["sparse"]' "findings[0].engines[0]:"
printf '{"format": ' >"$tmp/cut.version.json"
cut_record() {
	local err
	err=$("$mmucheck" batch -o "$tmp/x" "$tmp/cut.version.json" 2>&1 >/dev/null)
	[ $? -eq 2 ] && [ "$(wc -l <<<"$err")" -eq 1 ] && [[ $err == *"cut.version.json: not JSON"* ]]
}
expect "a record cut short: one line, not JSON, exit 2" cut_record
two_records() {
	local err
	err=$("$mmucheck" batch --record -o "$tmp/x" "a=$s1:$b1" "b=$s2:$b2" 2>&1 >/dev/null)
	[ $? -eq 2 ] && [ "$(wc -l <<<"$err")" -eq 1 ]
}
expect "batch --record with two versions: one line, exit 2" two_records

# the README's make -j recipe, a rule a record (the checker alone here:
# the semantic patches' part is the parallel run's above)
mkdir -p "$tmp/mk"
cat >"$tmp/mk/Makefile" <<EOF
SRC_6.1 = $s1
BUILD_6.1 = $b1
SRC_6.12 = $s2
BUILD_6.12 = $b2
recs/%.version.json:
	$mmucheck batch --record --no-cocci -o recs \$*=\$(SRC_\$*):\$(BUILD_\$*) >/dev/null
report/report.json: recs/6.1.version.json recs/6.12.version.json
	$mmucheck batch -o report \$^ >/dev/null
EOF
make -s -C "$tmp/mk" -j2 report/report.json >"$tmp/mk.out" 2>&1
st=$?
expect "make -j2 over the README's rules: a record a version, then the report" \
	sh -c "[ $st -eq 0 ] && [ -s '$tmp/mk/recs/6.1.version.json' ] && [ -s '$tmp/mk/recs/6.12.version.json' ] && [ -s '$tmp/mk/report/report.json' ]" ||
	sed 's/^/#   /' "$tmp/mk.out"
expect "make -j's report: the one process's checker findings, statuses, first and last" python3 -c '
import json, sys
def checker(p):
    return sorted((f["rule"], f["file"], f["function"], f["first"], f["last"], json.dumps(f["status"]))
                  for f in json.load(open(p))["findings"] if "checker" in f["engines"])
a, b = checker(sys.argv[1]), checker(sys.argv[2])
assert a and a == b, (a, b)
' "$tmp/one/report.json" "$tmp/mk/report/report.json"
done_testing
