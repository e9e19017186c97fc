import * as assert from 'node:assert/strict';
import type { TextEdit } from 'vscode-languageserver-types';
import { keyCompletion } from '../../../../server/src/service/features/completion/keys';
import { completionPlace } from '../sources';

const answer = (marked: string) => {
  assert.ok('answer' in keyCompletion);
  return keyCompletion.answer(completionPlace(marked));
};

describe('features/completion/keys', () => {
  it("the schema's keys of the mapping, without those written, required first", () => {
    const list = answer('casebook: proposal/v1\nsites:\n  - id: a\n    |\n');
    assert.ok(list);
    const labels = list.items.map((i) => i.label);
    assert.ok(labels.includes('city') && labels.includes('role'), labels.join());
    assert.ok(!labels.includes('id'));
    const role = list.items.find((i) => i.label === 'role')!;
    assert.equal((role.textEdit as TextEdit).newText, 'role: ${1|primary,active,hot-standby,cold-standby|}');
  });

  it('with the colon written: only the key is replaced', () => {
    const list = answer('casebook: proposal/v1\nindu|: bank\n');
    const item = list!.items.find((i) => i.label === 'industry')!;
    assert.deepEqual(item.textEdit, { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 4 } }, newText: 'industry' });
  });

  it('passes on a value; no keys in a mapping the schema does not know', () => {
    assert.equal(answer('casebook: proposal/v1\nindustry: |\n'), undefined);
    assert.deepEqual(answer('casebook: proposal/v1\nnothing:\n  here:\n    |\n'), { isIncomplete: false, items: [] });
  });
});
