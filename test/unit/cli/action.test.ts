/**
 * action.yml: its shape as GitHub reads a composite action, and its check
 * step's script run for real against the built CLI (as the runner would,
 * with GITHUB_OUTPUT a file).
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { CLI, ROOT, buildCli } from './helpers';

interface Step {
  id?: string;
  uses?: string;
  run?: string;
  shell?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
interface Action {
  name: string;
  description: string;
  inputs: Record<string, { description: string; default?: string }>;
  runs: { using: string; steps: Step[] };
}

describe('action.yml', function () {
  this.timeout(60_000);
  const action = parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as Action;
  const step = (id: string) => action.runs.steps.find((s) => s.id === id)!;

  it('is a composite action with the documented inputs, setup-node and upload-sarif', () => {
    assert.equal(action.runs.using, 'composite');
    assert.ok(action.name && action.description);
    for (const input of ['paths', 'fail-on', 'format', 'args', 'sarif-file', 'upload-sarif', 'category', 'node-version'])
      assert.ok(action.inputs[input]?.description, input);
    assert.equal(action.inputs['fail-on']!.default, 'error');
    const uses = action.runs.steps.map((s) => s.uses).filter(Boolean);
    assert.ok(uses.some((u) => u!.startsWith('actions/setup-node@')));
    const upload = action.runs.steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'))!;
    assert.equal(upload.with!.sarif_file, '${{ inputs.sarif-file }}');
    for (const s of action.runs.steps) if (s.run) assert.equal(s.shell, 'bash', 'composite run steps need a shell');
  });

  it('its check step writes SARIF, prints annotations and reports the exit code', () => {
    buildCli();
    const tmp = mkdtempSync(path.join(tmpdir(), 'casebook-action-'));
    try {
      const output = path.join(tmp, 'output');
      const sarif = path.join(tmp, 'casebook.sarif');
      const run = (failOn: string, format: string) =>
        spawnSync('bash', ['-e', '-c', step('check').run!], {
          cwd: ROOT,
          encoding: 'utf8',
          env: {
            ...process.env,
            NO_COLOR: '1',
            LANG: 'en_US.UTF-8',
            GITHUB_OUTPUT: output,
            CASEBOOK: `${process.execPath} ${CLI}`,
            PATHS: 'examples test/fixtures/cli/waived.arch.yaml',
            FAIL_ON: failOn,
            FORMAT: format,
            ARGS: '--today 2026-01-01',
            SARIF: sarif,
          },
        });
      const r = run('error', 'text');
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /^::error file=examples\/[^,]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[a-z0-9-]+::/m);
      assert.match(r.stdout, /\d+ errors?/, 'the text report follows the annotations');
      const log = JSON.parse(readFileSync(sarif, 'utf8')) as { version: string; runs: { results: unknown[] }[] };
      assert.equal(log.version, '2.1.0');
      assert.ok(log.runs[0]!.results.length > 0);
      assert.match(readFileSync(output, 'utf8'), /^exit-code=1$/m);
      run('none', 'github');
      assert.match(readFileSync(output, 'utf8').trim().split('\n').pop()!, /^exit-code=0$/);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
