import * as assert from 'node:assert/strict';
import { libraryWordHover, regulationWordHover } from '../../../../server/src/service/features/hover/words';
import { realLibrary } from '../../../fixtures/library';
import { hoverPlace, textOf } from '../sources';

describe('features/hover/words', () => {
  it('a pattern, customer or product in a value or comment: its record, over the word', () => {
    const pattern = libraryWordHover(hoverPlace('# 参考两地|三中心\n', 'zh-CN'));
    assert.ok(pattern);
    assert.match(textOf(pattern), /### 两地三中心 · Two regions, three DCs/);
    assert.deepEqual(pattern.range, { start: { line: 0, character: 4 }, end: { line: 0, character: 9 } });
    assert.match(textOf(libraryWordHover(hoverPlace('name: 对标网商|银行\n'))!), /### MYbank/);
    assert.match(textOf(libraryWordHover(hoverPlace('# Ocean|Base\n'))!), /### OceanBase/);
  });

  it('passes on a key, and where no word of the library is', () => {
    assert.equal(libraryWordHover(hoverPlace('两地三|中心: x\n')), undefined);
    assert.equal(libraryWordHover(hoverPlace('# nothing| here\n')), undefined);
  });

  it('a regulation named in a comment: the document; passes on a key or without a regulation library', () => {
    const hover = regulationWordHover(hoverPlace('# 依据 GB/T 209|88\n', 'en', realLibrary()));
    assert.ok(hover);
    assert.match(textOf(hover), /GB\/T 20988/);
    assert.equal(regulationWordHover(hoverPlace('# 依据 GB/T 209|88\n')), undefined);
    assert.equal(regulationWordHover(hoverPlace('GB/T 209|88: x\n', 'en', realLibrary())), undefined);
  });
});
