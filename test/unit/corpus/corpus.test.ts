/**
 * The review corpus (issue 9): realistic proposals written as an outside
 * architect would write them, each judged by a reviewer in a sidecar
 * `<name>.expect.yaml`. Every proposal goes through the same public path as
 * `casebook check` (file reading, config, validation, rules, waivers, the
 * real built-in case library), and the findings are held to the reviewer's
 * judgement:
 *
 * - every `must` ({ rule, path? }) fires, on `path` (a prefix of the finding's path) when given;
 * - no `mustNot` rule fires at all;
 * - nothing outside `must` is above `maxSeverity`;
 * - no validation (format) finding unless `expectInvalid: true`.
 *
 * A sidecar with `knownGap` records where the engine disagrees with the
 * reviewer: its assertions are skipped, but it still counts in the
 * precision / recall printed once at the end.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { runCheck, type CheckReport } from '../../../server/src/cli/check';
import type { Finding, Severity } from '../../../server/src/service/types';
import { VALIDATION_RULES } from '../../../server/src/service/validation';

const CORPUS = path.resolve(__dirname, '../../fixtures/corpus');
const RANK: Record<Severity, number> = { hint: 0, info: 1, warning: 2, error: 3 };
const VALIDATION = new Set(VALIDATION_RULES.map((r) => r.id));

interface Must {
  rule: string;
  path?: (string | number)[];
}
interface Expectation {
  must: Must[];
  mustNot: string[];
  maxSeverity: Severity;
  why: string;
  expectInvalid?: boolean;
  knownGap?: string;
}

function readExpectation(file: string): Expectation {
  const raw = parse(fs.readFileSync(file, 'utf8')) as Partial<Expectation> | null;
  assert.ok(raw && typeof raw === 'object', `${file}: not a map`);
  assert.ok(typeof raw.why === 'string' && raw.why.trim(), `${file}: why`);
  assert.ok(raw.maxSeverity && raw.maxSeverity in RANK, `${file}: maxSeverity`);
  for (const m of raw.must ?? []) assert.ok(typeof m.rule === 'string', `${file}: must.rule`);
  return {
    must: raw.must ?? [],
    mustNot: raw.mustNot ?? [],
    maxSeverity: raw.maxSeverity,
    why: raw.why,
    ...(raw.expectInvalid ? { expectInvalid: true } : {}),
    ...(raw.knownGap ? { knownGap: raw.knownGap } : {}),
  };
}

function matches(f: Finding, m: Must): boolean {
  if (f.rule !== m.rule) return false;
  if (!m.path) return true;
  return m.path.every((step, i) => f.path[i] === step);
}

function show(f: Finding): string {
  return `${f.rule} [${f.severity}] at ${JSON.stringify(f.path)} (line ${f.range.start.line + 1}): ${f.message.slice(0, 160)}`;
}

interface Verdict {
  truePositives: number;
  falseNegatives: Must[];
  falsePositives: Finding[];
  invalid: Finding[];
}

function judge(findings: Finding[], e: Expectation): Verdict {
  const live = findings.filter((f) => !f.suppressed);
  const falseNegatives = e.must.filter((m) => !live.some((f) => matches(f, m)));
  const mustNot = new Set(e.mustNot);
  const falsePositives = live.filter(
    (f) =>
      !VALIDATION.has(f.rule) && (mustNot.has(f.rule) || (!e.must.some((m) => matches(f, m)) && RANK[f.severity] > RANK[e.maxSeverity])),
  );
  const invalid = live.filter((f) => VALIDATION.has(f.rule));
  return { truePositives: e.must.length - falseNegatives.length, falseNegatives, falsePositives, invalid };
}

const proposals = fs
  .readdirSync(CORPUS)
  .filter((f) => f.endsWith('.arch.yaml'))
  .sort();

describe('review corpus (issue 9)', () => {
  let report: CheckReport;
  const totals = { tp: 0, fn: 0, fp: 0, gaps: [] as string[] };

  before(function () {
    // The whole corpus in one check: a loaded machine (or `--no-config`, which drops .mocharc's timeout) needs time.
    this.timeout(120_000);
    // One job: worker threads run the built bundle, and this test runs the sources.
    report = runCheck({ operands: proposals.map((p) => path.join(CORPUS, p)), locale: 'en', cwd: CORPUS, jobs: 1 });
  });

  after(() => {
    const precision = totals.tp + totals.fp === 0 ? 1 : totals.tp / (totals.tp + totals.fp);
    const recall = totals.tp + totals.fn === 0 ? 1 : totals.tp / (totals.tp + totals.fn);
    console.log(
      `\n  corpus: ${proposals.length} proposals; TP ${totals.tp}, FN ${totals.fn}, FP ${totals.fp}; ` +
        `precision ${(precision * 100).toFixed(1)}%, recall ${(recall * 100).toFixed(1)}%` +
        (totals.gaps.length ? `\n  known gaps (${totals.gaps.length}):\n    ${totals.gaps.join('\n    ')}` : ''),
    );
  });

  it('has at least 32 proposals, each with a sidecar, at least half of them good designs', () => {
    assert.ok(proposals.length >= 32, `${proposals.length} proposals`);
    let good = 0;
    for (const p of proposals) {
      const sidecar = path.join(CORPUS, p.replace(/\.arch\.yaml$/, '.expect.yaml'));
      assert.ok(fs.existsSync(sidecar), `${p}: sidecar missing`);
      if (readExpectation(sidecar).must.length === 0) good++;
    }
    assert.ok(good * 2 >= proposals.length, `${good} good of ${proposals.length}`);
  });

  it('the check ran without crashed rules or unreadable files', () => {
    assert.deepEqual(report.errors, []);
    const crashed = report.notices.filter((n) => /failed internally/.test(n.en));
    assert.deepEqual(crashed, []);
  });

  for (const name of proposals) {
    const sidecar = path.join(CORPUS, name.replace(/\.arch\.yaml$/, '.expect.yaml'));
    const expectation = fs.existsSync(sidecar) ? readExpectation(sidecar) : undefined;
    const title = expectation?.knownGap ? `${name} (known gap: ${expectation.knownGap})` : name;
    it(title, function () {
      assert.ok(expectation, `${name}: no sidecar`);
      const file = report.files.find((f) => f.absolute === path.join(CORPUS, name));
      assert.ok(file, `${name}: not checked`);
      const v = judge(file.findings, expectation);
      totals.tp += v.truePositives;
      totals.fn += v.falseNegatives.length;
      totals.fp += v.falsePositives.length;
      if (expectation.knownGap) {
        totals.gaps.push(`${name}: ${expectation.knownGap}`);
        this.skip();
      }
      const all = file.findings.map(show).join('\n  ');
      const problems: string[] = [];
      if (!expectation.expectInvalid && v.invalid.length) problems.push(`format findings:\n  ${v.invalid.map(show).join('\n  ')}`);
      if (expectation.expectInvalid && v.invalid.length === 0) problems.push('expected format findings, found none');
      for (const m of v.falseNegatives) problems.push(`missing must: ${m.rule}${m.path ? ` at ${JSON.stringify(m.path)}` : ''}`);
      for (const f of v.falsePositives)
        problems.push(`false alarm (maxSeverity ${expectation.maxSeverity}, mustNot [${expectation.mustNot.join(', ')}]): ${show(f)}`);
      assert.ok(problems.length === 0, `${name}:\n${problems.join('\n')}\nall findings:\n  ${all}`);
    });
  }
});
