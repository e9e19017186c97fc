/**
 * The server under bad input, as a client sees it: null params, a client that
 * never answers workspace/configuration, incremental edits past the end and
 * joining `\r\n`, deep nesting, and Check Workspace on a FIFO.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ErrorCodes, HoverRequest, ResponseError, type MarkupContent } from 'vscode-languageserver-protocol/node';
import { CheckWorkspaceRequest } from '../../shared/src/protocol';
import { LspClient, fileUri } from './harness';
import { CORE_TEXT, WORKSPACE, freshUri, rules } from './fixtures';

describe('LSP: robustness', function () {
  this.timeout(60_000);
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ rootPath: WORKSPACE, initializationOptions: { locale: 'en' }, configuration: { casebook: {} } });
  });
  after(() => client.stop());

  it('answers InvalidParams to a request with null params, and keeps working', async () => {
    await assert.rejects(
      client.connection.sendRequest(HoverRequest.method, null),
      (error: unknown) => error instanceof ResponseError && error.code === ErrorCodes.InvalidParams,
    );
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
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 3 },
      contentChanges: [
        { range: { start: { line: 0, character: first }, end: { line: 1, character: 0 } }, text: '\r' },
        { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '\n' },
        // A later edit lands where the joined line table says.
        { range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: '# joined\r\n' },
      ],
    });
    const lines2 = text.split('\r\n');
    lines2.splice(2, 0, '# joined');
    const expected = `${lines2.join('\r\n')}\n`;
    const fresh = freshUri('desync-fresh.arch.yaml');
    await client.open(fresh, expected);
    const [edited, reference] = await Promise.all([client.diagnostics(uri, 3), client.diagnostics(fresh, 1)]);
    assert.deepEqual(
      edited.diagnostics.map((d) => [d.code, d.range]),
      reference.diagnostics.map((d) => [d.code, d.range]),
    );
  });

  it('gives a located nesting-limit finding for 2,000 levels, never a stack overflow', async () => {
    const uri = freshUri('deep.arch.yaml');
    await client.open(uri, `${CORE_TEXT}x-deep: ${'['.repeat(2_000)}${']'.repeat(2_000)}\n`);
    const published = await client.diagnostics(uri, 1);
    assert.ok(rules(published).includes('yaml-too-deep'), rules(published).join(', '));
    assert.ok(!published.diagnostics.some((d) => /call stack/i.test(d.message)));
  });

  it('answers Check Workspace on a FIFO named as a proposal, with a located finding on it', async function () {
    const dir = mkdtempSync(path.join(tmpdir(), 'casebook-fifo-'));
    try {
      const fifo = path.join(dir, 'pipe.arch.yaml');
      try {
        execFileSync('mkfifo', [fifo]);
      } catch {
        this.skip();
      }
      const regular = path.join(dir, 'core.arch.yaml');
      writeFileSync(regular, CORE_TEXT);
      const mark = client.mark();
      const result = await client.connection.sendRequest(CheckWorkspaceRequest.type, { uris: [fileUri(fifo), fileUri(regular)] });
      assert.equal(result.files, 2);
      const published = await client.nextDiagnostics(fileUri(fifo), mark);
      assert.deepEqual(rules(published), ['document-not-regular']);
      assert.deepEqual(published.diagnostics[0]!.range.start, { line: 0, character: 0 });
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
