/**
 * The fast way from a chunk's text to the located tree: `yaml`'s concrete
 * syntax tree (its lexer and parser) read straight into YNodes, without
 * composing a `yaml` Document first — about a quarter of the parse.
 *
 * It reads only the plain shapes a proposal is made of: block maps and lists,
 * one-line flow lists and maps, one-line scalars, comments. Whatever else it
 * meets (a multi-line or block scalar, an anchor, a tag, an explicit key, a
 * merge key, a duplicate key, anything `yaml` would call an error) makes it give up, and
 * the chunk goes through `YAML.parseDocument` as before — which also reports
 * the errors. Every value, range and path it builds is what the composed
 * Document gives: a property test holds the two equal on fuzzed chunks.
 * The rules below mirror `yaml`'s compose step (resolve-props, -block-map,
 * -block-seq, -flow-collection, compose-scalar), restricted to those shapes.
 */
import * as YAML from 'yaml';
import type { Range } from 'vscode-languageserver-types';
import type { LineIndex } from './lineIndex';
import type { JsonPath, ScalarValue, YEntry, YMap, YNode, YScalar, YSeq } from './yamlNodes';

export const YAML_OPTIONS: YAML.ParseOptions & YAML.DocumentOptions & YAML.SchemaOptions = {
  uniqueKeys: true,
  prettyErrors: false,
  strict: true,
  intAsBigInt: false,
  version: '1.2',
};

/** The schema and options a composed Document of these options resolves plain scalars with. */
const COMPOSED = new YAML.Document(undefined, YAML_OPTIONS);
const SCALAR_TAGS = COMPOSED.schema.tags.filter(
  (tag): tag is YAML.ScalarTag => !('collection' in tag && tag.collection) && tag.default === true && !!tag.test,
);

/** Deeper than this, leave it to the composed path (which also enforces the depth limit). */
const MAX_DEPTH = 48;

/** Thrown to give up on a chunk: not one of the shapes read here. */
class NotSimple extends Error {}
const notSimple = (): never => {
  throw new NotSimple();
};

type Token = YAML.CST.Token;
type SourceToken = YAML.CST.SourceToken;
type CollectionItem = YAML.CST.CollectionItem;
type FlowScalarToken = YAML.CST.FlowScalar;

/** What a run of separator tokens held: resolve-props, for space, newline, comment, one indicator and (in flow) one comma. */
interface Props {
  found: SourceToken | null;
  comma: SourceToken | null;
  comment: boolean;
  hasNewline: boolean;
  /** Offset after the last token, or the given offset when there were none. */
  end: number;
}

function readProps(
  tokens: readonly SourceToken[],
  indicator: SourceToken['type'],
  offset: number,
  startOnNewline: boolean,
  flow: boolean,
): Props {
  let hasSpace = startOnNewline;
  let found: SourceToken | null = null;
  let comma: SourceToken | null = null;
  let comment = false;
  let hasNewline = false;
  for (const token of tokens) {
    switch (token.type) {
      case 'space':
        if (token.source.includes('\t')) notSimple();
        hasSpace = true;
        break;
      case 'comment':
        if (!hasSpace) notSimple(); // a comment glued to a token: an error
        comment = true;
        break;
      case 'newline':
        hasNewline = true;
        hasSpace = true;
        break;
      case 'comma':
        if (!flow || comma) notSimple();
        comma = token;
        hasSpace = false;
        break;
      default:
        if (token.type !== indicator || found) notSimple();
        found = token;
        hasSpace = false;
    }
  }
  const last = tokens[tokens.length - 1];
  return { found, comma, comment, hasNewline, end: last ? last.offset + last.source.length : offset };
}

/** Trailing tokens after a value (resolve-end): space, newline and comments that follow a space; the offset after them. */
function readEnd(tokens: readonly SourceToken[] | undefined, offset: number): number {
  let hasSpace = false;
  for (const token of tokens ?? []) {
    if (token.type === 'space') {
      if (token.source.includes('\t')) notSimple();
      hasSpace = true;
    } else if (token.type === 'newline') hasSpace = true;
    else if (token.type !== 'comment' || !hasSpace) notSimple();
    offset += token.source.length;
  }
  return offset;
}

/** Where `yaml` puts an empty value: after the indicator and the spaces that follow it (util-empty-scalar-position). */
function emptyScalarPosition(offset: number, before: readonly SourceToken[]): number {
  for (let i = before.length - 1; i >= 0; --i) {
    let token = before[i]!;
    if (token.type === 'space' || token.type === 'comment' || token.type === 'newline') {
      offset -= token.source.length;
      continue;
    }
    token = before[++i]!;
    while (token?.type === 'space') {
      offset += token.source.length;
      token = before[++i]!;
    }
    break;
  }
  return offset;
}

/** A node and the offset its trailing space and comments end at (`yaml`'s range[2]). */
interface Read<T extends YNode = YNode> {
  node: T;
  end: number;
}

class CstReader {
  constructor(
    private readonly index: LineIndex,
    private readonly lineOffset: number,
  ) {}

  private range(start: number, end: number): Range {
    return this.index.rangeOf(start, end, this.lineOffset);
  }

  node(token: Token, path: JsonPath, depth: number): Read {
    if (depth > MAX_DEPTH) notSimple();
    switch (token.type) {
      case 'scalar':
      case 'single-quoted-scalar':
      case 'double-quoted-scalar':
        return this.scalar(token, path);
      case 'block-map':
        return this.blockMap(token, path, depth);
      case 'block-seq':
        return this.blockSeq(token, path, depth);
      case 'flow-collection':
        return this.flowCollection(token, path, depth);
      default:
        return notSimple(); // block scalars, aliases, errors
    }
  }

  private scalar(token: FlowScalarToken, path: JsonPath): Read<YScalar> {
    if (token.source.includes('\n') || token.source.includes('\r')) notSimple(); // multi-line: folding rules
    let failed = false;
    const resolved = YAML.CST.resolveAsScalar(token, true, () => (failed = true));
    if (!resolved || failed) return notSimple();
    const plain = token.type === 'scalar';
    return {
      node: {
        kind: 'scalar',
        value: plain ? resolvePlain(resolved.value) : resolved.value,
        quoted: !plain,
        range: this.range(resolved.range[0], resolved.range[1]),
        path,
      },
      end: resolved.range[2],
    };
  }

  /** The empty value of `key:` or `- `: a null scalar where `yaml` places it. */
  private empty(offset: number, before: readonly SourceToken[], props: Props, path: JsonPath): Read<YScalar> {
    const at = emptyScalarPosition(offset, before);
    return { node: { kind: 'scalar', value: null, quoted: false, range: this.range(at, at), path }, end: props.comment ? props.end : at };
  }

  private key(item: CollectionItem, keys: Set<ScalarValue>): { key: string; keyRange: Range } {
    const token = item.key;
    if (!token || (token.type !== 'scalar' && token.type !== 'single-quoted-scalar' && token.type !== 'double-quoted-scalar'))
      return notSimple();
    // A merge key `<<` brings in keys of another map: the composed path merges it.
    if (token.type === 'scalar' && token.source === '<<') notSimple();
    const { node } = this.scalar(token, []);
    // uniqueKeys: a repeated key is yaml's DUPLICATE_KEY error; the composed path reports it.
    if (keys.has(node.value)) notSimple();
    keys.add(node.value);
    return { key: String(node.value ?? ''), keyRange: node.range };
  }

  private blockMap(token: YAML.CST.BlockMap, path: JsonPath, depth: number): Read<YMap> {
    const map: YMap = { kind: 'map', entries: [], flow: false, range: this.range(0, 0), path };
    const keys = new Set<ScalarValue>();
    let offset = token.offset;
    let commentEnd: number | null = null;
    for (const item of token.items) {
      const keyProps = readProps(item.start, 'explicit-key-ind', offset, true, false);
      if (keyProps.found) notSimple(); // `? key`
      if (!item.key && !item.sep) {
        if (item.value) notSimple();
        commentEnd = keyProps.end; // comment lines after the last entry
        continue;
      }
      if (!item.key || !item.sep || item.sep[0]?.type !== 'map-value-ind') return notSimple();
      if ('indent' in item.key && item.key.indent !== token.indent) notSimple(); // BAD_INDENT
      const { key, keyRange } = this.key(item, keys);
      const valueProps = readProps(item.sep, 'map-value-ind', offset, false, false);
      if (item.key.offset < valueProps.found!.offset - 1024) notSimple(); // KEY_OVER_1024_CHARS
      const { value } = item;
      if (value && (value.type === 'block-map' || value.type === 'block-seq') && !valueProps.hasNewline) notSimple();
      const childPath = [...path, key];
      const read = value ? this.node(value, childPath, depth + 1) : this.empty(valueProps.end, item.sep, valueProps, childPath);
      map.entries.push({ key, keyRange, value: read.node });
      offset = read.end;
    }
    if (commentEnd !== null && commentEnd < offset) notSimple();
    map.range = this.range(token.offset, offset);
    return { node: map, end: commentEnd ?? offset };
  }

  private blockSeq(token: YAML.CST.BlockSequence, path: JsonPath, depth: number): Read<YSeq> {
    const seq: YSeq = { kind: 'seq', items: [], flow: false, range: this.range(0, 0), path };
    let offset = token.offset;
    let commentEnd: number | null = null;
    for (const item of token.items) {
      const props = readProps(item.start, 'seq-item-ind', offset, true, false);
      if (!props.found) {
        if (item.value) notSimple();
        commentEnd = props.end;
        continue;
      }
      const childPath = [...path, seq.items.length];
      const read = item.value ? this.node(item.value, childPath, depth + 1) : this.empty(props.end, item.start, props, childPath);
      seq.items.push(read.node);
      offset = read.end;
    }
    if (commentEnd !== null && commentEnd < offset) notSimple();
    seq.range = this.range(token.offset, offset);
    return { node: seq, end: commentEnd ?? offset };
  }

  /** `[a, b]` and `{ k: v }` on one line, of scalars. */
  private flowCollection(token: YAML.CST.FlowCollection, path: JsonPath, depth: number): Read<YMap | YSeq> {
    const isMap = token.start.source === '{';
    const keys = new Set<ScalarValue>();
    const items: YNode[] = [];
    const entries: YEntry[] = [];
    let offset = token.offset + token.start.source.length;
    for (const [i, item] of token.items.entries()) {
      const props = readProps(item.start, 'explicit-key-ind', offset, false, true);
      if (props.found || props.hasNewline || !!props.comma !== i > 0) notSimple(); // `?`, a line break, a missing or extra comma
      if (isMap) {
        if (!item.key || !item.sep || !item.value) return notSimple();
        const { key, keyRange } = this.key(item, keys);
        const valueProps = readProps(item.sep, 'map-value-ind', offset, false, true);
        if (!valueProps.found || valueProps.hasNewline || valueProps.comma) notSimple();
        const read = this.flowItem(item.value, [...path, key], depth);
        entries.push({ key, keyRange, value: read.node });
        offset = read.end;
      } else {
        if (item.key || item.sep || !item.value) return notSimple();
        const read = this.flowItem(item.value, [...path, items.length], depth);
        items.push(read.node);
        offset = read.end;
      }
    }
    const [close, ...rest] = token.end;
    if (close?.type !== (isMap ? 'flow-map-end' : 'flow-seq-end')) notSimple(); // unclosed
    const closed = close!.offset + close!.source.length;
    const range = this.range(token.offset, closed);
    const end = readEnd(rest, closed);
    return { node: isMap ? { kind: 'map', entries, flow: true, range, path } : { kind: 'seq', items, flow: true, range, path }, end };
  }

  /** An item of a one-line flow collection: a one-line scalar only. */
  private flowItem(token: Token, path: JsonPath, depth: number): Read {
    if (token.type !== 'scalar' && token.type !== 'single-quoted-scalar' && token.type !== 'double-quoted-scalar') return notSimple();
    return this.node(token, path, depth + 1);
  }
}

/** A plain scalar's value as the core schema resolves it (compose-scalar's findScalarTagByTest). */
function resolvePlain(source: string): ScalarValue {
  const tag = SCALAR_TAGS.find((t) => t.test!.test(source));
  if (!tag) return source;
  const resolved: unknown = tag.resolve(source, notSimple, COMPOSED.options);
  // A float keeps its digits in a Scalar of its own.
  const value = YAML.isScalar(resolved) ? resolved.value : resolved;
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return Number(value);
  return JSON.stringify(value) ?? null; // a custom tag's object (the 1.2 core schema makes none)
}

/**
 * Reads a chunk through the concrete syntax tree, or returns undefined when it
 * is not one of the plain shapes (then compose it with `yaml`). A key chunk
 * gives its top-level entries; an item chunk (`itemPath` set) its one item.
 */
export function readSimpleChunk(
  text: string,
  index: LineIndex,
  lineOffset: number,
  itemPath: JsonPath | undefined,
): YEntry[] | YNode | undefined {
  const reader = new CstReader(index, lineOffset);
  try {
    let document: YAML.CST.Document | undefined;
    for (const token of new YAML.Parser().parse(text)) {
      if (token.type === 'comment' || token.type === 'newline' || token.type === 'space') {
        if (document) return undefined;
        continue; // comment lines with no content yet
      }
      if (token.type !== 'document' || document) return undefined; // directives, errors, several documents
      document = token;
    }
    // Only comments and blank lines: no entries (a key chunk), or nothing to read (an item).
    if (!document) return itemPath ? undefined : [];
    // After the content: blank lines and comments only (resolve-end, without its spacing rule at this level).
    if (document.end?.some((token) => token.type !== 'space' && token.type !== 'newline' && token.type !== 'comment')) return undefined;
    const docProps = readProps(document.start, 'doc-start', document.offset, true, false);
    if (docProps.found || !document.value) return undefined;
    const { value } = document;
    if (itemPath) {
      if (value.type !== 'block-seq' || value.items.length !== 1) return undefined;
      const [item] = value.items;
      const props = readProps(item!.start, 'seq-item-ind', value.offset, true, false);
      if (!props.found || !item!.value) return undefined;
      // Depth 2, as under the root map and its list in a full parse.
      return reader.node(item!.value, itemPath, 2).node;
    }
    if (value.type !== 'block-map') return undefined;
    return (reader.node(value, [], 0).node as YMap).entries;
  } catch (error) {
    if (error instanceof NotSimple) return undefined;
    throw error;
  }
}
