/**
 * Line-level edits an architect makes, as fast-check arbitraries, and what a parsed tree says: shared by the
 * incremental-parse property test and the robustness suite over the YAML test suite (test/unit/robustness).
 */
import fc from 'fast-check';
import type { YamlTree } from '../../../server/src/service/yamlTree';

/** The same proposal as written on Windows. */
export const crlf = (text: string) => text.replace(/\n/g, '\r\n');

/** Line-level edits an architect makes: move a block, copy an item, drop or add a line, retype a value. */
export type LineEdit =
  | { kind: 'move'; from: number; count: number; to: number }
  | { kind: 'copy'; from: number; count: number; to: number }
  | { kind: 'drop'; line: number }
  | { kind: 'insert'; line: number; text: string }
  | { kind: 'retype'; line: number; text: string };

export const LINES = [
  '',
  '# 注释',
  '  - id: extra',
  '    tier: 2',
  '  - id: core',
  'owner: 架构组',
  '    sites: [a, b]',
  '  - { from: a, to: b }',
  'zones: [dmz]',
  '    name: 核心',
];

export const lineEdit: fc.Arbitrary<LineEdit> = fc.oneof(
  fc.record({ kind: fc.constant('move' as const), from: fc.nat(), count: fc.integer({ min: 1, max: 8 }), to: fc.nat() }),
  fc.record({ kind: fc.constant('copy' as const), from: fc.nat(), count: fc.integer({ min: 1, max: 8 }), to: fc.nat() }),
  fc.record({ kind: fc.constant('drop' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), line: fc.nat(), text: fc.constantFrom(...LINES) }),
  fc.record({ kind: fc.constant('retype' as const), line: fc.nat(), text: fc.constantFrom(...LINES) }),
);

export function applyLineEdit(text: string, edit: LineEdit): string {
  const lines = text.split('\n');
  const at = (n: number) => n % Math.max(1, lines.length);
  switch (edit.kind) {
    case 'move': {
      const block = lines.splice(at(edit.from), edit.count);
      lines.splice(at(edit.to), 0, ...block);
      break;
    }
    case 'copy':
      lines.splice(at(edit.to), 0, ...lines.slice(at(edit.from), at(edit.from) + edit.count));
      break;
    case 'drop':
      lines.splice(at(edit.line), 1);
      break;
    case 'insert':
      lines.splice(at(edit.line), 0, edit.text);
      break;
    case 'retype':
      lines[at(edit.line)] = edit.text;
      break;
  }
  return lines.join('\n');
}

/** What a tree says, without the line index (a fresh object per parse). */
export function content(tree: YamlTree): unknown {
  return { root: tree.root, problems: tree.problems, comments: tree.comments, mode: tree.stats.mode };
}
