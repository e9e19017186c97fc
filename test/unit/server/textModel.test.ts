/**
 * Open documents take the client's incremental edits without desync: a seeded
 * random storm of edits — ranges past the end, reversed ranges, edits joining
 * `\r` and `\n`, bursts of several changes in one didChange — leaves the
 * server's text, line table and diagnostics equal to a fresh parse of the text
 * the edits should give.
 */
import * as assert from 'node:assert/strict';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { SafeTextDocument } from '../../../server/src/node/textModel';
import { fixture, service, settings } from '../features/helpers';

/** mulberry32: a small seeded generator, so a failure replays. */
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

/** What a change should do, read against a fresh line table of the expected text (positions clamped as LSP clients expect). */
function applyExpected(text: string, change: TextDocumentContentChangeEvent): string {
  if (!('range' in change) || !change.range) return change.text;
  const fresh = TextDocument.create('file:///fresh', 'yaml', 1, text);
  const a = fresh.offsetAt(change.range.start);
  const b = fresh.offsetAt(change.range.end);
  return text.slice(0, Math.min(a, b)) + change.text + text.slice(Math.max(a, b));
}

const INSERTS = ['\n', '\r', '\r\n', '\n\n', '', 'x', ': ', '- ', '  ', '[', ']', '#', 'tier: 1', '两地', '\r\n  - id: a\r\n', 'z\r'];

function randomChange(next: () => number, text: string): TextDocumentContentChangeEvent {
  const lines = text.split(/\r\n|\r|\n/).length;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const position = () => {
    const kind = next();
    // Past the end of the document, past the end of a line, or anywhere.
    if (kind < 0.1) return { line: lines + Math.floor(next() * 5), character: Math.floor(next() * 10) };
    if (kind < 0.2) return { line: Math.floor(next() * lines), character: 200 + Math.floor(next() * 10) };
    return { line: Math.floor(next() * lines), character: Math.floor(next() * 30) };
  };
  // Aim at line breaks often, where a join of \r and \n can happen.
  if (next() < 0.3) {
    const breaks = [...text.matchAll(/\r|\n/g)].map((m) => m.index);
    if (breaks.length > 0) {
      const fresh = TextDocument.create('file:///fresh', 'yaml', 1, text);
      const at = pick(breaks);
      const start = fresh.positionAt(at + (next() < 0.5 ? 0 : 1));
      const end = fresh.positionAt(at + 1 + Math.floor(next() * 3));
      return { range: { start, end }, text: pick(['\n', '\r', '', 'y', '\r\n']) };
    }
  }
  const start = position();
  const end = next() < 0.5 ? start : position(); // sometimes reversed
  return { range: { start, end }, text: pick(INSERTS) };
}

function storm(seed: number, base: string, steps: number) {
  const next = random(seed);
  const uri = `file:///storm/${seed}.arch.yaml`;
  const server = SafeTextDocument.create(uri, 'yaml', 1, base);
  let expected = base;
  const svc = service();
  for (let version = 2; version <= steps; version++) {
    const burst = next() < 0.2 ? 2 + Math.floor(next() * 4) : 1;
    const changes: TextDocumentContentChangeEvent[] = [];
    for (let i = 0; i < burst; i++) {
      const change = randomChange(next, expected);
      changes.push(change);
      expected = applyExpected(expected, change);
    }
    SafeTextDocument.update(server, changes, version);
    assert.equal(server.getText(), expected, `seed ${seed}, version ${version}: text`);
    const fresh = TextDocument.create('file:///fresh', 'yaml', 1, expected);
    assert.equal(server.lineCount, fresh.lineCount, `seed ${seed}, version ${version}: line count`);
    for (const offset of [0, Math.floor(expected.length / 2), expected.length]) {
      assert.deepEqual(server.positionAt(offset), fresh.positionAt(offset), `seed ${seed}, version ${version}: line table at ${offset}`);
    }
    // The incremental path: the service re-parses this uri version after version.
    if (version % 10 === 0) svc.doValidation(server, settings());
  }
  const incremental = svc.doValidation(server, settings());
  const fresh = service().doValidation(TextDocument.create(uri, 'yaml', server.version, expected), settings());
  assert.deepEqual(incremental, fresh, `seed ${seed}: diagnostics after the storm`);
}

describe('server: incremental edits never desync the text', () => {
  const bank = fixture('bank.arch.yaml');

  it('clamps a change past the end of the document, and the next edit lands where it should', () => {
    const server = SafeTextDocument.create('file:///a.arch.yaml', 'yaml', 1, 'a: 1\nb: 2\n');
    // One line break for a range of one line, both past the end: the library alone writes a line offset at line 8.
    SafeTextDocument.update(server, [{ range: { start: { line: 7, character: 0 }, end: { line: 8, character: 3 } }, text: 'c: 3\n' }], 2);
    assert.equal(server.getText(), 'a: 1\nb: 2\nc: 3\n');
    assert.equal(server.lineCount, 4);
    SafeTextDocument.update(server, [{ range: { start: { line: 1, character: 3 }, end: { line: 1, character: 4 } }, text: '5' }], 3);
    assert.equal(server.getText(), 'a: 1\nb: 5\nc: 3\n');
    assert.equal(server.lineCount, 4);
  });

  it('rebuilds the line table when an edit joins \\r and \\n', () => {
    const server = SafeTextDocument.create('file:///b.arch.yaml', 'yaml', 1, 'a: 1\rb: 2\n');
    // Insert \n right after the lone \r: one CRLF break, not two.
    SafeTextDocument.update(server, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '\n' }], 2);
    assert.equal(server.getText(), 'a: 1\r\nb: 2\n');
    assert.equal(server.lineCount, 3);
    assert.deepEqual(server.positionAt(6), { line: 1, character: 0 });
    // A deletion that brings \r and \n together.
    const other = SafeTextDocument.create('file:///c.arch.yaml', 'yaml', 1, 'a\rx\nb');
    SafeTextDocument.update(other, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 1 } }, text: '' }], 2);
    assert.equal(other.getText(), 'a\r\nb');
    assert.equal(other.lineCount, 2);
  });

  for (const [seed, crlf] of [
    [1, false],
    [2, true],
    [3, true],
    [4, false],
  ] as const) {
    it(`survives a seeded storm of edits (seed ${seed}, ${crlf ? 'CRLF' : 'LF'})`, () => {
      storm(seed, crlf ? bank.replace(/\n/g, '\r\n') : bank, 150);
    });
  }
});
