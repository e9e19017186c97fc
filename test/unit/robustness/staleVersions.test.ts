/**
 * A didChange whose version is not above the document's (stale, repeated, or not a version at all) is ignored by
 * the server's text model, and reported once to the document sync, which logs it (issue 13; the JSON-RPC side is
 * in test/lsp/robustness.test.ts).
 */
import * as assert from 'node:assert/strict';
import { SafeTextDocument, takeStaleVersion } from '../../../server/src/node/textModel';

describe('robustness: changes with stale versions', () => {
  const edit = (text: string) => [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, text }];

  it('applies a newer version, ignores a lower, an equal and a non-integer one, and reports each once', () => {
    const document = SafeTextDocument.create('file:///v.arch.yaml', 'yaml', 1, 'a: 1\n');
    SafeTextDocument.update(document, edit('b'), 3);
    assert.equal(document.getText(), 'b: 1\n');
    assert.equal(takeStaleVersion(document), undefined);
    for (const version of [2, 3, Number.NaN, 3.5]) {
      SafeTextDocument.update(document, edit('z'), version);
      assert.equal(document.getText(), 'b: 1\n', `version ${version} was applied`);
      assert.equal(document.version, 3);
      assert.ok(Object.is(takeStaleVersion(document), version), `version ${version} reported`);
      assert.equal(takeStaleVersion(document), undefined, 'reported once');
    }
    SafeTextDocument.update(document, [{ text: 'c: 1\n' }], 4);
    assert.equal(document.getText(), 'c: 1\n');
    assert.equal(document.version, 4);
  });
});
