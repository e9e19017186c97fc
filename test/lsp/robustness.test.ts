/**
 * The server under bad input, as a client sees it: null params, a client that
 * never answers workspace/configuration, incremental edits past the end and
 * joining `\r\n`, changes with stale versions, deep nesting, and Check
 * Workspace on a FIFO, an endless file, a symlink loop and a folder.
 */
import * as assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ErrorCodes, HoverRequest, type MarkupContent } from 'vscode-languageserver-protocol/node';
import { CheckWorkspaceRequest } from '../../shared/src/protocol';
import { LspClient, SERVER_JS, fileUri } from './harness';
import { CORE_TEXT, WORKSPACE, freshUri, rangeOf, rules } from './fixtures';

describe('LSP: robustness', function () {
  this.timeout(60_000);
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ rootPath: WORKSPACE, initializationOptions: { locale: 'en' }, configuration: { casebook: {} } });
  });
  after(() => client.stop());

  it('keeps working after a request with null params', async () => {
    // Through the protocol connection a null is sent as `[null]`; the wire form `"params": null` is tested raw below.
    await client.connection.sendRequest(HoverRequest.method, null).catch(() => undefined);
    const uri = freshUri('after-null.arch.yaml');
    await client.open(uri, CORE_TEXT);
    assert.ok((await client.diagnostics(uri, 1)).diagnostics.length > 0);
  });

  it('keeps its text in step through edits past the end and edits joining \\r and \\n', async () => {
    const uri = freshUri('desync.arch.yaml');
    const text = CORE_TEXT.replace(/\n/g, '\r\n');
    await client.open(uri, text);
    await client.diagnostics(uri, 1);
    const lines = text.split('\r\n').length;
    // Past the end: appends, as a clamped range does.
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: lines + 5, character: 0 }, end: { line: lines + 6, character: 0 } }, text: '\n' }],
    });
    // The first CRLF replaced by a lone \r, then a \n inserted after it: the two join into one CRLF again.
    const first = text.split('\r\n')[0]!.length;
    const tierLine = text.split('\r\n').findIndex((l) => l.includes('tier: 1'));
    const tierAt = text.split('\r\n')[tierLine]!.indexOf('tier: 1') + 'tier: '.length;
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 3 },
      contentChanges: [
        { range: { start: { line: 0, character: first }, end: { line: 1, character: 0 } }, text: '\r' },
        { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '\n' },
        // A later edit lands where the joined line table says: `tier: 1` becomes `tier: 3`.
        { range: { start: { line: tierLine, character: tierAt }, end: { line: tierLine, character: tierAt + 1 } }, text: '3' },
      ],
    });
    const expected = `${text.replace('tier: 1', 'tier: 3')}\n`;
    const fresh = freshUri('desync-fresh.arch.yaml');
    await client.open(fresh, expected);
    const [edited, reference] = await Promise.all([client.diagnostics(uri, 3), client.diagnostics(fresh, 1)]);
    assert.deepEqual(
      edited.diagnostics.map((d) => [d.code, d.range]),
      reference.diagnostics.map((d) => [d.code, d.range]),
    );
    assert.ok(!rules(edited).includes('tier1-two-regions-three-dcs'), 'the edit reached the tier line');
  });

  it('ignores a change whose version is not above the current one, with a warning, and never publishes an older version', async () => {
    const uri = freshUri('out-of-order.arch.yaml');
    await client.open(uri, CORE_TEXT);
    await client.diagnostics(uri, 1);
    const tier = rangeOf(CORE_TEXT, 'tier: 1');
    await client.change(uri, [{ range: tier, text: 'tier: 2' }]);
    await client.diagnostics(uri, 2);
    // Protocol abuse, sent past the harness's own version count: a lower version and the same version again.
    for (const version of [1, 2]) {
      await client.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ text: `casebook: proposal/v1\nsystems: [\n# stale ${version}\n` }],
      });
    }
    // The next valid edit lands on the text of version 2: the stale changes were not applied.
    const name = rangeOf(client.text(uri), 'tier: 2');
    const version = await client.change(uri, [{ range: name, text: 'tier: 3' }]);
    assert.equal(version, 3);
    const fresh = freshUri('out-of-order-fresh.arch.yaml');
    await client.open(fresh, client.text(uri));
    const [edited, reference] = await Promise.all([client.diagnostics(uri, 3), client.diagnostics(fresh, 1)]);
    assert.deepEqual(
      edited.diagnostics.map((d) => [d.code, d.range, d.message]),
      reference.diagnostics.map((d) => [d.code, d.range, d.message]),
    );
    const versions = client.allDiagnostics(uri).map((p) => p.version ?? 0);
    assert.deepEqual(
      versions,
      [...versions].sort((a, b) => a - b),
      `published versions ${versions.join(', ')}`,
    );
    assert.equal(client.logs.filter((l) => l.includes(`ignored a change to ${uri}`)).length, 2, client.logs.join('\n'));
  });

  it('gives a located nesting-limit finding for 2,000 levels, never a stack overflow', async () => {
    const uri = freshUri('deep.arch.yaml');
    await client.open(uri, `${CORE_TEXT}x-deep: ${'['.repeat(2_000)}${']'.repeat(2_000)}\n`);
    const published = await client.diagnostics(uri, 1);
    assert.ok(rules(published).includes('yaml-too-deep'), rules(published).join(', '));
    assert.ok(!published.diagnostics.some((d) => /call stack/i.test(d.message)));
  });

  it('answers Check Workspace on a FIFO, an endless /proc file, a symlink loop and a folder named as proposals, and checks the rest', async function () {
    const dir = mkdtempSync(path.join(tmpdir(), 'casebook-special-'));
    try {
      const fifo = path.join(dir, 'pipe.arch.yaml');
      try {
        execFileSync('mkfifo', [fifo]);
      } catch {
        this.skip();
      }
      // /proc/self/pagemap: stat says 0 bytes, and reading never ends (hundreds of GB).
      const endless = path.join(dir, 'endless.arch.yaml');
      symlinkSync('/proc/self/pagemap', endless);
      const loop = path.join(dir, 'loop.arch.yaml');
      symlinkSync(loop, loop);
      const folder = path.join(dir, 'folder.arch.yaml');
      mkdirSync(folder);
      const regular = path.join(dir, 'core.arch.yaml');
      writeFileSync(regular, CORE_TEXT);
      const mark = client.mark();
      const uris = [fifo, endless, loop, folder, regular].map(fileUri);
      const result = await client.connection.sendRequest(CheckWorkspaceRequest.type, { uris });
      // The regular file was checked: its tier-1 finding among the errors and warnings.
      const core = await client.nextDiagnostics(fileUri(regular), mark);
      assert.ok(rules(core).includes('tier1-two-regions-three-dcs'), rules(core).join(', '));
      const expected: [string, string, RegExp][] = [
        [fifo, 'document-not-regular', /not a regular file/],
        [endless, 'document-too-large', /too large/],
        [loop, 'document-unreadable', /symbolic link/],
      ];
      for (const [file, rule, message] of expected) {
        const published = await client.nextDiagnostics(fileUri(file), mark);
        assert.deepEqual(rules(published), [rule], file);
        assert.deepEqual(published.diagnostics[0]!.range.start, { line: 0, character: 0 }, file);
        assert.match(published.diagnostics[0]!.message, message);
        assert.ok(
          published.diagnostics[0]!.message.includes(path.basename(file)) || rule === 'document-too-large',
          published.diagnostics[0]!.message,
        );
      }
      // A folder has no Problems entry: it is skipped with a warning in the log, naming it.
      assert.ok(
        client.logs.some((l) => l.includes(folder) && /folder/i.test(l)),
        client.logs.slice(-5).join('\n'),
      );
      assert.deepEqual(client.allDiagnostics(fileUri(folder)), []);
      assert.equal(result.files, 4, JSON.stringify(result));
      assert.ok(result.errors >= 3, JSON.stringify(result));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('LSP: a client that never answers workspace/configuration', function () {
  this.timeout(60_000);
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ rootPath: WORKSPACE, initializationOptions: { locale: 'en' }, neverAnswerConfiguration: true });
  });
  after(() => client.stop());

  it('still gets diagnostics and hovers, with the default settings', async () => {
    const uri = freshUri('silent.arch.yaml');
    await client.open(uri, CORE_TEXT);
    const published = await client.diagnostics(uri, 1);
    assert.ok(rules(published).includes('tier1-two-regions-three-dcs'), rules(published).join(', '));
    const line = CORE_TEXT.split('\n').findIndex((l) => /^\s+tier: 1/.test(l));
    const hover = await client.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri },
      position: { line, character: CORE_TEXT.split('\n')[line]!.indexOf('tier') + 1 },
    });
    assert.ok(hover && (hover.contents as MarkupContent).value.length > 0);
  });
});

/** The server over raw stdio, for messages a protocol connection will not send as they are. */
class RawServer {
  private readonly child = spawn(process.execPath, [SERVER_JS, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  private buffer = Buffer.alloc(0);
  readonly messages: {
    id?: number | string;
    method?: string;
    params?: unknown;
    error?: { code: number; message: string };
    result?: unknown;
  }[] = [];
  readonly stderr: string[] = [];
  constructor() {
    this.child.stdout.on('data', (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      for (;;) {
        const header = this.buffer.indexOf('\r\n\r\n');
        if (header < 0) return;
        const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, header).toString())?.[1]);
        if (this.buffer.length < header + 4 + length) return;
        this.messages.push(JSON.parse(this.buffer.subarray(header + 4, header + 4 + length).toString()) as RawServer['messages'][number]);
        this.buffer = this.buffer.subarray(header + 4 + length);
      }
    });
    this.child.stderr.on('data', (chunk: Buffer) => this.stderr.push(chunk.toString()));
  }
  send(message: object): void {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }));
    this.child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.child.stdin.write(body);
  }
  async response(id: number): Promise<RawServer['messages'][number]> {
    for (let i = 0; i < 600; i++) {
      const found = this.messages.find((m) => m.id === id && m.method === undefined);
      if (found) return found;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`no response ${id}; stderr: ${this.stderr.join('')}`);
  }
  stop(): void {
    this.child.kill();
  }
}

describe('LSP: protocol abuse on the wire', function () {
  this.timeout(60_000);
  let raw: RawServer;
  before(() => {
    raw = new RawServer();
  });
  after(() => raw.stop());

  it('ignores notifications before initialize quietly, and answers null params with InvalidParams', async () => {
    const uri = fileUri(path.join(WORKSPACE, 'early.arch.yaml'));
    raw.send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'yaml', version: 1, text: CORE_TEXT } } });
    raw.send({ method: 'workspace/didChangeConfiguration', params: { settings: {} } });
    raw.send({ method: 'textDocument/didClose', params: { textDocument: { uri } } });
    raw.send({
      id: 1,
      method: 'initialize',
      params: { processId: null, rootUri: fileUri(WORKSPACE), capabilities: {}, initializationOptions: { locale: 'en' } },
    });
    assert.ok((await raw.response(1)).result);
    raw.send({ method: 'initialized', params: {} });
    for (const [id, method] of [
      [2, 'textDocument/hover'],
      [3, 'textDocument/completion'],
      [4, 'textDocument/documentSymbol'],
      [5, 'workspace/symbol'],
    ] as const) {
      raw.send({ id, method, params: null });
      const answer = await raw.response(id);
      assert.equal(answer.error?.code, ErrorCodes.InvalidParams, `${method}: ${JSON.stringify(answer)}`);
    }
    const logged = raw.messages.filter((m) => m.method === 'window/logMessage').map((m) => JSON.stringify(m.params));
    assert.deepEqual(
      logged.filter((m) => /failed|not initialized|Cannot read/i.test(m)),
      [],
    );
  });
});
