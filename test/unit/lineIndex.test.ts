import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LineIndex } from '../../server/src/service/lineIndex';

describe('LineIndex', () => {
  const texts = ['a: 1\nb: 2\n', 'a: 1\r\nb: 2\r\n', 'a: 1\rb: 2\r\nc: 3\nd', '\r\n\r\n', 'x'];

  it('breaks lines where an LSP TextDocument does (\\r\\n, \\r, \\n)', () => {
    for (const text of texts) {
      const index = new LineIndex(text);
      const document = TextDocument.create('file:///t.arch.yaml', 'casebook', 1, text);
      assert.equal(index.lineCount, document.lineCount, JSON.stringify(text));
      for (let offset = 0; offset <= text.length; offset++) {
        assert.deepEqual(index.positionAt(offset), document.positionAt(offset), `${JSON.stringify(text)} @ ${offset}`);
      }
    }
  });

  it('puts an offset inside a line break at the end of its line, and reads lines without breaks', () => {
    const index = new LineIndex('ab\r\ncd');
    assert.deepEqual(index.positionAt(3), { line: 0, character: 2 });
    assert.equal(index.offsetAt({ line: 0, character: 99 }), 2);
    assert.equal(index.lineText(0), 'ab');
    assert.equal(index.lineText(1), 'cd');
  });
});
