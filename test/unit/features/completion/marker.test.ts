import * as assert from 'node:assert/strict';
import { markerCompletion } from '../../../../server/src/service/features/completion/marker';
import { enumValuesAt } from '../../../../server/src/service/schemaInfo';
import { completionPlace } from '../sources';

const answer = (marked: string) => {
  assert.ok('answer' in markerCompletion);
  return markerCompletion.answer(completionPlace(marked));
};

describe('features/completion/marker', () => {
  it('in an empty document: the marker and a skeleton whose choices are the schema values', () => {
    const list = answer('# notes\n|');
    assert.ok(list);
    assert.deepEqual(
      list.items.map((i) => i.label),
      ['casebook: proposal/v1', 'New proposal (skeleton)'],
    );
    const skeleton = (list.items[1]!.textEdit as { newText: string }).newText;
    assert.ok(skeleton.includes(`industry: \${3|${enumValuesAt(['industry']).join(',')}|}`), skeleton);
    assert.ok(skeleton.includes('tier: ${8|1,2,3|}'), skeleton);
    assert.ok(enumValuesAt(['industry']).includes('rural-credit'));
  });

  it('passes once the document has content', () => {
    assert.equal(answer('casebook: proposal/v1\n|'), undefined);
  });
});
