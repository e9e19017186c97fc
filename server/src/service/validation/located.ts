/** Reading places in the document: the text under a range, and the edits fixes make. */
import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { Localized } from '../locale';
import type { RuleFix } from '../types';
import type { YamlTree } from '../yamlTree';
import type { YNode, YSeq } from '../yamlNodes';

export function textAt(tree: YamlTree, range: Range): string {
  const index = tree.lineIndex;
  return index.text.slice(index.offsetAt(range.start), index.offsetAt(range.end));
}

/**
 * True when `range` holds `expected` as written (plain or quoted). Nodes expanded
 * from an alias carry the alias's range; an edit there would rewrite the alias.
 */
export function writtenAt(tree: YamlTree, range: Range, expected: string): boolean {
  const text = textAt(tree, range);
  if (text === expected) return true;
  const first = text[0];
  return (first === '"' || first === "'") && text.length >= 2 && text[text.length - 1] === first && text.slice(1, -1) === expected;
}

/** A fix replacing the text at `range`. */
export function replaceFix(title: Localized, range: Range, newText: string): RuleFix {
  return { title, edits: [{ range, newText }] };
}

/** The edit that removes item `index` of a list, with its separator (`, x`) or its whole `- x` line. */
export function removeItemEdit(tree: YamlTree, seq: YSeq, index: number): TextEdit | undefined {
  const item: YNode | undefined = seq.items[index];
  if (!item) return undefined;
  if (seq.flow) {
    const previous = seq.items[index - 1];
    const next = seq.items[index + 1];
    if (previous) return { range: { start: previous.range.end, end: item.range.end }, newText: '' };
    if (next) return { range: { start: item.range.start, end: next.range.start }, newText: '' };
    return { range: item.range, newText: '' };
  }
  // A block item: drop its lines, when the item starts its own `- ` line.
  const line = tree.lineIndex.lineText(item.range.start.line);
  if (!/^\s*-\s*$/.test(line.slice(0, item.range.start.character))) return undefined;
  const endLine = item.range.end.character === 0 ? item.range.end.line : item.range.end.line + 1;
  return { range: { start: { line: item.range.start.line, character: 0 }, end: { line: endLine, character: 0 } }, newText: '' };
}

/** The range where a finding about a whole map goes: its first key (the `- id:` line), else the map. */
export function headRange(node: YNode): Range {
  return (node.kind === 'map' ? node.entries[0]?.keyRange : undefined) ?? node.range;
}

/** A value as the user wrote it, for messages: `"one"`, `5`, `true`, `(empty)`. */
export function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  return String(value);
}
