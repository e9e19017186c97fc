import * as assert from 'node:assert/strict';
import { COMPLETION_SOURCES, doComplete } from '../../../../server/src/service/features/completion';
import { contextAt } from '../sources';

const complete = (marked: string) => {
  const { context, position } = contextAt(marked);
  return doComplete(context, position);
};

describe('features/completion: the chain', () => {
  it('asks the marker, then keys (snippets after them), values, list items (map-form keys after them)', () => {
    assert.deepEqual(
      COMPLETION_SOURCES.map((s) => ('append' in s ? `${s.name} (after ${s.extends})` : s.name)),
      [
        'marker',
        'comment',
        'keys',
        'snippets (after keys)',
        'marker value',
        'unknown field',
        'list value',
        'city',
        'reference value',
        'enum value',
        'list item',
        'map-form keys (after list item)',
      ],
    );
  });

  it('appends after the answer: keys then snippets; list items then map-form keys', () => {
    const top = complete('casebook: proposal/v1\n|\n').items.map((i) => i.label);
    assert.ok(top.indexOf('sites') >= 0 && top.indexOf('sites') < top.indexOf('New system'), top.join());
    const deps = complete('casebook: proposal/v1\nsystems:\n  - id: core\n  - id: loans\n    dependsOn:\n      - |\n').items.map(
      (i) => i.label,
    );
    assert.deepEqual(deps, ['core', 'id:']);
  });

  it('an append adds only to the answer it extends: no snippets after the marker of an empty document', () => {
    assert.deepEqual(
      complete('|').items.map((i) => i.label),
      ['casebook: proposal/v1', 'New proposal (skeleton)'],
    );
  });

  it('a stop ends the chain with no items: in a comment, on an unknown key, outside the text', () => {
    assert.deepEqual(complete('casebook: proposal/v1\n# sit|\n').items, []);
    assert.deepEqual(complete('casebook: proposal/v1\nnothing: |\n').items, []);
    const { context } = contextAt('casebook: proposal/v1\n|');
    assert.deepEqual(doComplete(context, { line: 7, character: 0 }).items, []);
  });
});
