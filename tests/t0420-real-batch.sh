#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# mmucheck batch over the prepared 6.1 and 6.12 trees: each finding
# followed from one to the other by both engines, with the exact
# expectations of testcases/real/ (checker.expect, cocci.expect): the
# LDT alias in both versions, seen by both engines; the semantic patches'
# do_numa_page alarm of 6.1 gone in 6.12, their pte_marker_clear and
# collapse_pte_mapped_thp alarms new in 6.12.  A verdict given once is in
# every version; report.json, one SARIF per version (validated, with
# baselineState against the version before) and the matrix agree.
. "$(dirname "$0")/lib.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
make -s -C "$top/checker" >/dev/null 2>&1
mmucheck=$top/checker/mmucheck
tree 6.1 && s1=$src b1=$build
tree 6.12 && s2=$src b2=$build
if [ -z "${s1:-}" ] || [ -z "${s2:-}" ]; then
	not_ok "the 6.1 and 6.12 trees"
	done_testing
	exit
fi

# the LDT alias's fingerprint, as scan gives it in 6.1
ldt=$(cd "$s1" && "$mmucheck" scan --kdir=. --kbuild="$b1" --format=json 2>/dev/null |
	python3 -c 'import json, sys; print([f["fingerprint"] for f in json.load(sys.stdin)["findings"] if f["function"] == "unmap_ldt_struct"][0])')
printf '# triage\n%s false-alarm the LDT is the kernel'"'"'s own mapping, no secondary MMU mirrors it\n' "$ldt" >"$tmp/verdicts"

"$mmucheck" batch -o "$tmp/out" --verdicts="$tmp/verdicts" "6.1=$s1:$b1" "6.12=$s2:$b2" >"$tmp/matrix" 2>"$tmp/err"
st=$?
sed 's/^/# /' "$tmp/matrix"
expect "batch: exit 0, report.json and a SARIF per version" \
	sh -c "[ $st -eq 0 ] && [ -s '$tmp/out/report.json' ] && [ -s '$tmp/out/6.1.sarif' ] && [ -s '$tmp/out/6.12.sarif' ]"

expect "report.json: both versions analysed, none failed, the counts per engine and rule" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
v = {x["name"]: x for x in d["versions"]}
assert list(v) == ["6.1", "6.12"], list(v)
for x in v.values():
    assert x["analysed"] >= 30 and x["failed"] == 0, x
assert v["6.1"]["findings"]["checker"] == {"range-unbalanced": 0, "pte-outside-range": 1, "page-freed-before-range-end": 0}, v["6.1"]
assert v["6.1"]["findings"]["cocci"] == {"range-unbalanced": 0, "pte-outside-range": 2, "page-freed-before-range-end": 0}, v["6.1"]
assert v["6.12"]["findings"]["cocci"] == {"range-unbalanced": 0, "pte-outside-range": 2, "page-freed-before-range-end": 1}, v["6.12"]
' "$tmp/out/report.json"

expect "report.json: each finding, its engines, first and last version, status, verdict and subsystem" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
got = sorted((f["file"], f["function"], f["rule"], tuple(f["engines"]), f["first"], f["last"],
              tuple(s["status"] for s in f["status"]), (f["verdict"] or {}).get("verdict"))
             for f in d["findings"])
want = sorted([
    ("arch/x86/kernel/ldt.c", "unmap_ldt_struct", "pte-outside-range", ("checker", "cocci"), "6.1", "6.12", ("persisting",), "false-alarm"),
    ("mm/memory.c", "do_numa_page", "pte-outside-range", ("cocci",), "6.1", "6.1", ("fixed",), None),
    ("mm/memory.c", "pte_marker_clear", "pte-outside-range", ("cocci",), "6.12", "6.12", ("new",), None),
    ("mm/khugepaged.c", "collapse_pte_mapped_thp", "page-freed-before-range-end", ("cocci",), "6.12", "6.12", ("new",), None),
])
assert got == want, "\n".join(map(str, got))
# the subsystem: the section of the most specific F: pattern in the MAINTAINERS of the tree
subs = {f["function"]: f["subsystem"] for f in d["findings"]}
assert subs == {"unmap_ldt_struct": "X86 ARCHITECTURE (32-BIT AND 64-BIT)", "do_numa_page": "MEMORY MANAGEMENT",
                "pte_marker_clear": "MEMORY MANAGEMENT", "collapse_pte_mapped_thp": "MEMORY MANAGEMENT"}, subs
ldt = [f for f in d["findings"] if f["function"] == "unmap_ldt_struct"][0]
assert set(ldt["present"]) == {"6.1", "6.12"} and ldt["present"]["6.1"]["line"] > 0, ldt["present"]
steps = ldt["trace"]["6.12"]
assert "pte_clear(" in steps[0]["text"], steps[0]
' "$tmp/out/report.json"

for v in 6.1 6.12; do
	expect "$v.sarif: the validator accepts it" "$top/scripts/sarif-validate" "$tmp/out/$v.sarif"
done
expect "SARIF: 6.1 its two findings new; 6.12 against 6.1: 2 new, 1 unchanged, 1 absent" python3 -c '
import json, sys
def states(p):
    r = json.load(open(p))["runs"][0]
    return sorted(x["baselineState"] for x in r["results"]), r["automationDetails"]["id"]
assert states(sys.argv[1]) == (["new", "new"], "mmucheck/batch/6.1/"), states(sys.argv[1])
assert states(sys.argv[2]) == (["absent", "new", "new", "unchanged"], "mmucheck/batch/6.12/"), states(sys.argv[2])
' "$tmp/out/6.1.sarif" "$tmp/out/6.12.sarif"
expect "the matrix: a line per version, 6.12 +2 -1, none checker-changed" \
	sh -c "grep -q '^6.1 .* +0 -0 ~0\$' '$tmp/matrix' && grep -q '^6.12 .* +2 -1 ~0\$' '$tmp/matrix'"

# index.html as a person sees it: headless Chromium loads it from disk;
# the DOM has the versions and findings of report.json.
browse() {
	timeout 60 chromium --headless --disable-gpu --no-sandbox \
		--user-data-dir="$tmp/profile" "$@" 2>/dev/null
}
browse --dump-dom "file://$tmp/out/index.html" >"$tmp/dom.html"
expect "index.html: the versions' rows and distinct findings, a section a finding, the trend's series" python3 -c '
import json, re, sys
d = json.load(open(sys.argv[1]))
dom = open(sys.argv[2]).read()
rows = re.findall(r"<tr class=\"version\"[^>]*data-name=\"([^\"]*)\"[^>]*data-total=\"(\d+)\"", dom)
want = [(v["name"], str(sum(1 for f in d["findings"] if v["name"] in f["present"]))) for v in d["versions"]]
assert rows == want, (rows, want)
assert len(re.findall(r"<section class=\"finding", dom)) == len(d["findings"]) == 4
assert re.search(r"<svg[^>]*id=\"trend\"", dom) and re.search(r"class=\"series\"", dom)
' "$tmp/out/report.json" "$tmp/dom.html"
art=${MMUCHECK_ARTIFACTS:-/tmp/mmucheck-artifacts}
mkdir -p "$art"
browse --screenshot="$art/t0420-index.png" --window-size=1280,2000 --hide-scrollbars \
	"file://$tmp/out/index.html" >/dev/null
echo "# screenshot: $art/t0420-index.png"
expect "index.html: the screenshot is a PNG" sh -c "head -c 8 '$art/t0420-index.png' | od -An -c | grep -q 'P   N   G'"

bad() {
	local err status
	err=$("$mmucheck" batch "$@" 2>&1 >/dev/null)
	status=$?
	if [ "$status" -ne 2 ] || [ "$(wc -l <<<"$err")" -ne 1 ]; then
		echo "exit $status: $err"
		return 1
	fi
}
expect "batch without -o: one line, exit 2" bad "6.1=$s1:$b1"
expect "batch without a version: one line, exit 2" bad -o "$tmp/x"
expect "batch with NAME=: one line, exit 2" bad -o "$tmp/x" "6.1="
expect "batch with a name twice: one line, exit 2" bad -o "$tmp/x" "a=$s1:$b1" "a=$s2:$b2"
printf 'nothex bug why\n' >"$tmp/badverdicts"
expect "batch with a bad verdicts line: one line naming it, exit 2" bad -o "$tmp/x" --verdicts="$tmp/badverdicts" "6.1=$s1:$b1"
done_testing
