import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { warmUp, warmUpProposal } from '../../../server/src/node/warmUp';
import { service, settings } from '../features/helpers';
import { realLibrary } from '../../fixtures/library';

describe('server: warm-up at start', () => {
  it('runs the engine over a proposal that reaches many rules, without errors', () => {
    const ls = service({ lib: realLibrary() }); // fails the test on any swallowed exception
    warmUp(ls, settings('zh-CN'));
    const document = TextDocument.create('file:///w/warm.arch.yaml', 'yaml', 1, warmUpProposal());
    const { findings, internalErrors } = ls.analyze(document, settings('en'));
    assert.deepEqual(internalErrors, []);
    assert.ok(!findings.some((f) => f.rule.startsWith('yaml-') || f.rule === 'schema'), findings.map((f) => f.rule).join(', '));
    const rules = new Set(findings.map((f) => f.rule));
    assert.ok(rules.size >= 10, `only ${[...rules].join(', ')}`);
    assert.ok(
      findings.some((f) => f.suppressed),
      'a waiver is applied too',
    );
  });
});
