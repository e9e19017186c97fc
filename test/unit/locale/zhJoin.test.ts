import { strict as assert } from 'node:assert';
import { zhJoin } from '../../../server/src/service/locale';

describe('locale: zhJoin', () => {
  it('spaces Han against Latin or digits, either way round', () => {
    assert.equal(zhJoin('失去', '机房 cd-1', '即中断'), '失去机房 cd-1 即中断');
    assert.equal(zhJoin('承诺', 'RPO 0'), '承诺 RPO 0');
    assert.equal(zhJoin('可用性', '99.99%', '以上'), '可用性 99.99% 以上');
  });

  it('leaves Han against Han, and text already spaced or punctuated, as it is', () => {
    assert.equal(zhJoin('失去', '成都', '后'), '失去成都后');
    assert.equal(zhJoin('承诺 ', 'RPO 0'), '承诺 RPO 0');
    assert.equal(zhJoin('机房 cd-1', '，'), '机房 cd-1，');
  });
});
