#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# The libFuzzer targets (checker/tests/fuzz: the diff and patch reader,
# the summary schema check, compile_commands.json, the cached Kbuild
# flags and the CHECK= filter, the suppression comments and SARIF line
# hash, the era fingerprints, the checker on arbitrary C) are each in the
# Makefile's FUZZERS, build, run a short while without a crash, and every
# input that ever crashed or timed out a target (tests/fuzz-crashes/) runs
# clean within 10 s.
# 6 s each keeps it under 90 s with the fuzzers to build; make -C checker
# fuzz runs them longer (README: the figures).
. "$(dirname "$0")/lib.sh"
seconds=${MMUCHECK_FUZZ_SECONDS:-6}
read -r -a names <<<"$(make -s --no-print-directory -C "$top/checker" fuzzer-names)"
listed() {
	local f n

	for f in "$top"/checker/tests/fuzz/*.c; do
		n=$(basename "$f" .c)
		[[ " ${names[*]} " == *" $n "* ]] || { echo "$n.c is not in FUZZERS"; return 1; }
	done
	[ ${#names[@]} -ge 7 ]
}
expect "every target of checker/tests/fuzz is in FUZZERS (${#names[@]})" listed
out=$("$top/tests/fuzz-run" "$seconds" 2>&1)
st=$?
printf '%s\n' "$out" | sed 's/^/# /'
expect "each of the ${#names[@]} fuzzers runs $seconds s without a crash" \
	sh -c "[ $st -eq 0 ] && [ \$(grep -c ' runs in .* no crash' <<'EOT'
$out
EOT
) -eq ${#names[@]} ]"
for f in "$top"/tests/fuzz-crashes/*-crash-* "$top"/tests/fuzz-crashes/*-leak-* \
	"$top"/tests/fuzz-crashes/*-timeout-* "$top"/tests/fuzz-crashes/*-slow-unit-*; do
	[ -e "$f" ] || continue
	t=$(basename "$f")
	# a timeout's input too: within 10 s, as a fuzzing run wants it
	expect "the crash input $t runs clean now" "$top/checker/tests/fuzz/${t%%-*}" -timeout=10 "$f"
done
done_testing
