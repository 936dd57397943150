# SPDX-License-Identifier: GPL-2.0
# Shared by the tests/t*.sh scripts: TAP output in the manner of git's
# test-lib.sh, and the prepared kernel trees.

top=$(cd "$(dirname "$0")/.." && pwd)
test_count=0
test_failed=0

ok() {
	test_count=$((test_count + 1))
	echo "ok $test_count - $*"
}

not_ok() {
	test_count=$((test_count + 1))
	test_failed=$((test_failed + 1))
	echo "not ok $test_count - $*"
}

# expect DESCRIPTION COMMAND... : one test, its output shown as a
# TAP comment when it fails.
expect() {
	local what=$1 out
	shift
	if out=$("$@" 2>&1); then
		ok "$what"
	else
		not_ok "$what"
		printf '%s\n' "$out" | sed 's/^/#   /' | head -40
	fi
}

# Sub-TAP from a command that prints its own ok/not ok lines: renumbered.
include_tap() {
	local line
	while IFS= read -r line; do
		case "$line" in
		"ok "*) ok "${line#ok [0-9]* - }" ;;
		"not ok "*) not_ok "${line#not ok [0-9]* - }" ;;
		"#"*) echo "$line" ;;
		esac
	done
}

# tree VERSION: sets src and build for a prepared tree (prepared on demand).
tree() {
	local line
	line=$("$top/scripts/kernel-tree" "$1" | tail -1) || return 1
	src=${line% *}
	build=${line#* }
	# mmucheck's folder for this build (checker/input/inputs.c), outside it
	mmucache=${MMUCHECK_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/mmucheck}/builds/$(realpath "$build" | tr / %)
}

done_testing() {
	echo "1..$test_count"
	[ "$test_failed" -eq 0 ]
}
