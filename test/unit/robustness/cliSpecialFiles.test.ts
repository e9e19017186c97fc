/**
 * The CLI named a FIFO or a device: it never opens it (reading could block forever), says in the user's language
 * that the file was skipped as not a regular file, naming it as the user wrote it, checks the other files, and
 * exits as for any file it cannot read (2, see README "Exit codes"; test/unit/cli/cli.test.ts holds an unreadable
 * file and /dev/zero to the same) — never a hang, never a crash (issue 13). A symbolic link loop and a folder named
 * like a proposal are files it cannot read too (2); a link to an endless /proc file is read up to the size limit and
 * refused with a located finding (an error finding: 1).
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
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
    symlinkSync(path.join(dir, 'loop.arch.yaml'), path.join(dir, 'loop.arch.yaml'));
    if (existsSync('/proc/self/pagemap')) symlinkSync('/proc/self/pagemap', path.join(dir, 'endless.arch.yaml'));
    mkdirSync(path.join(dir, 'folder.arch.yaml'));
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

  it('skips a symbolic link loop with a message naming it (not "does not exist"), checks the other file, exits 2', () => {
    const run = runCli(['check', '--format', 'json', 'loop.arch.yaml', 'core.arch.yaml'], { cwd: dir });
    assert.equal(run.status, 2, run.stderr);
    assert.equal(run.stderr.trim(), 'loop.arch.yaml: skipped, a symbolic link that loops and never reaches a file.');
    const report = JSON.parse(run.stdout) as { files: { file: string }[] };
    assert.deepEqual(
      report.files.map((f) => f.file),
      ['core.arch.yaml'],
    );
    const zh = runCli(['check', '--locale', 'zh-CN', 'loop.arch.yaml'], { cwd: dir });
    assert.equal(zh.stderr.trim(), 'loop.arch.yaml：已跳过，是循环的符号链接，指不到任何文件。');
  });

  it('reads a link to an endless /proc file only up to the size limit: a located finding, exit 1, the rest checked', function () {
    if (!existsSync(path.join(dir, 'endless.arch.yaml'))) this.skip();
    const run = runCli(['check', '--format', 'json', 'endless.arch.yaml', 'core.arch.yaml'], { cwd: dir });
    assert.ok(!run.timedOut, 'the CLI read the endless file to its end');
    assert.equal(run.status, 1, run.stderr);
    const report = JSON.parse(run.stdout) as { files: { file: string; findings: { rule: string; range: unknown }[] }[] };
    const endless = report.files.find((f) => f.file === 'endless.arch.yaml');
    assert.deepEqual(
      endless?.findings.map((f) => [f.rule, f.range]),
      [['document-too-large', { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }]],
    );
    assert.ok(report.files.some((f) => f.file === 'core.arch.yaml' && f.findings.length > 0));
  });

  it('says a folder named like a proposal holds no proposals, checks the other file, exits 2', () => {
    const run = runCli(['check', '--format', 'json', 'folder.arch.yaml', 'core.arch.yaml'], { cwd: dir });
    assert.equal(run.status, 2, run.stderr);
    assert.equal(run.stderr.trim(), 'No proposal files (*.arch.yaml) in folder.arch.yaml.');
    assert.deepEqual(
      (JSON.parse(run.stdout) as { files: { file: string }[] }).files.map((f) => f.file),
      ['core.arch.yaml'],
    );
  });

  it('walking the folder passes over the FIFO, the loop and the folder, and checks the files', () => {
    const run = runCli(['check', '--format', 'json', '.'], { cwd: dir });
    assert.ok(!run.timedOut, 'the walk hung');
    const files = (JSON.parse(run.stdout) as { files: { file: string }[] }).files.map((f) => f.file);
    assert.deepEqual(files, existsSync(path.join(dir, 'endless.arch.yaml')) ? ['core.arch.yaml', 'endless.arch.yaml'] : ['core.arch.yaml']);
    assert.equal(run.status, 1, run.stderr);
  });
});
