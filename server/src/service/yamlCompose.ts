/**
 * The compose path: a document (or one chunk of it) composed by `yaml` into a
 * `yaml` Document, then converted into the located tree — aliases resolved
 * and placed at the alias, merge keys merged, size and depth limits enforced —
 * with `yaml`'s errors and warnings as located, bilingual problems. The
 * incremental parser (yamlTree.ts) comes here for a full parse and for every
 * chunk the syntax-tree reader (yamlCst.ts) gives up on.
 */
import * as YAML from 'yaml';
import type { Range } from 'vscode-languageserver-types';
import { type LineIndex, comparePositions } from './lineIndex';
import type { Localized } from './locale';
import { YAML_OPTIONS } from './yamlCst';
import type { JsonPath, ScalarValue, YEntry, YMap, YNode, YScalar, YSeq, YamlProblem } from './yamlNodes';

/** Past this many nodes the document is refused. */
const MAX_NODES = 1_000_000;
/** Past this many nodes reached through aliases, expansion stops: an alias bomb. */
const MAX_ALIAS_NODES = 10_000;
const MAX_DEPTH = 64;

/* ------------------------------------------------------------------------ */
/* Converting one `yaml` document into the located tree                      */
/* ------------------------------------------------------------------------ */

export interface Converted {
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

/** A key's (or an odd scalar's) text: primitives as String() writes them, null as '', anything else as JSON. */
function keyText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value) ?? '';
}

/** `<<` written plain is a merge key; `"<<"` quoted is an ordinary key. */
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
/* Composing a whole document, or one chunk                                  */
/* ------------------------------------------------------------------------ */

/** The whole text composed by `yaml`: the first document, and a located problem for each document after it. */
export function composeDocument(text: string, index: LineIndex): Converted {
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
 * One chunk composed by `yaml`, converted straight to where it sits (its lines
 * from `lineOffset`): a key chunk as a whole document, an item chunk as the item
 * at `itemPath` (root null when its text is not a one-item block list).
 */
export function composeChunk(text: string, index: LineIndex, lineOffset: number, itemPath?: JsonPath): Converted {
  const converter = new Converter(YAML.parseDocument(text, YAML_OPTIONS), index, lineOffset);
  return itemPath ? converter.convertItem(itemPath) : converter.convert();
}
