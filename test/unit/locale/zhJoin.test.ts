import { strict as assert } from 'node:assert';
import { zhId, zhJoin, zhNamed } from '../../../server/src/service/locale';
import { tier1TwoRegionsThreeDcs } from '../../../server/src/service/rules/availability';
import { remoteDrTooClose } from '../../../server/src/service/rules/geography';
import { library, modelOf } from '../rules/harness';

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

describe('locale: ids inside Chinese text', () => {
  it('quotes a Han id so it does not run into the words around it, and leaves a Latin one bare', () => {
    assert.equal(zhNamed('系统', '注册登记'), '系统“注册登记”');
    assert.equal(zhNamed('机房', 'cd-1'), '机房 cd-1');
    assert.equal(zhId('深圳福田'), '“深圳福田”');
    assert.equal(zhId('sz-1'), 'sz-1');
  });

  it('a finding about a system with a Han id reads as Chinese does: 系统“注册登记”是…', () => {
    const text =
      'casebook: proposal/v1\nname: t\nsites:\n  - { id: 深圳福田, city: 深圳, role: primary }\nsystems:\n  - { id: 注册登记, tier: 1, rto: 1h, rpo: 0, sites: [深圳福田] }\n';
    const [f] = tier1TwoRegionsThreeDcs.check({ model: modelOf(text), library });
    assert.match(f!.message.zh, /^系统“注册登记”是一级业务系统，.*失去机房“深圳福田”后/);
    assert.match(f!.message.en, /^System "注册登记" is tier 1 .*if site 深圳福田 is lost/);
    const [cold] = remoteDrTooClose.check({
      model: modelOf(
        'casebook: proposal/v1\nname: t\nsites:\n  - { id: 上海张江, city: 上海, role: primary }\n  - { id: 昆山灾备, city: 昆山, role: hot-standby }\nsystems:\n  - { id: core, tier: 1, sites: [上海张江, 昆山灾备] }\n',
      ),
      library,
    });
    assert.match(cold!.message.zh, /主中心所在城市之外的中心“昆山灾备”（昆山，城市中心直线约/);
  });
});
