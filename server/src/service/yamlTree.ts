/**
 * The incremental parser: proposal YAML → the located tree (yamlNodes.ts).
 * Keeps the chunks of the previous parse (yamlChunks.ts), reads each new chunk
 * from `yaml`'s syntax tree (yamlCst.ts) or composes it (yamlCompose.ts), and
 * falls back to one composed parse of the whole text where chunking is not
 * faithful. Also collects the document's comments.
 */
import { LineIndex } from './lineIndex';
import { readSimpleChunk } from './yamlCst';
import { composeChunk, composeDocument } from './yamlCompose';
import { moveChunk, samePath, splitChunks, type Chunk, type PlacedChunk } from './yamlChunks';
import { MAX_PARSE_DEPTH, tooDeepAt } from './yamlDepth';
import type { JsonPath, YEntry, YMap, YNode, YSeq, YamlProblem } from './yamlNodes';

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
  /** How the tree was produced: chunks parsed this time, and how many of those `yaml` composed (the rest were read from its syntax tree). */
  stats: { mode: 'chunked' | 'full'; chunks: number; reparsed: number; composed: number };
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
    const full = composeDocument(text, index);
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
  const { root, problems } = composeChunk(chunk.text, index, chunk.startLine, itemPath);
  if (itemPath) return { ...base, content: root, problems, composed: true };
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
