/**
 * The located YAML tree: its node types, its located problems, and the helpers
 * that read it by key and JSON path. Every part of the parser (yamlTree.ts,
 * yamlCompose.ts, yamlChunks.ts, yamlCst.ts) and every reader of the tree
 * imports them from here, so none of them needs another's module back.
 */
import type { Range } from 'vscode-languageserver-types';
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
