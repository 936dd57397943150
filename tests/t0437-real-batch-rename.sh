#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# mmucheck batch follows a finding into a renamed file whose anchor line
# changed as well (README Reports across versions): a copy of the
# prepared 6.1 tree, R, where arch/x86/kernel/ldt.c is ldt_pti.c (its
# Makefile line too) and the LDT alias's pte_clear() is a ptep_clear().
# The fingerprints differ, so only the diff of ldt.c against ldt_pti.c
# can tell it is one finding: persisting at R, in ldt_pti.c.  Its twin:
# with more than half of ldt.c's lines changed in ldt_pti.c it is no
# longer a rename, and the finding is not-analysed at R (its file gone)
# beside a new one, never "fixed".  The copy's build is a copy; the
# prepared tree and build are not written.
. "$(dirname "$0")/lib.sh"
tmp=$(mktemp -d)
# the copy's folder in the user's cache goes with the copy (its
# summaries are mostly the prepared tree's, taken)
copy_cache=${MMUCHECK_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/mmucheck}/builds/$(echo "$tmp/r/build" | tr / %)
trap 'rm -rf "$tmp" "$copy_cache"' EXIT
make -s -C "$top/checker" >/dev/null 2>&1
mmucheck=$top/checker/mmucheck
tree 6.1 || { not_ok "6.1 tree"; done_testing; exit; }

# hard links: every change below writes a new file (sed -i, mv)
r=$tmp/r/src rb=$tmp/r/build
mkdir -p "$tmp/r"
cp -al "$src" "$r"
cp -a "$build" "$rb"
ln -sfn "$r" "$rb/source"
# the index names ldt.c: without one the copy's files are chosen from
# its Makefiles
rm -f "$r/.id-utils.index"
k=$r/arch/x86/kernel
mv "$k/ldt.c" "$k/ldt_pti.c"
sed -i 's/+= ldt\.o$/+= ldt_pti.o/' "$k/Makefile"
sed -i '/^static void unmap_ldt_struct/,/^}/s/^\t\tpte_clear(mm, va, ptep);$/\t\tptep_clear(mm, va, ptep);/' "$k/ldt_pti.c"
expect "the copy: ldt_pti.c built, its anchor a ptep_clear()" \
	sh -c "grep -q 'ldt_pti.o\$' '$k/Makefile' && grep -q -x -F '		ptep_clear(mm, va, ptep);' '$k/ldt_pti.c' && [ ! -e '$k/ldt.c' ]"

state() { find "$src/arch/x86/kernel" "$build" -printf '%p %T@ %s %l\n' | LC_ALL=C sort; }
state >"$tmp/before"
start=$(date +%s)
"$mmucheck" batch --no-cocci -o "$tmp/out" "6.1=$src:$build" "R=$r:$rb" >"$tmp/matrix" 2>"$tmp/err"
st=$?
echo "# batch over 6.1 and the copy: $(($(date +%s) - start)) s"
[ "$st" -eq 0 ] || sed 's/^/# /' "$tmp/err" | tail -20
expect "batch: exit 0" test "$st" -eq 0

# the LDT findings of report.json: "first last status-at-R FILE:LINE@6.1 FILE:LINE@R"
ldt() {
	python3 -c '
import json, sys
for f in json.load(open(sys.argv[1]))["findings"]:
    if f["function"] != "unmap_ldt_struct":
        continue
    at = lambda n: "%s:%d" % (f["present"][n]["file"], f["present"][n]["line"]) if n in f["present"] else "-"
    st = [s["status"] for s in f["status"] if s["to"] == "R"]
    print(f["first"], f["last"], st[0] if st else "-", at("6.1"), at("R"))' "$1"
}
fp() {
	python3 -c '
import json, sys
print(" ".join(f["fingerprint"] for f in json.load(open(sys.argv[1]))["findings"] if f["function"] == "unmap_ldt_struct"))' "$1"
}
f1=$(fp "$tmp/out/versions/6.1.version.json") f2=$(fp "$tmp/out/versions/R.version.json")
expect "the fingerprints differ: the anchor changed ($f1, $f2)" \
	test -n "$f1" -a -n "$f2" -a "$f1" != "$f2"
expect "renamed and changed: one finding, persisting, ldt.c:370 in 6.1, ldt_pti.c:370 in R" \
	test "$(ldt "$tmp/out/report.json")" = \
	"6.1 R persisting arch/x86/kernel/ldt.c:370 arch/x86/kernel/ldt_pti.c:370"
expect "the prepared tree and build are not written" diff "$tmp/before" <(state)

# the twin: ldt_pti.c keeps fewer than half of ldt.c's lines; the records
# are matched again, no scan
sed -i '1,400s/$/ /' "$k/ldt_pti.c"
"$mmucheck" batch -o "$tmp/twin" "$tmp/out/versions/6.1.version.json" \
	"$tmp/out/versions/R.version.json" >"$tmp/twin.matrix" 2>"$tmp/twin.err"
st=$?
[ "$st" -eq 0 ] || sed 's/^/# /' "$tmp/twin.err" | tail -20
expect "no longer a rename: not-analysed at R, and a new finding in ldt_pti.c" \
	test "$st $(ldt "$tmp/twin/report.json" | LC_ALL=C sort | tr '\n' ';')" = \
	"0 6.1 6.1 not-analysed arch/x86/kernel/ldt.c:370 -;R R new - arch/x86/kernel/ldt_pti.c:370;"
done_testing
