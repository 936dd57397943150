#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# The semantic patches on the real 6.1 and 6.12 trees through the kernel's own
# make coccicheck: exactly the findings of testcases/real/VERSION/cocci.expect,
# each with a verdict; report, org and context modes agree; M=mm/ works.
. "$(dirname "$0")/lib.sh"
rules="pte-outside-range page-freed-before-range-end range-unbalanced"
for v in 6.1 6.12; do
	tree "$v" || { not_ok "$v: tree prepared"; continue; }
	out=$(mktemp -d)
	start=$(date +%s)
	for r in $rules; do
		"$top/scripts/cocci-run" "$src" "$build" "$r" report >"$out/$r" 2>"$out/$r.err" ||
			not_ok "$v $r: make coccicheck MODE=report"
	done
	echo "# $v: three rules through make coccicheck in $(($(date +%s) - start)) s"
	cat "$out"/pte-outside-range "$out"/page-freed-before-range-end "$out"/range-unbalanced | sort >"$out/all"
	expect "$v: findings match testcases/real/$v/cocci.expect" python3 - "$top/testcases/real/$v/cocci.expect" "$out/all" <<'PY'
import sys
expected, verdicts, bad = set(), 0, []
for line in open(sys.argv[1]):
    if line.startswith("#") or not line.strip():
        continue
    finding, _, verdict = line.rstrip("\n").partition(" | ")
    expected.add(finding)
    if not verdict.startswith(("true bug:", "false alarm:", "debatable:")):
        bad.append("no verdict: " + finding)
got = set(l.rstrip("\n") for l in open(sys.argv[2]) if l.strip())
bad += ["new: " + g for g in sorted(got - expected)]
bad += ["gone: " + e for e in sorted(expected - got)]
print("\n".join(bad))
sys.exit(1 if bad else 0)
PY
	alarms=$(grep -c '| false alarm:' "$top/testcases/real/$v/cocci.expect")
	expect "$v: at most 5 false alarms ($alarms)" test "$alarms" -le 5
	for mode in org context; do
		for r in $rules; do
			"$top/scripts/cocci-run" "$src" "$build" "$r" "$mode" >"$out/$r.$mode" 2>&1 ||
				{ not_ok "$v $r: MODE=$mode"; continue; }
			n=$(wc -l <"$out/$r")
			if [ "$mode" = org ]; then m=$(grep -c '^\* TODO' "$out/$r.$mode"); else m=$(grep -c '^-' "$out/$r.$mode" | tr -d ' '); m=$((m - $(grep -c '^---' "$out/$r.$mode"))); fi
			expect "$v $r: MODE=$mode marks as many sites as report ($m/$n)" test "$m" -eq "$n"
		done
	done
	for r in $rules; do
		"$top/scripts/cocci-run" "$src" "$build" "$r" report M="$src/mm" >"$out/$r.mm" 2>&1 ||
			{ not_ok "$v $r: M=mm/"; continue; }
		want=$(grep -c '^mm/' "$out/$r")
		expect "$v $r: M=mm/ finds the mm/ findings" test "$(grep -c '\[' "$out/$r.mm")" -eq "$want"
	done
	rm -rf "$out"
done
done_testing
