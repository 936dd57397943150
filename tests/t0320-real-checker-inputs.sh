#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# The checker fed three ways on the real 6.1 tree gives the same result for
# mm/mprotect.c: Kbuild's own C=2 CHECK=, -p with the compile_commands.json
# of the tree's gen_compile_commands.py, and --kdir/--kbuild.
. "$(dirname "$0")/lib.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mmucheck=$top/checker/mmucheck
file=mm/mprotect.c
fn=change_pmd_range

expect "checker builds" make -s -C "$top/checker"
if ! tree 6.1 >"$tmp/tree.log" 2>&1; then
	not_ok "kernel tree 6.1"
	sed 's/^/#   /' "$tmp/tree.log"
	done_testing
	exit
fi

# Kbuild's CHECK for this test.  Kbuild sinks a command's stdout under
# make -s and turns any failing CHECK into its own exit 2, so the checker's
# stdout and status are kept in files; the arguments are Kbuild's, CHECKFLAGS
# included, passed on untouched.  C=2 also checks scripts/mod/empty.c on the
# way through prepare: only our file is checked.  Each mode is one more run
# on the same arguments, so that make runs once.
cat >"$tmp/check" <<EOF
#!/bin/sh
for last; do :; done
case \$last in */$file) ;; *) exit 0 ;; esac
# the other ways run outside make: compare them with the same exit rules
unset KBUILD_CHECKSRC
"$mmucheck" "\$@" >"$tmp/a.check"; echo \$? >>"$tmp/a.check"
"$mmucheck" --dump-cfg=$fn "\$@" >"$tmp/a.cfg"; echo \$? >>"$tmp/a.cfg"
"$mmucheck" --print-clang-args "\$@" >"$tmp/a.args"
exit 0
EOF
chmod +x "$tmp/check"

kbuild_way() {
	make -C "$src" O="$build" C=2 CHECK="$tmp/check" "${file%.c}.o" \
		>"$tmp/make.log" 2>&1 || { cat "$tmp/make.log"; return 1; }
	[ -s "$tmp/a.check" ] || { echo "CHECK never ran on $file"; cat "$tmp/make.log"; return 1; }
}
expect "(a) make C=2 CHECK=mmucheck ${file%.c}.o" kbuild_way

# way LETTER ARGS...: the checker's stdout and status in $tmp/LETTER.*
way() {
	local w=$1
	shift
	(cd "$tmp" && "$mmucheck" "$@" "$f") >"$tmp/$w.check"
	echo $? >>"$tmp/$w.check"
	(cd "$tmp" && "$mmucheck" --dump-cfg=$fn "$@" "$f") >"$tmp/$w.cfg"
	echo $? >>"$tmp/$w.cfg"
	(cd "$tmp" && "$mmucheck" --print-clang-args "$@" "$f") >"$tmp/$w.args"
}

compdb_way() {
	mkdir -p "$tmp/db"
	python3 "$src/scripts/clang-tools/gen_compile_commands.py" -d "$build" \
		-o "$tmp/db/compile_commands.json" "$build/mm" || return 1
	f=$src/$file way b -p "$tmp/db"
	[ -s "$tmp/b.args" ] || { echo "no arguments printed"; return 1; }
}
expect "(b) -p with the tree's gen_compile_commands.py" compdb_way

kdir_way() {
	f=$file way c --kdir "$src" --kbuild "$build"
	[ -s "$tmp/c.args" ] || { echo "no arguments printed"; return 1; }
}
expect "(c) --kdir SRC --kbuild BUILD $file" kdir_way

# Paths are printed relative to the tree whatever the file was named by
# and wherever the checker runs, as scan, link and Kbuild print them.
tree_relative() {
	(cd /tmp && "$mmucheck" --confidence=low --kdir "$src" --kbuild "$build" "$src/mm/ksm.c") >"$tmp/p1"
	(cd "$src/mm" && "$mmucheck" --confidence=low --kdir "$src" --kbuild "$build" ksm.c) >"$tmp/p2"
	(cd "$src/mm" && "$mmucheck" --confidence=low --format=json --kdir "$src" --kbuild "$build" ksm.c) >"$tmp/p3"
	grep -q '^mm/ksm.c:[0-9]*:[0-9]*: warning: ' "$tmp/p1" || { cat "$tmp/p1"; return 1; }
	! grep -v '^mm/ksm.c:' "$tmp/p1" || return 1
	diff -u "$tmp/p1" "$tmp/p2" || return 1
	python3 -c '
import json, sys
f = json.load(open(sys.argv[1]))["findings"]
assert f and all(x["file"] == "mm/ksm.c" and x["era"] == "6.1" and x["era_from"] == "include/linux/mmu_notifier.h" for x in f), f
assert all(s["file"] == "mm/ksm.c" for x in f for s in x["trace"]), f
' "$tmp/p3"
}
expect "--kdir: tree-relative paths from any folder, the era from the tree's header" tree_relative

same() {
	diff -u "$tmp/$1" "$tmp/$2" && return 0
	echo "$1 and $2 differ"
	return 1
}

for w in b c; do
	expect "(a) and ($w): same stdout and exit status" same a.check $w.check
	expect "(a) and ($w): same --dump-cfg=$fn" same a.cfg $w.cfg
done
expect "--dump-cfg=$fn printed a CFG" grep -q "^function $fn " "$tmp/a.cfg"

# One argument per line, a flag joined to its separate value, paths relative
# to the build directory (Kbuild runs the checker there) made absolute.
normalise() {
	local line
	IFS= read -r line <"$tmp/$1"
	eval "set -- $line"
	printf '%s\n' "$@" | awk '
		pending != "" { print pending $0; pending = ""; next }
		/^(-I|-D|-U|-isystem|-iquote|-idirafter)$/ { pending = $0; next }
		/^(-include|-imacros)$/ { pending = $0 " "; next }
		{ print }' |
		sed -e "s#^\(-I\|-isystem\|-include \)\./#\1$build/#"
}

# Kbuild's sparse CHECKFLAGS that reach clang: it predefines these macros
# itself, and -m64 is in KBUILD_CFLAGS too.
checkflags='^-D\(__linux__\|linux\|__STDC__\|unix\|__unix__\|__x86_64__\)$'

args_b_c() {
	normalise b.args | sort >"$tmp/b.set"
	normalise c.args | sort >"$tmp/c.set"
	diff -u "$tmp/b.set" "$tmp/c.set"
}
expect "(b) and (c): the same clang arguments, order aside" args_b_c

args_a_c() {
	normalise a.args | grep -v "$checkflags" | sort -u >"$tmp/a.set"
	normalise c.args | sort -u >"$tmp/c.uset"
	diff -u "$tmp/a.set" "$tmp/c.uset"
}
expect "(a) and (c): the same clang arguments, Kbuild's CHECKFLAGS aside" args_a_c

unprepared() {
	mkdir -p "$tmp/unprepared"
	(cd "$tmp" && "$mmucheck" --kdir "$src" --kbuild "$tmp/unprepared" "$file") \
		>"$tmp/out" 2>"$tmp/err"
	local status=$?
	[ "$status" -eq 2 ] || { echo "exit $status, wanted 2"; cat "$tmp/err"; return 1; }
	[ "$(wc -l <"$tmp/err")" -eq 1 ] || { echo "stderr is not one line:"; cat "$tmp/err"; return 1; }
	grep -q "is not a prepared kernel build directory" "$tmp/err" || { cat "$tmp/err"; return 1; }
}
expect "--kdir with an unprepared build directory: one line, exit 2" unprepared
done_testing
