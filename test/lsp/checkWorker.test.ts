/**
 * Checks run in the check worker (server/src/node/checkWorker.ts), so the
 * server keeps answering while a large proposal is checked; what it
 * publishes stays in order; and a library reload reaches the worker's checks.
 * Ordering, never timing: no assertion depends on how fast anything runs.
 */
import * as assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import {
  DidChangeWatchedFilesNotification,
  FileChangeType,
  HoverRequest,
  LogTraceNotification,
  type LogTraceParams,
} from 'vscode-languageserver-protocol/node';
import { StatusNotification, type ServerStatus } from '../../shared/src/protocol';
import { LspClient, ROOT, fileUri, positionAt } from './harness';
import { CORE_TEXT, WORKSPACE, freshUri, rangeOf } from './fixtures';

const TIER1 = 'tier1-two-regions-three-dcs';

/** A valid proposal of `count` systems over 4 sites (about 300 bytes a system). */
function largeProposal(count: number): string {
  const lines = ['casebook: proposal/v1', `name: 大方案 ${count}`, 'customer: 某农信联社', 'industry: rural-credit', 'sites:'];
  const cities = ['成都', '重庆', '杭州', '上海'];
  cities.forEach((city, i) => lines.push(`  - id: dc-${i}`, `    city: ${city}`, `    role: ${i === 0 ? 'primary' : 'hot-standby'}`));
  lines.push('systems:');
  for (let i = 0; i < count; i++) {
    lines.push(
      `  - id: sys-${i}`,
      `    name: 系统 ${i}`,
      `    tier: ${(i % 3) + 1}`,
      `    kind: ${i % 2 ? 'online' : 'batch'}`,
      `    rto: ${i % 2 ? '30m' : '4h'}`,
      `    rpo: ${i % 2 ? '0' : '15m'}`,
      `    architecture: ${i % 2 ? 'microservices' : 'monolith'}`,
      `    database: { engine: ${i % 2 ? 'oceanbase' : 'oracle'}, mode: ${i % 2 ? 'distributed' : 'centralized'} }`,
      `    runtime: ${i % 2 ? 'container' : 'vm'}`,
      `    sites: [dc-${i % 4}, dc-${(i + 1) % 4}]`,
      ...(i > 0 ? [`    dependsOn: [sys-${(i * 13) % i}]`] : []),
    );
  }
  return `${lines.join('\n')}\n`;
}

/** CORE_TEXT (which cites Tianhong Fund in a finding) padded with comments past the size the main thread checks itself while the worker starts. */
const PADDED_CORE = `${CORE_TEXT}\n${Array.from({ length: 5_000 }, (_, i) => `# 填充注释 ${i}：使文档足够大，由检查线程检查。`).join('\n')}\n`;

describe('LSP: checks in the check worker', function () {
  // Large proposals checked by real server processes on a shared 2-core machine.
  this.timeout(180_000);
  const clients: LspClient[] = [];
  const start = async (options: Parameters<typeof LspClient.start>[0] = {}) => {
    const client = await LspClient.start({
      rootPath: WORKSPACE,
      initializationOptions: { locale: 'en' },
      configuration: { casebook: {} },
      timeoutMs: 150_000,
      ...options,
    });
    clients.push(client);
    await client.waitFor<ServerStatus>(StatusNotification.method, (s) => s.state === 'ready');
    await client.setTrace('verbose');
    return client;
  };
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.stop()));
  });

  /** The server's trace of the check that published this version says where it ran. */
  const checkedInWorker = async (client: LspClient, uri: string, version: number, since: number) => {
    const trace = await client.waitFor<LogTraceParams>(
      LogTraceNotification.type.method,
      (t) => t.message.startsWith(`checked ${uri} version ${version} `),
      since,
    );
    assert.match(trace.verbose ?? '', /^in the check worker: /, trace.verbose);
  };

  it('answers hovers while a large proposal is checked, before that check publishes', async () => {
    const client = await start();
    const text = largeProposal(2_000);
    const uri = freshUri('large.arch.yaml');
    await client.open(uri, text);
    await client.diagnostics(uri, 1);
    const position = positionAt(text, text.indexOf('  - id: sys-1500\n') + '  - id: sys-'.length);
    // The main thread's own parse of the document, for hovers, is done once here, before the edit.
    assert.ok(await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position }));

    const tier = rangeOf(text, 'tier: 1', '  - id: sys-999\n');
    const mark = client.mark();
    const version = await client.change(uri, [{ range: tier, text: 'tier: 2' }]);
    let published = false;
    const diagnostics = client.diagnostics(uri, version, mark).then((p) => ((published = true), p));
    let answered = 0;
    // Hovers one after the other until the edit's diagnostics arrive: each is answered while the check runs.
    while (!published) {
      const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
      assert.ok(hover, 'a hover on a system id has an answer');
      if (!published) answered++;
    }
    await diagnostics;
    await checkedInWorker(client, uri, version, mark);
    // A check on the main thread answers a request only between its steps (parse, analysis, conversion): a few at most.
    assert.ok(answered >= 10, `only ${answered} hovers were answered before the check published`);
  });

  it('never publishes an older version after a newer one, and ends on the latest text', async () => {
    const client = await start();
    const text = largeProposal(600);
    const uri = freshUri('storm.arch.yaml');
    await client.open(uri, text);
    await client.diagnostics(uri, 1);
    client.forgetReceived();
    const mark = client.mark();
    // A storm of whole-text edits without waiting; the last one references a system that does not exist.
    let version = 1;
    for (let i = 0; i < 30; i++) {
      const next =
        i === 29
          ? text.replace('    dependsOn: [sys-0]', '    dependsOn: [sys-nowhere]')
          : text.replace(/tier: [12]/, `tier: ${(i % 2) + 1}`);
      version = await client.replace(uri, next);
      if (i % 10 === 9) await new Promise((resolve) => setTimeout(resolve, 50)); // pauses, so that several checks run
    }
    const last = await client.diagnostics(uri, version, mark);
    await checkedInWorker(client, uri, version, mark);
    const versions = client.allDiagnostics(uri).map((p) => p.version!);
    assert.deepEqual(
      versions,
      [...versions].sort((a, b) => a - b),
      `published out of order: ${versions.join(', ')}`,
    );
    assert.equal(new Set(versions).size, versions.length, `a version published twice: ${versions.join(', ')}`);
    assert.equal(versions.at(-1), version);
    assert.ok(
      last.diagnostics.some((d) => d.message.includes('sys-nowhere')),
      'the last publish is not of the latest text',
    );
    // Nothing arrives after the latest version's diagnostics.
    await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 0 } });
    assert.equal(client.allDiagnostics(uri).at(-1)!.version, version);
  });

  it('reloads the library in the worker: a changed case file reaches the next check', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'casebook-worker-library-'));
    try {
      for (const folder of ['cases', 'regulations', 'docs']) cpSync(path.join(ROOT, folder), path.join(root, folder), { recursive: true });
      const client = await start({ initializationOptions: { locale: 'en', builtInCasesPath: path.join(root, 'cases') } });
      const uri = freshUri('library.arch.yaml');
      await client.open(uri, PADDED_CORE);
      let mark = 0;
      const before = await client.diagnostics(uri, 1);
      await checkedInWorker(client, uri, 1, mark);
      assert.match(before.diagnostics.find((d) => d.code === TIER1)!.message, /Tianhong Fund/);

      const caseFile = path.join(root, 'cases', 'cases', 'tianhong-fund.yaml');
      writeFileSync(caseFile, readFileSync(caseFile, 'utf8').replace('en: Tianhong Fund }', 'en: Tianhong Renamed Fund }'));
      mark = client.mark();
      await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
        changes: [{ uri: fileUri(caseFile), type: FileChangeType.Changed }],
      });
      const after = await client.nextDiagnostics(uri, mark);
      assert.equal(after.version, 1);
      assert.match(after.diagnostics.find((d) => d.code === TIER1)!.message, /Tianhong Renamed Fund/);
      await checkedInWorker(client, uri, 1, mark);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
