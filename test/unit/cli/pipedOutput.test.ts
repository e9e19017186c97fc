/**
 * Output to a pipe is written as it is produced (stdout.ts): a reader that
 * falls behind fills the pipe, the CLI waits for it to drain and goes on, and
 * the reader gets exactly what a file would have held.
 */
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CLI, ROOT, buildCli } from './helpers';

describe('cli: output to a slow pipe', function () {
  this.timeout(60_000);
  before(() => buildCli());

  it('fills the pipe, waits for the reader and loses nothing', async () => {
    const args = [CLI, 'check', path.join(ROOT, 'test', 'fixtures', 'corpus'), '--format', 'json', '--fail-on', 'none'];
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'casebook-pipe-'));
    const file = path.join(dir, 'report.json');
    const fd = fs.openSync(file, 'w');
    spawnSync(process.execPath, args, { stdio: ['ignore', fd, 'ignore'] });
    fs.closeSync(fd);
    const expected = fs.readFileSync(file);
    assert.ok(expected.length > 400_000, 'more than a pipe or socket buffer holds (about 200 KB), so the CLI must wait for the reader');

    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
    const chunks: Buffer[] = [];
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    // Read nothing for a while: the pipe fills and the CLI meets EAGAIN.
    child.stdout.pause();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    child.stdout.on('data', (d: Buffer) => chunks.push(d));
    child.stdout.resume();
    const code = await closed;
    assert.equal(code, 0, stderr);
    assert.equal(stderr, '');
    assert.ok(Buffer.concat(chunks).equals(expected), 'the piped report equals the file');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
