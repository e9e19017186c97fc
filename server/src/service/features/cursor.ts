/**
 * What is at a position: a key, a value, a list item or a comment word, and
 * the JSON path of the mapping it belongs to. Works from the text by
 * indentation, so that half-typed lines (`    ti`, `    role: `, `  - `) that
 * the YAML parser cannot read still have a place; the parsed tree's key lines
 * serve as anchors so that the walk up stops at the nearest known line.
 */
import type { Position, Range } from 'vscode-languageserver-types';
import type { ProposalModel } from '../model';
import { describeField } from '../schemaInfo';
import { findCommentStart } from '../yamlTree';
import type { JsonPath } from '../yamlNodes';
import { nodeAt } from './indexes';

/** The shape of one line of block YAML. */
export interface LineShape {
  /** Column of the first non-space character (the first dash on a dash line). */
  indent: number;
  /** Columns of the leading `- ` markers. */
  dashes: number[];
  /** Column after the dashes and their spaces. */
  contentColumn: number;
  key?: { text: string; start: number; end: number; colon: number };
  /** Column where the value starts (after `: `), when there is a key. */
  valueColumn?: number;
  /** The value text, trimmed, without the comment. */
  value: string;
  /** Column of a comment's `#`, or -1. */
  comment: number;
  /** Nothing but spaces and maybe a comment. */
  blank: boolean;
}

const KEY = /^("[^"]*"|'[^']*'|[^\s:#{}[\],&*!|>'"%@`][^\s:#]*?)\s*:(?=\s|$)/;

export function lineShape(text: string): LineShape {
  const comment = findCommentStart(text);
  const code = comment >= 0 ? text.slice(0, comment) : text;
  let i = 0;
  while (i < code.length && code[i] === ' ') i++;
  const indent = i;
  const dashes: number[] = [];
  while (code[i] === '-' && (i + 1 === code.length || code[i + 1] === ' ')) {
    dashes.push(i);
    i++;
    while (i < code.length && code[i] === ' ') i++;
  }
  const contentColumn = i;
  const rest = code.slice(i);
  const blank = rest.trim() === '' && dashes.length === 0;
  const match = KEY.exec(rest);
  if (!match) return { indent, dashes, contentColumn, value: rest.trim(), comment, blank };
  const rawKey = match[1]!;
  const keyText = /^["']/.test(rawKey) ? rawKey.slice(1, -1) : rawKey;
  const colon = i + match[0].length - 1;
  let valueColumn = colon + 1;
  while (valueColumn < code.length && code[valueColumn] === ' ') valueColumn++;
  return {
    indent,
    dashes,
    contentColumn,
    key: { text: keyText, start: i, end: i + rawKey.length, colon },
    valueColumn,
    value: code.slice(colon + 1).trim(),
    comment,
    blank,
  };
}

export type Place = 'key' | 'value' | 'item' | 'comment';

export interface Cursor {
  position: Position;
  lineText: string;
  shape: LineShape;
  place: Place;
  /** The mapping a key on this line belongs to (for `key` and `value`); null when unknown. */
  mapPath: JsonPath | null;
  /** For `key`: the key being typed; for `value`: the key whose value it is. */
  key?: string;
  /** The word at the cursor: id characters, CJK, dots, hyphens. */
  word: { text: string; range: Range };
  /** The part of the word before the cursor (what completion filters on). */
  prefix: string;
  /** For `item`: the path of the list (`["systems", 0, "sites"]`) and the items already written on the line. */
  listPath?: JsonPath;
  written: string[];
  /** Inside `{ … }` or `[ … ]` on this line. */
  flow?: '{' | '[';
}

const WORD = /[^\s,[\]{}:#"'|>&*!]/;

function wordAt(text: string, character: number, line: number): { text: string; range: Range; prefix: string } {
  let start = Math.min(character, text.length);
  let end = start;
  while (start > 0 && WORD.test(text[start - 1]!)) start--;
  while (end < text.length && WORD.test(text[end]!)) end++;
  // A leading list dash is not part of a word.
  if (text[start] === '-' && (start + 1 === text.length || text[start + 1] === ' ')) start = Math.min(start + 1, end);
  return {
    text: text.slice(start, end),
    range: { start: { line, character: start }, end: { line, character: end } },
    prefix: text.slice(start, Math.max(start, Math.min(character, text.length))),
  };
}

/** Reads lines of the document lazily (the walk up usually touches a handful). */
class Lines {
  private readonly shapes = new Map<number, LineShape>();
  constructor(
    private readonly model: ProposalModel,
    readonly current: number,
    private readonly currentShape: LineShape,
  ) {}

  shape(line: number): LineShape {
    if (line === this.current) return this.currentShape;
    let shape = this.shapes.get(line);
    if (!shape) this.shapes.set(line, (shape = lineShape(this.model.tree.lineIndex.lineText(line))));
    return shape;
  }

  /** The path of the mapping whose key the tree has at (line, character): a binary-search descent, no index to build. */
  anchor(line: number, character: number): JsonPath | undefined {
    const hit = nodeAt(this.model.tree.root, { line, character });
    const key = hit?.keyOf;
    return key && key.entry.keyRange.start.line === line && key.entry.keyRange.start.character === character ? key.map.path : undefined;
  }
}

/** Bounds the walk: a pathological file must not turn a hover into a scan of every line many times over. */
const MAX_STEPS = 200_000;

class PathFinder {
  private steps = 0;
  constructor(private readonly lines: Lines) {}

  /** The mapping that holds a key written at `column` on a line after `line` (exclusive). */
  mapAbove(line: number, column: number): JsonPath | null {
    for (let i = line - 1; i >= 0; i--) {
      if (++this.steps > MAX_STEPS) return null;
      const s = this.lines.shape(i);
      if (s.blank) continue;
      if (s.key && s.key.start === column) {
        const anchored = this.lines.anchor(i, column);
        if (anchored) return anchored;
        const dash = s.dashes.at(-1);
        if (dash !== undefined) return this.itemPath(i, dash);
        continue; // a sibling key
      }
      const dash = s.dashes.at(-1);
      if (dash !== undefined && s.contentColumn === column) return this.itemPath(i, dash);
      if (s.indent >= column) continue; // deeper, or a same-column line that is not a key
      // The first line to the left: our mapping must be the value of its key.
      return this.parentOfBlock(i);
    }
    return column === 0 ? [] : null;
  }

  /** The path of the mapping whose key is on `line`. */
  mapOfLine(line: number): JsonPath | null {
    const s = this.lines.shape(line);
    if (!s.key) return null;
    const anchored = this.lines.anchor(line, s.key.start);
    if (anchored) return anchored;
    const dash = s.dashes.at(-1);
    if (dash !== undefined) return this.itemPath(line, dash);
    return this.mapAbove(line, s.key.start);
  }

  /** The value path of the key on `line` when it opens a block (`sites:`), else null. */
  private parentOfBlock(line: number): JsonPath | null {
    const s = this.lines.shape(line);
    if (!s.key || s.value !== '') return null;
    const map = this.mapOfLine(line);
    return map ? [...map, s.key.text] : null;
  }

  /** The path of the list item whose dash is at `dash` on `line`: the list's path plus the item's index. */
  itemPath(line: number, dash: number): JsonPath | null {
    let index = 0;
    for (let i = line - 1; i >= 0; i--) {
      if (++this.steps > MAX_STEPS) return null;
      const s = this.lines.shape(i);
      if (s.blank) continue;
      if (s.dashes.includes(dash)) {
        // The previous item: when the tree knows it, the index follows from its path.
        if (s.key && s.dashes[s.dashes.length - 1] === dash) {
          const anchored = this.lines.anchor(i, s.key.start);
          const last = anchored?.[anchored.length - 1];
          if (anchored && typeof last === 'number') return [...anchored.slice(0, -1), last + index + 1];
        }
        index++;
        continue;
      }
      if (s.indent > dash) continue;
      if (s.indent === dash || s.indent < dash) {
        const list = this.parentOfBlock(i);
        return list ? [...list, index] : null;
      }
    }
    return null;
  }
}

interface FlowLevel {
  char: '[' | '{';
  column: number;
  /** Commas at this level so far: the index of the item being written in a `[`. */
  commas: number;
  /** Where the current item or entry of this level starts (after the last comma). */
  segmentStart: number;
  /** Where this collection sits in the one around it: its item index in a `[`, its key in a `{`. */
  inParent?: string | number;
}

/**
 * Innermost unclosed `[` or `{` before `character`, ignoring quoted text, with
 * the path from the outermost one down to it (`[user, { id: |` → `[1]`).
 */
function openFlow(
  text: string,
  character: number,
): { char: '[' | '{'; column: number; outer: number; segmentStart: number; inner: JsonPath } | undefined {
  const stack: FlowLevel[] = [];
  let quote = '';
  for (let i = 0; i < Math.min(character, text.length); i++) {
    const c = text[i]!;
    const top = stack[stack.length - 1];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || text[i - 1] === ' ')) break;
    else if (c === '[' || c === '{') {
      const inParent = top ? (top.char === '[' ? top.commas : flowKey(text.slice(top.segmentStart, i))) : undefined;
      stack.push({ char: c, column: i, commas: 0, segmentStart: i + 1, ...(inParent !== undefined ? { inParent } : {}) });
    } else if (c === ']' || c === '}') stack.pop();
    else if (c === ',' && top) {
      top.commas++;
      top.segmentStart = i + 1;
    }
  }
  const top = stack[stack.length - 1];
  if (!top) return undefined;
  const inner: JsonPath = [];
  for (const level of stack.slice(1)) if (level.inParent !== undefined) inner.push(level.inParent);
  return { char: top.char, column: top.column, outer: stack[0]!.column, segmentStart: top.segmentStart, inner };
}

/** The key of a flow entry whose value is being opened: ` load: ` → `load`. */
function flowKey(segment: string): string | undefined {
  const colon = segment.lastIndexOf(':');
  if (colon < 0) return undefined;
  return (
    segment
      .slice(0, colon)
      .trim()
      .replace(/^["']|["']$/g, '') || undefined
  );
}

/** Items already written in a flow list on this line (`[a, b, |]` → a, b). */
function flowItems(text: string, open: number): string[] {
  const close = text.indexOf(']', open);
  const inner = text.slice(open + 1, close >= 0 ? close : undefined);
  return inner
    .split(',')
    .map((s) => s.trim().replace(/^["']|["']$/g, ''))
    .filter((s) => s !== '');
}

/** Whether a list path holds plain strings (`["systems", 0, "sites"]`, `["zones"]`), not mappings (`["sites"]`). */
function isScalarList(path: JsonPath | null): boolean {
  if (!path) return false;
  const field = describeField(path);
  // The schema says what a list holds; a path it does not know holds nothing to complete.
  return field?.items ? field.items.types[0] !== 'object' : false;
}

/** Classifies the position. Never throws: a position past the end is clamped. */
export function cursorAt(model: ProposalModel, position: Position): Cursor {
  const index = model.tree.lineIndex;
  const line = Math.max(0, Math.min(position.line, index.lineCount - 1));
  const lineText = index.lineText(line);
  const character = Math.max(0, Math.min(position.character, lineText.length));
  const pos = { line, character };
  const shape = lineShape(lineText);
  const finder = new PathFinder(new Lines(model, line, shape));
  const w = wordAt(lineText, character, line);
  const base = { position: pos, lineText, shape, word: { text: w.text, range: w.range }, prefix: w.prefix, written: [] as string[] };

  if (shape.comment >= 0 && character > shape.comment) return { ...base, place: 'comment', mapPath: null };

  const flow = openFlow(lineText, character);
  if (flow) {
    // The flow collection's owner: the key before it on this line, or the list item it starts.
    const outerPath = (): JsonPath | null => {
      if (shape.key && shape.key.colon < flow.outer) {
        const map = finder.mapOfLine(line);
        return map ? [...map, shape.key.text] : null;
      }
      const dash = shape.dashes.at(-1);
      return dash === undefined ? null : finder.itemPath(line, dash);
    };
    // Down through nested collections: `dependsOn: [core, { id: |` is in item 1 of the list.
    const ownerPath = (): JsonPath | null => {
      const outer = outerPath();
      return outer ? [...outer, ...flow.inner] : null;
    };
    if (flow.char === '[') {
      return {
        ...base,
        place: 'item',
        mapPath: null,
        listPath: ownerPath() ?? undefined,
        written: flowItems(lineText, flow.column),
        flow: '[',
      };
    }
    const segment = lineText.slice(flow.segmentStart, character);
    const colon = segment.indexOf(':');
    const mapPath = ownerPath();
    if (colon >= 0) return { ...base, place: 'value', mapPath, key: segment.slice(0, colon).trim(), flow: '{' };
    return { ...base, place: 'key', mapPath, key: segment.trim(), flow: '{' };
  }

  const lastDash = shape.dashes[shape.dashes.length - 1];
  if (shape.key) {
    const mapPath = finder.mapOfLine(line);
    if (character <= shape.key.colon) return { ...base, place: 'key', mapPath, key: shape.key.text };
    // A value on a key line: a block list item of a scalar list reads as a value too (`- ab: c` is rare).
    return { ...base, place: 'value', mapPath, key: shape.key.text };
  }

  if (lastDash !== undefined && character > lastDash) {
    // `  - ` or `  - wo`: an item of some list. Plain-string lists take values; lists of mappings take keys.
    const itemPath = finder.itemPath(line, lastDash);
    const listPath = itemPath ? itemPath.slice(0, -1) : null;
    if (isScalarList(listPath)) return { ...base, place: 'item', mapPath: null, listPath: listPath ?? undefined, written: [] };
    return { ...base, place: 'key', mapPath: itemPath, key: shape.value };
  }

  // A blank or half-typed line: a key at the cursor's column (or the word's start).
  const column = shape.blank ? Math.min(character, lineText.length) : shape.indent;
  const mapPath = finder.mapAbove(line, column);
  return { ...base, place: 'key', mapPath, key: shape.value };
}
