import * as YAML from 'yaml';
import type { Range } from 'vscode-languageserver-types';
import { LineIndex, comparePositions } from './lineIndex';
import { YAML_OPTIONS, readSimpleChunk } from './yamlCst';
import { MAX_PARSE_DEPTH, tooDeepAt } from './yamlDepth';
import type { Localized } from './locale';
import type { JsonPath, ScalarValue, YEntry, YMap, YNode, YScalar, YSeq } from './yamlNodes';

export type { JsonPath, ScalarValue, YEntry, YMap, YNode, YScalar, YSeq } from './yamlNodes';

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
  /** How the tree was produced: chunks parsed this time, and how many of those `yaml` composed (the rest were read from its syntax tree). */
  stats: { mode: 'chunked' | 'full'; chunks: number; reparsed: number; composed: number };
}

/** Past this many nodes the document is refused. */
const MAX_NODES = 1_000_000;
/** Past this many nodes reached through aliases, expansion stops: an alias bomb. */
const MAX_ALIAS_NODES = 10_000;
const MAX_DEPTH = 64;

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

  /**
   * @param lineOffset added to every line: a chunk is converted straight to
   *   where it sits in the document, so its nodes need no shifted copy.
   */
  constructor(
    private readonly doc: YAML.Document.Parsed,
    private readonly index: LineIndex,
    private readonly lineOffset = 0,
  ) {}

  /** The node an alias refers to: the last definition of its anchor before it. (`Alias.resolve` walks the whole document per call.) */
  private resolveAlias(alias: YAML.Alias): YAML.Node | undefined {
    if (!this.anchors) {
      const anchors = new Map<string, YAML.Node[]>();
      YAML.visit(this.doc, (_key, node) => {
        if ((YAML.isScalar(node) || YAML.isCollection(node)) && node.anchor) {
          anchors.set(node.anchor, [...(anchors.get(node.anchor) ?? []), node]);
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

  /**
   * The entries a merge key brings in, in priority order: those of one map
   * (`<<: *defaults`, `<<: { … }`) or of several (`<<: [*a, *b]`, the earlier
   * winning). They are read as entries of the map at `path`, with the ranges
   * of the map they come from. Anything else is a located problem.
   */
  private mergedEntries(value: YAML.Node | null, keyRange: Range, path: JsonPath, depth: number, aliasChain: YAML.Node[]): YEntry[] {
    const sources = YAML.isSeq(value) ? (value.items as (YAML.Node | null)[]) : [value];
    const entries: YEntry[] = [];
    for (const source of sources) {
      let target: YAML.Node | null | undefined = source;
      let chain = aliasChain;
      if (YAML.isAlias(source)) {
        target = this.resolveAlias(source);
        if (!target || aliasChain.includes(target)) {
          this.problems.push({
            code: 'yaml-bad-alias',
            range: this.rangeOf(source, keyRange),
            message: { zh: `无法解析别名 *${source.source}。`, en: `Cannot resolve alias *${source.source}.` },
          });
          continue;
        }
        chain = [...aliasChain, target];
      }
      if (!YAML.isMap(target)) {
        const at = source ? this.rangeOf(source, keyRange) : keyRange;
        this.problems.push({
          code: 'yaml-bad-merge',
          range: at,
          message: {
            zh: '合并键 `<<` 的值应为映射的别名（`<<: *defaults`）、别名列表（`<<: [*a, *b]`）或映射；此处的值无法合并。',
            en: 'A merge key `<<` takes an alias of a map (`<<: *defaults`), a list of them (`<<: [*a, *b]`), or a map; this value cannot be merged.',
          },
        });
        continue;
      }
      const converted = this.node(target, path, depth + 1, chain);
      if (converted?.kind === 'map') entries.push(...converted.entries);
    }
    return entries;
  }

  convert(): Converted {
    this.convertProblems();
    const contents = this.doc.contents;
    const root = contents ? this.node(contents, [], 0) : null;
    return { root, problems: this.problems };
  }

  /**
   * Converts the single item of a one-item block sequence (an item chunk)
   * as the item at `path` of a top-level list; `root` is null when the text
   * is not such a sequence.
   */
  convertItem(path: JsonPath): Converted {
    this.convertProblems();
    const contents = this.doc.contents;
    if (!YAML.isSeq(contents) || contents.flow || contents.items.length !== 1 || !contents.items[0])
      return { root: null, problems: this.problems };
    // Depth 2, as under the root map and its list in a full parse.
    return { root: this.node(contents.items[0], path, 2), problems: this.problems };
  }

  private convertProblems(): void {
    for (const error of this.doc.errors)
      this.problems.push(yamlErrorToProblem(error, this.range(error.pos[0], Math.max(error.pos[1], error.pos[0]))));
    for (const warning of this.doc.warnings)
      this.problems.push(yamlErrorToProblem(warning, this.range(warning.pos[0], Math.max(warning.pos[1], warning.pos[0]))));
  }

  /** The range of two offsets, placed at the line offset. */
  private range(start: number, end: number): Range {
    return this.index.rangeOf(start, end, this.lineOffset);
  }

  private rangeOf(node: unknown, fallback: Range): Range {
    const r = YAML.isNode(node) ? node.range : undefined;
    return r ? this.range(r[0], r[1]) : fallback;
  }

  private node(node: YAML.Node, path: JsonPath, depth: number, aliasChain: YAML.Node[] = []): YNode | null {
    if (aliasChain.length > 0) this.aliasNodeCount++;
    if (++this.nodeCount > MAX_NODES || this.aliasNodeCount > MAX_ALIAS_NODES || depth > MAX_DEPTH) {
      if (this.nodeCount === MAX_NODES + 1 || this.aliasNodeCount === MAX_ALIAS_NODES + 1 || depth === MAX_DEPTH + 1) {
        const range = this.rangeOf(node, this.range(0, 0));
        this.problems.push(
          depth > MAX_DEPTH
            ? {
                code: 'yaml-too-deep',
                range,
                message: {
                  zh: `嵌套层级超过 ${MAX_DEPTH} 层，已停止读取。`,
                  en: `Nesting deeper than ${MAX_DEPTH} levels; reading stopped here.`,
                },
              }
            : this.aliasNodeCount > MAX_ALIAS_NODES
              ? {
                  code: 'yaml-too-large',
                  range,
                  message: {
                    zh: `别名展开后超过 ${MAX_ALIAS_NODES} 个节点（别名炸弹？），已停止展开。`,
                    en: `Aliases expand to more than ${MAX_ALIAS_NODES} nodes (an alias bomb?); expansion stopped here.`,
                  },
                }
              : {
                  code: 'yaml-too-large',
                  range,
                  message: {
                    zh: `文档超过 ${MAX_NODES} 个节点，已停止读取。`,
                    en: `The document has more than ${MAX_NODES} nodes; reading stopped here.`,
                  },
                },
        );
      }
      return null;
    }
    const range = this.rangeOf(node, this.range(0, 0));
    if (YAML.isAlias(node)) {
      const target = this.resolveAlias(node);
      if (!target || aliasChain.includes(target)) {
        this.problems.push({
          code: 'yaml-bad-alias',
          range,
          message: { zh: `无法解析别名 *${node.source}。`, en: `Cannot resolve alias *${node.source}.` },
        });
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
      else value = keyText(raw);
      const quoted =
        node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE' || node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED';
      return { kind: 'scalar', value, quoted, range, path };
    }
    if (YAML.isMap(node)) {
      const map: YMap = { kind: 'map', entries: [], flow: !!node.flow, range, path };
      // Merge keys (YAML 1.1 `<<`): keys written in the map win over merged ones, whatever their order.
      const explicit = new Set<string>();
      for (const pair of node.items) if (YAML.isScalar(pair.key) && !isMergeKey(pair.key)) explicit.add(keyText(pair.key.value));
      const merged = new Set<string>();
      for (const pair of node.items) {
        const keyNode = pair.key as YAML.Node | null;
        const keyRange = this.rangeOf(keyNode, range);
        if (isMergeKey(keyNode)) {
          for (const entry of this.mergedEntries(pair.value as YAML.Node | null, keyRange, path, depth, aliasChain)) {
            if (explicit.has(entry.key) || merged.has(entry.key)) continue;
            merged.add(entry.key);
            map.entries.push(entry);
          }
          continue;
        }
        let key: string;
        if (YAML.isScalar(keyNode)) key = keyText(keyNode.value);
        else {
          this.problems.push({
            code: 'yaml-complex-key',
            range: keyRange,
            message: { zh: '不支持复杂键（以映射或序列作为键）。', en: 'Complex keys (a map or list used as a key) are not supported.' },
          });
          continue;
        }
        const valueNode = pair.value as YAML.Node | null;
        const childPath = [...path, key];
        const value = valueNode
          ? this.node(valueNode, childPath, depth + 1, aliasChain)
          : ({ kind: 'scalar', value: null, quoted: false, range: { start: keyRange.end, end: keyRange.end }, path: childPath } as YScalar);
        if (value) map.entries.push({ key, keyRange, value });
      }
      // Merged entries keep the ranges where they are written (the anchor, above): entries stay in document order for lookups by position.
      if (merged.size > 0) map.entries.sort((a, b) => comparePositions(a.keyRange.start, b.keyRange.start));
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

/** `<<` written plain is a merge key; `"<<"` quoted is an ordinary key. */
/** A key's (or an odd scalar's) text: primitives as String() writes them, null as '', anything else as JSON. */
function keyText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value) ?? '';
}

function isMergeKey(key: unknown): boolean {
  return YAML.isScalar(key) && key.value === '<<' && (key.type === 'PLAIN' || key.type === undefined);
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
  BLOCK_IN_FLOW: {
    zh: '流式集合（[ ] 或 { }）中不能出现块结构。',
    en: 'Block collections are not allowed inside a flow collection ([ ] or { }).',
  },
  BAD_PROP_ORDER: { zh: '锚点与标签的位置不正确。', en: 'Anchors and tags are out of place.' },
  ALIAS_PROPS: { zh: '别名不能带锚点或标签。', en: 'An alias cannot have an anchor or tag.' },
};

function yamlErrorToProblem(error: YAML.YAMLError, range: Range): YamlProblem {
  if (error.code === 'DUPLICATE_KEY') {
    return { code: 'yaml-duplicate-key', range, message: SYNTAX_MESSAGES.DUPLICATE_KEY! };
  }
  const known = SYNTAX_MESSAGES[error.code];
  const message = known ?? { zh: 'YAML 语法错误。', en: `YAML syntax error: ${error.message.split('\n')[0]}` };
  return {
    code: 'yaml-syntax',
    range,
    message: { zh: `YAML 语法错误：${message.zh}`, en: known ? `YAML syntax error: ${message.en}` : message.en },
  };
}

/* ------------------------------------------------------------------------ */
/* Full and chunked parsing                                                  */
/* ------------------------------------------------------------------------ */

function parseFull(text: string, index: LineIndex): Converted {
  const docs = YAML.parseAllDocuments(text, YAML_OPTIONS);
  const list = Array.isArray(docs) ? docs : [];
  const [head] = list;
  if (!head) return { root: null, problems: [] };
  const first = new Converter(head, index).convert();
  for (const extra of list.slice(1)) {
    const r = extra.range;
    first.problems.push({
      code: 'yaml-multiple-documents',
      range: index.rangeOf(r[0], r[0]),
      message: {
        zh: '一个方案文件只能包含一个 YAML 文档；此处之后的内容被忽略。',
        en: 'A proposal file holds one YAML document; what follows here is ignored.',
      },
    });
  }
  return first;
}

/**
 * A chunk's parse, placed where it last sat in the document: the entries of
 * a top-level key chunk, or the item of a list-item chunk. Nodes are never
 * mutated once built, so an unchanged chunk in the same place hands its nodes
 * to the next version as they are.
 */
interface PlacedChunk {
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

interface Chunk {
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
function splitChunks(text: string): Chunk[] | null {
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

function extractComments(text: string, index: LineIndex): Comment[] {
  const comments: Comment[] = [];
  // Visit only the lines that hold a `#`: most lines of a proposal do not.
  for (let hashAt = text.indexOf('#'); hashAt !== -1;) {
    const { line } = index.positionAt(hashAt);
    const lineText = index.lineText(line);
    const hash = findCommentStart(lineText);
    if (hash >= 0) comments.push({ line, character: hash, text: lineText.slice(hash + 1) });
    const nextLine = index.lineStarts[line + 1];
    hashAt = nextLine === undefined ? -1 : text.indexOf('#', nextLine);
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
      const prev = line[i - 1] ?? ' ';
      if (/[\s:[{,-]/.test(prev)) quote = c;
    } else if (c === '#' && /\s/.test(line[i - 1] ?? ' ')) {
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
  /** Chunk text → its parse where it last sat; a chunk that moved is shifted, not re-parsed. */
  private chunks = new Map<string, PlacedChunk>();

  /** `readSyntaxTree: false` composes every chunk with `yaml` (the reference the fast reader is tested against). */
  constructor(private readonly options: { readSyntaxTree?: boolean } = {}) {}

  parse(text: string): YamlTree {
    const index = new LineIndex(text);
    const comments = extractComments(text, index);
    // Checked before either path: `yaml` would overflow the stack, and only on some chunks.
    const deep = tooDeepAt(text);
    if (deep !== undefined) {
      this.chunks.clear();
      return {
        root: null,
        problems: [tooDeepProblem(index, deep)],
        comments,
        lineIndex: index,
        stats: { mode: 'full', chunks: 1, reparsed: 0, composed: 0 },
      };
    }
    const chunked = this.parseChunked(text);
    if (chunked) return { ...chunked, comments, lineIndex: index };
    this.chunks.clear();
    const full = parseFull(text, index);
    return {
      root: full.root,
      problems: full.problems,
      comments,
      lineIndex: index,
      stats: { mode: 'full', chunks: 1, reparsed: 1, composed: 1 },
    };
  }

  private parseChunked(text: string): Omit<YamlTree, 'comments' | 'lineIndex'> | null {
    const chunks = splitChunks(text);
    if (!chunks) return null;
    const next = new Map<string, PlacedChunk>();
    let reparsed = 0;
    let composed = 0;
    const root: YMap = {
      kind: 'map',
      entries: [],
      flow: false,
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      path: [],
    };
    const seen = new Set<string>();
    let lastSeq: YSeq | null = null;
    const problems: YamlProblem[] = [];
    let previousFailed = false;
    for (const chunk of chunks) {
      // An item chunk belongs to the list opened by the key chunk before it.
      if (chunk.itemOf && !lastSeq) return null;
      const itemPath = chunk.itemOf && lastSeq ? [lastSeq.path[0]!, lastSeq.items.length] : undefined;
      let placed = this.placedChunk(chunk, itemPath, next);
      if (!placed) {
        placed = parseChunkAt(chunk, itemPath, this.options.readSyntaxTree !== false);
        reparsed++;
        if (placed.composed) composed++;
      }
      next.set(chunk.text, placed);
      // A half-typed line breaks only its own chunk: keep the chunk's partial
      // tree and its located problems. Two broken chunks in a row look like one
      // structure across them (a multi-line flow list or quote): parse it whole.
      const failed = placed.problems.length > 0;
      if (failed && previousFailed) return null;
      previousFailed = failed;
      problems.push(...placed.problems);
      const { content } = placed;
      if (content === null) return null;
      if (lastSeq && itemPath) {
        // An item chunk: append the item to its parent's list.
        const item = content as YNode;
        lastSeq.items.push(item);
        lastSeq.range = { start: lastSeq.range.start, end: item.range.end };
        root.range.end = item.range.end;
        continue;
      }
      const entries = content as YEntry[];
      if (entries.length === 0) continue;
      lastSeq = null;
      for (const entry of entries) {
        if (seen.has(entry.key)) return null; // let the full parse report the duplicate key
        seen.add(entry.key);
        const value = entry.value;
        const shifted: YEntry = { ...entry };
        root.entries.push(shifted);
        root.range.end = value.range.end.line >= shifted.keyRange.end.line ? value.range.end : shifted.keyRange.end;
        if (value.kind === 'scalar' && value.value === null) {
          // `systems:` with its items in the following chunks.
          const seq: YSeq = {
            kind: 'seq',
            items: [],
            flow: false,
            range: { start: shifted.keyRange.end, end: shifted.keyRange.end },
            path: [entry.key],
          };
          shifted.value = seq;
          lastSeq = seq;
        }
      }
    }
    // An empty `key:` that no items followed is null, as in a full parse.
    for (const entry of root.entries) {
      if (
        entry.value.kind === 'seq' &&
        !entry.value.flow &&
        entry.value.items.length === 0 &&
        !chunks.some((c) => c.itemOf === entry.key)
      ) {
        entry.value = { kind: 'scalar', value: null, quoted: false, range: entry.value.range, path: entry.value.path };
      }
    }
    this.chunks = next;
    return { root: root.entries.length > 0 ? root : null, problems, stats: { mode: 'chunked', chunks: chunks.length, reparsed, composed } };
  }

  /**
   * The previous parse of this chunk's text: as it is when the chunk did not
   * move, else shifted to its new line and path; undefined when the text is new.
   */
  private placedChunk(chunk: Chunk, itemPath: JsonPath | undefined, current: Map<string, PlacedChunk>): PlacedChunk | undefined {
    // Two chunks of the same text (a repeated list item) may sit in both maps at different places.
    const candidates = [this.chunks.get(chunk.text), current.get(chunk.text)];
    for (const placed of candidates)
      if (placed && placed.startLine === chunk.startLine && samePath(placed.itemPath, itemPath)) return placed;
    const placed = candidates.find((c) => c !== undefined);
    return placed && moveChunk(placed, chunk.startLine, itemPath);
  }
}

function samePath(a: JsonPath | undefined, b: JsonPath | undefined): boolean {
  if (!a || !b) return a === b;
  return a.length === b.length && a.every((segment, i) => segment === b[i]);
}

/** A placed chunk moved to another line (and, for an item, another index). */
function moveChunk(placed: PlacedChunk, startLine: number, itemPath: JsonPath | undefined): PlacedChunk | undefined {
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

/**
 * Parses one chunk straight into place: its lines at `startLine`, an item at
 * `itemPath`. The plain shapes are read from `yaml`'s syntax tree; anything
 * else is composed by `yaml`, which also reports its errors.
 */
function parseChunkAt(chunk: Chunk, itemPath: JsonPath | undefined, readSyntaxTree: boolean): PlacedChunk {
  const index = new LineIndex(chunk.text);
  const base = { startLine: chunk.startLine, ...(itemPath ? { itemPath } : {}) };
  const simple = readSyntaxTree ? readSimpleChunk(chunk.text, index, chunk.startLine, itemPath) : undefined;
  if (simple) return { ...base, content: simple, problems: [] };
  const converter = new Converter(YAML.parseDocument(chunk.text, YAML_OPTIONS), index, chunk.startLine);
  if (itemPath) {
    const { root, problems } = converter.convertItem(itemPath);
    return { ...base, content: root, problems, composed: true };
  }
  const { root, problems } = converter.convert();
  const content = !root ? [] : root.kind === 'map' && !root.flow ? root.entries : null;
  return { ...base, content, problems, composed: true };
}

function tooDeepProblem(index: LineIndex, offset: number): YamlProblem {
  return {
    code: 'yaml-too-deep',
    range: index.rangeOf(offset, offset + 1),
    message: {
      zh: `嵌套层级超过 ${MAX_PARSE_DEPTH} 层，Casebook 不读取此文档（YAML 解析器会因此栈溢出）。请减少此处的嵌套。`,
      en: `Nesting deeper than ${MAX_PARSE_DEPTH} levels here, so Casebook does not read the document (the YAML parser would overflow its stack). Reduce the nesting.`,
    },
  };
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

/**
 * The deepest node starting on `line` (a key written there gives its value) or holding it: where a line
 * comment points. O(depth · log width) in lists, which are in document order.
 */
export function nodeAtLine(root: YNode | null, line: number): YNode | undefined {
  let node: YNode | undefined;
  let next: YNode | null = root;
  while (next) {
    const at: YNode = next;
    next = null;
    if (at.kind === 'map') {
      for (const entry of at.entries) {
        if (entry.keyRange.start.line === line) return entry.value;
        if (entry.keyRange.start.line < line && entry.value.range.end.line >= line) next = entry.value;
      }
    } else if (at.kind === 'seq') next = itemAtLine(at.items, line);
    if (next) node = next;
  }
  return node;
}

function itemAtLine(items: readonly YNode[], line: number): YNode | null {
  let lo = 0;
  let hi = items.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const item = items[mid]!;
    if (item.range.end.line < line) lo = mid + 1;
    else if (item.range.start.line > line) hi = mid - 1;
    else return item;
  }
  return null;
}

/** Plain values of collections already converted: nodes are never mutated, and an edit reuses most of them. */
const plainValues = new WeakMap<YNode, unknown>();

/** Plain JavaScript value of a subtree (for schema validation); shared between calls, so never to be mutated. */
export function toPlain(node: YNode | null | undefined): unknown {
  if (!node) return null;
  if (node.kind === 'scalar') return node.value;
  const known = plainValues.get(node);
  if (known !== undefined) return known;
  let plain: unknown;
  if (node.kind === 'seq') plain = node.items.map(toPlain);
  else {
    const out: Record<string, unknown> = {};
    for (const e of node.entries) out[e.key] = toPlain(e.value);
    plain = out;
  }
  plainValues.set(node, plain);
  return plain;
}
