/**
 * Chunks: a document cut at its top-level keys and at the items of its
 * top-level block lists, so that an edit re-parses only the chunk it touched.
 * Splitting (and refusing to split where a chunk would not read as it does in
 * the whole document), and moving a chunk's parse to where the chunk now sits
 * (other lines, another item index) without parsing it again.
 */
import type { Range } from 'vscode-languageserver-types';
import type { JsonPath, YEntry, YNode, YamlProblem } from './yamlNodes';

/**
 * A chunk's parse, placed where it last sat in the document: the entries of
 * a top-level key chunk, or the item of a list-item chunk. Nodes are never
 * mutated once built, so an unchanged chunk in the same place hands its nodes
 * to the next version as they are.
 */
export interface PlacedChunk {
  startLine: number;
  /** For an item chunk, the item's path (`["systems", 3]`). */
  itemPath?: JsonPath;
  /** Entries of a key chunk (none for a blank or comment-only chunk), the item of an item chunk, or null when the chunk cannot be placed (not a block map, or not a one-item list). */
  content: YEntry[] | YNode | null;
  /** Syntax problems inside the chunk (a half-typed line), placed. */
  problems: YamlProblem[];
  /** Composed by `yaml` rather than read from its syntax tree. */
  composed?: boolean;
}

export interface Chunk {
  text: string;
  startLine: number;
  /** Set for an item of a top-level block sequence: the top-level key it belongs to. */
  itemOf?: string;
}

/**
 * Lines that make chunking unsafe: anchors and aliases (they reach across chunks),
 * directives, document markers, a top-level merge key (its keys give way to
 * keys of other chunks), explicit keys, tabs in indentation, and lone
 * `\r` line breaks (chunks are cut at `\n`).
 */
const UNSAFE_FOR_CHUNKS = /(^|[\s[{,])[&*!][^\s]|^(---|\.\.\.|%|<<)|^\s*\? |^ *\t|\r(?!\n)/m;

/**
 * Splits a document at top-level keys and, inside top-level block sequences,
 * at their items; returns null when the split would not be faithful. Runs on
 * every keystroke, so it walks line offsets instead of making a string per
 * line: only each chunk's text is sliced out.
 */
export function splitChunks(text: string): Chunk[] | null {
  if (UNSAFE_FOR_CHUNKS.test(text)) return null;
  const chunks: Chunk[] = [];
  let chunkStart = 0; // offset where the current chunk begins
  let chunkLine = 0;
  let itemOf: string | undefined;
  let topKey: string | undefined;
  let seqIndent = -1;
  let seenTopLevel = false;
  const flush = (end: number, nextLine: number) => {
    // A chunk holds at least one line and ends before the line break (`\n` or `\r\n`) that precedes the next one:
    // a `\r` left at the end would be read as part of the last value.
    const textEnd = end - 1 > chunkStart && text.charCodeAt(end - 2) === 13 /* \r */ ? end - 2 : end - 1;
    if (nextLine > chunkLine) chunks.push({ text: text.slice(chunkStart, textEnd), startLine: chunkLine, ...(itemOf ? { itemOf } : {}) });
    chunkStart = end;
    chunkLine = nextLine;
  };
  let line = 0;
  for (let at = 0; at <= text.length; line++) {
    const lineEnd = nextLineBreak(text, at);
    const first = text.charCodeAt(at);
    const isTopLevel = lineEnd > at && first !== 32 && first !== 35 /* # */ && first !== 13; /* \r */
    if (isTopLevel) {
      seenTopLevel = true;
      flush(at, line);
      itemOf = undefined;
      seqIndent = -1;
      const header = TOP_KEY_HEADER.exec(text.slice(at, lineEnd));
      topKey = header ? header[1] : undefined;
    } else {
      const indent = indentAt(text, at, lineEnd);
      const next = text.charCodeAt(at + indent);
      const isContent = at + indent < lineEnd && next !== 35 /* # */ && next !== 13; /* \r */
      if (!seenTopLevel && isContent) {
        return null; // indented content before the first top-level line: only a whole parse reads it right
      } else if (topKey) {
        const after = text.charCodeAt(at + indent + 1);
        const isItem = indent > 0 && next === 45 /* - */ && (at + indent + 1 >= lineEnd || after === 32 || after === 13);
        if (isItem && (seqIndent === -1 || indent === seqIndent)) {
          seqIndent = indent;
          flush(at, line);
          itemOf = topKey;
        } else if (seqIndent === -1 && isContent) {
          topKey = undefined; // the block under this key is not a sequence: keep it whole
        }
      }
    }
    at = lineEnd + 1;
  }
  flush(text.length + 1, line);
  return chunks;
}

const TOP_KEY_HEADER = /^([A-Za-z_][\w-]*):\s*(#.*)?\r?$/;

/** Offset of the `\n` ending the line that starts at `from`, or the text's length. */
function nextLineBreak(text: string, from: number): number {
  const at = text.indexOf('\n', from);
  return at === -1 ? text.length : at;
}

/** Spaces at the start of the line `[from, end)`. */
function indentAt(text: string, from: number, end: number): number {
  let at = from;
  while (at < end && text.charCodeAt(at) === 32) at++;
  return at - from;
}

function shift(node: YNode, lines: number, path: JsonPath): YNode {
  const range = shiftRange(node.range, lines);
  if (node.kind === 'scalar') return { ...node, range, path };
  if (node.kind === 'seq') {
    return { ...node, range, path, items: node.items.map((item, i) => shift(item, lines, [...path, i])) };
  }
  return {
    ...node,
    range,
    path,
    entries: node.entries.map((e) => ({
      key: e.key,
      keyRange: shiftRange(e.keyRange, lines),
      value: shift(e.value, lines, [...path, e.key]),
    })),
  };
}

function shiftRange(range: Range, lines: number): Range {
  if (lines === 0) return range;
  return {
    start: { line: range.start.line + lines, character: range.start.character },
    end: { line: range.end.line + lines, character: range.end.character },
  };
}
export function samePath(a: JsonPath | undefined, b: JsonPath | undefined): boolean {
  if (!a || !b) return a === b;
  return a.length === b.length && a.every((segment, i) => segment === b[i]);
}

/** A placed chunk moved to another line (and, for an item, another index). */
export function moveChunk(placed: PlacedChunk, startLine: number, itemPath: JsonPath | undefined): PlacedChunk | undefined {
  const lines = startLine - placed.startLine;
  const { content } = placed;
  // A chunk that was a key chunk and is now an item (or the reverse) is parsed afresh.
  if (!placed.itemPath !== !itemPath) return undefined;
  let moved: PlacedChunk['content'];
  if (content === null) moved = null;
  else if (Array.isArray(content))
    moved = content.map((e) => ({ key: e.key, keyRange: shiftRange(e.keyRange, lines), value: shift(e.value, lines, [e.key]) }));
  else moved = shift(content, lines, itemPath!);
  return {
    startLine,
    ...(itemPath ? { itemPath } : {}),
    content: moved,
    problems: placed.problems.map((p) => ({ ...p, range: shiftRange(p.range, lines) })),
  };
}
