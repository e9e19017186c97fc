import * as assert from 'node:assert/strict';
import { doHover, HOVER_SOURCES } from '../../../../server/src/service/features/hover';
import { contextAt, textOf } from '../sources';

describe('features/hover: the chain', () => {
  it('asks ids first, then library words, keys, values', () => {
    assert.deepEqual(
      HOVER_SOURCES.map((s) => s.name),
      ['id', 'regulation', 'library word', 'outside key', 'tier key', 'key doc', 'tier value', 'enum value', 'enum item'],
    );
  });

  it('the first answer wins: a library word in a value over the value', () => {
    const { context, position } = contextAt('casebook: proposal/v1\nname: 两地|三中心\n');
    assert.match(textOf(doHover(context, position)!), /### Two regions, three DCs/);
  });

  it('a stop ends the chain: an unknown key gets no hover, and nor does a position outside the text', () => {
    const { context, position } = contextAt('casebook: proposal/v1\nwh|at: bank\n');
    assert.equal(doHover(context, position), null);
    assert.equal(doHover(context, { line: 9, character: 0 }), null);
    assert.equal(doHover(context, { line: 1, character: 99 }), null);
  });
});
