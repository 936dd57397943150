#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# The HTML page of a batch report (checker/report/html.c), looked at as a
# person does: a report.json made here (three versions, five findings with
# every status, checker-changed too, one without a verdict, hostile markup,
# bytes that are not UTF-8) rendered by the test helper, loaded from disk in headless
# Chromium, and the DOM it builds read back: the rows, the plot's series,
# the escaping, nothing fetched from outside.  The screenshot is kept as
# an artifact.  Fast: no kernel tree.
. "$(dirname "$0")/lib.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
art=${MMUCHECK_ARTIFACTS:-/tmp/mmucheck-artifacts}
helper=$top/checker/tests/helper/html-report

if ! command -v chromium >/dev/null 2>&1; then
	not_ok "chromium is missing (scripts/deps installs it: make deps)"
	done_testing
	exit
fi

expect "the renderer's helper builds" make -s -C "$top/checker" tests/helper/html-report

python3 - "$tmp/report.json" <<'PY'
import json, sys
A, B, C = "6.1.170-3", "6.1.176-1", "6.1.192-3"
rules = ["pte-outside-range", "page-freed-before-range-end", "range-unbalanced"]
hostile = "</script><img src=x onerror=alert(1)>"
quoted = "/src/6.1.192-3\" onmouseover=\"alert(1)"  # a quote in an attribute

def step(file, line, note, text):
    return {"file": file, "line": line, "note": note, "text": text}

findings = [
    {"id": "3f2a0c9d5e6b7a81", "rule": rules[0], "engines": ["checker", "cocci"],
     "file": "arch/x86/kernel/ldt.c", "function": "unmap_ldt_struct",
     "message": "PTE cleared outside <b>&\"' the range",
     "first": A, "last": C,
     "present": {v: {"file": "arch/x86/kernel/ldt.c", "line": 370} for v in (A, B, C)},
     "status": [{"from": A, "to": A, "status": "new"},
                {"from": B, "to": C, "status": "persisting"}],
     "verdict": {"verdict": "false alarm", "why": "the LDT is not in a user mm"},
     "subsystem": "X86 ARCHITECTURE",
     "trace": {v: [step("arch/x86/kernel/ldt.c", 365, "the range starts", "\tmmu_notifier_invalidate_range_start(&range);"),
                   step("arch/x86/kernel/ldt.c", 370, "PTE cleared here", "\tpte_clear(mm, va, ptep);")]
               for v in (A, C)}},
    {"id": "0b1c2d3e4f506172", "rule": rules[1], "engines": ["checker"],
     "file": "mm/memory.c", "function": "zap_pte_range",
     "message": "page freed before the range ends",
     "first": A, "last": B,
     "present": {A: {"file": "mm/memory.c", "line": 1400}, B: {"file": "mm/memory.c", "line": 1410}},
     "status": [{"from": A, "to": A, "status": "new"},
                {"from": B, "to": B, "status": "persisting"},
                {"from": C, "to": C, "status": "fixed"}],
     "verdict": {"verdict": "bug", "why": "fixed upstream"},
     "subsystem": "MEMORY MANAGEMENT",
     "trace": {B: [step("mm/memory.c", 1410, "freed here", hostile)]}},
    {"id": "aa00bb11cc22dd33", "rule": rules[2], "engines": ["cocci"],
     "file": "mm/khugepaged.c", "function": "collapse_huge_page",
     "message": "range started, never ended",
     "first": B, "last": B,
     "present": {B: {"file": "mm/khugepaged.c", "line": 1100}},
     "status": [{"from": B, "to": B, "status": "new"},
                {"from": C, "to": C, "status": "not-analysed"}],
     "verdict": None, "subsystem": None,
     "trace": {B: [step("mm/khugepaged.c", 1100, "start", "mmu_notifier_invalidate_range_start(&range);")]}},
    {"id": "1234567890abcdef", "rule": rules[0], "engines": ["cocci"],
     "file": "drivers/gpu/drm/i915/gem/i915_gem_userptr.c", "function": "caf\\xe9_\\xc0\\xaf_\\xed\\xa0\\x80_\u00e9\u2603\u0001",
     "message": "PTE cleared outside the range",
     "first": C, "last": C,
     "present": {C: {"file": "drivers/gpu/drm/i915/gem/i915_gem_userptr.c", "line": 80}},
     "status": [{"from": C, "to": C, "status": "checker-changed"}],
     "verdict": {"verdict": "bug", "why": "reported"},
     "subsystem": "INTEL DRM DRIVERS",
     "trace": {C: [step("drivers/gpu/drm/i915/gem/i915_gem_userptr.c", 80, "here", "set_pte(p, 0);")]}},
    {"id": "ffeeddccbbaa9988", "rule": rules[2], "engines": ["checker", "cocci"],
     "file": "/src/6.1.170-3/fs/dax.c", "function": "dax_entry_mkclean",
     "message": "range end missing on the error path",
     "first": A, "last": A,
     "present": {A: {"file": "/src/6.1.170-3/fs/dax.c", "line": 900}},
     "status": [{"from": A, "to": A, "status": "new"},
                {"from": B, "to": C, "status": "fixed"}],
     "verdict": {"verdict": "bug", "why": "fixed in 6.1.171"},
     "subsystem": "FILESYSTEM DIRECT ACCESS (DAX)",
     "trace": {}},
]
versions = []
for v, tree in ((A, "/src/" + A), (B, "/src/" + B), (C, quoted)):
    counts = {e: {r: 0 for r in rules} for e in ("checker", "cocci")}
    for f in findings:
        if v in f["present"]:
            for e in f["engines"]:
                counts[e][f["rule"]] += 1
    versions.append({"name": v, "tree": tree, "analysed": 34, "failed": 1 if v == C else 0,
                     "findings": counts})
json.dump({"tool": "mmucheck 1.0.0+test", "versions": versions, "findings": findings},
          open(sys.argv[1], "w"), indent=1)
PY

page=$tmp/out/index.html
mkdir -p "$tmp/out"
render() {
	"$helper" -x "$tmp/report.json" "mmucheck <batch> & co" >"$page"
}
expect "the helper renders report.json" render
refused() {
	echo '{"versions": 3}' >"$tmp/bad.json"
	! "$helper" "$tmp/bad.json" >"$tmp/bad.html" 2>"$tmp/bad.err" &&
		grep -q 'no "versions" and "findings" arrays' "$tmp/bad.err" &&
		test ! -s "$tmp/bad.html"
}
expect "a report not of the shape is refused, nothing written" refused

# Chromium as root runs without its sandbox; its warnings on stderr are noise.
browse() {
	timeout 60 chromium --headless --disable-gpu --no-sandbox \
		--user-data-dir="$tmp/profile" "$@" 2>/dev/null
}
browse --dump-dom "file://$page" >"$tmp/dom.html"
expect "Chromium loads the page and dumps its DOM" grep -q '</html>' "$tmp/dom.html"

python3 - "$tmp/report.json" "$tmp/dom.html" >"$tmp/dom.tap" <<'PY'
import json, re, sys
from html.parser import HTMLParser

report = json.load(open(sys.argv[1]))
raw = open(sys.argv[2], encoding="utf-8").read()
names = [v["name"] for v in report["versions"]]
found = report["findings"]

class Element:
    def __init__(self, tag, attrs, parent):
        self.tag, self.attrs, self.parent = tag, dict(attrs), parent
        self.children = []  # elements and text, in order
    def classes(self):
        return (self.attrs.get("class") or "").split()
    def elems(self):
        return [c for c in self.children if isinstance(c, Element)]
    def all_text(self):
        return "".join(c if isinstance(c, str) else c.all_text() for c in self.children)
    def walk(self):
        yield self
        for c in self.elems():
            yield from c.walk()

VOID = {"meta", "br", "img", "input", "link", "hr", "col", "source", "wbr"}

class Tree(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = self.cur = Element("#root", [], None)
    def handle_starttag(self, tag, attrs):
        e = Element(tag, attrs, self.cur)
        self.cur.children.append(e)
        if tag not in VOID:
            self.cur = e
    def handle_startendtag(self, tag, attrs):
        self.cur.children.append(Element(tag, attrs, self.cur))
    def handle_endtag(self, tag):
        e = self.cur
        while e is not None and e.tag != tag:
            e = e.parent
        if e is not None and e.parent is not None:
            self.cur = e.parent
    def handle_data(self, data):
        self.cur.children.append(data)

tree = Tree()
tree.feed(raw)
elements = list(tree.root.walk())

def select(tag=None, cls=None, id=None, within=None):
    return [e for e in (within.walk() if within else elements)
            if (tag is None or e.tag == tag) and (cls is None or cls in e.classes())
            and (id is None or e.attrs.get("id") == id)]

n = 0
def check(what, cond, *why):
    global n
    n += 1
    print(("ok" if cond else "not ok"), n, "-", what)
    if not cond:
        for w in why:
            print("#   ", w)

# the expected numbers, worked out here from the report
def present(f, v):
    return v in f["present"]
series = [(r, e) for r in report["versions"][0]["findings"]["checker"]
          for e in ("checker", "cocci")
          if sum(v["findings"][e][r] for v in report["versions"])]
started = lambda v, st: sum(1 for f in found for s in f["status"]
                            if s["from"] == v and s["status"] == st)

rows = select("tr", "version", within=(select("table", id="versions") or [tree.root])[0])
check("versions: one row a version", len(rows) == 3, [r.attrs for r in rows])
check("versions: each row's data-total is the findings present in it",
      [r.attrs.get("data-total") for r in rows] ==
      [str(sum(present(f, v) for f in found)) for v in names],
      [r.attrs.get("data-total") for r in rows])
counts = [[(c.attrs.get("data-rule"), c.attrs.get("data-engine"), c.attrs.get("data-count"))
           for c in select("td", "count", within=r)] for r in rows]
check("versions: a count per rule and engine, the report's",
      counts == [[(r, e, str(v["findings"][e][r])) for r in v["findings"]["checker"]
                  for e in ("checker", "cocci")] for v in report["versions"]], counts)
check("versions: +new and -fixed from the statuses",
      [(r.attrs.get("data-new"), r.attrs.get("data-fixed")) for r in rows] ==
      [(str(started(v, "new")), str(started(v, "fixed"))) for v in names] ==
      [("3", "0"), ("1", "1"), ("0", "1")],
      [(r.attrs.get("data-new"), r.attrs.get("data-fixed")) for r in rows])
check("versions: the names, failed files shown",
      [r.attrs.get("data-name") for r in rows] == names and
      [r.attrs.get("data-failed") for r in rows] == ["0", "0", "1"])

sections = select("section", "finding")
check("findings: five sections, anchored by id",
      [s.attrs.get("id") for s in sections] == ["f-" + f["id"] for f in found],
      [s.attrs.get("id") for s in sections])
traces = [(s.attrs.get("id"), p.attrs.get("data-version")) for s in sections
          for p in select("pre", "trace", within=s)]
check("findings: a trace <pre> per version of each trace, in version order",
      traces == [("f-" + f["id"], v) for f in found for v in names if v in f["trace"]], traces)
links = [a.attrs.get("href") for a in select("a", within=(select("table", id="lifetimes") or [tree.root])[0])]
check("lifetimes: each row links to its finding's section",
      links == ["#f-" + f["id"] for f in found], links)

svg = select("svg", id="trend")
lines = select("polyline", "series", within=svg[0]) if svg else []
check("plot: one series a rule and engine with any finding",
      [(l.attrs.get("data-rule"), l.attrs.get("data-engine")) for l in lines] == series and len(series) == 5,
      [(l.attrs.get("data-rule"), l.attrs.get("data-engine")) for l in lines], series)
check("plot: each series' total the report's",
      [l.attrs.get("data-total") for l in lines] ==
      [str(sum(v["findings"][e][r] for v in report["versions"])) for r, e in series])
points = select(cls="point", within=svg[0]) if svg else []
check("plot: a point with a <title> per series and version",
      len(points) == 3 * len(series) and all(select("title", within=p) for p in points),
      len(points))
labels = [t.all_text() for t in select("text", "version", within=svg[0])] if svg else []
legend = select(cls="legend-entry", within=svg[0]) if svg else []
check("plot: the versions on the x axis, a legend entry per series",
      labels == names and len(legend) == len(series), labels, len(legend))

marks = select(cls="no-verdict")
text_all = tree.root.all_text()
check("verdicts: 'no verdict' once, in the finding without one",
      len(marks) == 1 and text_all.count("no verdict") == 1 and
      "unjudged" in sections[2].classes() and select(cls="no-verdict", within=sections[2]),
      len(marks), text_all.count("no verdict"))
summary = select("p", id="summary")
check("summary: versions, findings, without a verdict",
      summary and (summary[0].attrs.get("data-versions"), summary[0].attrs.get("data-findings"),
                   summary[0].attrs.get("data-unjudged")) == ("3", "5", "1"),
      summary and summary[0].attrs)

check("escaping: the hostile trace text is text, no <img>, no <script>",
      "&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;" in raw and
      not select("img") and not select("script") and
      "</script><img src=x onerror=alert(1)>" in sections[1].all_text())
msg = select("p", "message", within=sections[0])
check("escaping: the message with <b>&\"' is the same text, no <b> in it",
      msg and msg[0].all_text() == found[0]["message"] and not select("b", within=msg[0]),
      msg and msg[0].all_text())
handlers = [(e.tag, k) for e in elements for k in e.attrs if k.startswith("on")]
check("escaping: a quote in an attribute stays in it, no handler attribute",
      not handlers and [r.elems()[0].attrs.get("title") for r in rows] ==
      [v["tree"] for v in report["versions"]], handlers)
title = select("title")
check("escaping: the title given, as text",
      [t.all_text() for t in title[:1]] == ["mmucheck <batch> & co"] and
      select("h1") and select("h1")[0].all_text() == "mmucheck <batch> & co")
func = [c.all_text() for c in select("code", within=sections[3])]
check("escaping: bytes not UTF-8 and controls as U+FFFD, the rest kept",
      func == ["caf\ufffd_\ufffd\ufffd_\ufffd\ufffd\ufffd_\u00e9\u2603\ufffd"], func)

outside = [(e.tag, k, v) for e in elements for k, v in e.attrs.items()
           if k in ("src", "href", "srcset", "action", "data", "poster", "xlink:href")
           and not (v or "").startswith("#")]
check("self-contained: nothing but in-page links", not outside and
      not select("link") and not select("iframe") and not select("object") and
      not re.search(r"url\(|@import", "".join(s.all_text() for s in select("style"))), outside)

def table(id, cls):
    t = select("table", id=id)
    return {r.attrs.get("data-name"): (r.attrs.get("data-total"),
            [c.attrs.get("data-count") for c in select("td", "count", within=r)])
            for r in (select("tr", cls, within=t[0]) if t else [])}
dirs = table("directories", "directory")
check("directories: first component, two under arch/, drivers/ and fs/; tree taken off",
      dirs == {"arch/x86": ("1", ["1", "1", "1"]), "mm": ("2", ["1", "2", "0"]),
               "drivers/gpu": ("1", ["0", "0", "1"]), "fs": ("1", ["1", "0", "0"])}, dirs)
subs = table("subsystems", "subsystem")
check("subsystems: per version, null as (none)",
      subs.get("(none)") == ("1", ["0", "1", "0"]) and len(subs) == 5 and
      subs.get("X86 ARCHITECTURE") == ("1", ["1", "1", "1"]), subs)

agree = {r.attrs.get("data-name"): tuple(r.attrs.get("data-" + k) for k in ("both", "checker-only", "cocci-only"))
         for r in select("tr", "agreement")}
check("engines: both, checker only, cocci only, per version and in all",
      agree == {names[0]: ("2", "1", "0"), names[1]: ("1", "1", "1"),
                names[2]: ("1", "0", "1"), "": ("2", "1", "2")}, agree)

life = [tuple(r.attrs.get("data-" + k) for k in ("first", "last", "present", "fixed-in"))
        for r in select("tr", "lifetime")]
check("lifetimes: first, last, versions present, fixed in",
      life == [(names[0], names[2], "3", ""), (names[0], names[1], "2", names[2]),
               (names[1], names[1], "1", ""), (names[2], names[2], "1", ""),
               (names[0], names[0], "1", names[1])], life)
boxes = [[b.classes() for b in select("span", within=(select("td", "tl", within=r) or [r])[0])]
         for r in select("tr", "lifetime")]
key = select("p", "key")
check("lifetimes: a finding the checker's change brought is checker-changed, in the key too",
      len(boxes) == 5 and boxes[3][2] == ["st-checker-changed"] and
      key and "checker-changed" in key[0].all_text() and
      select(cls="st-checker-changed", within=key[0]), boxes)
outcomes = [r.elems()[5].all_text() if len(r.elems()) > 5 else None
            for r in select("tr", "lifetime")]
check("lifetimes: still present, fixed in, not analysed after",
      outcomes == ["still present", "fixed in " + names[2], "not analysed after " + names[1],
                   "still present", "fixed in " + names[1]], outcomes)
PY
rc=$?
include_tap <"$tmp/dom.tap"
expect "the checks of the DOM ran to their end" test "$rc" -eq 0

mkdir -p "$art"
shot=$art/t0130-index.png
rm -f "$shot"
browse --screenshot="$shot" --window-size=1280,2000 --hide-scrollbars "file://$page" >/dev/null
echo "# screenshot: $shot"
expect "the screenshot is a 1280x2000 PNG of some size" python3 -c '
import struct, sys
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
w, h = struct.unpack(">II", data[16:24])
assert (w, h) == (1280, 2000), (w, h)
assert len(data) > 50000, len(data)
' "$shot"
done_testing
