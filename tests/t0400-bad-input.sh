#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Bad input gets one clear line and a non-zero exit.
. "$(dirname "$0")/lib.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# one_line STATUS PATTERN COMMAND...: fails unless the command exits STATUS
# and its stderr, Kbuild-style progress lines ("  PREPARE ...") aside, is one
# line matching PATTERN.
one_line() {
	local want=$1 pattern=$2 status
	shift 2
	"$@" >"$tmp/out" 2>"$tmp/err.all"
	status=$?
	grep -v '^  [A-Z]' "$tmp/err.all" >"$tmp/err"
	[ "$status" -eq "$want" ] || { echo "exit $status, wanted $want"; cat "$tmp/err"; return 1; }
	[ "$(wc -l <"$tmp/err")" -eq 1 ] || { echo "stderr is not one line:"; cat "$tmp/err"; return 1; }
	grep -q -- "$pattern" "$tmp/err" || { echo "no '$pattern' in:"; cat "$tmp/err"; return 1; }
}

expect "kernel-tree: unknown version" one_line 2 "unknown version '4.2'" "$top/scripts/kernel-tree" 4.2
expect "kernel-tree: no version" one_line 2 "usage" "$top/scripts/kernel-tree"
expect "kernel-tree --out-of-tree: not a source tree" one_line 2 "usage: kernel-tree --out-of-tree SRC BUILD LABEL JOBS" \
	"$top/scripts/kernel-tree" --out-of-tree "$tmp" "$tmp/b" label 1

# A tree whose make prepare fails is reported and never used; the next run
# redoes it (it is not stamped).
mkdir -p "$tmp/cache/linux-source-6.1"
touch "$tmp/cache/linux-source-6.1/.mmucheck-unpacked"
expect "kernel-tree: a tree that fails to prepare" one_line 2 "make prepare failed for 6.1" \
	env MMUCHECK_CACHE="$tmp/cache" "$top/scripts/kernel-tree" 6.1
expect "kernel-tree: the failed tree is not stamped as prepared" test ! -e "$tmp/cache/build-6.1/.mmucheck-prepared"

# cocci-run without spatch on the PATH, and on an unprepared tree.
mkdir -p "$tmp/bin"
for c in bash dirname env; do ln -s "$(command -v $c)" "$tmp/bin/$c"; done
expect "cocci-run: spatch missing" one_line 2 "spatch not found" \
	env PATH="$tmp/bin" bash "$top/scripts/cocci-run" "$tmp" "$tmp" pte-outside-range
expect "cocci-run: unprepared tree" one_line 2 "is not a prepared tree" \
	"$top/scripts/cocci-run" "$tmp" "$tmp" pte-outside-range
expect "cocci-run: unknown rule" one_line 2 "no such rule" \
	"$top/scripts/cocci-run" "$tmp" "$tmp" no-such-rule

# A file Coccinelle cannot parse is reported, not skipped in silence.
printf 'int f(void)\n{\n\tint x = ;\n\treturn x;\n}\n' >"$tmp/broken.c"
expect "cocci-parse: an unparsable file is reported" sh -c \
	"'$top/scripts/cocci-parse' '$tmp/broken.c' | grep -q 'broken.c: note: Coccinelle could not parse'"
expect "cocci-parse: a clean file is quiet" "$top/scripts/cocci-parse" "$top/testcases/6.1/uffd-fill.c"
expect "cocci-parse: an unreadable file" one_line 2 "cannot read" "$top/scripts/cocci-parse" "$tmp/nothing.c"

# deps as a non-root user with something missing: one line, exit 2.
if [ "$(id -u)" -eq 0 ] && id nobody >/dev/null 2>&1; then
	mkdir -p "$tmp/fakebin"
	printf '#!/bin/sh\nexit 1\n' >"$tmp/fakebin/dpkg-query"
	chmod +x "$tmp/fakebin/dpkg-query"
	cp "$top/scripts/deps" "$tmp/deps"
	chmod 755 "$tmp" "$tmp/deps" "$tmp/fakebin"
	expect "deps: not root and packages missing" one_line 2 "missing packages" \
		setpriv --reuid=nobody --regid=nogroup --clear-groups env PATH="$tmp/fakebin:/usr/bin:/bin" bash "$tmp/deps"
fi

# mmucheck diff: outside a work tree, revisions it cannot take, options
# of another command; an empty patch.  Each one line, exit 2.
mm=$top/checker/mmucheck
mkdir -p "$tmp/nogit" "$tmp/repo"
git -C "$tmp/repo" init -q
git -C "$tmp/repo" -c user.name=t -c user.email=t@t commit -q --allow-empty -m empty
expect "diff: not in a git work tree" one_line 2 "is not in a git work tree" "$mm" diff -C "$tmp/nogit"
expect "diff: three revisions" one_line 2 "at most two revisions" "$mm" diff -C "$tmp/repo" HEAD HEAD HEAD
expect "diff: a revision that is not one" one_line 2 "not a revision of" "$mm" diff -C "$tmp/repo" no-such-rev
expect "diff: --patch with two revisions" one_line 2 "one BASE at most" "$mm" diff -C "$tmp/repo" --patch=- HEAD HEAD
: >"$tmp/empty.patch"
expect "diff: an empty patch" one_line 2 "empty, no patch in it" "$mm" diff -C "$tmp/repo" --no-cocci --patch="$tmp/empty.patch"
expect "diff: --kdir does not apply" one_line 2 "diff: --kdir does not apply (it applies to mmucheck FILE..., scan, link)" "$mm" diff --kdir=/tmp
expect "diff: an unknown option" one_line 2 "unknown option '-x'" "$mm" diff -x
expect "--terse outside diff" one_line 2 "mmucheck FILE...: --terse does not apply (it applies to diff)" "$mm" --terse x.c
expect "--patch and --series together" one_line 2 "exclude each other" "$mm" diff --patch=a --series=b
# mmucheck link trusts no summary: each bad one is one line naming the
# file and the field, exit 2, nothing linked.
(cd "$top" && "$mm" -Itestcases/6.1/include -Itestcases/include \
	--summary="$tmp/sums/a/one.json" testcases/6.1/khugepaged-retract-no-range.c &&
	"$mm" -Itestcases/6.1/include -Itestcases/include \
		--summary="$tmp/sums/b/two.json" testcases/6.1/unmap-put-before-end.c)
expect "link: a folder of summaries is read whole, and says how many" \
	sh -c "'$mm' link '$tmp/sums' 2>&1 >/dev/null | grep -q 'mmucheck link: 2 summaries read'"
expect "link: no summary" one_line 2 "no summary given" "$mm" link
mkfifo "$tmp/fifo.json"
expect "link: a FIFO is not read (no hang)" one_line 2 "not a summary file or a folder" timeout 10 "$mm" link "$tmp/fifo.json"
expect "link: an empty name" one_line 2 "No such file" "$mm" link ""
mkdir -p "$tmp/none"
expect "link: a folder without summaries" one_line 2 "no .json summary in it" "$mm" link "$tmp/none"
evil() { # NAME PYTHON: a copy of one.json changed by PYTHON (d is the document)
	python3 -c "import json, sys; d = json.load(open(sys.argv[1])); $2; json.dump(d, open(sys.argv[2], 'w'))" \
		"$tmp/sums/a/one.json" "$tmp/$1.json"
}
evil climb 'd["findings"].append(dict(rule="pte-outside-range", file="../../../../etc/shadow", line=1, column=1, function="f", message="m", confidence="high", trace=[], fingerprint="0"))'
expect "link: a file name climbing out of the tree" one_line 2 "findings\[0\].file: a file outside the tree" "$mm" link "$tmp/climb.json"
evil outside 'd["file"] = "/etc/shadow"'
expect "link --kdir: an absolute name outside the tree" one_line 2 "file: a file outside the tree" "$mm" link --kdir="$top/testcases" "$tmp/outside.json"
evil abc 'd["functions"][0]["line"] = "abc"'
expect "link: a line that is not a number" one_line 2 "functions\[0\].line: not an integer" "$mm" link "$tmp/abc.json"
evil huge 'd["functions"][0]["line"] = 1 << 40'
expect "link: a line out of range" one_line 2 "functions\[0\].line: out of range" "$mm" link "$tmp/huge.json"
evil nofns 'd["functions"] = None'
expect "link: functions null" one_line 2 "functions: not an array" "$mm" link "$tmp/nofns.json"
evil open 'd["functions"][[i for i, f in enumerate(d["functions"]) if f["sites"]][0]]["sites"][0]["open"] = "x"'
expect "link: a site's open not a number" one_line 2 "sites\[0\].open: not an integer" "$mm" link "$tmp/open.json"
evil other 'd["made_by"] = "mmucheck summary 0, tool 0, model 0"'
expect "link: summaries of two mmuchecks" one_line 2 "made by another mmucheck" "$mm" link "$tmp/sums/a/one.json" "$tmp/other.json"
printf '{"key": ' >"$tmp/cut.json"
expect "link: not JSON" one_line 2 "not JSON" "$mm" link "$tmp/cut.json"
# Options that do not apply are errors, never ignored; "--" ends them.
case61=testcases/6.1/khugepaged-retract-no-range.c
f61=(-I"$top/testcases/6.1/include" -I"$top/testcases/include")
expect "--summary with two files" one_line 2 "writes one file's summary, not 2 files" \
	"$mm" "${f61[@]}" --summary="$tmp/s.json" "$top/$case61" "$top/testcases/6.1/unmap-put-before-end.c"
for o in --summary=x.json "-p $top" --print-clang-args --dump-cfg --verify --no-tree; do
	name=${o%% *}
	# shellcheck disable=SC2086 # "-p DIR" is two words
	expect "scan $o: does not apply" one_line 2 "scan: ${name%%=*} does not apply" "$mm" scan --kdir="$tmp" $o
done
expect "link --print-clang-args: does not apply" one_line 2 "link: --print-clang-args does not apply" "$mm" link --print-clang-args x.json
# every command refuses the options of the others (the option table's
# "applies" column), before it reads anything
while read -r cmd opt; do
	expect "$cmd $opt: does not apply" one_line 2 "$cmd: ${opt%%[=0-9]*} does not apply" "$mm" "$cmd" "$opt" x
done <<'EOT'
scan --verdicts=v
scan --files-from=l
scan --record
link --kbuild=/tmp
link -j2
link --kernel-version=6.1
batch --format=json
batch --baseline=b
batch --kdir=/tmp
diff --write-baseline=b
diff --summary=s.json
EOT
expect "-jN as make takes it: -jx is a bad number, not a file" one_line 2 "-j: 'x' is not a number of jobs" "$mm" scan -jx
expect "mmucheck FILE --verdicts: does not apply" one_line 2 "mmucheck FILE...: --verdicts does not apply (it applies to batch)" "$mm" --verdicts=v x.c
# link --files-from=LIST: each file LIST names has a summary (a
# distributed run that lost one is an error, not a smaller link)
printf '%s\n' testcases/6.1/khugepaged-retract-no-range.c ./testcases/6.1/unmap-put-before-end.c >"$tmp/list"
expect "link --files-from: every file has its summary" \
	sh -c "'$mm' link --files-from='$tmp/list' '$tmp/sums' 2>&1 >/dev/null | grep -q 'mmucheck link: 2 summaries read'"
printf 'testcases/6.1/rmap-unmap-one.c\n' >>"$tmp/list"
expect "link --files-from: a file without a summary" one_line 2 \
	"link: 1 of the 3 files $tmp/list names have no summary: testcases/6.1/rmap-unmap-one.c" \
	"$mm" link --files-from="$tmp/list" "$tmp/sums"
: >"$tmp/nolist"
expect "link --files-from: an empty list" one_line 2 "names no file" "$mm" link --files-from="$tmp/nolist" "$tmp/sums"
cp "$top/$case61" "$tmp/-dash.c"
dashdash() {
	(cd "$tmp" && "$mm" "${f61[@]}" -- -dash.c) >"$tmp/dash.out" 2>&1
	[ $? -eq 1 ] && grep -q '^./-dash.c:[0-9]*:[0-9]*: warning: ' "$tmp/dash.out"
}
expect "-- ends the options: a file named -dash.c is analysed" dashdash
mkdir -p "$tmp/db"
python3 -c '
import json, sys
top, case = sys.argv[1], sys.argv[2]
json.dump([{"directory": top, "file": case, "arguments": ["cc", "-Itestcases/6.1/include", "-Itestcases/include", "-c", case]}],
          open(sys.argv[3], "w"))' "$top" "$case61" "$tmp/db/compile_commands.json"
compdb_file() {
	local a b
	a=$("$mm" -p "$tmp/db" "$top/$case61" 2>&1)
	b=$("$mm" -p "$tmp/db/compile_commands.json" "$top/$case61" 2>&1)
	[ -n "$a" ] && [ "$a" = "$b" ] && grep -q 'warning: ' <<<"$b"
}
expect "-p takes compile_commands.json itself as its folder" compdb_file
# batch over version records (checker/record.h) made elsewhere: each is
# checked before anything of it is used, one line naming file and field
record() {
	python3 -c '
import json, sys
d = {"format": "mmucheck version record 1", "name": sys.argv[2], "tree": "/nonexistent",
     "build": "/nonexistent", "made_by": {"tool": "t", "summaries": "s", "model": "m",
     "rules": "pte-outside-range", "confidence": "medium"},
     "analysed": 1, "analysed_files": ["mm/a.c"], "failed": [],
     "findings": [{"rule": "pte-outside-range", "file": "mm/a.c", "line": 3, "column": 1,
                   "function": "f", "message": "m", "confidence": "high",
                   "fingerprint": "0123456789abcdef", "engines": ["checker"], "text": "x;",
                   "trace": [{"file": "mm/a.c", "line": 2, "column": 1, "function": "f",
                              "note": "n", "text": "y;"}]}]}
exec(sys.argv[3])
json.dump(d, open(sys.argv[1], "w"))
' "$tmp/$1.version.json" "$1" "${2:-pass}" "${3:-}"
}
record r1
record r2
records_ok() {
	"$mm" batch -o "$tmp/recout" "$tmp/r1.version.json" "$tmp/r2.version.json" >/dev/null 2>&1 &&
		grep -q '"persisting"' "$tmp/recout/report.json"
}
expect "batch over hand-made records, no tree: the finding persists" records_ok
record norules 'del d["made_by"]["rules"]'
expect "batch: a record without made_by.rules: one line naming file and field" \
	one_line 2 "norules.version.json: made_by.rules: missing" "$mm" batch -o "$tmp/recout" "$tmp/r1.version.json" "$tmp/norules.version.json"
record badstep 'd["findings"][0]["trace"][0]["line"] = -1'
expect "batch: a record's trace line out of range: one line naming file and field" \
	one_line 2 "badstep.version.json: findings\[0\].trace\[0\].line: out of range" "$mm" batch -o "$tmp/recout" "$tmp/badstep.version.json"
record oldformat 'd["format"] = "mmucheck version record 0"'
expect "batch: a record of another format: one line" \
	one_line 2 "oldformat.version.json: format: not" "$mm" batch -o "$tmp/recout" "$tmp/oldformat.version.json"
record slash 'd["name"] = "a/b"'
expect "batch: a record whose name has a '/': one line" \
	one_line 2 "slash.version.json: name: " "$mm" batch -o "$tmp/recout" "$tmp/slash.version.json"
expect "batch: a record twice: one line, the name given twice" \
	one_line 2 "the name r1 is given twice" "$mm" batch -o "$tmp/recout" "$tmp/r1.version.json" "$tmp/r1.version.json"
# a file renamed between two versions: the fingerprint holds no file name
record moved 'd["analysed_files"] = ["mm/b.c"]; d["findings"][0]["file"] = "mm/b.c"; d["findings"][0]["trace"][0]["file"] = "mm/b.c"'
renamed() {
	"$mm" batch -o "$tmp/mvout" "$tmp/r1.version.json" "$tmp/moved.version.json" >/dev/null 2>&1 &&
		python3 -c '
import json, sys
f, = json.load(open(sys.argv[1]))["findings"]
assert [s["status"] for s in f["status"]] == ["persisting"], f["status"]
assert f["present"]["r1"]["file"] == "mm/a.c" and f["present"]["moved"]["file"] == "mm/b.c", f["present"]
' "$tmp/mvout/report.json"
}
expect "batch: a finding whose file was renamed persists, at its new name" renamed
# A record's tree is a path made elsewhere: the diff of a file between
# two trees runs without a shell, whatever the path holds.  The second
# finding has another fingerprint and a line one lower, so only the
# place mapped through the diff makes it the same finding.
evil="$tmp/t'; touch '$tmp/pwned'; '"
mkdir -p "$evil-1/mm" "$evil-2/mm"
printf 'a\nb\nx;\n' >"$evil-1/mm/a.c"
printf 'new\na\nb\nx;\n' >"$evil-2/mm/a.c"
record q1 "d[\"tree\"] = sys.argv[4] + \"-1\"" "$evil"
record q2 "d[\"tree\"] = sys.argv[4] + \"-2\"; d[\"findings\"][0].update(line=4, fingerprint=\"fedcba9876543210\")" "$evil"
quoted_tree() {
	"$mm" batch -o "$tmp/qout" "$tmp/q1.version.json" "$tmp/q2.version.json" >/dev/null 2>&1 &&
		[ ! -e "$tmp/pwned" ] && grep -q '"persisting"' "$tmp/qout/report.json"
}
expect "batch: a record's tree with shell quotes: nothing run, the line mapped through the diff" quoted_tree
done_testing
