import * as assert from 'node:assert/strict';
import { keyDocHover, outsideKeyHover } from '../../../../server/src/service/features/hover/keys';
import { hoverPlace, textOf } from '../sources';

describe('features/hover/keys', () => {
  it('a known key: its type, documentation and values, over the key', () => {
    const hover = keyDocHover(hoverPlace('casebook: proposal/v1\nsites:\n  - id: a\n    ro|le: primary\n'));
    assert.ok(hover);
    assert.match(textOf(hover), /^\*\*role\*\* · `string`/);
    assert.match(textOf(hover), /\*\*Allowed values\*\*\n- `primary`/);
    assert.deepEqual(hover.range, { start: { line: 3, character: 4 }, end: { line: 3, character: 8 } });
    assert.match(
      textOf(keyDocHover(hoverPlace('casebook: proposal/v1\ncompliance:\n  ml|ps: 3\n', 'zh-CN'))!),
      /\*\*取值范围\*\*：\[1, 5\]/,
    );
  });

  it('an unknown key stops the chain; a value passes', () => {
    assert.equal(keyDocHover(hoverPlace('casebook: proposal/v1\nnot|hing: 1\n')), null);
    assert.equal(keyDocHover(hoverPlace('casebook: proposal/v1\nindustry: ba|nk\n')), undefined);
  });

  it('in the indentation before a key: stops; on the key: passes', () => {
    const text = 'casebook: proposal/v1\nsites:\n  - id: a\n |   role: primary\n';
    assert.equal(outsideKeyHover(hoverPlace(text)), null);
    assert.equal(outsideKeyHover(hoverPlace(text.replace(' |   role', '    ro|le'))), undefined);
  });
});
