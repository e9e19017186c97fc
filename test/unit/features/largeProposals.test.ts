/**
 * Answers stay small on a large proposal: completion caps long id lists
 * (filtered by the typed word, marked incomplete) and hovers cap the systems
 * they list. Small proposals are answered in full (completion.test.ts).
 */
import * as assert from 'node:assert/strict';
import { MAX_ITEMS } from '../../../server/src/service/features/completion';
import { doc, service, settings, withCursor } from './helpers';

const ls = service();
const COUNT = 300;

/** `COUNT` systems, each depending on sys-0; the last one's dependsOn holds the cursor marker. */
function proposal(cursorList: string): string {
  const lines = ['casebook: proposal/v1', 'sites:', '  - id: dc-1', '    city: 成都', '    role: primary', 'systems:'];
  for (let i = 0; i < COUNT; i++) {
    lines.push(`  - id: sys-${i}`, `    name: 系统 ${i}`, '    tier: 3', '    sites: [dc-1]');
    if (i > 0) lines.push(`    dependsOn: ${i === COUNT - 1 ? cursorList : '[sys-0]'}`);
  }
  return `${lines.join('\n')}\n`;
}

function complete(cursorList: string) {
  const { text, position } = withCursor(proposal(cursorList));
  return ls.doComplete(doc(text), position, settings());
}

describe('features on a large proposal', () => {
  it(`offers at most ${MAX_ITEMS} system ids, marked incomplete so the editor asks again`, () => {
    const list = complete('[|]');
    assert.equal(list.items.length, MAX_ITEMS);
    assert.equal(list.isIncomplete, true);
    assert.deepEqual(
      list.items.slice(0, 3).map((i) => i.label),
      ['sys-0', 'sys-1', 'sys-2'],
      'in document order',
    );
    assert.ok(!list.items.some((i) => i.label === `sys-${COUNT - 1}`), 'never the system itself');
  });

  it('filters a capped list by the typed word, the way the editor matches', () => {
    const typed = complete('[sys-29|]');
    // `2` then `9` after `sys-`, with gaps: 29, 129, 2x9, 29x (sys-299 is the system itself).
    const expected = [
      'sys-29',
      'sys-129',
      ...[0, 1, 2, 3, 4, 5, 6, 7, 8].map((x) => `sys-2${x}9`),
      ...[0, 1, 2, 3, 4, 5, 6, 7, 8].map((x) => `sys-29${x}`),
    ];
    assert.deepEqual(
      typed.items.map((i) => i.label),
      expected,
    );
    assert.equal(typed.isIncomplete, true, 'a backspace widens the word again: the editor must ask');
    const fuzzy = complete('[s2|]');
    assert.ok(fuzzy.items.length === MAX_ITEMS && fuzzy.items.every((i) => /^sys-.*2/.test(i.label)));
    assert.equal(typed.items[0]!.textEdit && 'range' in typed.items[0]!.textEdit ? typed.items[0]!.textEdit.newText : undefined, 'sys-29');
  });

  it('lists at most 12 dependents in a system hover, with their count', () => {
    const text = proposal('[sys-0]');
    const line = text.split('\n').indexOf('  - id: sys-0');
    const hover = ls.doHover(doc(text), { line, character: 10 }, settings('zh-CN'));
    const value = (hover?.contents as { value: string }).value;
    assert.match(value, new RegExp(`被依赖（${COUNT - 1}）：`));
    assert.equal((value.match(/`sys-\d+` 系统/g) ?? []).length, 12);
    assert.match(value, /`sys-12` 系统 12 …$/m);
  });
});
