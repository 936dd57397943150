#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# The summary cache under stress, on a few files of the prepared 6.1
# tree: a cache that cannot be written costs one warning, not the scan;
# a scan killed (SIGINT, SIGKILL) leaves no partial entry and the rerun
# equals a clean run; a truncated or garbage entry is recomputed; two
# scans at once on one cache give the same findings.
. "$(dirname "$0")/lib.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
make -s -C "$top/checker" >/dev/null 2>&1
mmucheck=$top/checker/mmucheck
tree 6.1 || { not_ok "6.1 tree"; done_testing; exit; }
paths=(arch/x86/kernel/ldt.c mm/madvise.c mm/mprotect.c mm/mremap.c mm/migrate.c)
mkdir -p "$tmp/t"
export TMPDIR=$tmp/t
scan() { # CACHE OUT: the scan of paths with that cache
	(cd "$src" && MMUCHECK_CACHE=$1 "$mmucheck" scan --kdir=. --kbuild="$build" "${paths[@]}") >"$2" 2>"$2.err"
}
summaries() { find "$1" -name '*.json' -path '*summaries*' | sort; }
partial() { find "$1" -name '*.tmp*' | head -3; }

scan "$tmp/clean" "$tmp/want"
want_status=$?
echo "# $(grep '^mmucheck scan:' "$tmp/want.err")"
expect "a clean scan: exit 1, the LDT alias its one finding (testcases/real/6.1)" \
	sh -c "[ $want_status -eq 1 ] && grep -q ' 0 failed' '$tmp/want.err' &&
		[ \$(grep -c ': warning: ' '$tmp/want') -eq 1 ] &&
		grep -q '^arch/x86/kernel/ldt.c:.*in unmap_ldt_struct()' '$tmp/want'" || cat "$tmp/want"
analysed=$(grep -o '[0-9]* analysed' "$tmp/want.err" | grep -o '[0-9]*')

# a cache that cannot be written: a file stands where the folder goes
touch "$tmp/notadir"
scan "$tmp/notadir/cache" "$tmp/ro"
st=$?
expect "unwritable cache: the same exit and findings" sh -c "[ $st -eq $want_status ] && diff -u '$tmp/want' '$tmp/ro'"
expect "unwritable cache: one warning saying so" \
	sh -c "[ \$(grep -c 'warning: cannot write mmucheck.s cache .*Not a directory' '$tmp/ro.err') -eq 1 ]"
expect "unwritable cache: its temporary folder is gone after" sh -c "[ -z \"\$(ls -A '$tmp/t')\" ]"

# killed in the middle of a cold scan, then run again
for sig in INT KILL; do
	c=$tmp/killed-$sig
	(cd "$src" && MMUCHECK_CACHE=$c exec "$mmucheck" scan --kdir=. --kbuild="$build" "${paths[@]}") \
		>/dev/null 2>&1 &
	pid=$!
	# a child at work on a file first
	for _ in $(seq 100); do pgrep -P $pid >/dev/null && break; sleep 0.05; done
	sleep 0.5
	kill -"$sig" -- "$pid" 2>/dev/null
	pkill -"$sig" -P "$pid" 2>/dev/null
	{ wait "$pid"; } 2>/dev/null
	sleep 0.2
	expect "SIG$sig mid-scan: every cache entry left is whole (JSON to its end)" python3 -c '
import json, pathlib, sys
for p in pathlib.Path(sys.argv[1]).rglob("*.json"):
    json.load(open(p))' "$c"
	scan "$c" "$tmp/again-$sig"
	expect "SIG$sig mid-scan: the rerun equals a clean run" diff -u "$tmp/want" "$tmp/again-$sig"
done

# a truncated entry and a garbage one: recomputed, the same findings
mapfile -t entries < <(summaries "$tmp/clean")
expect "the clean cache has an entry an analysed file (${#entries[*]})" test "${#entries[*]}" -eq "$analysed"
head -c 100 "${entries[0]}" >"$tmp/cut" && cp "$tmp/cut" "${entries[0]}"
printf 'garbage\0\377' >"${entries[1]}"
scan "$tmp/clean" "$tmp/repaired"
expect "a truncated and a garbage entry: recomputed (2 analysed anew)" \
	grep -q "$analysed analysed ($((analysed - 2)) from cache)" "$tmp/repaired.err"
expect "a truncated and a garbage entry: the same findings" diff -u "$tmp/want" "$tmp/repaired"

# two scans at once on one cache folder; every rename of a summary
# waits half a second (tests/helper/fault.so), so that the two write the
# same entries at the same time on every run: a temporary name shared by
# the two lost one scan's entry (and its findings) once in a few CI runs
make -s -C "$top/checker" test-helpers >/dev/null 2>&1
slow() { LD_PRELOAD=$top/checker/tests/helper/fault.so MMUCHECK_FAULT_SLOW_RENAME=.json scan "$@"; }
slow "$tmp/shared" "$tmp/one" &
slow "$tmp/shared" "$tmp/two"
wait
expect "two scans at once on one cache: the same findings as a clean run" \
	sh -c "diff -u '$tmp/want' '$tmp/one' && diff -u '$tmp/want' '$tmp/two'"
expect "two scans at once on one cache: neither failed to write an entry" \
	sh -c "! grep -h 'cannot write\\| failed' '$tmp/one.err' '$tmp/two.err' | grep -v ' 0 failed'"
expect "two scans at once: no partial entry left" sh -c "[ -z \"\$(partial '$tmp/shared')\" ]"
done_testing
