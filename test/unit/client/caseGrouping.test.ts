import * as assert from 'node:assert/strict';
import type { CaseSummary, IndustryId } from '../../../shared/src/protocol';
import { groupCases, sortCases } from '../../../client/src/views/caseGrouping';

function summary(id: string, industry: IndustryId, extra: Partial<CaseSummary> = {}): CaseSummary {
  const labels: Record<IndustryId, string> = {
    bank: '银行',
    'rural-credit': '农信',
    'rural-commercial-bank': '农商',
    insurance: '保险',
    securities: '证券',
    fund: '基金',
    other: '其他',
  };
  return {
    id,
    customer: id,
    title: `${id} title`,
    industry,
    industryLabel: labels[industry],
    builtIn: true,
    patterns: [],
    products: [],
    keyFigures: [],
    ...extra,
  };
}

const p = (id: string, name = id) => ({ id, name });

const CASES = [
  summary('tianhong-fund', 'fund', {
    customer: '天弘基金',
    year: 2019,
    patterns: [p('unitization', '单元化'), p('three-regions-five-dcs', '三地五中心')],
  }),
  summary('nanjing-bank', 'bank', {
    customer: '南京银行',
    year: 2017,
    patterns: [p('distributed-database', '分布式数据库')],
    products: [p('oceanbase', 'OceanBase')],
  }),
  summary('mybank', 'bank', {
    customer: '网商银行',
    year: 2015,
    patterns: [p('unitization', '单元化')],
    products: [p('oceanbase', 'OceanBase')],
  }),
  summary('zhejiang-rcu', 'rural-credit', { customer: '浙江农信', patterns: [p('two-regions-three-dcs', '两地三中心')] }),
  summary('sofastack-overview', 'other', { customer: 'SOFAStack' }),
  summary('acme-bank', 'bank', { customer: '某城商行', builtIn: false, patterns: [p('unitization', '单元化')] }),
];

describe('client: case grouping', () => {
  it('groups by industry in the fixed order 银行/农信/…/其他, newest case first', () => {
    const forest = groupCases(CASES, 'industry', { ungrouped: '(none)' });
    assert.deepEqual(
      forest.builtIn.map((g) => [g.key, g.label, g.cases.map((c) => c.id)]),
      [
        ['industry:bank', '银行', ['nanjing-bank', 'mybank']],
        ['industry:rural-credit', '农信', ['zhejiang-rcu']],
        ['industry:fund', '基金', ['tianhong-fund']],
        ['industry:other', '其他', ['sofastack-overview']],
      ],
    );
  });

  it('keeps enterprise cases apart from built-in ones', () => {
    const forest = groupCases(CASES, 'industry', { ungrouped: '(none)' });
    assert.deepEqual(
      forest.enterprise.map((g) => g.cases.map((c) => c.id)),
      [['acme-bank']],
    );
    assert.ok(!forest.builtIn.some((g) => g.cases.some((c) => !c.builtIn)));
  });

  it('groups by pattern: a case under each of its patterns, the most used first, the unnamed last', () => {
    const forest = groupCases(CASES, 'pattern', { ungrouped: '未标注' });
    assert.deepEqual(
      forest.builtIn.map((g) => [g.label, g.cases.map((c) => c.id)]),
      [
        ['单元化', ['tianhong-fund', 'mybank']],
        ['分布式数据库', ['nanjing-bank']],
        ['两地三中心', ['zhejiang-rcu']],
        ['三地五中心', ['tianhong-fund']],
        ['未标注', ['sofastack-overview']],
      ],
    );
  });

  it('groups by product, listing a case once per product even when named twice', () => {
    const twice = summary('x', 'bank', { products: [p('oceanbase', 'OceanBase'), p('oceanbase', 'OceanBase')] });
    const forest = groupCases([twice, ...CASES], 'product', { ungrouped: '未标注产品' });
    assert.deepEqual(forest.builtIn[0], { key: 'product:oceanbase', label: 'OceanBase', cases: sortCases([CASES[1]!, CASES[2]!, twice]) });
    assert.equal(forest.builtIn.at(-1)?.label, '未标注产品');
  });

  it('gives no groups for no cases', () => {
    assert.deepEqual(groupCases([], 'industry', { ungrouped: '' }), { builtIn: [], enterprise: [] });
  });
});
