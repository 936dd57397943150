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
//# Coccinelle does not correlate conditions: a range started under one
//# condition and ended under a condition on the same variable (is_cow,
//# a lazy range.start, a notified flag) is taken as balanced.  Ranges that
//# live in a structure (started by one page-walk callback, ended by
//# another) and ranges received as parameters are not followed.
//
// Confidence: High
// Comments: rule ids and the API model are described in README
// Options: --no-includes --timeout 120

virtual report
virtual org
virtual context

@initialize:python@
@@
import re

facts = {}

def file_facts(name):
    f = facts.get(name)
    if f is None:
        f = facts[name] = {"guards": {}, "printed": set()}
    return f

WORD = re.compile(r"[A-Za-z_]\w*")
IF_RE = re.compile(r"^\s*(?:\}\s*else\s+)?if\s*\((.*)$")
ELSE_RE = re.compile(r"^\s*(?:\}\s*)?else\b")

def indent(text):
    return len(text.expandtabs(8)) - len(text.expandtabs(8).lstrip())

def enclosing_condition(p):
    """The condition of the if (or of the if before an else) whose branch
    holds the line, read from the indentation of the kernel style; the
    path rules that would do this in SmPL cost minutes on rmap.c."""
    f = file_facts(p[0].file)
    if f.get("lines") is None:
        with open(p[0].file, errors="replace") as src:
            f["lines"] = src.readlines()
    lines = f["lines"]
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
            return m.group(1)
        if else_seen:
            continue
        return ""
    return ""

def add_guard(p, cond, kind):
    f = file_facts(p[0].file)
    words = set(WORD.findall(cond)) - {"NULL", "true", "false"}
    if not words:
        return
    f["guards"].setdefault(p[0].current_element, []).append((kind, words))
    f.setdefault("guard_at", {}).setdefault(key(p), set()).update(words)

def key(p):
    return (p[0].file, p[0].line, p[0].column)

def tested_by(p, X):
    """The end at p sits under a condition that reads X."""
    words = file_facts(p[0].file).get("guard_at", {}).get(key(p), set())
    return bool(words & set(WORD.findall(X)))

def guarded(p):
    guards = file_facts(p[0].file)["guards"].get(p[0].current_element, [])
    return any(k == "start" for k, w in guards)

def correlated(p):
    """A start and an end of this function sit under conditions that share
    a variable: the paths Coccinelle would pair are not real."""
    guards = file_facts(p[0].file)["guards"].get(p[0].current_element, [])
    starts = [w for k, w in guards if k == "start"]
    ends = [w for k, w in guards if k == "end"]
    return any(s & e for s in starts for e in ends)

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
mmu_notifier_invalidate_range_start@p(...)

@script:python@
p << gstart.p;
@@
add_guard(p, enclosing_condition(p), "start")

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
add_guard(p, enclosing_condition(p), "end")

// A flag set right after the start ("notified = true") guards the end.
@flagstart@
symbol true;
expression V;
position p;
@@
mmu_notifier_invalidate_range_start@p(...);
V = \(true\|1\);

@script:python@
V << flagstart.V;
p << flagstart.p;
@@
add_guard(p, V, "start")

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
position unended.p : script:python() { not correlated(p) and not hushed(p) };
@@
* mmu_notifier_invalidate_range_start@p(...)

@depends on context@
position nbunended.p : script:python() { not hushed(p) };
@@
* mmu_notifier_invalidate_range_start_nonblock@p(...)

@depends on context@
position unstarted.p : script:python() { not correlated(p) and not hushed(p) };
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
if not correlated(p):
    emit(p, "mmu_notifier_invalidate_range_start() not ended on some path out of %s()" % fn, True)

@script:python depends on report@
p << unended.p;
fn << unended.fn;
@@
if not correlated(p):
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
p << unstarted.p;
fn << unstarted.fn;
@@
if not correlated(p):
    emit(p, "range ended on a path where %s() did not start it" % fn, True)

@script:python depends on report@
p << unstarted.p;
fn << unstarted.fn;
@@
if not correlated(p):
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
