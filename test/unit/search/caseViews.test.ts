import * as assert from 'node:assert/strict';

import {
  caseDetail,
  caseSummaries,
  caseSummary,
  industryLabel,
  keyFigures,
  patternSummaries,
  patternSummary,
} from '../../../server/src/service/caseViews';
import { INDUSTRIES } from '../../../server/src/service/model';
import { libraryOf, realLibrary, seedLibrary } from '../../fixtures/library';
import { caseRecord } from '../../fixtures/search/library';

const HAN = /\p{Script=Han}/u;
/** English text may gloss a Chinese term in parentheses: "MLPS (等保)". */
const englishOnly = (text: string) => !HAN.test(text.replace(/[(（]\p{Script=Han}+[)）]/gu, ''));

/** Every string in a DTO, with its path, skipping the keys that hold names (which stay as written). */
function strings(value: unknown, skip: Set<string>, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, skip, `${path}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => (skip.has(k) ? [] : strings(v, skip, path ? `${path}.${k}` : k)));
  }
  return [];
}

describe('case views', () => {
  const library = seedLibrary();
  const nanjing = library.cases.get('nanjing-bank')!;

  it('labels every industry in both languages', () => {
    const expected: Record<string, [string, string]> = {
      bank: ['银行', 'Bank'],
      'rural-credit': ['农信', 'Rural credit union'],
      'rural-commercial-bank': ['农商', 'Rural commercial bank'],
      insurance: ['保险', 'Insurance'],
      securities: ['证券', 'Securities'],
      fund: ['基金', 'Fund'],
      other: ['其他', 'Other'],
    };
    for (const industry of INDUSTRIES) {
      assert.equal(industryLabel(industry, 'zh-CN'), expected[industry]![0]);
      assert.equal(industryLabel(industry, 'en'), expected[industry]![1]);
    }
    assert.equal(industryLabel('asset-management', 'en'), 'Other', 'an unknown industry reads as Other');
  });

  it('summarises a case in Chinese', () => {
    const summary = caseSummary(nanjing, library, 'zh-CN');
    assert.deepEqual(summary, {
      id: 'nanjing-bank',
      customer: '南京银行',
      title: '互联网金融平台鑫云+',
      industry: 'bank',
      industryLabel: '银行',
      year: 2017,
      builtIn: true,
      patterns: [
        { id: 'distributed-database', name: '分布式数据库' },
        { id: 'saga', name: 'Saga 分布式事务' },
      ],
      products: [
        { id: 'sofastack', name: 'SOFAStack' },
        { id: 'oceanbase', name: 'OceanBase' },
      ],
      keyFigures: ['平均放款时间 1 秒', '日处理订单 100 万笔', '服务用户 上百万'],
    });
  });

  it('summarises a case in English', () => {
    const summary = caseSummary(nanjing, library, 'en');
    assert.equal(summary.customer, 'Bank of Nanjing');
    assert.equal(summary.industryLabel, 'Bank');
    assert.deepEqual(summary.keyFigures, ['average time to grant a loan 1 second', 'orders per day 1 million', 'users served millions']);
    assert.deepEqual(
      summary.patterns.map((p) => p.name),
      ['Distributed database', 'Saga transactions'],
    );
  });

  it('puts figures with numbers first among the key figures, at most three', () => {
    const record = caseRecord({
      id: 'x',
      customer: { zh: '甲', en: 'A' },
      industry: 'bank',
      title: { zh: '标题', en: 'title' },
      outcomes: [
        { id: 'a', metric: { zh: '体验', en: 'experience' }, value: { zh: '更好', en: 'better' } },
        { id: 'b', metric: { zh: '效率', en: 'efficiency' }, value: { zh: '提升 80%', en: '+80%' } },
      ],
    });
    assert.deepEqual(keyFigures(record, 'en'), ['efficiency +80%', 'experience better']);
    assert.ok(caseSummary(library.cases.get('nanjing-bank')!, library, 'en').keyFigures.length === 3);
  });

  it('omits the year when unknown and falls back to ids for patterns and products missing from the library', () => {
    const record = caseRecord({
      id: 'x',
      customer: { zh: '甲', en: 'A' },
      industry: 'other',
      title: { zh: '标题', en: 'title' },
      products: ['unknown-product'],
      patterns: [{ pattern: 'unknown-pattern', evidence: { zh: '证据', en: 'evidence' } }],
    });
    const summary = caseSummary(record, libraryOf([record]), 'en');
    assert.equal('year' in summary, false);
    assert.deepEqual(summary.products, [{ id: 'unknown-product', name: 'unknown-product' }]);
    assert.deepEqual(summary.patterns, [{ id: 'unknown-pattern', name: 'unknown-pattern' }]);
    assert.deepEqual(summary.keyFigures, []);
  });

  it('details a case with its reference topology rendered and as proposal fields', () => {
    const zhejiang = library.cases.get('zhejiang-rcu')!;
    const detail = caseDetail(zhejiang, library, 'zh-CN');
    assert.equal(detail.file, '/cases/zhejiang-rcu.yaml');
    assert.equal(detail.line, 2);
    // Without a phrase the figure reads "metric value"; the fixture case states no kind or source.
    assert.deepEqual(detail.outcomes, [{ id: 'dr', metric: '容灾', value: '同城主备 → 两地三中心', phrase: '容灾 同城主备 → 两地三中心' }]);
    assert.deepEqual(detail.patternEvidence, [{ id: 'two-regions-three-dcs', name: '两地三中心', evidence: '从同城主备迈向两地三中心' }]);
    assert.match(detail.topologyMermaid!, /^flowchart LR\n/);
    assert.match(detail.topologyMermaid!, /subgraph c0\["杭州"\]/);
    assert.deepEqual(detail.referenceTopology, {
      sites: [
        { id: 'hz-1', city: '杭州', role: 'primary' },
        { id: 'hz-2', city: '杭州', role: 'hot-standby' },
        { id: 'nb-1', city: '宁波', role: 'cold-standby' },
      ],
      links: [
        { from: 'hz-1', to: 'hz-2', mode: 'sync' },
        { from: 'hz-1', to: 'nb-1', mode: 'async' },
      ],
    });
    assert.equal(caseDetail(zhejiang, library, 'en', 'flowchart LR\n').topologyMermaid, 'flowchart LR\n', "the caller's rendering wins");
    const plain = caseDetail(nanjing, library, 'en');
    assert.equal('topologyMermaid' in plain, false);
    assert.equal('referenceTopology' in plain, false);
  });

  it('summarises a pattern with the cases that show it, existing ones only', () => {
    const summary = patternSummary(library.patterns.get('two-regions-three-dcs')!, library, 'en');
    assert.deepEqual(summary, {
      id: 'two-regions-three-dcs',
      name: 'Two regions, three data centres',
      aliases: ['2R3DC', 'two regions three centres'],
      summary: 'How Two regions, three data centres works',
      cases: [
        { id: 'zhejiang-rcu', name: 'Zhejiang Rural Credit Union' },
        { id: 'tianhong-fund', name: 'Tianhong Fund' },
        { id: 'sichuan-rcu', name: 'Sichuan Rural Credit Union' },
      ],
    });
  });

  it('lists cases built-in first, then by id, and patterns by id', () => {
    const lib = libraryOf([
      caseRecord({ id: 'b', customer: { zh: '乙', en: 'B' }, industry: 'bank', title: { zh: '标题', en: 't' } }),
      caseRecord({ id: 'a-enterprise', customer: { zh: '甲', en: 'A' }, industry: 'bank', title: { zh: '标题', en: 't' }, builtIn: false }),
      caseRecord({ id: 'a', customer: { zh: '丙', en: 'C' }, industry: 'bank', title: { zh: '标题', en: 't' } }),
    ]);
    assert.deepEqual(
      caseSummaries(lib, 'en').map((c) => c.id),
      ['a', 'b', 'a-enterprise'],
    );
    assert.deepEqual(
      patternSummaries(library, 'en').map((p) => p.id),
      [...library.patterns.keys()].sort(),
    );
  });

  describe('over the built-in library', () => {
    const real = realLibrary();
    // Names stay as written (aliases and some product names are Chinese); everything else must be English.
    // `source` is the seed sentence, verbatim Chinese by design; `sourceDocument` names the Chinese document.
    const NAMES = new Set(['aliases', 'products', 'topologyMermaid', 'referenceTopology', 'file', 'source', 'sourceDocument']);

    it('has no Chinese in English views except names', () => {
      for (const record of real.cases.values()) {
        const detail = caseDetail(record, real, 'en');
        for (const [path, text] of strings(detail, NAMES)) assert.ok(englishOnly(text), `${record.id} ${path}: ${text}`);
      }
      for (const summary of patternSummaries(real, 'en')) {
        for (const [path, text] of strings(summary, NAMES)) assert.ok(englishOnly(text), `${summary.id} ${path}: ${text}`);
      }
    });

    it('renders Chinese views in Chinese', () => {
      const detail = caseDetail(real.cases.get('nanjing-bank')!, real, 'zh-CN');
      assert.equal(detail.customer, '南京银行');
      assert.equal(detail.industryLabel, '银行');
      assert.ok(detail.keyFigures.length >= 2 && detail.keyFigures.length <= 3);
      assert.ok(
        detail.keyFigures.some((f) => f.includes('1 秒')),
        detail.keyFigures.join(' / '),
      );
      assert.ok(HAN.test(detail.challenge) && HAN.test(detail.solution));
    });

    it('renders every reference topology', () => {
      const withTopology = [...real.cases.values()].filter((c) => c.topology);
      assert.ok(withTopology.length >= 3);
      for (const record of withTopology) {
        const detail = caseDetail(record, real, 'zh-CN');
        assert.match(detail.topologyMermaid ?? '', /^flowchart LR\n[\s\S]*subgraph s0/, record.id);
        assert.ok(detail.referenceTopology && detail.referenceTopology.sites.length >= 2, record.id);
      }
    });
  });
});
