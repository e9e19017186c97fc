/**
 * Settings as a client changes them, the locale, .casebook.yaml, and a
 * broken enterprise case folder.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import {
  DiagnosticSeverity,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  HoverRequest,
  type Hover,
  type MarkupContent,
} from 'vscode-languageserver-protocol/node';
import { StatusNotification, type ServerStatus } from '../../shared/src/protocol';
import { LspClient, fileUri } from './harness';
import { CORE_TEXT, FIXTURES, freshUri, rangeOf, rules } from './fixtures';

const TIER1 = 'tier1-two-regions-three-dcs';
const CJK = /[\u4e00-\u9fff]/;

describe('LSP: settings, locale and libraries', function () {
  // Real server processes on a shared 2-core machine: starting one can take seconds.
  this.timeout(60_000);
  const clients: LspClient[] = [];
  const start = async (options: Parameters<typeof LspClient.start>[0]) => {
    const client = await LspClient.start(options);
    clients.push(client);
    return client;
  };
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.stop()));
  });

  it('turns a rule off on workspace/didChangeConfiguration, and back on', async () => {
    const client = await start({ initializationOptions: { locale: 'en' }, configuration: { casebook: { rules: {} } } });
    const uri = freshUri();
    await client.open(uri, CORE_TEXT);
    assert.ok(rules(await client.diagnostics(uri, 1)).includes(TIER1));

    let mark = client.mark();
    await client.setConfiguration('casebook', { rules: { [TIER1]: 'off' } });
    const quiet = await client.nextDiagnostics(uri, mark);
    assert.equal(quiet.version, 1);
    assert.ok(!rules(quiet).includes(TIER1), 'the rule is still reported');
    assert.ok(quiet.diagnostics.length > 0, 'the other rules went quiet too');

    mark = client.mark();
    await client.setConfiguration('casebook', { rules: { [TIER1]: 'error' } });
    const loud = await client.nextDiagnostics(uri, mark);
    assert.equal(loud.diagnostics.find((d) => d.code === TIER1)?.severity, DiagnosticSeverity.Error);
  });

  it('takes settings pushed with didChangeConfiguration from a client without workspace/configuration', async () => {
    const client = await start({ initializationOptions: { locale: 'en' }, noConfigurationSupport: true });
    const uri = freshUri();
    await client.open(uri, CORE_TEXT);
    assert.ok(rules(await client.diagnostics(uri, 1)).includes(TIER1));
    const mark = client.mark();
    await client.setConfiguration('casebook', { rules: { [TIER1]: 'off' }, locale: 'zh-CN' });
    const after = await client.nextDiagnostics(uri, mark);
    assert.ok(!rules(after).includes(TIER1));
    assert.ok(
      after.diagnostics.every((d) => CJK.test(d.message)),
      'messages are not in Chinese',
    );
  });

  it('speaks the display language from initializationOptions, and casebook.locale overrides it', async () => {
    const zh = await start({ initializationOptions: { locale: 'zh-cn' }, configuration: { casebook: {} } });
    const en = await start({ initializationOptions: { locale: 'en-us' }, configuration: { casebook: {} } });
    const uri = freshUri();
    await Promise.all([zh.open(uri, CORE_TEXT), en.open(uri, CORE_TEXT)]);
    const [zhFinding, enFinding] = (await Promise.all([zh.diagnostics(uri, 1), en.diagnostics(uri, 1)])).map((p) =>
      p.diagnostics.find((d) => d.code === TIER1),
    );
    assert.ok(zhFinding && enFinding, 'both servers report the tier-1 finding');
    assert.match(zhFinding.message, /一级/);
    assert.match(enFinding.message, /^[\x20-\x7e]/);
    assert.match(enFinding.message, /tier[- ]1/i);
    assert.notEqual(zhFinding.message, enFinding.message);

    const position = rangeOf(CORE_TEXT, 'tier').start;
    const enHover = (await en.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position })) as Hover;
    assert.match((enHover.contents as MarkupContent).value, /tier/i);

    const mark = en.mark();
    await en.setConfiguration('casebook', { locale: 'zh-CN' });
    const switched = await en.nextDiagnostics(uri, mark);
    assert.match(switched.diagnostics.find((d) => d.code === TIER1)!.message, /一级/);
  });

  it('reads .casebook.yaml, lets the editor settings override it, and re-reads it when it changes', async () => {
    const workspace = mkdtempSync(path.join(tmpdir(), 'casebook-lsp-'));
    try {
      const proposal = path.join(workspace, 'core.arch.yaml');
      const config = path.join(workspace, '.casebook.yaml');
      writeFileSync(proposal, CORE_TEXT);
      writeFileSync(config, `rules:\n  ${TIER1}: off\n`);
      const client = await start({ rootPath: workspace, initializationOptions: { locale: 'en' }, configuration: { casebook: {} } });
      const uri = fileUri(proposal);
      await client.open(uri, CORE_TEXT);
      assert.ok(!rules(await client.diagnostics(uri, 1)).includes(TIER1), 'the config file was not applied');

      let mark = client.mark();
      writeFileSync(config, `rules:\n  ${TIER1}: error\n  no-such-rule: warning\n`);
      await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
        changes: [{ uri: fileUri(config), type: FileChangeType.Changed }],
      });
      const reread = await client.nextDiagnostics(uri, mark);
      assert.equal(reread.diagnostics.find((d) => d.code === TIER1)?.severity, DiagnosticSeverity.Error);
      // The unknown rule id is a located problem on the config file itself.
      const onConfig = await client.waitFor<{ uri: string; diagnostics: { range: { start: { line: number } } }[] }>(
        'textDocument/publishDiagnostics',
        (p) => p.uri === fileUri(config) && p.diagnostics.length > 0,
        mark,
      );
      assert.equal(onConfig.diagnostics[0]!.range.start.line, 2);

      mark = client.mark();
      await client.setConfiguration('casebook', { rules: { [TIER1]: 'hint' } });
      const overridden = await client.nextDiagnostics(uri, mark);
      assert.equal(overridden.diagnostics.find((d) => d.code === TIER1)?.severity, DiagnosticSeverity.Hint);
    } finally {
      rmSync(workspace, { recursive: true, force: true });
    }
  });

  it('reports a broken enterprise case file located, and keeps the built-in library working', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'casebook-cases-'));
    try {
      cpSync(path.join(FIXTURES, 'broken-cases'), folder, { recursive: true });
      const broken = path.join(folder, 'cases', 'broken-bank.yaml');
      const client = await start({ initializationOptions: { locale: 'en' }, configuration: { casebook: { extraCasePaths: [folder] } } });
      const uri = freshUri();
      await client.open(uri, CORE_TEXT);
      const problems = await client.waitFor<{ uri: string; diagnostics: { range: { start: { line: number } }; message: string }[] }>(
        'textDocument/publishDiagnostics',
        (p) => p.uri === fileUri(broken),
      );
      assert.ok(problems.diagnostics.length > 0);
      assert.ok(
        problems.diagnostics.some((d) => d.range.start.line >= 3),
        JSON.stringify(problems.diagnostics),
      );
      const status = await client.waitFor<ServerStatus>(StatusNotification.method, (s) => s.libraryProblems > 0);
      assert.ok(status.cases >= 11, 'the built-in cases were lost');
      // Findings still cite the built-in customers.
      const published = await client.diagnostics(uri, 1);
      assert.match(published.diagnostics.find((d) => d.code === TIER1)!.message, /Tianhong/);

      // Removing the broken file (a watched change) clears its problems.
      const mark = client.mark();
      rmSync(broken);
      await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
        changes: [{ uri: fileUri(broken), type: FileChangeType.Deleted }],
      });
      const cleared = await client.waitFor<{ uri: string; diagnostics: unknown[] }>(
        'textDocument/publishDiagnostics',
        (p) => p.uri === fileUri(broken),
        mark,
      );
      assert.deepEqual(cleared.diagnostics, []);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
