#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# The libFuzzer targets (checker/tests/fuzz: the diff and patch reader,
# the summary schema check) build, run a short while without a crash,
# and every crash input ever found (tests/fuzz-crashes/) runs clean.
# make -C checker fuzz runs them longer (README: the figures).
. "$(dirname "$0")/lib.sh"
out=$("$top/tests/fuzz-run" "${MMUCHECK_FUZZ_SECONDS:-10}" 2>&1)
st=$?
printf '%s\n' "$out" | sed 's/^/# /'
expect "each fuzzer runs ${MMUCHECK_FUZZ_SECONDS:-10} s without a crash, and many inputs" \
	sh -c "[ $st -eq 0 ] && [ \$(grep -c ' runs in .* no crash' <<'EOT'
$out
EOT
) -eq 2 ]"
for f in "$top"/tests/fuzz-crashes/*-crash-* "$top"/tests/fuzz-crashes/*-leak-*; do
	[ -e "$f" ] || continue
	t=$(basename "$f")
	expect "the crash input $t runs clean now" "$top/checker/tests/fuzz/${t%%-*}" "$f"
done
done_testing
