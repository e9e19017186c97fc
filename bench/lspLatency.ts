/**
 * The language server under load, as an editor feels it (issue 13), beside
 * yaml-language-server driven the same way in the same run:
 *
 * - hover and completion while a 2 MB proposal is being checked: after the
 *   open and after each one-character edit, requests are sent one after the
 *   other until that version's diagnostics arrive; every answer counts
 *   (target p99 < 50 ms);
 * - publish latency under a storm of 20 edits a second on a 1,000-system
 *   proposal: for each edit, the time until diagnostics of that version or a
 *   later one arrive (yaml-language-server's diagnostics carry no version:
 *   there, the first diagnostics after the edit, which if anything favours it);
 * - cold open → first finding: from spawning the server to the first
 *   publishDiagnostics of an opened example that holds a finding. The
 *   server's share of the workbench figure (target < 1.5 s); VS Code's own
 *   activation is not in it.
 *
 * Section 3b of `npm run bench` (bench/main.ts); alone: `npx tsx bench/lspLatency.ts`
 * after `node scripts/build.mjs`. `CASEBOOK_SERVER` and `CASEBOOK_BENCH_YLS=0`
 * as in bench/lsp.ts.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  CompletionRequest,
  HoverRequest,
  PublishDiagnosticsNotification,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { StatusNotification, type ServerStatus } from '../shared/src/protocol';
import { LspClient, ROOT, fileUri, positionAt, type StartOptions } from '../test/lsp/harness';
import { SCHEMA, YAML_SETTINGS, YLS, generateProposal } from './lsp';

const SERVER: Pick<StartOptions, 'command'> = process.env['CASEBOOK_SERVER']
  ? { command: [process.execPath, path.resolve(process.env['CASEBOOK_SERVER']), '--stdio'] }
  : {};

/** Bytes of the large proposal: 2 MB, under the server's 2 MiB limit (past it nothing is checked). */
const LARGE_BYTES = 2_000_000;
/** Checks of the large proposal probed: its open and this many edits. */
const LARGE_EDITS = 4;
const STORM_SYSTEMS = 1000;
const STORM_RATE = 20;
const STORM_EDITS = 100;
const COLD_RUNS = 3;
const COLD_EXAMPLE = path.join(ROOT, 'examples', 'bank-core.arch.yaml');

interface Stats {
  median: number;
  p99: number;
  max: number;
  count: number;
}

function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.max(0, Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1))] ?? NaN;
  return { median: at(0.5), p99: at(0.99), max: sorted[sorted.length - 1] ?? NaN, count: sorted.length };
}

const ms = (value: number) => (Number.isFinite(value) ? `${value.toFixed(value < 10 ? 2 : value < 1000 ? 1 : 0)} ms` : 'n/a');
const show = (s: Stats) => `p50 ${ms(s.median)}, p99 ${ms(s.p99)}, max ${ms(s.max)} (n=${s.count})`;
const ratio = (a: number, b: number) => (b > 0 && Number.isFinite(a) && Number.isFinite(b) ? `${(a / b).toFixed(2)}×` : 'n/a');
const verdict = (met: boolean) => (met ? 'met' : 'MISSED');
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

/** The generated proposal closest to `bytes` without passing it. */
export function proposalOfBytes(bytes: number): string {
  let systems = Math.floor(bytes / 460);
  let text = generateProposal(systems);
  while (Buffer.byteLength(text) > bytes) text = generateProposal((systems -= 50));
  return text;
}

/** A one-character edit on the tier digit of system `system` (1 ↔ 2, so the text stays valid). */
function tierEdit(text: string, system: number) {
  const at = text.indexOf(`  - id: sys-${system}\n`);
  const tierAt = text.indexOf('    tier: ', at) + '    tier: '.length;
  const start = positionAt(text, tierAt);
  return { range: { start, end: { line: start.line, character: start.character + 1 } }, text: text[tierAt] === '1' ? '2' : '1' };
}

/** Where to hover and complete: an id, a tier, a dependsOn entry, spread over the document. */
function probes(text: string): { line: number; character: number }[] {
  const needles = ['  - id: sys-', '    tier: ', '    dependsOn: [sys-', '    sites: [dc-'];
  const positions: { line: number; character: number }[] = [];
  const step = Math.floor(text.length / 50);
  for (let from = 0, i = 0; positions.length < 50; i++, from += step) {
    const needle = needles[i % needles.length]!;
    const at = text.indexOf(needle, from % text.length);
    if (at >= 0) positions.push(positionAt(text, at + needle.length));
  }
  return positions;
}

/** Records when each publishDiagnostics for `uri` arrives, until `done` says stop. */
function recordPublishes(client: LspClient, uri: string, done: (p: PublishDiagnosticsParams) => boolean) {
  const arrivals: { version: number | undefined; at: number; count: number }[] = [];
  const finished = client.waitFor<PublishDiagnosticsParams>(
    PublishDiagnosticsNotification.method,
    (p) => {
      if (p.uri !== uri) return false;
      arrivals.push({ version: p.version, at: performance.now(), count: p.diagnostics.length });
      return done(p);
    },
    client.mark(),
  );
  return { arrivals, finished };
}

interface Probed {
  hover: number[];
  completion: number[];
  /** How long each probed check took, from the message that started it to its diagnostics. */
  checks: number[];
}

/**
 * Opens the document, then edits it `LARGE_EDITS` times; after each, hovers
 * and completes one request at a time until the next diagnostics arrive.
 */
async function probeDuringChecks(client: LspClient, uri: string, text: string, versioned: boolean): Promise<Probed> {
  const result: Probed = { hover: [], completion: [], checks: [] };
  const positions = probes(text);
  let p = 0;
  for (let round = 0; round <= LARGE_EDITS; round++) {
    const started = performance.now();
    let version = 1;
    let arrived = false;
    const mark = client.mark();
    if (round === 0) await client.open(uri, text);
    else version = await client.change(uri, [tierEdit(client.text(uri), (round * 7919) % 1000)]);
    const published = (versioned ? client.diagnostics(uri, version, mark) : client.nextDiagnostics(uri, mark)).then(() => {
      arrived = true;
      result.checks.push(performance.now() - started);
    });
    while (!arrived) {
      const position = positions[p++ % positions.length]!;
      const kind = p % 2 === 0 ? 'hover' : 'completion';
      const t0 = performance.now();
      if (kind === 'hover') await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
      else await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position });
      result[kind].push(performance.now() - t0);
    }
    await published;
    client.forgetReceived();
  }
  return result;
}

/** Sends `STORM_EDITS` edits at `STORM_RATE` a second without waiting; for each, the time until diagnostics cover it. */
async function storm(
  client: LspClient,
  uri: string,
  text: string,
  versioned: boolean,
): Promise<{ latencies: number[]; publishes: number }> {
  let mark = client.mark();
  await client.open(uri, text);
  await (versioned ? client.diagnostics(uri, 1, mark) : client.nextDiagnostics(uri, mark));
  client.forgetReceived();
  const sent: { version: number; at: number }[] = [];
  let last = Number.POSITIVE_INFINITY;
  const { arrivals, finished } = recordPublishes(client, uri, (p) =>
    versioned ? p.version === last : sent.length === STORM_EDITS && arrivals[arrivals.length - 1]!.at > sent[sent.length - 1]!.at,
  );
  mark = client.mark();
  const start = performance.now();
  for (let i = 0; i < STORM_EDITS; i++) {
    const due = start + (i * 1000) / STORM_RATE;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const at = performance.now();
    const version = await client.change(uri, [tierEdit(client.text(uri), (i * 7919) % STORM_SYSTEMS)]);
    sent.push({ version, at });
  }
  last = sent[sent.length - 1]!.version;
  await finished;
  const latencies = sent.map(({ version, at }) => {
    const covering = arrivals.find((a) => a.at >= at && (!versioned || (a.version ?? 0) >= version));
    return covering ? covering.at - at : NaN;
  });
  client.forgetReceived();
  return { latencies, publishes: arrivals.length };
}

async function startCasebook(workspace: string): Promise<LspClient> {
  const client = await LspClient.start({
    ...SERVER,
    rootPath: workspace,
    initializationOptions: { locale: 'zh-CN' },
    configuration: { casebook: {} },
    timeoutMs: 180_000,
  });
  await client.waitFor<ServerStatus>(StatusNotification.method, (s) => s.state === 'ready');
  return client;
}

async function startYls(workspace: string): Promise<LspClient> {
  const client = await LspClient.start({
    command: [process.execPath, YLS, '--stdio'],
    rootPath: workspace,
    configuration: { yaml: YAML_SETTINGS, '[yaml]': {}, editor: {}, http: {}, files: {} },
    timeoutMs: 180_000,
  });
  await client.setConfiguration('yaml', YAML_SETTINGS);
  return client;
}

async function coldOpen(command: 'casebook' | 'yls', workspace: string, text: string, run: number): Promise<number> {
  const uri = fileUri(path.join(workspace, `cold-${command}-${run}.arch.yaml`));
  const started = performance.now();
  const client =
    command === 'casebook'
      ? await LspClient.start({
          ...SERVER,
          rootPath: workspace,
          initializationOptions: { locale: 'zh-CN' },
          configuration: { casebook: {} },
        })
      : await startYls(workspace);
  try {
    // As an editor does: the file is opened as soon as the server is initialised, not when it says it is ready.
    const mark = client.mark();
    await client.open(uri, text);
    await client.waitFor<PublishDiagnosticsParams>(
      PublishDiagnosticsNotification.method,
      (p) => p.uri === uri && (command === 'yls' || p.diagnostics.length > 0),
      mark,
    );
    return performance.now() - started;
  } finally {
    await client.stop();
  }
}

export async function benchLspLatency(): Promise<void> {
  console.log('\n### Under load: hover during a large check, edit storms, cold open\n');
  console.log(`load average at start: ${load()}`);
  const withYls = process.env['CASEBOOK_BENCH_YLS'] !== '0' && existsSync(YLS) && existsSync(SCHEMA);
  const workspace = mkdtempSync(path.join(tmpdir(), 'casebook-bench-load-'));
  try {
    // 1. Hover and completion while a 2 MB proposal is checked.
    const large = proposalOfBytes(LARGE_BYTES);
    const largeSize = `${(Buffer.byteLength(large) / 1e6).toFixed(2)} MB, ${large.split('\n').length} lines`;
    let casebook = await startCasebook(workspace);
    let probed: Probed;
    try {
      probed = await probeDuringChecks(casebook, fileUri(path.join(workspace, 'large.arch.yaml')), large, true);
    } finally {
      await casebook.stop();
    }
    const hover = stats(probed.hover);
    const completion = stats(probed.completion);
    const all = stats([...probed.hover, ...probed.completion]);
    console.log(`hover while a ${largeSize} proposal is checked (its open and ${LARGE_EDITS} edits): ${show(hover)}`);
    console.log(`completion meanwhile: ${show(completion)}`);
    console.log(
      `  both: p99 ${ms(all.p99)} (target < 50 ms: ${verdict(all.p99 < 50)}); the checks probed took ${show(stats(probed.checks))}`,
    );
    if (withYls) {
      const yls = await startYls(workspace);
      try {
        const peer = await probeDuringChecks(yls, fileUri(path.join(workspace, 'large-yls.arch.yaml')), large, false);
        const peerAll = stats([...peer.hover, ...peer.completion]);
        console.log(
          `yaml-language-server, the same: hover ${show(stats(peer.hover))}; completion ${show(stats(peer.completion))}; its checks ${show(stats(peer.checks))}`,
        );
        console.log(`  hover+completion p99, Casebook / yaml-language-server: ${ratio(all.p99, peerAll.p99)}`);
      } finally {
        await yls.stop();
      }
    }

    // 2. A storm of edits on a 1,000-system proposal.
    const medium = generateProposal(STORM_SYSTEMS);
    casebook = await startCasebook(workspace);
    let own: { latencies: number[]; publishes: number };
    try {
      own = await storm(casebook, fileUri(path.join(workspace, 'storm.arch.yaml')), medium, true);
    } finally {
      await casebook.stop();
    }
    const ownStats = stats(own.latencies);
    console.log(
      `\n${STORM_EDITS} edits at ${STORM_RATE}/s on ${STORM_SYSTEMS} systems, edit → diagnostics covering it: ${show(ownStats)}; ${own.publishes} publishes`,
    );
    if (withYls) {
      const yls = await startYls(workspace);
      try {
        const peer = await storm(yls, fileUri(path.join(workspace, 'storm-yls.arch.yaml')), medium, false);
        const peerStats = stats(peer.latencies);
        console.log(`yaml-language-server, the same (first diagnostics after the edit): ${show(peerStats)}; ${peer.publishes} publishes`);
        console.log(`  publish p99, Casebook / yaml-language-server: ${ratio(ownStats.p99, peerStats.p99)}`);
      } finally {
        await yls.stop();
      }
    }

    // 3. Cold open → first finding.
    const example = readFileSync(COLD_EXAMPLE, 'utf8');
    const cold: number[] = [];
    for (let i = 0; i < COLD_RUNS; i++) cold.push(await coldOpen('casebook', workspace, example, i));
    const coldStats = stats(cold);
    console.log(
      `\ncold: spawn the server → initialize → open ${path.basename(COLD_EXAMPLE)} → its first finding: ${show(coldStats)} (target < 1.5 s, the server's share: ${verdict(coldStats.median < 1500)})`,
    );
    if (withYls) {
      const peer: number[] = [];
      for (let i = 0; i < COLD_RUNS; i++) peer.push(await coldOpen('yls', workspace, example, i));
      const peerStats = stats(peer);
      console.log(
        `yaml-language-server, spawn → its first diagnostics: ${show(peerStats)}; Casebook / it: ${ratio(coldStats.median, peerStats.median)}`,
      );
    }
  } finally {
    rmSync(workspace, { recursive: true, force: true });
    console.log(`load average at end: ${load()}`);
  }
}

if (require.main === module && /lspLatency\.ts$/.test(__filename)) {
  benchLspLatency().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
