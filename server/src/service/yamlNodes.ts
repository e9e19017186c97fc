/**
 * The located YAML tree's node types, shared by the full parser (yamlTree.ts)
 * and the fast syntax-tree reader (yamlCst.ts) without either importing the other's module back.
 */
import type { Range } from 'vscode-languageserver-types';

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
