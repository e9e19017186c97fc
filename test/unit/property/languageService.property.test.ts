/**
 * Property: whatever an architect types — half a key, a stray `[`, an alias,
 * a tab, Chinese — every handler of the language service answers without an
 * exception and with well-formed ranges. The example proposals are edited at
 * random (one service instance throughout, so the incremental parser sees
 * every version) and each handler is run on each version.
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-types';
import { getLanguageService } from '../../../server/src/service/languageService';
import type { AnalysisSettings } from '../../../server/src/service/types';
import {
  assertCompletion,
  assertDiagnostics,
  assertFolding,
  assertHover,
  assertLenses,
  assertLinks,
  assertRange,
  assertSymbols,
  assertWorkspaceEdit,
  linesOf,
} from '../../fixtures/lspChecks';
import { realLibrary } from '../../fixtures/library';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const EXAMPLES = path.join(ROOT, 'examples');
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'lsp', 'workspace');
const SOURCES = [
  ...readdirSync(EXAMPLES)
    .filter((f) => f.endsWith('.arch.yaml'))
    .map((f) => path.join(EXAMPLES, f)),
  ...readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.arch.yaml'))
    .map((f) => path.join(FIXTURES, f)),
].map((file) => readFileSync(file, 'utf8'));

/** Characters and fragments that break YAML in interesting ways. */
const FRAGMENTS = [
  ':',
  ': ',
  '-',
  '- ',
  '[',
  ']',
  '{',
  '}',
  ',',
  '&a ',
  '*a',
  '&',
  '*',
  '!',
  '|',
  '>',
  '#',
  '"',
  "'",
  '\t',
  ' ',
  '  ',
  '\n',
  '\r\n',
  '%',
  '@',
  '`',
  '中',
  '两地三中心',
  '天弘基金',
  '成都',
  '😀',
  'id',
  'id: ',
  'tier: 1',
  'sites: [',
  'systems:\n  - ',
  'dependsOn: [',
  'casebook: proposal/v1\n',
  '---\n',
  '...',
  '<<: *a',
  '? ',
];

type Edit =
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'dropLine'; line: number }
  | { kind: 'copyLine'; line: number; to: number };

const editArb: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.oneof(
      fc.constantFrom(...FRAGMENTS),
      fc.string({ maxLength: 4 }),
      fc.array(fc.constantFrom(...FRAGMENTS), { minLength: 1, maxLength: 4 }).map((a) => a.join('')),
    ),
  }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('dropLine' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('copyLine' as const), line: fc.nat(), to: fc.nat() }),
);

function applyEdit(text: string, edit: Edit): string {
  switch (edit.kind) {
    case 'insert': {
      const at = edit.at % (text.length + 1);
      return text.slice(0, at) + edit.text + text.slice(at);
    }
    case 'delete': {
      const at = edit.at % (text.length + 1);
      return text.slice(0, at) + text.slice(at + edit.length);
    }
    case 'dropLine': {
      const lines = text.split('\n');
      lines.splice(edit.line % lines.length, 1);
      return lines.join('\n');
    }
    case 'copyLine': {
      const lines = text.split('\n');
      lines.splice(edit.to % (lines.length + 1), 0, lines[edit.line % lines.length]!);
      return lines.join('\n');
    }
  }
}

describe('property: the language service on randomly edited proposals', function () {
  // About a second of CPU per 10 runs; the shared machine may be busy.
  this.timeout(120_000);
  const library = realLibrary();
  const errors: string[] = [];
  const service = getLanguageService({
    library: () => library,
    onError: (feature, error) => errors.push(`${feature}: ${error instanceof Error ? error.stack : String(error)}`),
  });
  let version = 0;

  it('has sources to edit', () => {
    assert.ok(SOURCES.length >= 3, 'no example proposals found');
  });

  it('every handler answers well-formed, without an exception', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: SOURCES.length - 1 }),
        fc.array(editArb, { minLength: 1, maxLength: 6 }),
        fc.array(fc.tuple(fc.nat(), fc.nat({ max: 120 })), { minLength: 2, maxLength: 4 }),
        fc.constantFrom<AnalysisSettings['locale']>('zh-CN', 'en'),
        fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/),
        (source, edits, probes, locale, newName) => {
          errors.length = 0;
          const settings: AnalysisSettings = { locale, rules: {}, today: '2026-01-01' };
          let text = SOURCES[source]!;
          // Every intermediate version goes through the same parser, as keystrokes would.
          for (const edit of edits) {
            text = applyEdit(text, edit);
            const document = TextDocument.create('file:///property.arch.yaml', 'casebook', ++version, text);
            check(document, settings, probes, newName);
          }
          assert.deepEqual(errors, [], 'a handler threw');
        },
      ),
      { numRuns: 100, seed: Number(process.env['PROPERTY_SEED'] ?? Date.now() % 2 ** 31) },
    );
  });

  function check(document: TextDocument, settings: AnalysisSettings, probes: [number, number][], newName: string): void {
    const lines = linesOf(document.getText());
    const diagnostics = service.doValidation(document, settings);
    assertDiagnostics(diagnostics, lines, 'property');
    const whole: Range = { start: { line: 0, character: 0 }, end: document.positionAt(document.getText().length) };
    for (const action of service.getCodeActions(document, whole, { diagnostics }, settings)) {
      if (action.edit) assertWorkspaceEdit(action.edit, document.uri, lines, `code action ${action.title}`);
    }
    assertLenses(service.getCodeLenses(document, settings), lines, 'property');
    assertSymbols(service.findDocumentSymbols(document), lines, 'property');
    for (const s of service.findWorkspaceSymbols([document], '')) assertRange(s.location.range, lines, 'workspace symbol');
    assertFolding(service.getFoldingRanges(document), lines, 'property');
    assertLinks(service.findDocumentLinks(document), lines, 'property');

    for (const [lineSeed, character] of probes) {
      const line = lineSeed % lines.length;
      const position = { line, character: Math.min(character, lines[line]!.length) };
      assertHover(service.doHover(document, position, settings), position, lines, 'property');
      const completion = service.doComplete(document, position, settings);
      assert.ok(Array.isArray(completion.items));
      assertCompletion(completion.items, position, lines, 'property');
      for (const location of service.findDefinition(document, position)) assertRange(location.range, lines, 'definition');
      for (const location of service.findReferences(document, position, true)) assertRange(location.range, lines, 'reference');
      const prepared = service.prepareRename(document, position);
      if (prepared) {
        assertRange(prepared.range, lines, 'prepareRename');
        service.renameProblem(document, position, newName, settings);
        const edit = service.doRename(document, position, newName);
        if (edit) assertWorkspaceEdit(edit, document.uri, lines, 'rename');
      }
    }
  }
});
