/**
 * `casebook check --format sarif` against the official SARIF 2.1.0 JSON Schema
 * (vendored, validated with ajv): the real CLI's output for a run with
 * findings and waivers, one with regulations, and one with no results.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { SarifLog } from '../../../server/src/cli/sarif';
import { ROOT, buildCli, fixture, runCli } from './helpers';
import { sarifErrors } from './sarifSchema';

/** Runs the CLI, expects SARIF on stdout, and returns it parsed. */
function sarifOf(args: string[], cwd = ROOT): SarifLog {
  const r = runCli(['check', ...args, '--format', 'sarif', '--fail-on', 'none'], { cwd });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as SarifLog;
}

describe('SARIF output against the SARIF 2.1.0 JSON Schema', function () {
  this.timeout(120_000);
  before(() => buildCli());

  it('a run with findings and a waiver (an accepted in-source suppression) conforms', () => {
    const log = sarifOf(['examples', fixture('waived.arch.yaml')]);
    assert.deepEqual(sarifErrors(log), []);
    const results = log.runs[0]?.results ?? [];
    assert.ok(results.length > 1, 'findings reported');
    const waived = results.filter((r) => r.suppressions);
    assert.ok(waived.length > 0, 'the waived finding is reported with a suppression');
    for (const r of waived) assert.equal(r.suppressions?.[0]?.status, 'accepted');
    assert.ok(
      results.every((r) => r.locations.every((l) => l.physicalLocation.artifactLocation.uriBaseId === '%SRCROOT%')),
      'paths inside the working folder are relative to %SRCROOT%',
    );
  });

  it('a run whose rules and results name regulation clauses conforms', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'casebook-sarif-'));
    try {
      fs.mkdirSync(path.join(dir, 'standards'));
      fs.copyFileSync(
        path.join(ROOT, 'test/fixtures/regulations/bank-standards/acme-dr-standard.yaml'),
        path.join(dir, 'standards', 'acme-dr-standard.yaml'),
      );
      fs.writeFileSync(path.join(dir, '.casebook.yaml'), 'regulations:\n  - ./standards\n');
      fs.writeFileSync(
        path.join(dir, '核心 系统.arch.yaml'),
        [
          'casebook: proposal/v1',
          'name: 城商行核心',
          'institution: { type: city-commercial }',
          'sites:',
          '  - { id: fs-1, city: 佛山, role: primary }',
          '  - { id: gz-1, city: 广州, role: hot-standby }',
          'systems:',
          '  - { id: deposit, name: 存款, tier: 1, important: true, rto: 4h, rpo: 5m, sites: [fs-1, gz-1] }',
          '',
        ].join('\n'),
      );
      const log = sarifOf(['.'], dir);
      assert.deepEqual(sarifErrors(log), []);
      const run = log.runs[0]!;
      const cited = run.results.filter((r) => r.properties.regulations.length > 0);
      assert.ok(
        cited.some((r) => r.properties.regulations.includes('acme-dr-standard#第一条')),
        'a result names the bank standard',
      );
      assert.ok(run.tool.driver.rules.some((r) => r.properties.regulations.length > 0));
      assert.ok(
        run.results.every(
          (r) => r.locations[0]?.physicalLocation.artifactLocation.uri === '%E6%A0%B8%E5%BF%83%20%E7%B3%BB%E7%BB%9F.arch.yaml',
        ),
        'the file name is percent-encoded (a URI has no spaces)',
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a run with no results conforms, and still describes every rule', () => {
    const log = sarifOf([fixture('quiet.arch.yaml')]);
    assert.deepEqual(sarifErrors(log), []);
    assert.deepEqual(log.runs[0]?.results, []);
    assert.ok((log.runs[0]?.tool.driver.rules.length ?? 0) > 10);
  });

  it('the validator rejects what breaks SARIF', () => {
    const text = JSON.stringify(sarifOf([fixture('waived.arch.yaml')]));
    const valid = () => JSON.parse(text) as SarifLog;
    const broken = (mutate: (log: SarifLog & Record<string, unknown>) => void): string[] => {
      const log = valid() as SarifLog & Record<string, unknown>;
      mutate(log);
      return sarifErrors(log);
    };
    assert.deepEqual(sarifErrors(valid()), []);
    assert.ok(broken((l) => void (l.runs[0]!.results[0]!.level = 'fatal' as 'error')).length > 0, 'an unknown level');
    assert.ok(broken((l) => void Object.assign(l.runs[0]!.results[0]!, { messages: { text: 'x' } })).length > 0, 'a misspelt property');
    assert.ok(broken((l) => void ((l.runs[0]!.tool.driver as { name?: string }).name = undefined)).length > 0, 'no driver name');
    assert.ok(broken((l) => void (l.runs[0]!.tool.driver.rules[0]!.helpUri = 'docs/rules.md')).length > 0, 'a relative helpUri');
    assert.ok(broken((l) => void (l.runs[0]!.results[0]!.locations[0]!.physicalLocation.region.startLine = 0)).length > 0, 'line 0');
    assert.ok(broken((l) => void (l.runs[0]!.results[0]!.ruleIndex += 1)).length > 0, 'a ruleIndex pointing at another rule');
    assert.ok(broken((l) => void (l.version = '2.0.0' as '2.1.0')).length > 0, 'another version');
  });
});
