/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The report of "mmucheck batch" (DIR/report.json) as one HTML page
 * (DIR/index.html) that a browser shows offline: no script, no external
 * style, font or image; the trend plot is inline SVG.
 *
 * The input, report.json, is this contract with the batch step:
 *
 *   {"tool": "mmucheck 1.0.0+MODEL",
 *    "versions": [                           -- in version order
 *      {"name": "6.1.170-3", "tree": "/path/src",
 *       "analysed": 34, "failed": 0,        -- files
 *       "findings": {                        -- per engine, per rule
 *         "checker": {"pte-outside-range": 1, "range-unbalanced": 0, ...},
 *         "cocci": {"pte-outside-range": 2, ...}},
 *       "made_by": {...}}, ...],             -- its record's (record.h)
 *    "findings": [
 *      {"id": "3f2a...",                     -- 16 hex digits
 *       "rule": "pte-outside-range",
 *       "engines": ["checker", "cocci"],     -- those that report it
 *       "file": "arch/x86/kernel/ldt.c", "function": "unmap_ldt_struct",
 *       "message": "...",
 *       "first": "6.1.170-3", "last": "6.1.192-3",
 *       "present": {"6.1.170-3": {"file": "...", "line": 370}, ...},
 *       "status": [{"from": "6.1.170-3", "to": "6.1.176-1",
 *                   "status": "persisting"}, ...],
 *                  -- "new", "fixed", "persisting", "not-analysed"
 *                  -- or "checker-changed" (came or went as the rules
 *                  -- or the model changed between the two versions);
 *                  -- the status at a version is of the change from
 *                  -- the version before it (none for the first);
 *                  -- from..to: versions in a row with that status
 *       "verdict": {"verdict": "false alarm", "why": "..."} or null,
 *       "introduced_by": {"commit": "...", -- 40 hex digits
 *                         "subject": "...",
 *                         "fixes": "Fixes: 0123456789ab (\"...\")"}
 *                        or null,       -- batch --git: the commit of
 *       "fixed_by": {...} or null,      -- its first new and fixed status
 *       "subsystem": "X86 ARCHITECTURE" or null,
 *       "trace": {"6.1.192-3": [{"file": "...", "line": 370,
 *                                "note": "...", "text": "the line"}]}},
 *      ...]}
 *
 * Required: the two arrays, a name for each version, an object for each
 * finding.  Otherwise a missing string reads as empty, a missing number as
 * 0; versions a finding names that are not in "versions" are left out.  A finding is
 * counted in a version when "present" has it.  "+new" and "-fixed" of a
 * version are the status entries with that status starting there.  The
 * directory of a finding is the first component of its file (the one
 * "present" gives for the version, the tree's prefix taken off), the
 * first two under arch/, drivers/ and fs/, where unrelated code shares
 * the first; "(top)" for a file at the top.
 *
 * The page's parts, with ids and classes stable for tests and scrapers;
 * data-* attributes hold the numbers shown:
 *
 *   p#summary[data-versions][data-findings][data-unjudged]
 *   svg#trend: polyline.series[data-rule][data-engine][data-total], one a
 *     rule and engine with any finding; .point with a <title> each
 *   table#versions: tr.version[data-name][data-total][data-analysed]
 *     [data-failed][data-new][data-fixed], td.count[data-rule]
 *     [data-engine][data-count]; data-total counts distinct findings
 *   table#engines: tr.agreement[data-name][data-both][data-checker-only]
 *     [data-cocci-only], one a version and one "all versions" (.all)
 *   table#directories, table#subsystems: tr.directory, tr.subsystem
 *     [data-name][data-total], td.count[data-version][data-count]
 *   table#lifetimes: tr.lifetime[data-id][data-first][data-last]
 *     [data-present][data-fixed-in] ("" while still present)
 *   section.finding#f-ID (ID's characters other than [A-Za-z0-9_-] as
 *     '_'), .unjudged and one .no-verdict "no verdict" without a
 *     verdict; p.introduced-by[data-commit] with code.fixes, and
 *     p.fixed-by[data-commit], when the report has them;
 *     pre.trace[data-version] per version of its trace
 */
#ifndef MMUCHECK_HTML_H
#define MMUCHECK_HTML_H

#include <stdio.h>

/* jansson's json_t */
struct json_t;

/*
 * Write the page for report under title (NULL: a default one).  0, or
 * -1 with the error said: a report not of the shape above, before
 * anything is written, or a write error, after part of the page may be.
 * Every text of the report is HTML-escaped, bytes not UTF-8 as U+FFFD.
 */
int write_html_report(FILE *out, const struct json_t *report,
		      const char *title);

#endif
