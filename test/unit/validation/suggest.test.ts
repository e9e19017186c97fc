import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { normalizeDuration } from '../../../server/src/service/validation/schema';
import { editDistance, suggest } from '../../../server/src/service/suggest';

describe('did-you-mean', () => {
  it('counts a swap of neighbours as one edit', () => {
    assert.equal(editDistance('tire', 'tier'), 1);
    assert.equal(editDistance('dependOn', 'dependsOn'), 1);
    assert.equal(editDistance('kitten', 'sitting'), 3);
    assert.equal(editDistance('', 'abc'), 3);
  });

  it('stops early past a limit', () => {
    assert.equal(editDistance('a', 'abcdefgh', 2), 3);
    assert.equal(editDistance('abcdef', 'uvwxyz', 2), 3);
  });

  it('is symmetric, zero only for equal words, and bounded by the longer word', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
        const d = editDistance(a, b);
        assert.equal(d, editDistance(b, a));
        assert.equal(d === 0, a === b);
        assert.ok(d <= Math.max(a.length, b.length));
      }),
    );
  });

  it('suggests the closest key, ignoring case, and completes prefixes', () => {
    const keys = ['id', 'name', 'tier', 'kind', 'availability', 'dependsOn', 'peakTps'];
    assert.equal(suggest('tire', keys), 'tier');
    assert.equal(suggest('dependOn', keys), 'dependsOn');
    assert.equal(suggest('depends_on', keys), 'dependsOn');
    assert.equal(suggest('PeakTPS', keys), 'peakTps');
    assert.equal(suggest('avail', keys), 'availability');
    assert.equal(suggest('budget', keys), undefined);
    assert.equal(suggest('x', ['y', 'z']), undefined);
  });

  it('reads durations written in words', () => {
    assert.equal(normalizeDuration('2 hours'), '2h');
    assert.equal(normalizeDuration('30分钟'), '30m');
    assert.equal(normalizeDuration('1 day'), '1d');
    assert.equal(normalizeDuration('15 Sec'), '15s');
    assert.equal(normalizeDuration('soon'), undefined);
    assert.equal(normalizeDuration('2 fortnights'), undefined);
  });
});
