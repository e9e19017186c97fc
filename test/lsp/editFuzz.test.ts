/**
 * A seeded fuzz of incremental edits against ONE server over JSON-RPC (issue 13): bursts of didChange sent without
 * waiting, ranges past the end of a line and of the document, reversed ranges, several changes in one
 * notification, stale and repeated versions, edits that join or split `\r` and `\n` line breaks, and deep nesting
 * (flow and block, around and far past the 64-level limit). After each burst the diagnostics published for the
 * newest version must equal those of a fresh didOpen of the same text under another uri: the server's copy of the
 * text stayed in step with the client's, and the incremental parse agrees with a fresh one.
 *
 * The client's copy is kept by `applyLsp` below, which reads positions as LSP does (lines end at `\r\n`, `\r` or
 * `\n`; a character past the line's end means its end; a line past the last means the end of the text) and, as
 * the server does, swaps a reversed range. Deterministic for a seed: `CASEBOOK_FUZZ_SEED=<n>` replays one; a
 * failure names the seed and the burst.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { Diagnostic, Position, PublishDiagnosticsParams, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol/node';
import { assertDiagnostics, linesOf } from '../fixtures/lspChecks';
import { LspClient, fileUri } from './harness';
import { CORE_TEXT, WORKSPACE } from './fixtures';

const SEEDS = process.env.CASEBOOK_FUZZ_SEED ? [Number(process.env.CASEBOOK_FUZZ_SEED)] : [13, 2026, 8_001, 424_242];
const BURSTS_PER_SEED = 40;
/** Texts grow under random inserts: past this the document is reset to a base text (a full-text change). */
const MAX_TEXT = 40_000;

/* ------------------------------------------------------------------------ */
/* The client's copy, as LSP reads positions                                 */
/* ------------------------------------------------------------------------ */

/** Offsets where each line starts, lines ending at `\r\n`, `\r` or `\n`. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    if (c === 13 || c === 10) starts.push(i + 1);
  }
  return starts;
}

/** The offset of a position, clamped: past the line's end is its end (before the break), past the last line is the end. */
function offsetOf(text: string, starts: number[], position: Position): number {
  if (position.line >= starts.length) return text.length;
  const start = starts[position.line]!;
  let end = position.line + 1 < starts.length ? starts[position.line + 1]! : text.length;
  while (end > start && (text.charCodeAt(end - 1) === 10 || text.charCodeAt(end - 1) === 13)) end--;
  return Math.min(start + Math.max(0, position.character), end);
}

export function applyLsp(text: string, changes: TextDocumentContentChangeEvent[]): string {
  for (const change of changes) {
    if (!('range' in change) || !change.range) {
      text = change.text;
      continue;
    }
    const starts = lineStarts(text);
    const a = offsetOf(text, starts, change.range.start);
    const b = offsetOf(text, starts, change.range.end);
    text = text.slice(0, Math.min(a, b)) + change.text + text.slice(Math.max(a, b));
  }
  return text;
}

/** Mulberry32, as bench/random.ts (outside the test project): small, seeded, the same sequence every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/* ------------------------------------------------------------------------ */
/* Edits                                                                     */
/* ------------------------------------------------------------------------ */

const SNIPPETS = [
  '',
  'x',
  ': ',
  '\n',
  '\r',
  '\r\n',
  '  - ',
  '[',
  ']',
  '{',
  '}',
  ', ',
  '"',
  "'",
  '# note\n',
  '    tier: 1\n',
  'systems:\n',
  '  - id: s9\n    name: 九\n',
  '    dependsOn: [core, gl]\n',
  '中文',
  '😀',
  '&a ',
  '*a',
  '<<: *a\n',
  '---\n',
  '\t',
  '? ',
  '|\n  block\n',
];

/** The base texts a reset goes back to: the fixture with `\n`, with `\r\n`, and with both mixed with lone `\r`. */
const BASES = [
  CORE_TEXT,
  CORE_TEXT.replace(/\n/g, '\r\n'),
  CORE_TEXT.split('\n')
    .map((line, i) => line + ['\n', '\r\n', '\r'][i % 3])
    .join(''),
];

type Rng = () => number;
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
const int = (rng: Rng, n: number): number => Math.floor(rng() * n);

function position(rng: Rng, text: string): Position {
  const lines = linesOf(text);
  const line = int(rng, lines.length);
  return { line, character: int(rng, lines[line]!.length + 1) };
}

/** One change to `text` (the client's copy), of a kind chosen at random, and what it is (for a failure message). */
function randomChange(rng: Rng, text: string): { change: TextDocumentContentChangeEvent; kind: string } {
  const lines = linesOf(text);
  const roll = rng();
  if (roll < 0.3) {
    const start = position(rng, text);
    const end = rng() < 0.5 ? start : position(rng, text);
    // Mostly in order; left reversed now and then (the server swaps it, as applyLsp does).
    const reversed = end.line < start.line || (end.line === start.line && end.character < start.character);
    const range = reversed && rng() < 0.85 ? { start: end, end: start } : { start, end };
    return { change: { range, text: pick(rng, SNIPPETS) }, kind: 'replace' };
  }
  if (roll < 0.42) {
    // Past the end: of a line (character beyond it), or of the document (lines that do not exist).
    const line = int(rng, lines.length);
    const start =
      rng() < 0.5
        ? { line, character: lines[line]!.length + 1 + int(rng, 50) }
        : { line: lines.length + int(rng, 5), character: int(rng, 9) };
    const end = { line: start.line + int(rng, 3), character: start.character + int(rng, 5) };
    return { change: { range: { start, end }, text: pick(rng, SNIPPETS) }, kind: 'past the end' };
  }
  if (roll < 0.6) {
    // Join or split line breaks: a `\r` before a line's break, a `\n` at a line's start (after a lone `\r` they
    // join into `\r\n`), a line's content deleted (its neighbours' breaks meet), a break replaced by another.
    const line = int(rng, lines.length);
    const end = lines[line]!.length;
    const which = int(rng, 4);
    if (which === 0)
      return {
        change: { range: { start: { line, character: end }, end: { line, character: end } }, text: '\r' },
        kind: 'join: \\r before a break',
      };
    if (which === 1)
      return {
        change: { range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: '\n' },
        kind: 'join: \\n at a line start',
      };
    if (which === 2)
      return {
        change: { range: { start: { line, character: 0 }, end: { line, character: end } }, text: '' },
        kind: 'join: a line emptied',
      };
    return {
      change: {
        range: { start: { line, character: end }, end: { line: line + 1, character: 0 } },
        text: pick(rng, ['\r', '\n', '\r\n', '\n\r', '']),
      },
      kind: 'join: a break replaced',
    };
  }
  if (roll < 0.7) {
    // Deep nesting, flow or block, around the limit and far past it (a stack overflow in `yaml` before).
    const depth = pick(rng, [10, 63, 64, 65, 200, 1_000, 3_000]);
    const at = { line: int(rng, lines.length), character: 0 };
    const nested =
      rng() < 0.6
        ? `x-deep${depth}: ${'['.repeat(depth)}${rng() < 0.7 ? ']'.repeat(depth) : ''}\n`
        : `${Array.from({ length: Math.min(depth, 120) }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')} v\n`;
    return { change: { range: { start: at, end: at }, text: nested }, kind: `nesting ${depth}` };
  }
  if (roll < 0.75) return { change: { text: pick(rng, BASES) }, kind: 'full text' };
  // A multi-line paste or cut.
  const start = position(rng, text);
  const end = { line: Math.min(start.line + 1 + int(rng, 6), lines.length - 1), character: int(rng, 10) };
  return {
    change: { range: { start, end }, text: rng() < 0.5 ? '' : SNIPPETS.slice(int(rng, SNIPPETS.length)).join('') },
    kind: 'paste or cut',
  };
}

/** What two publishes must agree on (the `data` carries the version, which differs). */
function comparable(diagnostics: Diagnostic[]): unknown[] {
  return diagnostics.map((d) => [d.code, d.severity, d.range, d.message]);
}

describe('LSP: a seeded fuzz of incremental edits against one server', function () {
  this.timeout(180_000);
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ rootPath: WORKSPACE, initializationOptions: { locale: 'en' }, configuration: { casebook: {} } });
  });
  after(() => client.stop());

  for (const seed of SEEDS) {
    it(`keeps every burst's final diagnostics equal to a fresh open's (seed ${seed})`, async () => {
      const rng = random(seed);
      const uri = fileUri(path.join(WORKSPACE, 'fuzz', `seed-${seed}.arch.yaml`));
      let text = pick(rng, BASES);
      let version = 1;
      await client.open(uri, text);
      const kinds = new Map<string, number>();
      let stale = 0;
      for (let burst = 0; burst < BURSTS_PER_SEED; burst++) {
        const sent: string[] = [];
        const notifications = 1 + int(rng, 8);
        for (let n = 0; n < notifications; n++) {
          const changes: TextDocumentContentChangeEvent[] = [];
          let next = text;
          for (let c = 1 + (rng() < 0.3 ? int(rng, 4) : 0); c > 0; c--) {
            const { change, kind } = randomChange(rng, next);
            changes.push(change);
            next = applyLsp(next, [change]);
            if (next.length > MAX_TEXT) {
              changes.push({ text: BASES[0]! });
              next = BASES[0]!;
            }
            kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
            sent.push(kind);
          }
          // Protocol abuse now and then: a change with a stale or repeated version is ignored, not applied.
          const abuse = rng() < 0.12;
          const sentVersion = abuse ? Math.max(0, version - int(rng, 3)) : ++version;
          if (abuse) stale++;
          else text = next;
          await client.connection.sendNotification('textDocument/didChange', {
            textDocument: { uri, version: sentVersion },
            contentChanges: changes,
          });
        }
        const where = `seed ${seed} (CASEBOOK_FUZZ_SEED=${seed}), burst ${burst}: ${sent.join(', ')}`;
        const fresh = fileUri(path.join(WORKSPACE, 'fuzz', `seed-${seed}-burst-${burst}-fresh.arch.yaml`));
        await client.open(fresh, text);
        const [edited, reference] = await Promise.all([client.diagnostics(uri, version), client.diagnostics(fresh, 1)]);
        await client.close(fresh);
        assertDiagnostics(edited.diagnostics, linesOf(text), where);
        assert.deepEqual(comparable(edited.diagnostics), comparable(reference.diagnostics), where);
        assert.ok(!edited.diagnostics.some((d) => /call stack/i.test(d.message)), `${where}: a stack overflow reached the user`);
      }
      const versions = client.allDiagnostics(uri).map((p: PublishDiagnosticsParams) => p.version ?? 0);
      assert.deepEqual(
        versions,
        [...versions].sort((a, b) => a - b),
        `seed ${seed}: published versions ${versions.join(', ')}`,
      );
      await client.close(uri);
      // Every kind of edit was met, and stale versions too: a generator that lost a branch cannot pass quietly.
      for (const kind of ['replace', 'past the end', 'paste or cut'])
        assert.ok((kinds.get(kind) ?? 0) > 0, `seed ${seed}: no ${kind} edit`);
      assert.ok(
        [...kinds.keys()].some((k) => k.startsWith('join')) && [...kinds.keys()].some((k) => k.startsWith('nesting')),
        [...kinds.keys()].join(', '),
      );
      assert.ok(stale > 0, `seed ${seed}: no stale version sent`);
    });
  }
});
