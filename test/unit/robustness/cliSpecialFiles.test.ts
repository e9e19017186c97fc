/**
 * The CLI named a FIFO or a device: it never opens it (reading could block forever), says in the user's language
 * that the file was skipped as not a regular file, naming it as the user wrote it, checks the other files, and
 * exits as for any file it cannot read (2, see README "Exit codes"; test/unit/cli/cli.test.ts holds an unreadable
 * file and /dev/zero to the same) — never a hang, never a crash (issue 13).
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT, buildCli, runCli } from '../cli/helpers';

const CORE = path.join(ROOT, 'test', 'fixtures', 'lsp', 'workspace', 'core.arch.yaml');

describe('robustness: the CLI on a FIFO or a device', function () {
  this.timeout(60_000);
  let dir: string;
  let fifo = true;
  before(() => {
    buildCli();
    dir = mkdtempSync(path.join(tmpdir(), 'casebook-special-'));
    copyFileSync(CORE, path.join(dir, 'core.arch.yaml'));
    try {
      execFileSync('mkfifo', [path.join(dir, 'pipe.arch.yaml')]);
    } catch {
      fifo = false;
    }
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('skips a FIFO with a message naming it, checks the other file, exits 2', function () {
    if (!fifo) this.skip();
    const run = runCli(['check', '--format', 'json', 'pipe.arch.yaml', 'core.arch.yaml'], { cwd: dir });
    assert.ok(!run.timedOut, 'the CLI hung on the FIFO');
    assert.equal(run.status, 2, run.stderr);
    assert.equal(run.stderr.trim(), 'pipe.arch.yaml: skipped, not a regular file (a FIFO, a device or a socket); it is not read.');
    const report = JSON.parse(run.stdout) as { files: { file: string; findings: unknown[] }[] };
    assert.deepEqual(
      report.files.map((f) => f.file),
      ['core.arch.yaml'],
    );
    assert.ok(report.files[0]!.findings.length > 0, 'the regular file was checked');
  });

  it('says so in Chinese under --locale zh-CN, and with one worker as with several', function () {
    if (!fifo) this.skip();
    for (const jobs of ['1', '2']) {
      const run = runCli(['check', '--locale', 'zh-CN', '--jobs', jobs, 'pipe.arch.yaml'], { cwd: dir });
      assert.equal(run.status, 2, run.stderr);
      assert.equal(run.stderr.trim(), 'pipe.arch.yaml：已跳过，不是普通文件（FIFO、设备或套接字），未读取。');
    }
  });

  it('skips a device named on the command line the same way', function () {
    if (!existsSync('/dev/null')) this.skip();
    const run = runCli(['check', '/dev/null'], { cwd: dir });
    assert.equal(run.status, 2, run.stderr);
    assert.match(run.stderr, /^\/dev\/null: skipped, not a regular file/);
  });
});
