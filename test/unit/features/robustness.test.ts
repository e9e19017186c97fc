import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position } from 'vscode-languageserver-types';
import { getLanguageService, type LanguageService } from '../../../server/src/service/languageService';
import type { ProposalModel } from '../../../server/src/service/model';
import { analyzeProposal } from '../../../server/src/service/analyze';
import type { AnalysisSettings, CaseLibrary } from '../../../server/src/service/types';
import { fixture, settings } from './helpers';
import { realLibrary, testLibrary } from '../../fixtures/library';

const BANK = fixture('bank.arch.yaml');

/** Runs every feature at a position; returns what any of them threw (the service swallows and reports). */
function exerciseAll(text: string, position: Position, library: CaseLibrary = testLibrary()): unknown[] {
  const errors: unknown[] = [];
  const ls = getLanguageService({ library: () => library, onError: (feature, error) => errors.push({ feature, error }) });
  const d = TextDocument.create('file:///fuzz.arch.yaml', 'yaml', 1, text);
  for (const locale of ['zh-CN', 'en'] as const) {
    const s = settings(locale);
    const diagnostics = ls.doValidation(d, s);
    ls.doHover(d, position, s);
    ls.doComplete(d, position, s);
    ls.getCodeActions(d, { start: position, end: position }, { diagnostics }, s);
    ls.getCodeActions(d, { start: position, end: position }, { diagnostics: [] }, s);
    ls.getCodeLenses(d, s);
    ls.findDocumentLinks(d, s);
    ls.renameProblem(d, position, 'x', s);
  }
  ls.findDocumentSymbols(d);
  ls.findWorkspaceSymbols([d], 'c');
  ls.findDefinition(d, position);
  ls.findReferences(d, position, true);
  ls.prepareRename(d, position);
  ls.doRename(d, position, 'renamed');
  ls.getFoldingRanges(d);
  return errors;
}

describe('features: bad input never throws', () => {
  const NASTY = [
    '',
    '\n\n\n',
    '- - -',
    '{',
    'systems: [',
    'systems:\n  - id: [a\n',
    'sites:\n\t- id: a\n',
    'casebook: proposal/v1\r\nsites:\r\n  - id: a\r\n    city: 成都\r\n',
    'systems:\n  -\n  - \n  - id:\n    sites: [, ,]\n    dependsOn: {}\n',
    'a: &x [1]\nb: *x\nsystems: *x\n',
    '---\nsystems: []\n---\nsites: []\n',
    `${'x'.repeat(5000)}: ${'y'.repeat(5000)}`,
    'systems:\n  - id: core\n    tier: "1"\n    sites: cd-1\n    dependsOn: core\n',
    '# casebook-ignore\n# casebook-ignore : \nsystems:\n  - id: a # casebook-ignore x,,y: (owner: , until 2099-13-45)\n',
    BANK.slice(0, BANK.length / 2),
  ];
  for (const [i, text] of NASTY.entries()) {
    it(`survives nasty input #${i} at every line start and far past the end`, () => {
      const lines = text.split('\n').length;
      for (let line = 0; line <= Math.min(lines, 20); line++) {
        for (const character of [0, 1, 4, 9, 10_000]) assert.deepEqual(exerciseAll(text, { line, character }), []);
      }
      assert.deepEqual(exerciseAll(text, { line: -1, character: -1 }), []);
    });
  }

  it('survives random edits of a real proposal at random positions (property)', () => {
    const edit = fc.record({
      at: fc.nat({ max: BANK.length }),
      remove: fc.nat({ max: 12 }),
      insert: fc.oneof(
        fc.constantFrom('', ':', '- ', '[', ']', '{', '}', '#', '"', "'", '\n', '  ', '\t', '两地三中心', 'cd-1', '&a ', '*a'),
        fc.string({ maxLength: 6 }),
      ),
    });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), fc.nat({ max: 60 }), fc.nat({ max: 40 }), (edits, line, character) => {
        let text = BANK;
        for (const e of edits) text = text.slice(0, e.at) + e.insert + text.slice(e.at + e.remove);
        assert.deepEqual(exerciseAll(text, { line, character }, realLibrary()), []);
      }),
      { numRuns: 60, seed: 42 },
    );
  });
});

describe('features: caching per version', () => {
  function counting(library: CaseLibrary): { ls: LanguageService; calls: () => number } {
    let calls = 0;
    const analyze = (model: ProposalModel, lib: CaseLibrary, s: AnalysisSettings) => {
      calls++;
      return analyzeProposal(model, lib, s);
    };
    return { ls: getLanguageService({ library: () => library, analyze }), calls: () => calls };
  }

  it('parses once per version and analyses once per version and settings', () => {
    const { ls, calls } = counting(testLibrary());
    const v1 = TextDocument.create('file:///c.arch.yaml', 'yaml', 1, BANK);
    const parsed = ls.parse(v1);
    ls.doValidation(v1, settings('en'));
    ls.getCodeLenses(v1, settings('en'));
    ls.doHover(v1, { line: 10, character: 8 }, settings('en'));
    ls.doComplete(v1, { line: 10, character: 8 }, settings('en'));
    assert.equal(ls.parse(v1), parsed, 'the same parse object is served');
    assert.equal(calls(), 1);
    ls.doValidation(v1, settings('zh-CN'));
    assert.equal(calls(), 2, 'another locale is another analysis');
    ls.doValidation(v1, settings('zh-CN'));
    assert.equal(calls(), 2);
    const v2 = TextDocument.update(v1, [{ text: BANK.replace('tier: 2', 'tier: 3') }], 2);
    const reparsed = ls.parse(v2);
    assert.notEqual(reparsed, parsed);
    assert.equal(reparsed.model.tree.stats.mode, 'chunked');
    assert.equal(reparsed.model.tree.stats.reparsed, 1, 'only the edited chunk is parsed again');
    ls.doValidation(v2, settings('zh-CN'));
    assert.equal(calls(), 3);
    ls.closeDocument(v2.uri);
    assert.notEqual(ls.parse(v2), reparsed, 'closing drops the cache');
  });

  it('re-analyses when the library object changes', () => {
    let library = testLibrary();
    let calls = 0;
    const ls = getLanguageService({
      library: () => library,
      analyze: (m, l, s) => {
        calls++;
        return analyzeProposal(m, l, s);
      },
    });
    const d = TextDocument.create('file:///l.arch.yaml', 'yaml', 1, BANK);
    ls.doValidation(d, settings());
    library = testLibrary();
    ls.doValidation(d, settings());
    assert.equal(calls, 2);
  });
});
