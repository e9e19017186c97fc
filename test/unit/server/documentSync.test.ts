/**
 * DocumentSync with in-memory stand-ins for the connection, the documents,
 * the settings and the library: when checks run and which versions publish.
 * The debounce is a minute long, so "checked at once" and "still waiting"
 * cannot pass by luck of timing.
 */
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Connection, PublishDiagnosticsParams, TextDocuments } from 'vscode-languageserver/node';
import { DocumentSync } from '../../../server/src/node/documentSync';
import { capDiagnostics } from '../../../server/src/node/limits';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { Guard } from '../../../server/src/node/guard';
import type { LibraryState } from '../../../server/src/node/libraryState';
import type { DocumentSettings, SettingsStore } from '../../../server/src/node/settings';
import type { LanguageService } from '../../../server/src/service/languageService';
import { fixture, service, settings } from '../features/helpers';

const TEXT = fixture('findings.arch.yaml');
const URI = 'file:///w/sync.arch.yaml';
const MINUTE = 60_000;

function setup(
  languageService: LanguageService = service(),
  settingsOf: { get?: () => Promise<DocumentSettings>; likely?: () => DocumentSettings | undefined } = {},
) {
  const published: PublishDiagnosticsParams[] = [];
  const traces: string[] = [];
  const waiting: { version: number; resolve: () => void }[] = [];
  const open = new Map<string, TextDocument>();
  const connection = {
    sendDiagnostics: (params: PublishDiagnosticsParams) => {
      published.push(params);
      for (const w of waiting.filter((w) => w.version === params.version)) w.resolve();
      return Promise.resolve();
    },
    tracer: { log: (message: string) => traces.push(message) },
  } as unknown as Connection; // only sendDiagnostics and the tracer are used
  const documents = { get: (uri: string) => open.get(uri), all: () => [...open.values()] } as unknown as TextDocuments<TextDocument>;
  const documentSettings: DocumentSettings = { analysis: settings('en'), extraCasePaths: [], key: 'k' };
  const settingsStore = {
    get: settingsOf.get ?? (() => Promise.resolve(documentSettings)),
    likely: settingsOf.likely ?? (() => documentSettings),
    forget: () => {},
  } as unknown as SettingsStore;
  const library = { useExtraPaths: () => false, forget: () => {}, generation: 1 } as unknown as LibraryState;
  const guard: Guard = {
    request: () => assert.fail(),
    event: () => assert.fail(),
    report: (name, error) => assert.fail(`${name}: ${String(error)}`),
  };
  const sync = new DocumentSync({
    connection,
    documents,
    service: languageService,
    settings: settingsStore,
    library,
    guard,
    debounceMs: MINUTE,
  });
  let document = TextDocument.create(URI, 'yaml', 1, TEXT);
  return {
    published,
    sync,
    traces,
    /** As TextDocuments does: an open is reported as an open, then as a change. */
    open() {
      open.set(URI, document);
      sync.opened(document);
      sync.changed(document);
    },
    edit(from: string, to: string) {
      const text = document.getText();
      const at = text.indexOf(from);
      document = TextDocument.create(URI, 'yaml', document.version + 1, text.slice(0, at) + to + text.slice(at + from.length));
      open.set(URI, document);
      sync.changed(document);
      return document.version;
    },
    close() {
      open.delete(URI);
      sync.closed(document);
    },
    publishedFor: (version: number) =>
      new Promise<void>((resolve) => (published.some((p) => p.version === version) ? resolve() : waiting.push({ version, resolve }))),
  };
}

const turns = async (n: number) => {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setTimeout(resolve, 0));
};

describe('server: document sync', () => {
  it('checks an opened document at once, though the opening also arrives as a change', async () => {
    const s = setup();
    s.open();
    await s.publishedFor(1); // with the minute-long debounce this would time out
    await turns(1); // the trace follows the write
    assert.equal(s.traces.length, 1);
    assert.match(s.traces[0]!, /^checked file:\/\/\/w\/sync\.arch\.yaml version 1 in /);
    s.close();
  });

  it('checks a lone edit at once, without the debounce', async () => {
    const s = setup();
    s.open();
    await s.publishedFor(1);
    await new Promise((resolve) => setTimeout(resolve, 5)); // the edit comes after a pause, not in a burst with the opening
    const version = s.edit('tier: 1', 'tier: 2');
    await s.publishedFor(version); // with the minute-long debounce this would time out
    assert.deepEqual(
      s.published.map((p) => p.version),
      [1, 2],
    );
    s.close();
  });

  it('holds edits in a burst until a pause, and publishes nothing stale', async () => {
    const s = setup();
    s.open();
    await s.publishedFor(1);
    await new Promise((resolve) => setTimeout(resolve, 5));
    s.edit('tier: 1', 'tier: 3');
    s.edit('tier: 3', 'tier: 2'); // hard on the heels of the first: debounced, and the first's check is superseded
    await turns(20);
    assert.deepEqual(
      s.published.map((p) => p.version),
      [1],
      'neither the superseded version nor the burst published',
    );
    let idle = false;
    void s.sync.whenIdle().then(() => (idle = true));
    await turns(5);
    assert.equal(idle, false, 'the burst is still waiting for its pause');
    s.close();
    await s.sync.whenIdle();
    assert.deepEqual(s.published.at(-1), { uri: URI, diagnostics: [] }, 'closing clears what was published');
  });

  it('analyses with the likely settings while the real ones are pulled, and again only when they differ', async () => {
    const real = service();
    const analysed: string[] = [];
    const languageService: LanguageService = {
      ...real,
      analyze: (document, analysis) => {
        analysed.push(analysis.rules['tier1-two-regions-three-dcs'] ?? 'default');
        return real.analyze(document, analysis);
      },
    };
    const likely: DocumentSettings = { analysis: settings('en'), extraCasePaths: [], key: 'likely' };
    const quiet: DocumentSettings = {
      analysis: { ...settings('en'), rules: { 'tier1-two-regions-three-dcs': 'off' } },
      extraCasePaths: [],
      key: 'quiet',
    };
    let answer: (value: DocumentSettings) => void = () => {};
    const s = setup(languageService, { likely: () => likely, get: () => new Promise((resolve) => (answer = resolve)) });
    s.open();
    await turns(3);
    assert.deepEqual(analysed, ['default'], 'the analysis started before the settings came');
    assert.equal(s.published.length, 0);
    answer(quiet); // the document's own settings turn the rule off: analysed again, and that is what is published
    await s.publishedFor(1);
    assert.deepEqual(analysed, ['default', 'off']);
    assert.ok(!s.published[0]!.diagnostics.some((d) => d.code === 'tier1-two-regions-three-dcs'), 'published with the guessed settings');
    s.close();

    analysed.length = 0;
    const same = setup(languageService, { likely: () => likely, get: () => Promise.resolve(likely) });
    same.open();
    await same.publishedFor(1);
    assert.deepEqual(analysed, ['default'], 'the likely settings were right: one analysis');
    assert.ok(same.published[0]!.diagnostics.some((d) => d.code === 'tier1-two-regions-three-dcs'));
    same.close();
  });

  it('checks in steps, so that a request arriving meanwhile waits for one step only', async () => {
    const real = service();
    const log: string[] = [];
    /** Each step queues a stand-in for a request that arrives while it runs. */
    const step = <T>(name: string, run: () => T): T => {
      log.push(name);
      setImmediate(() => log.push('request'));
      return run();
    };
    const s = setup({
      ...real,
      parse: (document) => step('parse', () => real.parse(document)),
      analyze: (document, analysis) => step('analyze', () => real.analyze(document, analysis)),
      doValidation: (document, analysis) => step('convert', () => real.doValidation(document, analysis)),
    });
    s.open();
    await s.publishedFor(1);
    assert.deepEqual(log.slice(0, 5), ['parse', 'request', 'analyze', 'request', 'convert']);
    s.close();
  });
  it('publishes at most 500 diagnostics, the most severe, and one bilingual summary of the rest', async () => {
    const many: Diagnostic[] = Array.from({ length: 1_200 }, (_, i) => ({
      range: { start: { line: i, character: 0 }, end: { line: i, character: 1 } },
      severity: i % 3 === 0 ? DiagnosticSeverity.Error : i % 3 === 1 ? DiagnosticSeverity.Warning : DiagnosticSeverity.Hint,
      message: `finding ${i}`,
    }));
    const s = setup({ ...service(), doValidation: () => many });
    s.open();
    await s.publishedFor(1);
    const { diagnostics } = s.published[0]!;
    assert.equal(diagnostics.length, 501);
    const [summary, ...kept] = diagnostics;
    assert.equal(summary!.code, 'diagnostics-capped');
    assert.match(summary!.message, /1200 problems.*500 most severe.*700 more \(0 errors, 300 warnings, 400 others\)/);
    assert.equal(kept.filter((d) => d.severity === DiagnosticSeverity.Error).length, 400, 'every error kept');
    assert.equal(kept.filter((d) => d.severity === DiagnosticSeverity.Warning).length, 100);
    assert.deepEqual(
      kept.map((d) => d.range.start.line),
      [...kept.map((d) => d.range.start.line)].sort((a, b) => a - b),
      'in document order',
    );
    assert.match(capDiagnostics(many, 'zh-CN')[0]!.message, /编辑器只显示最严重的 500 条/);
    assert.equal(capDiagnostics(many.slice(0, 500), 'en').length, 500, 'up to the cap, all of them and no summary');
    s.close();
  });
});
