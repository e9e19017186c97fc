import * as assert from 'node:assert/strict';
import type { TextEdit } from 'vscode-languageserver-types';
import type { CompletionSource } from '../../../../server/src/service/features/completion/at';
import {
  cityCompletion,
  enumValueCompletion,
  listValueCompletion,
  markerValueCompletion,
  referenceValueCompletion,
  unknownFieldCompletion,
} from '../../../../server/src/service/features/completion/values';
import { completionPlace } from '../sources';

const answer = (source: CompletionSource, marked: string) => {
  assert.ok('answer' in source);
  return source.answer(completionPlace(marked));
};
const labels = (list: { items: { label: string }[] } | null | undefined) => list?.items.map((i) => i.label);

const HEAD = 'casebook: proposal/v1\nsites:\n  - id: cd-1\n    city: 成都\n    role: primary\n  - id: cd-2\n    city: 成都\n';

describe('features/completion/values', () => {
  it('the marker value; stops on a value without a key', () => {
    const list = answer(markerValueCompletion, 'casebook: |\n');
    assert.deepEqual(labels(list), ['proposal/v1']);
    assert.equal(answer(markerValueCompletion, 'casebook: proposal/v1\nindustry: |\n'), undefined);
    assert.equal(answer(markerValueCompletion, 'casebook: proposal/v1\n- x: |\n'), null);
  });

  it('a key the schema does not know stops; a known one passes', () => {
    assert.equal(answer(unknownFieldCompletion, 'casebook: proposal/v1\nnothing: |\n'), null);
    assert.equal(answer(unknownFieldCompletion, 'casebook: proposal/v1\nindustry: |\n'), undefined);
  });

  it('a list field on its key line: the ids in brackets', () => {
    const list = answer(listValueCompletion, `${HEAD}systems:\n  - id: core\n    sites: |\n`);
    assert.deepEqual(
      list?.items.map((i) => (i.textEdit as TextEdit).newText),
      ['[cd-1]', '[cd-2]'],
    );
    assert.equal(answer(listValueCompletion, 'casebook: proposal/v1\nindustry: |\n'), undefined);
  });

  it("cities the file's other sites use, with their counts", () => {
    const list = answer(cityCompletion, `${HEAD}  - id: cq-1\n    city: |\n`);
    assert.deepEqual(labels(list), ['成都']);
    assert.equal(list!.items[0]!.detail, '2 sites in this file already here');
    assert.equal(answer(cityCompletion, `${HEAD}    role: |\n`), undefined);
  });

  it('references: declared ids, never the system itself; a non-reference passes', () => {
    const text = `${HEAD}systems:\n  - id: core\n  - id: loans\n    dependsOn:\n      - id: |\n`;
    assert.deepEqual(labels(answer(referenceValueCompletion, text)), ['core']);
    assert.equal(answer(referenceValueCompletion, `${HEAD}    role: |\n`), undefined);
  });

  it('enum values from the schema, with their meaning', () => {
    const list = answer(enumValueCompletion, `${HEAD}    role: |\n`);
    assert.deepEqual(labels(list), ['primary', 'active', 'hot-standby', 'cold-standby']);
    assert.deepEqual(labels(answer(enumValueCompletion, 'casebook: proposal/v1\nname: |\n')), []);
  });
});
