#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# The three semantic patches over the corpus: exactly the expected findings,
# engine debt ("cocci: cannot-see", "cocci: false-alarm") counted.
. "$(dirname "$0")/lib.sh"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for rule in "$top"/cocci/*.cocci; do
	(cd "$out" && spatch -D report --very-quiet --no-show-diff --no-includes \
		--timeout 120 --sp-file "$rule" --dir "$top/testcases" \
		-j "$(nproc)") >>"$out/findings" 2>>"$out/errors"
done
expect "spatch reported no errors" test ! -s "$out/errors"
include_tap < <((cd "$top" && tests/verify cocci "$out/findings" testcases/*/*.c))

# Mutants: a correct twin without the test that guards its end ends a
# range on a path where it was not started.
for m in "${guarded_ends[@]}"; do
	f=${m%%|*}
	n=$(cd "$top" && unguard "$f" "${m#*|}" "$out/unguarded.c") || { not_ok "mutant: $f has a guarded end"; continue; }
	expect "mutant: $f without the test of its end at line $n: range-unbalanced there" \
		sh -c "cd '$out' && spatch -D report --very-quiet --no-show-diff --no-includes \
			--sp-file '$top/cocci/range_unbalanced.cocci' unguarded.c |
			grep -q '^unguarded.c:$n:[0-9-]*: \\[range-unbalanced\\]'"
done

# org and context modes mark the same sites as report mode.
for rule in "$top"/cocci/*.cocci; do
	name=$(basename "$rule")
	for mode in report org context; do
		(cd "$out" && spatch -D "$mode" --very-quiet --no-includes --timeout 120 \
			--sp-file "$rule" --dir "$top/testcases" -j "$(nproc)" 2>/dev/null) >"$out/$name.$mode"
	done
	n=$(grep -c '\[' "$out/$name.report")
	o=$(grep -c '^\* TODO' "$out/$name.org")
	c=$(grep -c '^-[^-]' "$out/$name.context")
	expect "$name: MODE=org marks the $n report sites ($o)" test "$o" -eq "$n"
	expect "$name: MODE=context marks the $n report sites ($c)" test "$c" -eq "$n"
done

# The rules follow scripts/coccinelle/ conventions.
for rule in "$top"/cocci/*.cocci; do
	name=$(basename "$rule")
	expect "$name: SPDX first line" grep -q '^// SPDX-License-Identifier: GPL-2.0' <(head -1 "$rule")
	for want in '^/// \[' '^// Confidence: ' '^// Options: ' '^virtual report$' '^virtual org$' '^virtual context$'; do
		expect "$name: has $want" grep -q "$want" "$rule"
	done
	expect "$name: one Options line (coccicheck greps it)" test "$(grep -c 'Options:' "$rule")" -eq 1
done

# The model's names in the rules are the ones scripts/gen-cocci writes from
# checker/model/*.def.
expect "cocci/*.cocci are in step with checker/model/*.def" "$top/scripts/gen-cocci" --check
done_testing
