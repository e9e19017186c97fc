import * as assert from 'node:assert/strict';
import { enumItemHover, enumValueHover } from '../../../../server/src/service/features/hover/values';
import { hoverPlace, textOf } from '../sources';

describe('features/hover/values', () => {
  it('an enum value: what the schema says it means, over the value', () => {
    const hover = enumValueHover(hoverPlace('casebook: proposal/v1\nindustry: rural-c|redit\n', 'zh-CN'));
    assert.ok(hover);
    assert.equal(textOf(hover), '`industry: rural-credit`：农信（省农村信用社联合社）');
    assert.deepEqual(hover.range, { start: { line: 1, character: 10 }, end: { line: 1, character: 22 } });
  });

  it('a list item: what it means; a value the schema does not document passes', () => {
    const hover = enumItemHover(hoverPlace('casebook: proposal/v1\nzones: [dev-test, d|mz]\n'));
    assert.ok(hover);
    assert.match(textOf(hover), /^`dmz`: /);
    assert.equal(enumItemHover(hoverPlace('casebook: proposal/v1\nzones: [no|where]\n')), undefined);
    assert.equal(enumValueHover(hoverPlace('casebook: proposal/v1\nname: ba|nk\n')), undefined);
    // A value is not a list item and a list item is not a value.
    assert.equal(enumItemHover(hoverPlace('casebook: proposal/v1\nindustry: ba|nk\n')), undefined);
    assert.equal(enumValueHover(hoverPlace('casebook: proposal/v1\nzones: [d|mz]\n')), undefined);
  });
});
