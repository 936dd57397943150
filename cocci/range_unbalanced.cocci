// SPDX-License-Identifier: GPL-2.0-only
/// [range-unbalanced] Find mmu notifier ranges that are started and not
/// ended, ended and not started, ended after a failed non-blocking start,
/// or started twice.
///
/// mmu_notifier_invalidate_range_start() and _end() must be paired: a
/// secondary MMU (KVM, HMM mirrors) stops establishing mappings at start and
/// resumes at end, so a missing end blocks it (KVM spins in
/// mmu_invalidate_retry) and an unmatched end corrupts its counters.  A
/// failed mmu_notifier_invalidate_range_start_nonblock() (non-zero return)
/// must not be followed by an end.  A start is reported where it is made
/// (naming no exit: every path out of the function that skips the end is
/// the bug); an end where it is made.
///
//# Coccinelle does not correlate conditions; the rule pairs a start with
//# an end whose test reads the start's own bounds (a lazy range.start,
//# "mmun_end > mmun_start"), repeats the start's test, negates it (a lazy
//# start under "!notified") or reads a flag set right after the start,
//# when nothing assigns the test's variables between the two (docs/
//# kernel-api.md E.6).  A start so paired is still reported when a path
//# leaves without passing that test (an early return).  A start that
//# returns 0 when it opened (follow_pte_pmd(), follow_invalidate_pte() of
//# their eras, given a range) is followed from "if (start(...))" only, and
//# an end after any such call is not taken for an end without a start.
//# Ranges that live in a structure (started by one page-walk callback,
//# ended by another) and ranges received as parameters are not followed.
//
// Confidence: High
// Comments: rule ids and the API model are described in README
// Options: --no-includes --timeout 120

virtual report
virtual org
virtual context

@initialize:python@
@@
import os
import re

facts = {}
eras = {}

def file_facts(name):
    f = facts.get(name)
    if f is None:
        f = facts[name] = {"starts": {}, "ends": {}, "start_at": {},
                           "end_at": {}, "gated": {}, "ungated": {},
                           "printed": set(), "lines": None}
    return f

WORD = re.compile(r"[A-Za-z_]\w*")
NOT_VARS = {"NULL", "true", "false"}
IF_RE = re.compile(r"^\s*(?:\}\s*else\s+)?if\s*\((.*)$")
ELSE_RE = re.compile(r"^\s*(?:\}\s*)?else\b")
FLAG_VALUE = re.compile(r"^\s*=\s*(true|1|false|0)\s*;")

# BEGIN mmucheck-model era
# Generated from checker/model/*.def by scripts/gen-cocci: do not edit by hand.
# ERA(from, text, present, to) rows: the era of an mmu_notifier.h
ERA_ROWS = (
    (0, "arch_invalidate_secondary_tlbs", True, 606),
    (0, "invalidate_range_only_end", True, 415),
    (0, "invalidate_page", True, 412),
    (0, "mmu_notifier_range_init", False, 414),
    (0, "", True, 500),
    (606, "set_pte_at_notify", False, 610),
    (415, "struct mmu_notifier_range {", True, 603),
    (603, "struct vm_area_struct *vma;", True, 601),
    (415, "start_nonblock", True, 419),
    (603, "enum mmu_notifier_event", False, 501),
    (601, "init_owner", False, 508),
    (508, "init_migrate", True, 513),
)
# BOUNDARY(cpu_flush_is_secondary): from this version on the CPU TLB
# flush also invalidates the secondary TLBs.
CPU_FLUSH_IS_SECONDARY = 606

def era_of_header(text):
    """The version (major * 100 + minor) an mmu_notifier.h looks like:
    the rows are tried in order, as by checker/model/era.c."""
    version = 0
    for start, mark, present, to in ERA_ROWS:
        if start == version and (mark in text) == present:
            version = to
    return version
# END mmucheck-model era

# BEGIN mmucheck-model try-starts
# Generated from checker/model/*.def by scripts/gen-cocci: do not edit by hand.
# API(name, RANGE_START_TRY, first, last, ...) rows: a call that starts
# a range when it returns 0, given somewhere to put it.
TRY_STARTS = (
    ("follow_pte_pmd", 413, 420),
    ("follow_pte_pmd", 500, 513),
    ("follow_invalidate_pte", 512, 601),
)
# END mmucheck-model try-starts

# BEGIN mmucheck-model range-fields
# Generated from checker/model/*.def by scripts/gen-cocci: do not edit by hand.
# RANGE_START_FIELD, RANGE_END_FIELD: the members of struct
# mmu_notifier_range a set-up range has non-zero, end above start.
RANGE_FIELDS = ("start", "end")
# END mmucheck-model range-fields

def source_lines(name):
    f = file_facts(name)
    if f["lines"] is None:
        try:
            with open(name, errors="replace") as src:
                f["lines"] = src.readlines()
        except OSError:
            f["lines"] = []
    return f["lines"]

def spelling(p):
    """The identifier at a position (the call matched by a disjunction)."""
    lines = source_lines(p[0].file)
    line = int(p[0].line)
    if line > len(lines):
        return "?"
    return lines[line - 1][int(p[0].column):int(p[0].column_end)]

def tree_era(name):
    """The version the tree's include/linux/mmu_notifier.h looks like (the
    rows of checker/model/era.def), or 0 when the file is in no tree."""
    d = os.path.dirname(os.path.abspath(name))
    while True:
        if d in eras:
            return eras[d]
        header = os.path.join(d, "include", "linux", "mmu_notifier.h")
        if os.path.exists(header):
            with open(header, errors="replace") as h:
                eras[d] = era_of_header(h.read())
            return eras[d]
        parent = os.path.dirname(d)
        if parent == d:
            return 0
        d = parent

def asks_for_range(p, R):
    """A conditional start of its era given somewhere to put the range:
    with NULL (follow_pte() and follow_pfn() lookups) it opens none."""
    if R.strip() in ("NULL", "0"):
        return False
    era = tree_era(p[0].file)
    name = spelling(p)
    return not era or any(n == name and first <= era <= last
                          for n, first, last in TRY_STARTS)

def indent(text):
    return len(text.expandtabs(8)) - len(text.expandtabs(8).lstrip())

def norm(text):
    return re.sub(r"\s+", "", text)

def condition(lines, j, rest):
    """The whole condition of the if at line j, whose text after "if ("
    is rest: up to the parenthesis that closes it."""
    text, depth = "", 1
    while True:
        for ch in rest:
            depth += {"(": 1, ")": -1}.get(ch, 0)
            if depth == 0:
                return text
            text += ch
        j += 1
        if j >= len(lines):
            return ""
        rest = lines[j]

def enclosing_condition(p):
    """The condition of the if (or of the if before an else) whose branch
    holds the line, read from the indentation of the kernel style; the
    path rules that would do this in SmPL cost minutes on rmap.c."""
    lines = source_lines(p[0].file)
    i = int(p[0].line) - 1
    depth = indent(lines[i])
    else_seen = False
    for j in range(i - 1, max(-1, i - 200), -1):
        text = lines[j]
        if not text.strip() or text.lstrip().startswith(("*", "/*", "//", "#")):
            continue
        if indent(text) >= depth:
            continue
        if ELSE_RE.match(text) and not IF_RE.match(text):
            else_seen = True
            depth = indent(text) + 1
            continue
        m = IF_RE.match(text)
        if m:
            return norm(condition(lines, j, m.group(1)))
        if else_seen:
            continue
        return ""
    return ""

def key(p):
    return (p[0].file, p[0].line, p[0].column)

def site(f, table, p):
    """The record of a start or an end of the function."""
    k = key(p)
    if k not in f[table]:
        r = f[table][k] = {"line": int(p[0].line), "cond": "",
                           "bounds": set(), "flags": set(), "tests": set()}
        f["starts" if table == "start_at" else "ends"].setdefault(
            p[0].current_element, []).append(r)
    return f[table][k]

def add_start(p):
    f = file_facts(p[0].file)
    site(f, "start_at", p)["cond"] = enclosing_condition(p)

def add_bounds(p, words):
    """What the start sets: its (mm, start, end) bounds, or the range and
    the members range_init fills in."""
    f = file_facts(p[0].file)
    site(f, "start_at", p)["bounds"] |= words

def add_flag(p, V):
    """A flag set right after the start ("notified = true")."""
    f = file_facts(p[0].file)
    site(f, "start_at", p)["flags"].add(norm(V))

def add_end(p):
    """An end, and the innermost test it sits under."""
    f = file_facts(p[0].file)
    site(f, "end_at", p)["cond"] = enclosing_condition(p)

def add_gated_end(pe, C):
    """A test C the end sits under, as Coccinelle reads it (rule ungated
    is in its terms)."""
    f = file_facts(pe[0].file)
    site(f, "end_at", pe)["tests"].add(norm(C))

def assigned_between(name, c, lo, hi, for_start, own_set):
    """Is a variable of the end's test c given a value, on a line between
    lo and hi, that breaks the pairing?  For a start left open, a value
    that can make the test false; for an end without a start, one that can
    make it true.  A flag set to true (or cleared) goes one way only, and
    own_set: the flag set with the start is part of it."""
    positive = not c.startswith("!")
    words = set(WORD.findall(c)) - NOT_VARS
    for text in source_lines(name)[lo:hi - 1]:
        for w in words:
            for m in re.finditer(r"(?<![\w.>])%s\s*(=(?!=)|\+=|-=|\|=|&=|\+\+|--)" % re.escape(w), text):
                v = FLAG_VALUE.match(text[m.end() - 1:]) if m.group(1) == "=" else None
                if v and (v.group(1) in ("true", "1")) == positive and (for_start or own_set):
                    continue
                if v and (v.group(1) in ("true", "1")) != positive and not for_start:
                    continue
                return True
            if re.search(r"(\+\+|--)\s*%s\b" % re.escape(w), text):
                return True
    return False

def paired(name, s, e, for_start):
    """Does the end's test say that the start was made?  It reads the
    values the start set, or is the start's own test (or its negation, a
    lazy start), or the flag set right after it - and nothing assigns its
    variables between the two (docs/kernel-api.md E.6)."""
    c = e["cond"]
    words = set(WORD.findall(c)) - NOT_VARS
    if not words:
        return False
    lo, hi = sorted((s["line"], e["line"]))
    sc = s["cond"]
    own = c in s["flags"] or sc in ("!" + c, "!(" + c + ")")
    if assigned_between(name, c, lo, hi, for_start, own):
        return False
    return words <= s["bounds"] or sc == c or own

def start_reported(p):
    """A start with a path out of the function and no end: reported unless
    an end pairs with it and every such path passes a test guarding such an
    end."""
    f = file_facts(p[0].file)
    s = f["start_at"].get(key(p))
    if s is None:
        return True
    tests = set()
    for e in f["ends"].get(p[0].current_element, []):
        if paired(p[0].file, s, e, True):
            tests |= e["tests"] or {e["cond"]}
    return tests <= f["ungated"].get(key(p), set())

def end_reported(p):
    """An end on a path with no start: reported unless a start pairs with
    it (the path that skips the start skips the end too)."""
    f = file_facts(p[0].file)
    e = f["end_at"].get(key(p))
    if e is None:
        return True
    return not any(paired(p[0].file, s, e, False)
                   for s in f["starts"].get(p[0].current_element, []))

def guarded(p):
    s = file_facts(p[0].file)["start_at"].get(key(p))
    return s is not None and bool(s["cond"])

def tested_by(p, X):
    """The end at p sits under a condition that reads X."""
    e = file_facts(p[0].file)["end_at"].get(key(p))
    words = set(WORD.findall(e["cond"])) if e else set()
    return bool(words & set(WORD.findall(X)))

# BEGIN mmucheck-model suppressed
# Generated from checker/model/*.def by scripts/gen-cocci: do not edit by hand.
def suppressed(name, line, rule):
    """A "mmucheck: ignore RULE (reason)" comment on the line or the line
    above silences a false alarm there."""
    try:
        with open(name, errors="replace") as src:
            lines = src.readlines()
    except OSError:
        return False
    near = "".join(lines[max(0, line - 2):line])
    return re.search(r"mmucheck:\s*ignore\s+" + re.escape(rule), near) is not None
# END mmucheck-model suppressed

def hushed(p):
    return suppressed(p[0].file, int(p[0].line), "range-unbalanced")

def emit(p, msg, org):
    if suppressed(p[0].file, int(p[0].line), "range-unbalanced"):
        return
    f = file_facts(p[0].file)
    k = (p[0].file, p[0].line, p[0].column)
    if k in f["printed"]:
        return
    f["printed"].add(k)
    msg = "[range-unbalanced] " + msg
    if org:
        coccilib.org.print_todo(p[0], msg)
    else:
        coccilib.report.print_report(p[0], msg)

// ---------------------------------------------------------------------------
// Conditions around starts and ends (correlated ranges)
// ---------------------------------------------------------------------------

@gstart@
position p;
@@
// BEGIN mmucheck-model range-start@p
// Generated from checker/model/*.def by scripts/gen-cocci: do not edit by hand.
mmu_notifier_invalidate_range_start@p(...)
// END mmucheck-model range-start@p

@script:python@
p << gstart.p;
@@
add_start(p)

// What a start sets: the bounds of a 4.x start, the range of a 5.x one.
@gbounds_old@
expression M, S, E;
position p;
@@
// BEGIN mmucheck-model range-start-old-form@p
// Generated from checker/model/*.def by scripts/gen-cocci: do not edit by hand.
mmu_notifier_invalidate_range_start@p(M, S, E)
// END mmucheck-model range-start-old-form@p

@script:python@
S << gbounds_old.S;
E << gbounds_old.E;
p << gbounds_old.p;
@@
add_bounds(p, set(WORD.findall(S)) | set(WORD.findall(E)))

@gbounds_new@
expression R;
position p;
@@
// BEGIN mmucheck-model range-start-new-form@p
// Generated from checker/model/*.def by scripts/gen-cocci: do not edit by hand.
mmu_notifier_invalidate_range_start@p(&R)
// END mmucheck-model range-start-new-form@p

@script:python@
R << gbounds_new.R;
p << gbounds_new.p;
@@
add_bounds(p, set(WORD.findall(R)) | set(RANGE_FIELDS))

@gend@
position p;
@@
// BEGIN mmucheck-model range-ends@p
// Generated from checker/model/*.def by scripts/gen-cocci: do not edit by hand.
(
mmu_notifier_invalidate_range_end@p(...)
|
mmu_notifier_invalidate_range_only_end@p(...)
)
// END mmucheck-model range-ends@p

@script:python@
p << gend.p;
@@
add_end(p)

// An end under a test, the test as an expression (for ungated below).
@gendif@
expression C;
position pe;
@@
(
if (C)
// BEGIN mmucheck-model range-ends-stmts@pe
// Generated from checker/model/*.def by scripts/gen-cocci: do not edit by hand.
(
mmu_notifier_invalidate_range_end@pe(...);
|
mmu_notifier_invalidate_range_only_end@pe(...);
)
// END mmucheck-model range-ends-stmts@pe
|
if (C) {
  ... when any
  // BEGIN mmucheck-model range-ends-stmts@pe
  // Generated from checker/model/*.def by scripts/gen-cocci: do not edit by hand.
(
  mmu_notifier_invalidate_range_end@pe(...);
|
  mmu_notifier_invalidate_range_only_end@pe(...);
)
  // END mmucheck-model range-ends-stmts@pe
  ... when any
}
)

@script:python@
C << gendif.C;
pe << gendif.pe;
@@
add_gated_end(pe, C)

// A flag set right after the start ("notified = true") guards the end.
@flagstart@
symbol true;
expression V;
position p;
@@
// BEGIN mmucheck-model range-start@p
// Generated from checker/model/*.def by scripts/gen-cocci: do not edit by hand.
mmu_notifier_invalidate_range_start@p(...)
// END mmucheck-model range-start@p
;
V = \(true\|1\);

@script:python@
V << flagstart.V;
p << flagstart.p;
@@
add_flag(p, V)

// A path from a start out of the function that passes neither an end nor
// the test that guards one (an early return, not the skipped end).
@ungated exists@
identifier fn;
expression gendif.C;
local idexpression struct mmu_notifier_range R;
expression M, S, E;
position p;
@@

fn(...) {
... when any
// BEGIN mmucheck-model range-start-stmts-by-form@p
// Generated from checker/model/*.def by scripts/gen-cocci: do not edit by hand.
(
mmu_notifier_invalidate_range_start@p(&R);
|
mmu_notifier_invalidate_range_start@p(M, S, E);
)
// END mmucheck-model range-start-stmts-by-form@p
// BEGIN mmucheck-model range-ends-when
// Generated from checker/model/*.def by scripts/gen-cocci: do not edit by hand.
... when != mmu_notifier_invalidate_range_end(...)
    when != mmu_notifier_invalidate_range_only_end(...)
// END mmucheck-model range-ends-when
    when != C
}

@script:python@
C << gendif.C;
pe << gendif.pe;
p << ungated.p;
@@
if pe[0].current_element == p[0].current_element:
    file_facts(p[0].file)["ungated"].setdefault(key(p), set()).add(norm(C))

// Failure branches of a non-blocking start that leave (skip the VMA).
@nbjump@
position pj;
@@
if (mmu_notifier_invalidate_range_start_nonblock@pj(...)) {
  ...
(
  return ...;
|
  continue;
|
  break;
)
}

// ---------------------------------------------------------------------------
// Detection
// ---------------------------------------------------------------------------

// A range on a local struct mmu_notifier_range, or a 4.x (mm, start, end)
// triple, started and not ended on some path out of the function.
@unended exists@
identifier fn;
local idexpression struct mmu_notifier_range R;
expression M, S, E;
position p;
@@

fn(...) {
... when any
// BEGIN mmucheck-model range-start-stmts-by-form@p
// Generated from checker/model/*.def by scripts/gen-cocci: do not edit by hand.
(
mmu_notifier_invalidate_range_start@p(&R);
|
mmu_notifier_invalidate_range_start@p(M, S, E);
)
// END mmucheck-model range-start-stmts-by-form@p
// BEGIN mmucheck-model range-ends-when
// Generated from checker/model/*.def by scripts/gen-cocci: do not edit by hand.
... when != mmu_notifier_invalidate_range_end(...)
    when != mmu_notifier_invalidate_range_only_end(...)
// END mmucheck-model range-ends-when
}

// The same for a non-blocking start, from its success branch on.
@nbunended exists@
identifier fn;
position p;
statement S;
@@

fn(...) {
... when any
if (mmu_notifier_invalidate_range_start_nonblock@p(...)) S
// BEGIN mmucheck-model range-ends-when
// Generated from checker/model/*.def by scripts/gen-cocci: do not edit by hand.
... when != mmu_notifier_invalidate_range_end(...)
    when != mmu_notifier_invalidate_range_only_end(...)
// END mmucheck-model range-ends-when
}

// The same for a start that opens when it returns 0 (follow_pte_pmd()),
// asked for a range.
@tryunended exists@
identifier fn;
// BEGIN mmucheck-model range-try-metavars
// Generated from checker/model/*.def by scripts/gen-cocci: do not edit by hand.
expression A0, A1, R;
// END mmucheck-model range-try-metavars
position p;
statement S;
@@

fn(...) {
... when any
if (
// BEGIN mmucheck-model range-try-starts@p
// Generated from checker/model/*.def by scripts/gen-cocci: do not edit by hand.
(
follow_pte_pmd@p(A0, A1, R, ...)
|
follow_invalidate_pte@p(A0, A1, R, ...)
)
// END mmucheck-model range-try-starts@p
   ) S
// BEGIN mmucheck-model range-ends-when
// Generated from checker/model/*.def by scripts/gen-cocci: do not edit by hand.
... when != mmu_notifier_invalidate_range_end(...)
    when != mmu_notifier_invalidate_range_only_end(...)
// END mmucheck-model range-ends-when
}

// An end on a path where no start came before it.
@unstarted exists@
identifier fn;
local idexpression struct mmu_notifier_range R;
expression M, S, E;
position p;
@@

fn(...) {
// BEGIN mmucheck-model range-starts-when
// Generated from checker/model/*.def by scripts/gen-cocci: do not edit by hand.
... when != mmu_notifier_invalidate_range_start(...)
    when != mmu_notifier_invalidate_range_start_nonblock(...)
// END mmucheck-model range-starts-when
// BEGIN mmucheck-model range-try-starts-when-also
// Generated from checker/model/*.def by scripts/gen-cocci: do not edit by hand.
    when != follow_pte_pmd(...)
    when != follow_invalidate_pte(...)
// END mmucheck-model range-try-starts-when-also
// BEGIN mmucheck-model range-ends-by-form@p
// Generated from checker/model/*.def by scripts/gen-cocci: do not edit by hand.
(
mmu_notifier_invalidate_range_end@p(&R)
|
mmu_notifier_invalidate_range_only_end@p(&R)
|
mmu_notifier_invalidate_range_end@p(M, S, E)
|
mmu_notifier_invalidate_range_only_end@p(M, S, E)
)
// END mmucheck-model range-ends-by-form@p
... when any
}

// A start while the range is already open.
@twice exists@
position p1, p;
@@

mmu_notifier_invalidate_range_start@p1(...);
// BEGIN mmucheck-model range-ends-when
// Generated from checker/model/*.def by scripts/gen-cocci: do not edit by hand.
... when != mmu_notifier_invalidate_range_end(...)
    when != mmu_notifier_invalidate_range_only_end(...)
// END mmucheck-model range-ends-when
(
mmu_notifier_invalidate_range_start@p(...);
|
mmu_notifier_invalidate_range_start_nonblock@p(...)
)

// An end after a non-blocking start failed: inside the failure branch, or
// after a failure branch that falls through.
@nbfail exists@
position p;
position pn != nbjump.pj;
@@

(
if (mmu_notifier_invalidate_range_start_nonblock(...)) {
  ... when != mmu_notifier_invalidate_range_start(...)
  // BEGIN mmucheck-model range-ends-stmts@p
  // Generated from checker/model/*.def by scripts/gen-cocci: do not edit by hand.
(
  mmu_notifier_invalidate_range_end@p(...);
|
  mmu_notifier_invalidate_range_only_end@p(...);
)
  // END mmucheck-model range-ends-stmts@p
  ... when any
}
|
if (mmu_notifier_invalidate_range_start_nonblock@pn(...)) {
  ...
}
... when != mmu_notifier_invalidate_range_start(...)
// BEGIN mmucheck-model range-ends-stmts@p
// Generated from checker/model/*.def by scripts/gen-cocci: do not edit by hand.
(
mmu_notifier_invalidate_range_end@p(...);
|
mmu_notifier_invalidate_range_only_end@p(...);
)
// END mmucheck-model range-ends-stmts@p
)

// An end after such a start failed: it has ended its range itself.
@tryfail exists@
// BEGIN mmucheck-model range-try-metavars
// Generated from checker/model/*.def by scripts/gen-cocci: do not edit by hand.
expression A0, A1, R;
// END mmucheck-model range-try-metavars
position ps, p;
@@

if (
// BEGIN mmucheck-model range-try-starts@ps
// Generated from checker/model/*.def by scripts/gen-cocci: do not edit by hand.
(
follow_pte_pmd@ps(A0, A1, R, ...)
|
follow_invalidate_pte@ps(A0, A1, R, ...)
)
// END mmucheck-model range-try-starts@ps
   ) {
  // BEGIN mmucheck-model range-starts-when
  // Generated from checker/model/*.def by scripts/gen-cocci: do not edit by hand.
  ... when != mmu_notifier_invalidate_range_start(...)
      when != mmu_notifier_invalidate_range_start_nonblock(...)
  // END mmucheck-model range-starts-when
  // BEGIN mmucheck-model range-ends-stmts@p
  // Generated from checker/model/*.def by scripts/gen-cocci: do not edit by hand.
(
  mmu_notifier_invalidate_range_end@p(...);
|
  mmu_notifier_invalidate_range_only_end@p(...);
)
  // END mmucheck-model range-ends-stmts@p
  ... when any
}

// The result of a non-blocking start kept in a variable, and an end that
// is not under a test of it.
@nbvar exists@
expression X, E;
position p;
@@

X = mmu_notifier_invalidate_range_start_nonblock(...);
... when != X = E
// BEGIN mmucheck-model range-ends-stmts@p
// Generated from checker/model/*.def by scripts/gen-cocci: do not edit by hand.
(
mmu_notifier_invalidate_range_end@p(...);
|
mmu_notifier_invalidate_range_only_end@p(...);
)
// END mmucheck-model range-ends-stmts@p

// ---------------------------------------------------------------------------
// For context mode
// ---------------------------------------------------------------------------

@depends on context@
position unended.p : script:python() { start_reported(p) and not hushed(p) };
identifier fn;
@@
* fn@p(...)

@depends on context@
position nbunended.p : script:python() { not hushed(p) };
identifier fn;
@@
* fn@p(...)

@depends on context@
expression tryunended.R;
position tryunended.p : script:python(R) { asks_for_range(p, R) and not hushed(p) };
identifier fn;
@@
* fn@p(...)

@depends on context@
position unstarted.p : script:python() { end_reported(p) and not hushed(p) };
identifier fn;
@@
* fn@p(...)

@depends on context@
position twice.p1;
position twice.p : script:python(p1) { (p1[0].line != p[0].line or not guarded(p)) and not hushed(p) };
identifier fn;
@@
* fn@p(...)

@depends on context@
position nbfail.p : script:python() { not hushed(p) };
identifier fn;
@@
* fn@p(...)

@depends on context@
expression tryfail.R;
position tryfail.ps;
position tryfail.p : script:python(R, ps) { asks_for_range(ps, R) and not hushed(p) };
identifier fn;
@@
* fn@p(...)

@depends on context@
expression nbvar.X;
position nbvar.p : script:python(X) { not tested_by(p, X) and not hushed(p) };
identifier fn;
@@
* fn@p(...)

// ---------------------------------------------------------------------------
// For org and report mode
// ---------------------------------------------------------------------------

@script:python depends on org@
p << unended.p;
fn << unended.fn;
@@
if start_reported(p):
    emit(p, "mmu_notifier_invalidate_range_start() not ended on some path out of %s()" % fn, True)

@script:python depends on report@
p << unended.p;
fn << unended.fn;
@@
if start_reported(p):
    emit(p, "mmu_notifier_invalidate_range_start() not ended on some path out of %s()" % fn, False)

@script:python depends on org@
p << nbunended.p;
fn << nbunended.fn;
@@
emit(p, "mmu_notifier_invalidate_range_start_nonblock() succeeded and the range is not ended on some path out of %s()" % fn, True)

@script:python depends on report@
p << nbunended.p;
fn << nbunended.fn;
@@
emit(p, "mmu_notifier_invalidate_range_start_nonblock() succeeded and the range is not ended on some path out of %s()" % fn, False)

@script:python depends on org@
p << tryunended.p;
R << tryunended.R;
fn << tryunended.fn;
@@
if asks_for_range(p, R):
    emit(p, "%s() succeeded and the range is not ended on some path out of %s()" % (spelling(p), fn), True)

@script:python depends on report@
p << tryunended.p;
R << tryunended.R;
fn << tryunended.fn;
@@
if asks_for_range(p, R):
    emit(p, "%s() succeeded and the range is not ended on some path out of %s()" % (spelling(p), fn), False)

@script:python depends on org@
p << unstarted.p;
fn << unstarted.fn;
@@
if end_reported(p):
    emit(p, "range ended on a path where %s() did not start it" % fn, True)

@script:python depends on report@
p << unstarted.p;
fn << unstarted.fn;
@@
if end_reported(p):
    emit(p, "range ended on a path where %s() did not start it" % fn, False)

@script:python depends on org@
p << twice.p;
p1 << twice.p1;
@@
# A lazy start under a guard, met again on the next loop iteration.
if p1[0].line != p[0].line or not guarded(p):
        emit(p, "range started again while the one started at line %s is open in %s()" % (p1[0].line, p[0].current_element), True)

@script:python depends on report@
p << twice.p;
p1 << twice.p1;
@@
# A lazy start under a guard, met again on the next loop iteration.
if p1[0].line != p[0].line or not guarded(p):
        emit(p, "range started again while the one started at line %s is open in %s()" % (p1[0].line, p[0].current_element), False)

@script:python depends on org@
p << nbfail.p;
@@
emit(p, "range ended after mmu_notifier_invalidate_range_start_nonblock() failed in %s()" % p[0].current_element, True)

@script:python depends on report@
p << nbfail.p;
@@
emit(p, "range ended after mmu_notifier_invalidate_range_start_nonblock() failed in %s()" % p[0].current_element, False)

@script:python depends on org@
p << tryfail.p;
ps << tryfail.ps;
R << tryfail.R;
@@
if asks_for_range(ps, R):
    emit(p, "range ended after %s() failed, which ends it itself, in %s()" % (spelling(ps), p[0].current_element), True)

@script:python depends on report@
p << tryfail.p;
ps << tryfail.ps;
R << tryfail.R;
@@
if asks_for_range(ps, R):
    emit(p, "range ended after %s() failed, which ends it itself, in %s()" % (spelling(ps), p[0].current_element), False)

@script:python depends on org@
p << nbvar.p;
X << nbvar.X;
@@
if not tested_by(p, X):
        emit(p, "range ended without testing the result of mmu_notifier_invalidate_range_start_nonblock() in %s()" % p[0].current_element, True)

@script:python depends on report@
p << nbvar.p;
X << nbvar.X;
@@
if not tested_by(p, X):
        emit(p, "range ended without testing the result of mmu_notifier_invalidate_range_start_nonblock() in %s()" % p[0].current_element, False)
