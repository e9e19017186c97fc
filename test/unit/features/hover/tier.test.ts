import * as assert from 'node:assert/strict';
import { tierKeyHover, tierValueHover } from '../../../../server/src/service/features/hover/tier';
import { hoverPlace, textOf } from '../sources';

const SYSTEM = `casebook: proposal/v1
sites:
  - id: a
    city: 成都
    role: primary
systems:
  - id: core
    tier: 1
    sites: [a]
`;
const marked = (needle: string, offset: number) => {
  const i = SYSTEM.indexOf(needle);
  return SYSTEM.slice(0, i + offset) + '|' + SYSTEM.slice(i + offset);
};

describe('features/hover/tier', () => {
  it("on a system's tier key and value: the requirement and the verdict", () => {
    const key = tierKeyHover(hoverPlace(marked('tier', 2)));
    assert.ok(key);
    assert.match(textOf(key), /^\*\*tier 1\*\*/);
    assert.match(textOf(key), /✗ `core` does not meet it yet/);
    assert.deepEqual(key.range, { start: { line: 7, character: 4 }, end: { line: 7, character: 8 } });
    const value = tierValueHover(hoverPlace(marked('tier: 1', 7)));
    assert.ok(value);
    assert.equal(textOf(value), textOf(key));
    assert.deepEqual(value.range, { start: { line: 7, character: 10 }, end: { line: 7, character: 11 } });
  });

  it('passes on another key or value, and on a tier outside systems', () => {
    assert.equal(tierKeyHover(hoverPlace(marked('sites: [a]', 2))), undefined);
    assert.equal(tierValueHover(hoverPlace(marked('[a]', 2))), undefined);
    assert.equal(tierKeyHover(hoverPlace('casebook: proposal/v1\nti|er: 1\n')), undefined);
    assert.equal(tierValueHover(hoverPlace('casebook: proposal/v1\ntier: |1\n')), undefined);
  });
});
