/**
 * `casebook check … | head`: the reader closes the pipe after a few bytes. The CLI stops quietly, with no
 * stack trace on stderr, as Unix tools do.
 */
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { CLI, ROOT, buildCli } from './helpers';

describe('cli: a reader that closes the pipe early', function () {
  this.timeout(60_000);
  before(() => buildCli());

  it('ends without an EPIPE stack trace', async () => {
    const child = spawn(process.execPath, [CLI, 'check', path.join(ROOT, 'examples'), '--fail-on', 'none'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    // Like `head -c 1`: take the first chunk, then close our end.
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.doesNotMatch(stderr, /EPIPE|Unhandled 'error'/, stderr);
    assert.equal(code, 0);
  });
});
