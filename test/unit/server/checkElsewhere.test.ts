/**
 * DocumentSync with a checker elsewhere (the check worker's place taken by a
 * stand-in whose results the test hands back in any order): which results
 * are published, and the fall-back to checking in-process.
 */
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Connection, PublishDiagnosticsParams, TextDocuments } from 'vscode-languageserver/node';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { Checker, CheckJob, CheckResult } from '../../../server/src/node/checkScheduler';
import { DocumentSync } from '../../../server/src/node/documentSync';
import type { Guard } from '../../../server/src/node/guard';
import type { LibraryState } from '../../../server/src/node/libraryState';
import type { DocumentSettings, SettingsStore } from '../../../server/src/node/settings';
import { fixture, service, settings } from '../features/helpers';

const TEXT = fixture('findings.arch.yaml');
const URI = 'file:///w/elsewhere.arch.yaml';

class StandIn implements Checker {
  available = true;
  ready = true;
  readonly jobs: { job: Omit<CheckJob, 'id'>; resolve: (r: CheckResult | undefined) => void; reject: (e: Error) => void }[] = [];
  readonly closed: string[] = [];
  check(job: Omit<CheckJob, 'id'>): Promise<CheckResult | undefined> {
    return new Promise((resolve, reject) => this.jobs.push({ job, resolve, reject }));
  }
  close(uri: string): void {
    this.closed.push(uri);
  }
  /** Finishes the job posted for `version` with one diagnostic naming it. */
  finish(version: number, generation = 1): void {
    const i = this.jobs.findIndex((j) => j.job.version === version);
    const [{ job, resolve }] = this.jobs.splice(i, 1) as [(typeof this.jobs)[number]];
    resolve({
      id: 0,
      uri: job.uri,
      version: job.version,
      generation,
      diagnostics: [
        {
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
          severity: DiagnosticSeverity.Warning,
          message: `v${version}`,
        },
      ],
      findings: '[]',
      parseMs: 1,
      analysisMs: 1,
      convertMs: 1,
    });
  }
}

function setup(checker: StandIn) {
  const published: PublishDiagnosticsParams[] = [];
  const reports: string[] = [];
  const open = new Map<string, TextDocument>();
  const connection = {
    sendDiagnostics: (params: PublishDiagnosticsParams) => (published.push(params), Promise.resolve()),
    tracer: { log: () => {} },
  } as unknown as Connection; // only sendDiagnostics and the tracer are used
  const documents = { get: (uri: string) => open.get(uri), all: () => [...open.values()] } as unknown as TextDocuments<TextDocument>;
  const documentSettings: DocumentSettings = { analysis: settings('en'), extraCasePaths: [], key: 'k' };
  const settingsStore = {
    get: () => Promise.resolve(documentSettings),
    likely: () => documentSettings,
    forget: () => {},
  } as unknown as SettingsStore;
  const library = { useExtraPaths: () => false, forget: () => {}, generation: 1 } as unknown as LibraryState;
  const guard: Guard = { request: () => assert.fail(), event: () => assert.fail(), report: (name) => reports.push(name) };
  // No debounce to speak of: each edit below is checked on its own.
  const sync = new DocumentSync({
    connection,
    documents,
    service: service(),
    settings: settingsStore,
    library,
    guard,
    debounceMs: 0,
    checker,
  });
  let document = TextDocument.create(URI, 'yaml', 1, TEXT);
  const turns = async (n = 5) => {
    for (let i = 0; i < n; i++) await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return {
    published,
    reports,
    sync,
    turns,
    versions: () => published.map((p) => p.version),
    async open() {
      open.set(URI, document);
      sync.opened(document);
      await turns();
    },
    async edit() {
      document = TextDocument.create(URI, 'yaml', document.version + 1, document.getText().replace('tier: 1', 'tier: 1 '));
      open.set(URI, document);
      sync.changed(document);
      await turns();
    },
    close() {
      open.delete(URI);
      sync.closed(document);
    },
  };
}

describe('server: checks elsewhere (the check worker)', () => {
  it('publishes what the checker converted, not a check of its own', async () => {
    const checker = new StandIn();
    const s = setup(checker);
    await s.open();
    assert.equal(checker.jobs.length, 1);
    assert.equal(checker.jobs[0]!.job.text, TEXT);
    checker.finish(1);
    await s.turns();
    assert.deepEqual(s.published, [
      {
        uri: URI,
        version: 1,
        diagnostics: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, severity: 2, message: 'v1' }],
      },
    ]);
    s.close();
    assert.deepEqual(checker.closed, [URI], 'the checker is told of the close');
  });

  it('publishes a result that newer edits overtook while nothing newer is published, and never an older one after a newer', async () => {
    const checker = new StandIn();
    const s = setup(checker);
    await s.open();
    await s.edit(); // 2
    await s.edit(); // 3
    checker.finish(1);
    await s.turns();
    assert.deepEqual(s.versions(), [1], 'version 1 finished after newer edits: still the newest there is');
    checker.finish(3);
    await s.turns();
    checker.finish(2); // late: 3 is out already
    await s.turns();
    assert.deepEqual(s.versions(), [1, 3]);
    s.close();
  });

  it('drops a result from before a re-check (settings or library changed), and publishes the re-check of the same version', async () => {
    const checker = new StandIn();
    const s = setup(checker);
    await s.open();
    void s.sync.recheckAll();
    await s.turns();
    assert.equal(checker.jobs.length, 2);
    checker.finish(1); // the first job, from before the re-check
    await s.turns();
    assert.deepEqual(s.versions(), [], 'a result from before the settings changed was published');
    checker.finish(1); // the re-check's
    await s.turns();
    assert.deepEqual(s.versions(), [1]);
    s.close();
  });

  it('drops a result computed under another library generation', async () => {
    const checker = new StandIn();
    const s = setup(checker);
    await s.open();
    checker.finish(1, 2);
    await s.turns();
    assert.deepEqual(s.versions(), []);
    s.close();
  });

  it('drops a result for a document closed meanwhile, even when the uri is opened again', async () => {
    const checker = new StandIn();
    const s = setup(checker);
    await s.open();
    s.close();
    await s.open();
    checker.finish(1); // the first opening's job
    await s.turns();
    assert.deepEqual(
      s.published.filter((p) => p.diagnostics.length > 0),
      [],
    );
    checker.finish(1);
    await s.turns();
    assert.deepEqual(
      s.versions().filter((v) => v !== undefined),
      [1],
    );
    s.close();
  });

  it('checks in-process when the checker fails, and says so', async () => {
    const checker = new StandIn();
    const s = setup(checker);
    await s.open();
    checker.jobs.shift()!.reject(new Error('the check worker exited (code 1)'));
    await s.turns(20);
    assert.deepEqual(s.reports, [`checking ${URI} in the check worker`]);
    assert.equal(s.versions()[0], 1);
    assert.ok(
      s.published[0]!.diagnostics.some((d) => d.source === 'casebook'),
      'the in-process check published real findings',
    );
    s.close();
  });
});
