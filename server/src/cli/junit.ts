/**
 * `casebook check --format junit`: JUnit XML for CI test reports. One
 * testsuite per file; one testcase per rule that fired there, failing when
 * one of its unsuppressed findings reaches `--fail-on` (each finding a line of
 * the failure), skipped when all its findings are waived; a clean file is
 * one passing testcase. Text is XML-escaped and characters XML 1.0 cannot
 * hold (control characters, lone surrogates) are removed.
 */
import type { Finding } from '../service/types';
import type { CheckReport } from './checkFile';
import { RANK, type FailOn } from './fileOutput';

// Characters XML 1.0 cannot hold (C0/C1 controls, noncharacters, lone surrogates): removed, never escaped.
const NOT_XML =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function xmlText(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Attribute values also keep their tabs and line breaks (a parser would turn them into spaces). */
function attr(text: string): string {
  return xmlText(text).replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

const failing = (f: Finding, failOn: FailOn) => !f.suppressed && failOn !== 'none' && RANK[f.severity] >= RANK[failOn];

export function formatJunit(report: CheckReport, failOn: FailOn): string {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  let skipped = 0;
  for (const file of report.files) {
    const byRule = new Map<string, Finding[]>();
    for (const f of file.findings) {
      const list = byRule.get(f.rule);
      if (list) list.push(f);
      else byRule.set(f.rule, [f]);
    }
    const cases: string[] = [];
    let suiteFailures = 0;
    let suiteSkipped = 0;
    const name = attr(file.file);
    for (const [rule, findings] of byRule) {
      const where = (f: Finding) => `${file.file}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.message}`;
      const open = `    <testcase classname="${name}" name="${attr(rule)}">`;
      const fails = findings.filter((f) => failing(f, failOn));
      const live = findings.filter((f) => !f.suppressed);
      if (fails.length > 0) {
        suiteFailures++;
        cases.push(
          `${open}\n      <failure type="${fails[0]!.severity}" message="${attr(fails[0]!.message)}">${xmlText(fails.map(where).join('\n'))}</failure>\n    </testcase>`,
        );
      } else if (live.length === 0) {
        suiteSkipped++;
        const reasons = findings.map((f) => f.suppression?.reason ?? '').filter(Boolean);
        cases.push(`${open}\n      <skipped message="${attr(reasons.join('; ') || 'waived')}"/>\n    </testcase>`);
      } else {
        cases.push(`${open}\n      <system-out>${xmlText(live.map(where).join('\n'))}</system-out>\n    </testcase>`);
      }
    }
    if (cases.length === 0) cases.push(`    <testcase classname="${name}" name="casebook"/>`);
    tests += cases.length;
    failures += suiteFailures;
    skipped += suiteSkipped;
    suites.push(
      `  <testsuite name="${name}" tests="${cases.length}" failures="${suiteFailures}" errors="0" skipped="${suiteSkipped}">\n${cases.join('\n')}\n  </testsuite>`,
    );
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="casebook" tests="${tests}" failures="${failures}" errors="0" skipped="${skipped}">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}
