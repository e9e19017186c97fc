import * as assert from 'node:assert/strict';
import { idHover } from '../../../../server/src/service/features/hover/ids';
import { hoverPlace, textOf } from '../sources';

const TEXT = `casebook: proposal/v1
sites:
  - id: cd-1
    city: 成都
    role: primary
systems:
  - id: core
    name: 核心
    sites: [cd-1, xx-9]
    dependsOn: [ghost]
`;
const at = (needle: string, offset = 1) => {
  const i = TEXT.indexOf(needle);
  return TEXT.slice(0, i + offset) + '|' + TEXT.slice(i + offset);
};

describe('features/hover/ids', () => {
  it('answers on a declared site id with its city, role and systems, over the id', () => {
    const hover = idHover(hoverPlace(at('cd-1')));
    assert.ok(hover);
    assert.match(textOf(hover), /\*\*cd-1\*\* · 成都 · primary \(`primary`\)/);
    assert.match(textOf(hover), /Systems deployed here \(1\): `core` 核心/);
    assert.deepEqual(hover.range, { start: { line: 2, character: 8 }, end: { line: 2, character: 12 } });
  });

  it('answers on a system id and on ids that name nothing, in Chinese too', () => {
    assert.match(textOf(idHover(hoverPlace(at('core')))!), /\*\*core\*\* · 核心/);
    assert.match(textOf(idHover(hoverPlace(at('xx-9'), 'zh-CN'))!), /未在 `sites` 中声明的站点/);
    assert.match(textOf(idHover(hoverPlace(at('ghost')))!), /a system not declared under `systems`/);
  });

  it('passes where no id is', () => {
    assert.equal(idHover(hoverPlace(at('成都', 1))), undefined);
    assert.equal(idHover(hoverPlace(at('name', 1))), undefined);
  });
});
