/** `casebook report` from the sources, as a process: formats, -o, languages, help, usage errors. */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BANK, ROOT, WAIVERS, XSS } from './helpers';

function casebook(args: string[]) {
  const result = spawnSync(process.execPath, ['--require', 'tsx/cjs', path.join(ROOT, 'server/src/cli/main.ts'), ...args], {
    cwd: ROOT,
    env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '', NO_COLOR: '1' },
    encoding: 'utf8',
    timeout: 30_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('report: casebook report', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => (dir = mkdtempSync(path.join(tmpdir(), 'casebook-report-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('writes one HTML dossier for several files with -o, in Chinese', () => {
    const out = path.join(dir, 'review.html');
    const run = casebook(['report', BANK, WAIVERS, '--locale', 'zh-CN', '--today', '2026-12-02', '-o', out]);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /评审材料已写入/);
    const html = readFileSync(out, 'utf8');
    assert.match(html, /^<!DOCTYPE html>/);
    assert.match(html, /<article id="p0" data-file="examples\/bank-core.arch.yaml">/);
    assert.match(html, /<article id="p1" data-file="test\/fixtures\/report\/waivers.arch.yaml">/);
    assert.match(html, /已过期/);
  });

  it('prints Markdown to stdout, in English, for a folder', () => {
    const run = casebook(['report', 'test/fixtures/report', '--format', 'md', '--locale', 'en']);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^# Architecture review dossier/);
    assert.match(run.stdout, /```mermaid/);
    assert.match(run.stdout, /## Waiver register/);
  });

  it('keeps the hostile proposal as text', () => {
    const run = casebook(['report', XSS, '--locale', 'en']);
    assert.equal(run.status, 0, run.stderr);
    assert.doesNotMatch(run.stdout, /<script|<img|<iframe/i);
  });

  it('has help in both languages and usage errors', () => {
    assert.match(casebook(['report', '--help', '--locale', 'zh-CN']).stdout, /生成方案评审材料/);
    assert.match(casebook(['report', '--help']).stdout, /Builds the review dossier/);
    assert.match(casebook(['--help']).stdout, /casebook report <files\|folders…> \[--format html\|md\]/);
    const none = casebook(['report']);
    assert.equal(none.status, 2);
    assert.match(none.stderr, /report needs at least one file or folder/);
    const bad = casebook(['report', BANK, '--format', 'pdf']);
    assert.equal(bad.status, 2);
    const missing = casebook(['report', 'no/such.arch.yaml']);
    assert.equal(missing.status, 2);
  });
});
