/**
 * The server as a client sees it: initialize, status, diagnostics per
 * version, which documents are checked, closing, and the size limit.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { DiagnosticSeverity, DocumentSymbolRequest, LogTraceNotification, type LogTraceParams } from 'vscode-languageserver-protocol/node';
import { StatusNotification, type ServerStatus } from '../../shared/src/protocol';
import { LspClient, fileUri, offsetAt } from './harness';
import { CORE_TEXT, WORKSPACE, freshUri, rangeOf, rules } from './fixtures';

describe('LSP: lifecycle and documents', function () {
  // Real server processes on a shared 2-core machine: starting one can take seconds.
  this.timeout(60_000);
  let client: LspClient;

  before(async () => {
    client = await LspClient.start({ rootPath: WORKSPACE, initializationOptions: { locale: 'en' }, configuration: { casebook: {} } });
  });
  after(() => client.stop());

  it('announces its capabilities and becomes ready with the built-in library', async () => {
    const caps = client.initializeResult.capabilities;
    assert.deepEqual(caps.textDocumentSync, { openClose: true, change: 2 });
    for (const provider of [
      'hoverProvider',
      'documentSymbolProvider',
      'workspaceSymbolProvider',
      'definitionProvider',
      'referencesProvider',
      'foldingRangeProvider',
    ] as const) {
      assert.equal(caps[provider], true, provider);
    }
    assert.deepEqual(caps.renameProvider, { prepareProvider: true });
    assert.ok(caps.completionProvider && caps.codeActionProvider && caps.codeLensProvider && caps.documentLinkProvider);
    const ready = await client.waitFor<ServerStatus>(StatusNotification.method, (s) => s.state === 'ready');
    assert.ok(ready.cases >= 11, `only ${ready.cases} cases loaded`);
    assert.equal(ready.libraryProblems, 0, 'the built-in library has problems');
  });

  it('registers watchers for .casebook.yaml', async () => {
    await client.waitFor<ServerStatus>(StatusNotification.method, (s) => s.state === 'ready');
    const watchers = client.registrations.filter((r) => r.method === 'workspace/didChangeWatchedFiles');
    assert.equal(watchers.length, 1);
    const globs = (watchers[0]!.registerOptions as { watchers: { globPattern: unknown }[] }).watchers.map((w) => w.globPattern);
    assert.ok(globs.includes('**/.casebook.yaml'), JSON.stringify(globs));
    assert.ok(globs.includes('**/*.arch.{yaml,yml}'), 'proposals coming and going (workspace symbols)');
  });

  it('publishes located findings for the opened version', async () => {
    const uri = freshUri('core.arch.yaml');
    await client.open(uri, CORE_TEXT);
    const published = await client.diagnostics(uri, 1);
    const tier1 = published.diagnostics.find((d) => d.code === 'tier1-two-regions-three-dcs');
    assert.ok(tier1, `no tier-1 finding among ${rules(published).join(', ')}`);
    // On the system's `tier` line, covering the value.
    const value = rangeOf(CORE_TEXT, '1', 'tier: ');
    assert.equal(tier1.range.start.line, value.start.line);
    assert.deepEqual(tier1.range.end, value.end);
    assert.equal(tier1.source, 'casebook');
    assert.equal(tier1.severity, DiagnosticSeverity.Warning);
    await client.close(uri);
  });

  it('re-checks only the latest of quick successive edits', async () => {
    const uri = freshUri();
    await client.open(uri, CORE_TEXT);
    await client.diagnostics(uri, 1);
    const mark = client.mark();
    // Three keystrokes in a row: `tier: 1` → `tier: 2` → `tier: 3` → `tier: 2`.
    const at = rangeOf(CORE_TEXT, '1', 'tier: ');
    // Sent in one burst, as fast typing arrives: awaiting each write would let a loaded machine space them past the debounce.
    const [, , last] = await Promise.all([
      client.change(uri, [{ range: at, text: '2' }]),
      client.change(uri, [{ range: at, text: '3' }]),
      client.change(uri, [{ range: at, text: '2' }]),
    ]);
    const published = await client.diagnostics(uri, last, mark);
    assert.ok(!rules(published).includes('tier1-two-regions-three-dcs'), 'the tier-1 finding survived the edit');
    const after = client.allDiagnostics(uri).slice(1);
    assert.deepEqual(
      after.map((p) => p.version),
      [last],
      'diagnostics of intermediate versions were published',
    );
    await client.close(uri);
  });

  it('traces where each check spent its time when the trace is verbose, and is silent when it is off', async () => {
    const traced = (uri: string) =>
      client.received.filter((m) => m.method === LogTraceNotification.type.method && (m.params as LogTraceParams).message.includes(uri));
    await client.setTrace('verbose');
    const uri = freshUri();
    await client.open(uri, CORE_TEXT);
    const trace = await client.waitFor<LogTraceParams>(LogTraceNotification.type.method, (t) => t.message.includes(uri));
    assert.match(trace.message, /^checked \S+ version 1 in \d+\.\d ms from its arrival$/);
    assert.match(
      trace.verbose ?? '',
      /^parse \d+\.\d ms \(\d+ of \d+ chunks\), analysis \d+\.\d ms, \d+ diagnostics converted and written in \d+\.\d ms$/,
    );
    await client.setTrace('off');
    const version = await client.change(uri, [{ range: rangeOf(CORE_TEXT, '1', 'tier: '), text: '2' }]);
    await client.diagnostics(uri, version);
    // A request answered after the diagnostics: a trace of that check would have come before its answer.
    await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
    assert.equal(traced(uri).length, 1, 'a check traced with the trace off');
    await client.close(uri);
  });

  it('applies incremental edits exactly (multi-byte text, several changes per message)', async () => {
    const uri = freshUri();
    await client.open(uri, CORE_TEXT);
    await client.diagnostics(uri, 1);
    const name = rangeOf(CORE_TEXT, '某省农信新一代核心');
    const tier = rangeOf(CORE_TEXT, '1', 'tier: ');
    // Later change first, so the earlier range stays valid (as editors send them).
    const version = await client.change(uri, [
      { range: tier, text: '3' },
      { range: name, text: '浙江农信 😀 核心' },
    ]);
    const published = await client.diagnostics(uri, version);
    assert.ok(!rules(published).includes('tier1-two-regions-three-dcs'));
    // The server's copy matches ours: a hover on the edited value is placed where we think it is.
    const text = client.text(uri);
    assert.equal(text.slice(offsetAt(text, tier.start) - 6, offsetAt(text, tier.start) + 1), 'tier: 3');
    await client.close(uri);
  });

  it('clears diagnostics when a document closes', async () => {
    const uri = freshUri();
    await client.open(uri, CORE_TEXT);
    await client.diagnostics(uri, 1);
    const mark = client.mark();
    await client.close(uri);
    const cleared = await client.nextDiagnostics(uri, mark);
    assert.deepEqual(cleared.diagnostics, []);
  });

  it('checks YAML with the marker and leaves other YAML alone', async () => {
    const other = fileUri(path.join(WORKSPACE, 'docker-compose.yaml'));
    const marked = fileUri(path.join(WORKSPACE, 'marked.yaml'));
    await client.open(other, 'services:\n  web:\n    image: nginx\n  : broken\n');
    await client.open(marked, `# 方案\n${CORE_TEXT}`);
    // Checks run in the order documents opened: once the marked file is answered, the other had its turn.
    const published = await client.diagnostics(marked, 1);
    assert.ok(published.diagnostics.length > 0);
    assert.deepEqual(client.allDiagnostics(other), []);
    const hover = await client.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: other },
      position: { line: 1, character: 3 },
    });
    assert.equal(hover, null);
    await client.close(other);
    await client.close(marked);
  });

  it('reports YAML errors located, and keeps answering', async () => {
    const uri = freshUri();
    await client.open(uri, 'casebook: proposal/v1\nsystems:\n  - id: core\n    tier: [1\n');
    const published = await client.diagnostics(uri, 1);
    const error = published.diagnostics.find((d) => d.severity === DiagnosticSeverity.Error);
    assert.ok(error, 'no error for broken YAML');
    assert.ok(error.range.start.line >= 3, JSON.stringify(error.range));
    const symbols = await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
    assert.ok(Array.isArray(symbols));
    await client.close(uri);
  });

  it('refuses a document over the size limit with one clear diagnostic', async () => {
    const uri = freshUri('huge.arch.yaml');
    const filler = `# ${'x'.repeat(1000)}\n`.repeat(2200);
    await client.open(uri, `casebook: proposal/v1\n${filler}systems:\n  - id: core\n    tier: 1\n`);
    const published = await client.diagnostics(uri, 1);
    assert.equal(published.diagnostics.length, 1);
    assert.equal(published.diagnostics[0]!.code, 'document-too-large');
    assert.match(published.diagnostics[0]!.message, /too large.*2 MB/);
    const hover = await client.connection.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: { line: 2202, character: 5 },
    });
    assert.equal(hover, null);
    await client.close(uri);
  });
});
