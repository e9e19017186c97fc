import * as YAML from 'yaml';
import type { Range } from 'vscode-languageserver-types';
import { LineIndex } from './lineIndex';
import type { Localized } from './locale';

/** A JSON path into the proposal, e.g. `["systems", 0, "tier"]`. */
export type JsonPath = (string | number)[];
export type ScalarValue = string | number | boolean | null;

interface NodeBase {
  range: Range;
  path: JsonPath;
}
export interface YScalar extends NodeBase {
  kind: 'scalar';
  value: ScalarValue;
  /** True when the scalar was written in quotes: `"1"` is a string, not a number. */
  quoted: boolean;
}
export interface YEntry {
  key: string;
  keyRange: Range;
  value: YNode;
}
export interface YMap extends NodeBase {
  kind: 'map';
  entries: YEntry[];
  flow: boolean;
}
export interface YSeq extends NodeBase {
  kind: 'seq';
  items: YNode[];
  flow: boolean;
}
export type YNode = YScalar | YMap | YSeq;

export interface YamlProblem {
  /** `yaml-syntax`, `yaml-duplicate-key`, … — stable ids, also used as diagnostic codes. */
  code: string;
  message: Localized;
  range: Range;
}

export interface Comment {
  line: number;
  /** Column of the `#`. */
  character: number;
  /** The comment text after `#`, untrimmed. */
  text: string;
}

export interface YamlTree {
  root: YNode | null;
  problems: YamlProblem[];
  comments: Comment[];
  lineIndex: LineIndex;
  /** How the tree was produced, for the benchmark and tests. */
  stats: { mode: 'chunked' | 'full'; chunks: number; reparsed: number };
}

/** Past this many nodes the document is refused. */
export const MAX_NODES = 1_000_000;
/** Past this many nodes reached through aliases, expansion stops: an alias bomb. */
export const MAX_ALIAS_NODES = 10_000;
const MAX_DEPTH = 64;

const YAML_OPTIONS: YAML.ParseOptions & YAML.DocumentOptions & YAML.SchemaOptions = {
  uniqueKeys: true,
  prettyErrors: false,
  strict: true,
  intAsBigInt: false,
  version: '1.2',
};

/* ------------------------------------------------------------------------ */
/* Converting one `yaml` document into the located tree                      */
/* ------------------------------------------------------------------------ */

interface Converted {
  root: YNode | null;
  problems: YamlProblem[];
}

class Converter {
  private nodeCount = 0;
  private aliasNodeCount = 0;
  readonly problems: YamlProblem[] = [];

  /** Anchor name → its definitions in document order (an anchor may be redefined). */
  private anchors: Map<string, YAML.Node[]> | undefined;

  constructor(
    private readonly doc: YAML.Document.Parsed,
    private readonly index: LineIndex,
  ) {}

  /** The node an alias refers to: the last definition of its anchor before it. (`Alias.resolve` walks the whole document per call.) */
  private resolveAlias(alias: YAML.Alias): YAML.Node | undefined {
    if (!this.anchors) {
      const anchors = new Map<string, YAML.Node[]>();
      YAML.visit(this.doc, (_key, node) => {
        if ((YAML.isScalar(node) || YAML.isCollection(node)) && node.anchor) {
          anchors.set(node.anchor, [...(anchors.get(node.anchor) ?? []), node as YAML.Node]);
        }
      });
      this.anchors = anchors;
    }
    const at = alias.range?.[0] ?? Infinity;
    const candidates = this.anchors.get(alias.source) ?? [];
    let found: YAML.Node | undefined;
    for (const node of candidates) if ((node.range?.[0] ?? 0) < at) found = node;
    return found;
  }

  convert(): Converted {
    for (const error of this.doc.errors) this.problems.push(yamlErrorToProblem(error, this.index));
    for (const warning of this.doc.warnings) this.problems.push(yamlErrorToProblem(warning, this.index));
    const contents = this.doc.contents;
    const root = contents ? this.node(contents as YAML.Node, [], 0) : null;
    return { root, problems: this.problems };
  }

  private rangeOf(node: YAML.Node | YAML.Pair['key'], fallback: Range): Range {
    const r = (node as YAML.Node | null)?.range;
    return r ? this.index.rangeOf(r[0], r[1]) : fallback;
  }

  private node(node: YAML.Node, path: JsonPath, depth: number, aliasChain: YAML.Node[] = []): YNode | null {
    if (aliasChain.length > 0) this.aliasNodeCount++;
    if (++this.nodeCount > MAX_NODES || this.aliasNodeCount > MAX_ALIAS_NODES || depth > MAX_DEPTH) {
      if (this.nodeCount === MAX_NODES + 1 || this.aliasNodeCount === MAX_ALIAS_NODES + 1 || depth === MAX_DEPTH + 1) {
        const range = this.rangeOf(node, this.index.rangeOf(0, 0));
        this.problems.push(
          depth > MAX_DEPTH
            ? { code: 'yaml-too-deep', range, message: { zh: `嵌套层级超过 ${MAX_DEPTH} 层，已停止读取。`, en: `Nesting deeper than ${MAX_DEPTH} levels; reading stopped here.` } }
            : this.aliasNodeCount > MAX_ALIAS_NODES
              ? { code: 'yaml-too-large', range, message: { zh: `别名展开后超过 ${MAX_ALIAS_NODES} 个节点（别名炸弹？），已停止展开。`, en: `Aliases expand to more than ${MAX_ALIAS_NODES} nodes (an alias bomb?); expansion stopped here.` } }
              : { code: 'yaml-too-large', range, message: { zh: `文档超过 ${MAX_NODES} 个节点，已停止读取。`, en: `The document has more than ${MAX_NODES} nodes; reading stopped here.` } },
        );
      }
      return null;
    }
    const range = this.rangeOf(node, this.index.rangeOf(0, 0));
    if (YAML.isAlias(node)) {
      const target = this.resolveAlias(node);
      if (!target || aliasChain.includes(target)) {
        this.problems.push({ code: 'yaml-bad-alias', range, message: { zh: `无法解析别名 *${node.source}。`, en: `Cannot resolve alias *${node.source}.` } });
        return null;
      }
      const resolved = this.node(target, path, depth + 1, [...aliasChain, target]);
      // Findings on an alias point at the alias, where the user looks, not at the anchor.
      return resolved ? relocate(resolved, range) : null;
    }
    if (YAML.isScalar(node)) {
      const raw = node.value;
      let value: ScalarValue;
      if (raw === null || raw === undefined) value = null;
      else if (typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean') value = raw;
      else if (typeof raw === 'bigint') value = Number(raw);
      else value = String(raw);
      const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE' || node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED';
      return { kind: 'scalar', value, quoted, range, path };
    }
    if (YAML.isMap(node)) {
      const map: YMap = { kind: 'map', entries: [], flow: !!node.flow, range, path };
      for (const pair of node.items) {
        const keyNode = pair.key as YAML.Node | null;
        const keyRange = this.rangeOf(keyNode, range);
        let key: string;
        if (YAML.isScalar(keyNode)) key = String(keyNode.value ?? '');
        else {
          this.problems.push({ code: 'yaml-complex-key', range: keyRange, message: { zh: '不支持复杂键（以映射或序列作为键）。', en: 'Complex keys (a map or list used as a key) are not supported.' } });
          continue;
        }
        const valueNode = pair.value as YAML.Node | null;
        const childPath = [...path, key];
        const value = valueNode
          ? this.node(valueNode, childPath, depth + 1, aliasChain)
          : ({ kind: 'scalar', value: null, quoted: false, range: { start: keyRange.end, end: keyRange.end }, path: childPath } as YScalar);
        if (value) map.entries.push({ key, keyRange, value });
      }
      return map;
    }
    if (YAML.isSeq(node)) {
      const seq: YSeq = { kind: 'seq', items: [], flow: !!node.flow, range, path };
      node.items.forEach((item, i) => {
        const child = item ? this.node(item as YAML.Node, [...path, i], depth + 1, aliasChain) : null;
        if (child) seq.items.push(child);
      });
      return seq;
    }
    return null;
  }
}

/**
 * Puts an aliased node at the alias, where the user looks. Only the top node
 * moves: its children keep the anchor's ranges (where those values are
 * written) — a deep copy per alias level would make alias nesting quadratic.
 */
function relocate(node: YNode, range: Range): YNode {
  return { ...node, range };
}

const SYNTAX_MESSAGES: Record<string, Localized> = {
  DUPLICATE_KEY: { zh: '重复的键：同一映射中的键必须唯一。', en: 'Duplicate key: keys in one mapping must be unique.' },
  BAD_INDENT: { zh: '缩进错误。', en: 'Bad indentation.' },
  TAB_AS_INDENT: { zh: '不能用制表符（Tab）缩进，请改用空格。', en: 'Tabs cannot be used for indentation; use spaces.' },
  MISSING_CHAR: { zh: '缺少字符（例如未闭合的引号或括号）。', en: 'A character is missing (an unclosed quote or bracket?).' },
  MULTILINE_IMPLICIT_KEY: { zh: '键不能跨行；是否漏了冒号？', en: 'An implicit key cannot span lines; is a colon missing?' },
  BLOCK_AS_IMPLICIT_KEY: { zh: '块结构不能作为键。', en: 'A block collection cannot be a key.' },
  UNEXPECTED_TOKEN: { zh: '意外的符号。', en: 'Unexpected token.' },
  BAD_SCALAR_START: { zh: '值不能以这个字符开头；请加引号。', en: 'A plain value cannot start with this character; quote it.' },
  BAD_DQ_ESCAPE: { zh: '双引号字符串中有无效的转义序列。', en: 'Invalid escape sequence in a double-quoted string.' },
  BAD_ALIAS: { zh: '无效的别名。', en: 'Invalid alias.' },
  BAD_DIRECTIVE: { zh: '无效的 YAML 指令。', en: 'Invalid YAML directive.' },
  MULTIPLE_ANCHORS: { zh: '一个节点只能有一个锚点。', en: 'A node can have only one anchor.' },
  MULTIPLE_TAGS: { zh: '一个节点只能有一个标签。', en: 'A node can have only one tag.' },
  TAG_RESOLVE_FAILED: { zh: '无法解析标签。', en: 'Cannot resolve the tag.' },
  KEY_OVER_1024_CHARS: { zh: '隐式键不能超过 1024 个字符。', en: 'An implicit key cannot exceed 1024 characters.' },
  BLOCK_IN_FLOW: { zh: '流式集合（[ ] 或 { }）中不能出现块结构。', en: 'Block collections are not allowed inside a flow collection ([ ] or { }).' },
  BAD_PROP_ORDER: { zh: '锚点与标签的位置不正确。', en: 'Anchors and tags are out of place.' },
  ALIAS_PROPS: { zh: '别名不能带锚点或标签。', en: 'An alias cannot have an anchor or tag.' },
};

function yamlErrorToProblem(error: YAML.YAMLError, index: LineIndex): YamlProblem {
  const [start, end] = error.pos;
  const range = index.rangeOf(start, Math.max(end, start));
  if (error.code === 'DUPLICATE_KEY') {
    return { code: 'yaml-duplicate-key', range, message: SYNTAX_MESSAGES.DUPLICATE_KEY! };
  }
  const known = SYNTAX_MESSAGES[error.code];
  const message = known ?? { zh: 'YAML 语法错误。', en: `YAML syntax error: ${error.message.split('\n')[0]}` };
  return { code: 'yaml-syntax', range, message: { zh: `YAML 语法错误：${message.zh}`, en: known ? `YAML syntax error: ${message.en}` : message.en } };
}

/* ------------------------------------------------------------------------ */
/* Full and chunked parsing                                                  */
/* ------------------------------------------------------------------------ */

function parseFull(text: string, index: LineIndex): Converted {
  const docs = YAML.parseAllDocuments(text, YAML_OPTIONS);
  const list = Array.isArray(docs) ? docs : [];
  if (list.length === 0) return { root: null, problems: [] };
  const first = new Converter(list[0]!, index).convert();
  for (const extra of list.slice(1)) {
    const r = extra.range;
    first.problems.push({
      code: 'yaml-multiple-documents',
      range: index.rangeOf(r[0], r[0]),
      message: { zh: '一个方案文件只能包含一个 YAML 文档；此处之后的内容被忽略。', en: 'A proposal file holds one YAML document; what follows here is ignored.' },
    });
  }
  return first;
}

/** A parsed chunk, its ranges relative to the chunk's first line. */
interface ParsedChunk {
  root: YNode | null;
  /** Syntax problems inside the chunk (a half-typed line), relative ranges. */
  problems: YamlProblem[];
}

interface Chunk {
  text: string;
  startLine: number;
  /** Set for an item of a top-level block sequence: the top-level key it belongs to. */
  itemOf?: string;
}

/**
 * Lines that make chunking unsafe: anchors and aliases (they reach across chunks),
 * directives, document markers, explicit keys, tabs in indentation, and lone
 * `\r` line breaks (chunks are cut at `\n`).
 */
const UNSAFE_FOR_CHUNKS = /(^|[\s[{,])[&*!][^\s]|^(---|\.\.\.|%)|^\s*\? |^ *\t|\r(?!\n)/m;

/**
 * Splits a document at top-level keys and, inside top-level block sequences,
 * at their items; returns null when the split would not be faithful.
 */
function splitChunks(text: string): Chunk[] | null {
  if (UNSAFE_FOR_CHUNKS.test(text)) return null;
  const lines = text.split('\n');
  const chunks: Chunk[] = [];
  let current: string[] = [];
  let currentStart = 0;
  let itemOf: string | undefined;
  let topKey: string | undefined;
  let seqIndent = -1;
  const flush = (nextStart: number) => {
    if (current.length > 0) chunks.push({ text: current.join('\n'), startLine: currentStart, ...(itemOf ? { itemOf } : {}) });
    current = [];
    currentStart = nextStart;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const first = line.charCodeAt(0);
    const isTopLevel = line.length > 0 && first !== 32 && first !== 35 /* # */ && first !== 13 /* \r */;
    if (isTopLevel) {
      flush(i);
      itemOf = undefined;
      seqIndent = -1;
      const header = /^([A-Za-z_][\w-]*):\s*(#.*)?\r?$/.exec(line);
      topKey = header ? header[1] : undefined;
    } else if (topKey) {
      const item = /^( +)-( |\r?$)/.exec(line);
      if (item && (seqIndent === -1 || item[1]!.length === seqIndent)) {
        seqIndent = item[1]!.length;
        flush(i);
        itemOf = topKey;
      } else if (seqIndent === -1 && line.trim() !== '' && !line.trimStart().startsWith('#')) {
        topKey = undefined; // the block under this key is not a sequence: keep it whole
      }
    }
    current.push(line);
  }
  flush(lines.length);
  return chunks;
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
    entries: node.entries.map((e) => ({ key: e.key, keyRange: shiftRange(e.keyRange, lines), value: shift(e.value, lines, [...path, e.key]) })),
  };
}

function shiftRange(range: Range, lines: number): Range {
  if (lines === 0) return range;
  return { start: { line: range.start.line + lines, character: range.start.character }, end: { line: range.end.line + lines, character: range.end.character } };
}

function extractComments(text: string, index: LineIndex): Comment[] {
  const comments: Comment[] = [];
  if (!text.includes('#')) return comments;
  for (let line = 0; line < index.lineCount; line++) {
    const lineText = index.lineText(line);
    if (!lineText.includes('#')) continue; // most lines: skip the character walk
    const hash = findCommentStart(lineText);
    if (hash >= 0) comments.push({ line, character: hash, text: lineText.slice(hash + 1) });
  }
  return comments;
}

/** Column of a comment's `#` on a line, or -1; `#` inside quotes or glued to a word is not a comment. */
export function findCommentStart(line: string): number {
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === quote) quote = '';
      else if (c === '\\' && quote === '"') i++;
    } else if (c === '"' || c === "'") {
      const prev = i === 0 ? ' ' : line[i - 1]!;
      if (/[\s:[{,-]/.test(prev)) quote = c;
    } else if (c === '#' && (i === 0 || /\s/.test(line[i - 1]!))) {
      return i;
    }
  }
  return -1;
}

/**
 * Parses proposal YAML into a located tree. Keeps the chunks of the previous
 * parse, so that an edit re-parses only the top-level entry or the list item
 * it touched; anything chunking cannot do faithfully (anchors, multi-line
 * flow collections, errors) goes through one full parse.
 */
export class YamlTreeParser {
  /** Chunk text → its parse, ranges relative to the chunk. */
  private cache = new Map<string, ParsedChunk>();
  /**
   * Placed chunk → its shifted subtree. An unchanged chunk at the same line and
   * index reuses the previous version's nodes as they are, so a one-line edit
   * rebuilds one chunk, not the whole tree (nodes are never mutated once built).
   */
  private placed = new Map<string, YNode | YEntry[]>();

  parse(text: string): YamlTree {
    const index = new LineIndex(text);
    const comments = extractComments(text, index);
    const chunked = this.parseChunked(text);
    if (chunked) return { ...chunked, comments, lineIndex: index };
    this.cache.clear();
    this.placed.clear();
    const full = parseFull(text, index);
    return { root: full.root, problems: full.problems, comments, lineIndex: index, stats: { mode: 'full', chunks: 1, reparsed: 1 } };
  }

  private parseChunked(text: string): Omit<YamlTree, 'comments' | 'lineIndex'> | null {
    const chunks = splitChunks(text);
    if (!chunks) return null;
    const next = new Map<string, ParsedChunk>();
    const placed = new Map<string, YNode | YEntry[]>();
    let reparsed = 0;
    const root: YMap = { kind: 'map', entries: [], flow: false, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, path: [] };
    const seen = new Set<string>();
    let lastSeq: YSeq | null = null;
    const problems: YamlProblem[] = [];
    let previousFailed = false;
    for (const chunk of chunks) {
      let parsed = next.get(chunk.text) ?? this.cache.get(chunk.text);
      if (!parsed) {
        parsed = parseChunk(chunk.text);
        reparsed++;
      }
      next.set(chunk.text, parsed);
      // A half-typed line breaks only its own chunk: keep the chunk's partial
      // tree and its located problems. Two broken chunks in a row look like one
      // structure across them (a multi-line flow list or quote): parse it whole.
      const failed = parsed.problems.length > 0;
      if (failed && previousFailed) return null;
      previousFailed = failed;
      for (const problem of parsed.problems) problems.push({ ...problem, range: shiftRange(problem.range, chunk.startLine) });
      if (chunk.itemOf) {
        // An item chunk parses as a one-item sequence; append the item to its parent's list.
        if (!lastSeq || !parsed.root || parsed.root.kind !== 'seq' || parsed.root.items.length !== 1) return null;
        const key = `${chunk.startLine}\u0001${String(lastSeq.path[0])}\u0001${lastSeq.items.length}\u0001${chunk.text}`;
        const item = (this.placed.get(key) as YNode | undefined) ?? shift(parsed.root.items[0]!, chunk.startLine, [...lastSeq.path, lastSeq.items.length]);
        placed.set(key, item);
        lastSeq.items.push(item);
        lastSeq.range = { start: lastSeq.range.start, end: item.range.end };
        root.range.end = item.range.end;
        continue;
      }
      if (!parsed.root) continue;
      if (parsed.root.kind !== 'map' || parsed.root.flow) return null;
      lastSeq = null;
      const key = `${chunk.startLine}\u0001${chunk.text}`;
      const entries =
        (this.placed.get(key) as YEntry[] | undefined) ??
        parsed.root.entries.map((e) => ({ key: e.key, keyRange: shiftRange(e.keyRange, chunk.startLine), value: shift(e.value, chunk.startLine, [e.key]) }));
      placed.set(key, entries);
      for (const entry of entries) {
        if (seen.has(entry.key)) return null; // let the full parse report the duplicate key
        seen.add(entry.key);
        const value = entry.value;
        const shifted: YEntry = { ...entry };
        root.entries.push(shifted);
        root.range.end = value.range.end.line >= shifted.keyRange.end.line ? value.range.end : shifted.keyRange.end;
        if (value.kind === 'scalar' && value.value === null) {
          // `systems:` with its items in the following chunks.
          const seq: YSeq = { kind: 'seq', items: [], flow: false, range: { start: shifted.keyRange.end, end: shifted.keyRange.end }, path: [entry.key] };
          shifted.value = seq;
          lastSeq = seq;
        }
      }
    }
    // An empty `key:` that no items followed is null, as in a full parse.
    for (const entry of root.entries) {
      if (entry.value.kind === 'seq' && !entry.value.flow && entry.value.items.length === 0 && !chunks.some((c) => c.itemOf === entry.key)) {
        entry.value = { kind: 'scalar', value: null, quoted: false, range: entry.value.range, path: entry.value.path };
      }
    }
    this.cache = next;
    this.placed = placed;
    return { root: root.entries.length > 0 ? root : null, problems, stats: { mode: 'chunked', chunks: chunks.length, reparsed } };
  }
}

function parseChunk(text: string): ParsedChunk {
  const doc = YAML.parseDocument(text, YAML_OPTIONS);
  return new Converter(doc, new LineIndex(text)).convert();
}

/** One-shot parse without a cache (the CLI, tests). */
export function parseYamlTree(text: string): YamlTree {
  return new YamlTreeParser().parse(text);
}

/* ------------------------------------------------------------------------ */
/* Reading the tree                                                          */
/* ------------------------------------------------------------------------ */

export function entryOf(map: YNode | null | undefined, key: string): YEntry | undefined {
  if (!map || map.kind !== 'map') return undefined;
  return map.entries.find((e) => e.key === key);
}

export function valueOf(map: YNode | null | undefined, key: string): YNode | undefined {
  return entryOf(map, key)?.value;
}

/** Finds the node at a JSON path, or the deepest node on the way. */
export function nodeAtPath(root: YNode | null, path: JsonPath): YNode | undefined {
  let node: YNode | undefined = root ?? undefined;
  for (const segment of path) {
    if (!node) return undefined;
    if (typeof segment === 'number') node = node.kind === 'seq' ? node.items[segment] : undefined;
    else node = valueOf(node, segment);
  }
  return node;
}

/** Plain JavaScript value of a subtree (for schema validation). */
export function toPlain(node: YNode | null | undefined): unknown {
  if (!node) return null;
  if (node.kind === 'scalar') return node.value;
  if (node.kind === 'seq') return node.items.map(toPlain);
  const out: Record<string, unknown> = {};
  for (const e of node.entries) out[e.key] = toPlain(e.value);
  return out;
}
