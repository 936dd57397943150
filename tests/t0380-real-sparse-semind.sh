#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# sparse's semind as an independent front end for the call graph: on the
# files mmucheck scan analysed (6.1), every function pointer semind sees
# stored in an initialised local table (".rmap_one = try_to_unmap_one" in
# try_to_unmap()) must be an edge of that function in mmucheck's summaries.
# Also prints what a second, sparse, parse of those files costs: the edges
# come out of the AST the per-file pass builds anyway.
. "$(dirname "$0")/lib.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
make -s -C "$top/checker" >/dev/null 2>&1
mmucheck=$top/checker/mmucheck
tree 6.1 || { not_ok "6.1: tree prepared"; done_testing; exit; }
sums=$mmucache/summaries
[ -d "$sums" ] || (cd "$src" && "$mmucheck" scan --kdir="$src" --kbuild="$build" >/dev/null 2>&1)
(cd "$sums" && find . -name '*.c.json' | sed 's|^\./||; s|\.json$||' | sort) >"$tmp/files"
expect "the scan left summaries" test -s "$tmp/files"

cd "$src" || exit 2
start=$(date +%s.%N)
while read -r f; do
	# the arguments are printed shell-quoted
	args=$("$mmucheck" --kdir="$src" --kbuild="$build" --print-clang-args "$f" | sed 's| [^ ]*$||')
	eval "semind -D '$tmp/semind.sqlite' add -- -D__CHECKER__ $args '$f'" >/dev/null 2>&1
done <"$tmp/files"
end=$(date +%s.%N)
echo "# semind indexed $(wc -l <"$tmp/files") files in $(echo "$end - $start" | bc) s"
expect "semind built an index" test -s "$tmp/semind.sqlite"

semind -D "$tmp/semind.sqlite" search -m r -f '%f|%C|%n|%s' '*' 2>/dev/null |
	awk -F'|' '$2 != "" && $4 ~ "\\.[a-z_0-9]+ *= *&?" $3 "[ ,]*$" { print $1 "|" $2 "|" $3 }' |
	sort -u >"$tmp/semind-edges"
echo "# semind: $(wc -l <"$tmp/semind-edges") function pointers in initialised tables"
python3 - "$sums" "$tmp/semind-edges" >"$tmp/missing" 2>"$tmp/checked" <<'PY'
import json, os, sys
sums, edges = sys.argv[1], sys.argv[2]
have, functions, checked = set(), set(), 0
for d, _, files in os.walk(sums):
    for f in files:
        doc = json.load(open(os.path.join(d, f)))
        for fn in doc["functions"]:
            functions.add(fn["name"])
            for s in fn["sites"]:
                have.add((fn["name"], s["callee"]))
for line in open(edges):
    path, caller, callee = line.strip().split("|")
    # semind names a file-scope table as its own context: not a function
    if caller not in functions:
        continue
    checked += 1
    if (caller, callee) not in have:
        print("%s: %s() -> %s()" % (path, caller, callee))
sys.stderr.write("# %d of them in functions (such as try_to_unmap: .rmap_one), checked\n" % checked)
PY
cat "$tmp/checked"
expect "every such edge semind sees is in mmucheck's summaries" sh -c "! cat '$tmp/missing' | grep ."
done_testing
