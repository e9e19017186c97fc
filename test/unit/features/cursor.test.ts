import * as assert from 'node:assert/strict';
import { cursorAt } from '../../../server/src/service/features/cursor';
import { buildModel } from '../../../server/src/service/model';
import { parseYamlTree } from '../../../server/src/service/yamlTree';
import { withCursor } from './helpers';

function at(marked: string) {
  const { text, position } = withCursor(marked);
  return cursorAt(buildModel(parseYamlTree(text)), position);
}

const HEAD = `casebook: proposal/v1
sites:
  - id: a
    city: 成都
  - id: b
    city: 重庆
systems:
  - id: core
    tier: 1
`;

describe('features/cursor', () => {
  it('finds a half-typed key in a system item', () => {
    const c = at(`${HEAD}    ti|\n  - id: web\n`);
    assert.equal(c.place, 'key');
    assert.deepEqual(c.mapPath, ['systems', 0]);
    assert.equal(c.key, 'ti');
    assert.equal(c.prefix, 'ti');
  });

  it('finds the value after `key: ` with the item index of a later item', () => {
    const c = at(`${HEAD}  - id: web\n    kind: |\n`);
    assert.equal(c.place, 'value');
    assert.deepEqual(c.mapPath, ['systems', 1]);
    assert.equal(c.key, 'kind');
  });

  it('reads a site role value inside the sites list', () => {
    const c = at(`casebook: proposal/v1\nsites:\n  - id: a\n    role: pri|\n`);
    assert.equal(c.place, 'value');
    assert.deepEqual(c.mapPath, ['sites', 0]);
    assert.equal(c.prefix, 'pri');
  });

  it('treats `  - ` under systems as a new item (keys) and under sites: as a list item (ids)', () => {
    const item = at(`${HEAD}  - |\n`);
    assert.equal(item.place, 'key');
    assert.deepEqual(item.mapPath, ['systems', 1]);
    const list = at(`${HEAD}    sites:\n      - a\n      - |\n`);
    assert.equal(list.place, 'item');
    assert.deepEqual(list.listPath, ['systems', 0, 'sites']);
  });

  it('reads flow lists and flow maps', () => {
    const flow = at(`${HEAD}    sites: [a, |]\n`);
    assert.equal(flow.place, 'item');
    assert.deepEqual(flow.listPath, ['systems', 0, 'sites']);
    assert.deepEqual(flow.written, ['a']);
    const link = at(`casebook: proposal/v1\nlinks:\n  - { from: a, to: b }\n  - { from: a, mode: |}\n`);
    assert.equal(link.place, 'value');
    assert.deepEqual(link.mapPath, ['links', 1]);
    assert.equal(link.key, 'mode');
  });

  it('finds nested maps and the top level on blank lines', () => {
    const nested = at(`${HEAD}    load:\n      peakTps: 1\n      |\n`);
    assert.deepEqual(nested.mapPath, ['systems', 0, 'load']);
    const top = at(`${HEAD}|\n`);
    assert.equal(top.place, 'key');
    assert.deepEqual(top.mapPath, []);
  });

  it('recognises comments and survives positions past the end', () => {
    assert.equal(at(`${HEAD}# see my|bank\n`).place, 'comment');
    const model = buildModel(parseYamlTree('a: 1\n'));
    assert.doesNotThrow(() => cursorAt(model, { line: 99, character: 99 }));
    assert.doesNotThrow(() => cursorAt(buildModel(parseYamlTree('')), { line: 0, character: 5 }));
  });
});
