import * as assert from 'node:assert/strict';
import { listItemCompletion, mapFormKeyCompletion } from '../../../../server/src/service/features/completion/listItems';
import { completionPlace } from '../sources';

const HEAD = 'casebook: proposal/v1\nsites:\n  - id: cd-1\n  - id: cd-2\n  - id: cq-1\nsystems:\n  - id: core\n';

const items = (marked: string) => {
  assert.ok('answer' in listItemCompletion);
  return listItemCompletion.answer(completionPlace(marked))?.items.map((i) => i.label);
};
const keys = (marked: string) => {
  assert.ok('append' in mapFormKeyCompletion);
  return mapFormKeyCompletion.append(completionPlace(marked)).map((i) => i.label);
};

describe('features/completion/listItems', () => {
  it('the ids or values not yet written, in a flow or a block list', () => {
    assert.deepEqual(items(`${HEAD}    sites: [cd-1, |]\n`), ['cd-2', 'cq-1']);
    assert.deepEqual(items(`${HEAD}    sites:\n      - cd-2\n      - |\n`), ['cd-1', 'cq-1']);
    assert.deepEqual(items('casebook: proposal/v1\nzones: [dmz, |]\n'), ['dev-test', 'intranet']);
  });

  it('passes off a list item', () => {
    assert.equal(items(`${HEAD}    name: |\n`), undefined);
  });

  it('after the items of a list whose items may be maps: the keys that start the map form', () => {
    assert.deepEqual(keys(`${HEAD}  - id: loans\n    dependsOn:\n      - |\n`), ['id:']);
    assert.deepEqual(keys(`${HEAD}    sites:\n      - |\n`), []);
    assert.deepEqual(keys(`${HEAD}  - id: loans\n    dependsOn: [|]\n`), []);
  });
});
