import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfigFile } from '../../../server/src/node/config';
import { readCapped } from '../../../server/src/node/fileReader';
import { readProposalFile } from '../../../server/src/node/files';

describe('reading files from disk (one capped reader)', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'casebook-read-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a regular file up to and including the cap, and refuses one byte more', () => {
    const file = path.join(dir, 'ten.txt');
    writeFileSync(file, '0123456789');
    const exact = readCapped(file, 10);
    assert.equal(exact.kind, 'bytes');
    assert.equal(exact.kind === 'bytes' && exact.bytes.toString(), '0123456789');
    assert.deepEqual(readCapped(file, 9), { kind: 'too-large', size: 10 });
  });

  it('stops at the cap on a file whose size stat reports as 0 but never ends (/proc/self/pagemap behind a link)', function () {
    const link = path.join(dir, 'pagemap.arch.yaml');
    try {
      symlinkSync('/proc/self/pagemap', link);
    } catch {
      this.skip();
    }
    assert.deepEqual(readCapped(link, 64 * 1024), { kind: 'too-large' });
    const result = readProposalFile(link);
    assert.equal(result.kind, 'refused');
    assert.match(result.kind === 'refused' ? result.message.en : '', /over 2 MB/);
  });

  it('never opens a FIFO (it would block until a writer came)', function () {
    const fifo = path.join(dir, 'pipe.arch.yaml');
    try {
      execFileSync('mkfifo', [fifo]);
    } catch {
      this.skip();
    }
    assert.deepEqual(readCapped(fifo, 1024), { kind: 'not-regular' });
    const refused = readProposalFile(fifo);
    assert.equal(refused.kind, 'unreadable');
    assert.equal(refused.kind === 'unreadable' && refused.reason, 'not-regular');
    assert.match(refused.kind === 'unreadable' ? refused.message.zh : '', /不是普通文件/);
  });

  it('refuses a device behind a proposal name (/dev/zero never ends), located', function () {
    const link = path.join(dir, 'zero.arch.yaml');
    try {
      symlinkSync('/dev/zero', link);
    } catch {
      this.skip();
    }
    assert.deepEqual(readCapped(link, 1024), { kind: 'not-regular' });
    const refused = readProposalFile(link);
    assert.equal(refused.kind === 'unreadable' && refused.reason, 'not-regular');
  });

  it('tells a missing file from a folder', () => {
    assert.deepEqual(readCapped(path.join(dir, 'nope'), 10), { kind: 'not-found' });
    assert.deepEqual(readCapped(dir, 10), { kind: 'folder' });
  });

  it('a repository config cannot name case folders outside its own folder, even through a link', () => {
    const repo = path.join(dir, 'repo');
    mkdirSync(path.join(repo, 'cases-in'), { recursive: true });
    mkdirSync(path.join(dir, 'elsewhere'));
    symlinkSync(path.join(dir, 'elsewhere'), path.join(repo, 'sneaky'));
    writeFileSync(path.join(repo, '.casebook.yaml'), 'cases:\n  - ./cases-in\n  - ../elsewhere\n  - /etc\n  - ./sneaky\n');
    const loaded = loadConfigFile(path.join(repo, '.casebook.yaml'));
    assert.deepEqual(loaded.caseFolders, [path.join(repo, 'cases-in')]);
    assert.deepEqual(
      loaded.problems.map((p) => p.range.start.line),
      [2, 3, 4],
    );
    for (const p of loaded.problems) {
      assert.match(p.message.en, /outside the folder of \.casebook\.yaml/);
      assert.match(p.message.zh, /casebook\.extraCasePaths/);
    }
  });

  it('refuses outside folders that do not exist too, echoes nothing of what lies there, and reads them only on an explicit opt-in', () => {
    const repo = path.join(dir, 'repo2');
    const shared = path.join(dir, 'shared-cases');
    mkdirSync(repo, { recursive: true });
    mkdirSync(shared);
    writeFileSync(path.join(shared, 'secret.yaml'), 'top-secret-key: hunter2\n');
    const config = (extra: string) => {
      writeFileSync(path.join(repo, '.casebook.yaml'), `${extra}cases:\n  - ../shared-cases\n  - ../no-such-folder\n  - /etc\n`);
      return loadConfigFile(path.join(repo, '.casebook.yaml'));
    };
    const refused = config('');
    assert.deepEqual(refused.caseFolders, []);
    assert.equal(refused.problems.length, 3, 'a missing outside folder is refused as outside, not probed');
    for (const p of refused.problems) {
      assert.match(p.message.en, /allowCasesOutsideWorkspace: true/);
      assert.doesNotMatch(JSON.stringify(p.message), /top-secret|hunter2|shared-cases\/secret/);
      assert.doesNotMatch(p.message.en, new RegExp(dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')), 'not even the resolved absolute path');
    }
    const allowed = config('allowCasesOutsideWorkspace: true\n');
    assert.deepEqual(allowed.caseFolders, [shared, '/etc']);
    assert.deepEqual(
      allowed.problems.map((p) => p.range.start.line),
      [3],
      'only the folder that does not exist',
    );
    const wrong = config('allowCasesOutsideWorkspace: yes please\n');
    assert.equal(wrong.caseFolders.length, 0);
    assert.ok(wrong.problems.some((p) => p.range.start.line === 0 && /true or false/.test(p.message.en)));
  });

  it('holds regulation folders to the same rule: inside the config folder, or by the same opt-in', () => {
    const repo = path.join(dir, 'repo3');
    const standards = path.join(dir, 'group-standards');
    mkdirSync(repo, { recursive: true });
    mkdirSync(standards);
    const config = (extra: string) => {
      writeFileSync(path.join(repo, '.casebook.yaml'), `${extra}regulations:\n  - ../group-standards\n`);
      return loadConfigFile(path.join(repo, '.casebook.yaml'));
    };
    const refused = config('');
    assert.deepEqual(refused.regulationFolders, []);
    assert.match(refused.problems[0]!.message.en, /lies outside the folder of \.casebook\.yaml and was not read/);
    assert.doesNotMatch(refused.problems[0]!.message.en, new RegExp(dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')), 'no resolved path');
    assert.deepEqual(config('allowCasesOutsideWorkspace: true\n').regulationFolders, [standards]);
  });
});
