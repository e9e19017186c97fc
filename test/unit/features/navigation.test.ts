import * as assert from 'node:assert/strict';
import type { TextEdit } from 'vscode-languageserver-types';
import { applyEdits, doc, fixture, rangeText, service, settings, withCursor } from './helpers';

const ls = service();
const BANK = fixture('bank.arch.yaml');

/** The fixture with a cursor marked inside the n-th occurrence of `needle`. */
function at(needle: string, nth = 0, offset = 1) {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = BANK.indexOf(needle, i + 1);
  assert.ok(i >= 0, needle);
  return withCursor(BANK.slice(0, i + offset) + '|' + BANK.slice(i + offset));
}

const lineOf = (needle: string, nth = 0) => {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = BANK.indexOf(needle, i + 1);
  return BANK.slice(0, i).split('\n').length - 1;
};

describe('features/navigation', () => {
  it('goes from a site use (system sites, links, block list) to its id declaration', () => {
    const uses: [needle: string, offset: number, id: string][] = [
      ['cq-1]', 1, 'cq-1'],
      ['to: cq-1', 5, 'cq-1'],
      ['      - cd-2', 9, 'cd-2'],
    ];
    for (const [needle, offset, id] of uses) {
      const { text, position } = at(needle, 0, offset);
      const [location] = ls.findDefinition(doc(text), position);
      assert.ok(location, needle);
      assert.equal(rangeText(text, location.range), id);
      assert.equal(location.range.start.line, lineOf(`id: ${id}`));
    }
  });

  it('goes from a dependsOn entry to the system, and finds nothing on other words', () => {
    const { text, position } = at('- core', 0, 3);
    const [location] = ls.findDefinition(doc(text), position);
    assert.equal(location!.range.start.line, lineOf('id: core'));
    assert.deepEqual(ls.findDefinition(doc(text), { line: 1, character: 8 }), []);
    const name = at('核心账务');
    assert.deepEqual(ls.findDefinition(doc(name.text), name.position), []);
  });

  it('finds every reference of a site, with or without the declaration', () => {
    const { text, position } = at('id: cd-2', 0, 5);
    const all = ls.findReferences(doc(text), position, true);
    assert.deepEqual(
      all.map((l) => l.range.start.line),
      [lineOf('id: cd-2'), lineOf('to: cd-2'), lineOf('[cd-1, cd-2, cq-1]'), lineOf('- cd-2')],
    );
    assert.ok(all.every((l) => rangeText(text, l.range) === 'cd-2'));
    assert.equal(ls.findReferences(doc(text), position, false).length, 3);
  });

  it('renames a system id at its declaration and every dependsOn use, exactly', () => {
    const { text, position } = at('id: user-center', 0, 6);
    const d = doc(text);
    assert.deepEqual(ls.prepareRename(d, position), {
      range: { start: { line: lineOf('id: user-center'), character: 8 }, end: { line: lineOf('id: user-center'), character: 19 } },
      placeholder: 'user-center',
    });
    const edit = ls.doRename(d, position, 'uc');
    const edits = edit!.changes![d.uri] as TextEdit[];
    assert.equal(edits.length, 3);
    const after = applyEdits(text, edits);
    assert.match(after, /dependsOn: \[uc\]/);
    assert.match(after, /  - id: uc\n    name: 用户中心/);
    assert.match(after, /      - core\n      - uc\n/);
    assert.ok(!after.includes('user-center'));
  });

  it('renames a site everywhere from a use, keeping quotes', () => {
    const text = BANK.replace('[cd-1, cd-2, cq-1]', '[cd-1, "cd-2", cq-1]');
    const offset = text.indexOf('"cd-2"') + 2;
    const d = doc(text);
    const position = d.positionAt(offset);
    const edits = ls.doRename(d, position, 'cd-3')!.changes![d.uri]!;
    const after = applyEdits(text, edits);
    assert.match(after, /\[cd-1, "cd-3", cq-1\]/);
    assert.equal((after.match(/cd-3/g) ?? []).length, 4);
    assert.equal((after.match(/cd-2/g) ?? []).length, 0);
  });

  it('refuses to rename a non-id, an invalid name or a taken name, with a localized reason', () => {
    const d = doc(BANK);
    assert.equal(ls.prepareRename(d, { line: 1, character: 8 }), null);
    const { position } = at('id: cd-2', 0, 5);
    assert.equal(ls.doRename(d, position, 'cd 2'), null);
    assert.match(ls.renameProblem(d, position, 'cd 2', settings('zh-CN'))!, /不是有效的 ID/);
    assert.equal(ls.doRename(d, position, 'cq-1'), null);
    assert.equal(ls.renameProblem(d, position, 'cq-1', settings('en')), 'A site with id “cq-1” already exists.');
    assert.equal(ls.renameProblem(d, position, 'cd-9', settings('en')), null);
    assert.match(ls.renameProblem(d, { line: 1, character: 8 }, 'x', settings('en'))!, /not a site or system id/);
  });
});
