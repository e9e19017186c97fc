import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { createSearchIndex, MAX_QUERY_LENGTH, searchIndexFor, toCaseResults, type SearchHit } from '../../../server/src/service/search';
import { libraryOf, realLibrary, seedLibrary } from '../../fixtures/library';
import { caseRecord, patternRecord, productRecord } from '../../fixtures/search/library';

/** Strings mixing the library's own characters, punctuation, surrogates and any code point. */
const QUERY = fc
  .array(
    fc.oneof(
      fc.constantFrom(...'南京银行两地三中心农信容灾ｎｊ nanjingyhsaga-_.*?()[]"\'\\%#<>\t\n\ud800\udc00'),
      fc.integer({ min: 0, max: 0x10ffff }).map((cp) => String.fromCodePoint(cp)),
    ),
    { maxLength: 80 },
  )
  .map((chars) => chars.join(''));

const ids = (hits: SearchHit[]) => hits.map((h) => `${h.kind}:${h.id}`);
const first = (hits: SearchHit[]) => (hits[0] ? `${hits[0].kind}:${hits[0].id}` : undefined);

describe('search', () => {
  const index = createSearchIndex(seedLibrary());

  describe('query kinds', () => {
    it('finds Chinese text from two characters', () => {
      assert.equal(first(index.search('理赔')), 'case:china-united-insurance');
      assert.equal(first(index.search('出单')), 'case:picc-health');
      assert.equal(first(index.search('放款')), 'case:nanjing-bank');
      assert.deepEqual(new Set(ids(index.search('容灾'))), new Set(['case:tianhong-fund', 'case:zhejiang-rcu', 'case:sichuan-rcu']));
    });

    it('finds a longer Chinese phrase only where it occurs whole, not where its bigrams are scattered', () => {
      const lib = libraryOf([
        caseRecord({ id: 'whole', customer: { zh: '甲', en: 'A' }, industry: 'bank', title: { zh: '同城双活', en: 'x' } }),
        caseRecord({ id: 'scattered', customer: { zh: '乙', en: 'B' }, industry: 'bank', title: { zh: '同城，城双，双活', en: 'y' } }),
      ]);
      assert.deepEqual(ids(createSearchIndex(lib).search('同城双活')), ['case:whole']);
    });

    it('matches English words and prefixes, case-insensitively', () => {
      assert.equal(first(index.search('nanjing')), 'case:nanjing-bank');
      assert.equal(first(index.search('NANJ')), 'case:nanjing-bank');
      assert.equal(first(index.search('saga')), 'pattern:saga');
      assert.equal(first(index.search('Unitiz')), 'pattern:unitization');
      assert.ok(ids(index.search('settlement')).includes('case:picc-health'), 'a word of an outcome metric');
    });

    it('matches hyphenated and multi-word phrases as phrases', () => {
      const hits = ids(index.search('active-active'));
      assert.deepEqual(hits.slice(0, 2).sort(), ['pattern:multi-site-active-active', 'pattern:same-city-active-active']);
      assert.ok(hits.includes('case:sichuan-rcu'), 'its text says "multi-site active-active"');
      assert.ok(!hits.includes('case:nanjing-bank'));
      // Both words occur in the Sichuan case, but not as the phrase "active sichuan".
      assert.deepEqual(
        index.search('active sichuan').map((h) => h.id),
        ['sichuan-rcu'],
      );
      assert.deepEqual(index.search('"active-sichuan"'), []);
    });

    it('matches full pinyin, with or without spaces', () => {
      for (const q of ['nanjing', 'nan jing', 'nanjingyinhang', 'Nan Jing Yin Hang'])
        assert.equal(first(index.search(q)), 'case:nanjing-bank', q);
      assert.equal(first(index.search('zhonghuacaixian')), 'case:china-united-insurance', 'pinyin of an alias');
      assert.equal(first(index.search('liangdisanzhongxin')), 'pattern:two-regions-three-dcs');
    });

    it('reads polyphonic characters in context (银行 is yin hang, 重庆 chong qing)', () => {
      const lib = libraryOf([
        caseRecord({
          id: 'cq',
          customer: { zh: '重庆银行', en: 'Bank of Chongqing' },
          industry: 'bank',
          title: { zh: '核心', en: 'core' },
        }),
      ]);
      const cq = createSearchIndex(lib);
      assert.equal(first(cq.search('chongqingyinhang')), 'case:cq');
      assert.equal(first(cq.search('cqyh')), 'case:cq');
    });

    it('matches pinyin initials', () => {
      assert.equal(first(index.search('njyh')), 'case:nanjing-bank');
      assert.equal(first(index.search('zjnx')), 'case:zhejiang-rcu');
      assert.equal(first(index.search('ldszx')), 'pattern:two-regions-three-dcs');
      assert.equal(index.search('njyh')[0]!.match, 'initials');
    });

    it('forgives one wrong keystroke in long initials (lsdszx → 两地三中心), ranked below true initials', () => {
      const hits = index.search('lsdszx');
      assert.equal(first(hits), 'pattern:two-regions-three-dcs');
      assert.ok(hits[0]!.score < index.search('ldszx')[0]!.score);
      assert.equal(first(index.search('ldzsx')), 'pattern:two-regions-three-dcs', 'two letters swapped');
      assert.deepEqual(index.search('qwxyz'), [], 'nothing one keystroke away');
    });

    it('matches pattern aliases and product names', () => {
      assert.equal(first(index.search('两地三中心')), 'pattern:two-regions-three-dcs');
      assert.equal(first(index.search('2R3DC')), 'pattern:two-regions-three-dcs');
      assert.equal(first(index.search('2r3dc')), 'pattern:two-regions-three-dcs');
      assert.equal(first(index.search('OceanBase')), 'product:oceanbase');
      assert.equal(first(index.search('mPaaS')), 'product:mpaas');
      assert.equal(first(index.search('LDC')), 'pattern:unitization');
    });

    it('matches customer aliases exactly', () => {
      const hit = index.search('中华财险')[0]!;
      assert.equal(hit.id, 'china-united-insurance');
      assert.equal(hit.match, 'exact');
      assert.equal(hit.score, 100);
    });

    it('normalises full-width input', () => {
      assert.equal(first(index.search('ＯｃｅａｎＢａｓｅ')), 'product:oceanbase');
      assert.equal(first(index.search('２Ｒ３ＤＣ')), 'pattern:two-regions-three-dcs');
    });

    it('requires every token of a mixed query', () => {
      assert.deepEqual(ids(index.search('oceanbase 南京')), ['case:nanjing-bank']);
      assert.deepEqual(
        index.search('oceanbase 理赔').map((h) => h.id),
        ['china-united-insurance'],
      );
    });
  });

  describe('ranking', () => {
    // One query, four entities, one per tier.
    const lib = libraryOf(
      [
        caseRecord({
          id: 'd-text',
          customer: { zh: '丁', en: 'Delta' },
          industry: 'bank',
          title: { zh: '核心', en: 'migrated to the hua platform' },
        }),
        caseRecord({ id: 'c-initials', customer: { zh: '华安银行', en: 'Charlie' }, industry: 'bank', title: { zh: '核心', en: 'core' } }),
        caseRecord({ id: 'b-prefix', customer: { zh: '甲', en: 'Hayh Holdings' }, industry: 'bank', title: { zh: '核心', en: 'core' } }),
        caseRecord({
          id: 'a-exact',
          customer: { zh: '乙', en: 'Beta' },
          aliases: ['HAYH'],
          industry: 'bank',
          title: { zh: '核心', en: 'core' },
        }),
      ],
      [],
      [],
    );
    const ranked = createSearchIndex(lib);

    it('ranks exact name/alias > prefix > initials > text', () => {
      // "hayh": alias of a-exact, prefix of "Hayh Holdings", initials of 华安银行 (h a y h).
      assert.deepEqual(
        ranked.search('hayh').map((h) => [h.id, h.match]),
        [
          ['a-exact', 'exact'],
          ['b-prefix', 'prefix'],
          ['c-initials', 'initials'],
        ],
      );
      assert.deepEqual(
        ranked.search('hua').map((h) => [h.id, h.match]),
        [
          ['c-initials', 'prefix'], // full pinyin prefix of 华安银行
          ['d-text', 'text'],
        ],
      );
    });

    it('ranks a shorter name above a longer one for the same prefix', () => {
      const lib2 = libraryOf([
        caseRecord({
          id: 'long',
          customer: { zh: '甲', en: 'Nanshan Rural Commercial Bank Holdings' },
          industry: 'bank',
          title: { zh: '核心', en: 'x' },
        }),
        caseRecord({ id: 'short', customer: { zh: '乙', en: 'Nanshan Bank' }, industry: 'bank', title: { zh: '核心', en: 'x' } }),
      ]);
      assert.deepEqual(
        createSearchIndex(lib2)
          .search('nansh')
          .map((h) => h.id),
        ['short', 'long'],
      );
    });

    it('breaks ties by id, deterministically', () => {
      const cases = ['c', 'a', 'b'].map((id) =>
        caseRecord({ id, customer: { zh: id, en: id }, industry: 'bank', title: { zh: '同城双活', en: 'x' } }),
      );
      const tied = createSearchIndex(libraryOf(cases));
      assert.deepEqual(
        tied.search('双活').map((h) => h.id),
        ['a', 'b', 'c'],
      );
      assert.deepEqual(
        createSearchIndex(libraryOf([...cases].reverse()))
          .search('双活')
          .map((h) => h.id),
        ['a', 'b', 'c'],
      );
    });

    it('weights a match in a title above one in the body', () => {
      const lib2 = libraryOf([
        caseRecord({
          id: 'a-body',
          customer: { zh: '甲', en: 'A' },
          industry: 'bank',
          title: { zh: '核心', en: 'x' },
          solution: { zh: '实时风控', en: 'y' },
        }),
        caseRecord({ id: 'b-title', customer: { zh: '乙', en: 'B' }, industry: 'bank', title: { zh: '实时风控', en: 'x' } }),
      ]);
      assert.deepEqual(
        createSearchIndex(lib2)
          .search('风控')
          .map((h) => h.id),
        ['b-title', 'a-body'],
      );
    });

    it('respects the limit and returns the best hits', () => {
      const many = Array.from({ length: 50 }, (_, i) =>
        caseRecord({
          id: `case-${String(i).padStart(2, '0')}`,
          customer: { zh: `客户${i}`, en: `Customer ${i}` },
          industry: 'bank',
          title: { zh: '容灾', en: 'dr' },
        }),
      );
      many.push(
        caseRecord({ id: 'zz-best', customer: { zh: '容灾银行', en: 'DR Bank' }, industry: 'bank', title: { zh: '核心', en: 'x' } }),
      );
      const big = createSearchIndex(libraryOf(many));
      const hits = big.search('容灾', { limit: 5 });
      assert.deepEqual(
        hits.map((h) => h.id),
        ['zz-best', 'case-00', 'case-01', 'case-02', 'case-03'],
      );
      assert.equal(big.search('容灾', { limit: 1000 }).length, 51);
      assert.deepEqual(big.search('容灾', { limit: 0 }), []);
    });
  });

  describe('hits', () => {
    it('localises titles and details', () => {
      const zh = index.search('njyh', { locale: 'zh-CN' })[0]!;
      const en = index.search('njyh', { locale: 'en' })[0]!;
      assert.equal(zh.title, '南京银行');
      assert.equal(en.title, 'Bank of Nanjing');
      assert.equal(en.detail, 'Xinyun+ internet finance platform');
    });

    it('leads patterns and products to their cases', () => {
      const pattern = index.search('2R3DC')[0]!;
      assert.deepEqual(pattern.caseIds, ['zhejiang-rcu', 'tianhong-fund', 'sichuan-rcu']);
      const product = index.search('OceanBase')[0]!;
      assert.deepEqual(product.caseIds, ['china-united-insurance', 'mybank', 'nanjing-bank', 'picc-health']);
    });
  });

  describe('bad input', () => {
    for (const [name, query] of [
      ['empty', ''],
      ['whitespace', '   \t\n '],
      ['punctuation', '!!!@@@###'],
      ['regex syntax', '.*[(?'],
      ['very long', '两地三中心'.repeat(MAX_QUERY_LENGTH)],
      ['lone surrogate', '\ud800'],
      ['unmatched', 'zzzzqqqq'],
    ] as const) {
      it(`returns [] for ${name} queries`, () => {
        assert.deepEqual(index.search(query), []);
        assert.deepEqual(index.searchCases(query), { results: [] });
      });
    }

    it('never throws on arbitrary strings', () => {
      fc.assert(
        fc.property(QUERY, (query) => {
          const hits = index.search(query);
          assert.ok(Array.isArray(hits));
          for (const hit of hits) assert.ok(Number.isFinite(hit.score));
        }),
        { numRuns: 200 },
      );
    });

    it('treats a non-string query (from a loose JSON client) as no query', () => {
      assert.deepEqual(index.search(undefined as unknown as string), []);
    });

    it('indexes an empty library', () => {
      const empty = createSearchIndex(libraryOf([]));
      assert.equal(empty.size, 0);
      assert.deepEqual(empty.search('南京'), []);
    });
  });

  describe('case results', () => {
    it('ranks cases, a pattern hit lending its score to its cases', () => {
      const { results } = index.searchCases('两地三中心', { locale: 'zh-CN' });
      assert.deepEqual(results.map((r) => r.id).slice(0, 3), ['zhejiang-rcu', 'sichuan-rcu', 'tianhong-fund']);
      assert.equal(results[0]!.kind, 'pattern');
      assert.equal(results[0]!.detail, '模式 两地三中心');
      assert.equal(results[0]!.title, '浙江农信：金融级 PaaS 平台与两地三中心');
    });

    it('ranks a direct case match above a pattern that leads to another case', () => {
      const lib = libraryOf(
        [
          caseRecord({ id: 'b', customer: { zh: '乙', en: 'B' }, aliases: ['saga'], industry: 'bank', title: { zh: '核心', en: 'x' } }),
          caseRecord({ id: 'a', customer: { zh: '甲', en: 'A' }, industry: 'bank', title: { zh: '核心', en: 'x' } }),
        ],
        [patternRecord('saga', { zh: 'Saga', en: 'Saga' }, [], ['a'])],
      );
      const { results } = createSearchIndex(lib).searchCases('saga');
      assert.deepEqual(
        results.map((r) => [r.id, r.kind]),
        [
          ['b', 'case'],
          ['a', 'pattern'],
        ],
      );
    });

    it('is the CLI/protocol shape, localised, limited', () => {
      const { results } = index.searchCases('OceanBase', { locale: 'en', limit: 2 });
      assert.equal(results.length, 2);
      for (const r of results) assert.deepEqual(Object.keys(r).sort(), ['detail', 'id', 'kind', 'score', 'title']);
      assert.equal(results[0]!.detail, 'product OceanBase');
    });

    it('skips case ids that are not in the library', () => {
      const lib = libraryOf(
        [],
        [patternRecord('saga', { zh: 'Saga', en: 'Saga' }, [], ['missing'])],
        [productRecord('x', 'X', [], { zh: 'x', en: 'x' })],
      );
      const hits = createSearchIndex(lib).search('saga');
      assert.deepEqual(hits[0]!.caseIds, []);
      assert.deepEqual(toCaseResults([{ ...hits[0]!, caseIds: ['missing'] }], lib, 'en'), { results: [] });
    });

    it('caches one index per library object', () => {
      const lib = seedLibrary();
      assert.equal(searchIndexFor(lib), searchIndexFor(lib));
      assert.notEqual(searchIndexFor(lib), searchIndexFor(seedLibrary()));
    });
  });

  describe('the built-in library', () => {
    const library = realLibrary();
    const real = createSearchIndex(library);
    const topCase = (q: string) => real.searchCases(q, { locale: 'zh-CN' }).results[0]?.id;

    it('finds customers by name, pinyin and initials', () => {
      assert.equal(topCase('njyh'), 'nanjing-bank');
      assert.equal(topCase('nanjing'), 'nanjing-bank');
      assert.equal(topCase('nan jing'), 'nanjing-bank');
      assert.equal(topCase('zjnx'), 'zhejiang-rcu');
      assert.equal(topCase('四川农信'), 'sichuan-rcu');
      assert.equal(topCase('scnx'), 'sichuan-rcu');
      assert.equal(topCase('人保健康'), 'picc-health');
      assert.equal(topCase('中华财险'), 'china-united-insurance');
      assert.equal(topCase('tianhong'), 'tianhong-fund');
    });

    it('finds cases by what they did', () => {
      assert.equal(topCase('理赔'), 'china-united-insurance');
      assert.equal(topCase('出单'), 'picc-health');
      assert.equal(topCase('放款'), 'nanjing-bank');
      assert.ok(real.searchCases('容灾').results.some((r) => r.id === 'tianhong-fund'));
    });

    it('leads patterns and products to the cases that show them', () => {
      const dr = real.searchCases('两地三中心').results.map((r) => r.id);
      for (const id of ['zhejiang-rcu', 'sichuan-rcu']) assert.ok(dr.includes(id), id);
      assert.deepEqual(
        real
          .searchCases('lsdszx')
          .results.map((r) => r.id)
          .slice(0, 3)
          .sort(),
        real
          .searchCases('两地三中心')
          .results.map((r) => r.id)
          .slice(0, 3)
          .sort(),
      );
      const ob = real.searchCases('OceanBase').results.map((r) => r.id);
      for (const id of ['nanjing-bank', 'mybank', 'picc-health']) assert.ok(ob.includes(id), id);
      assert.ok(real.searchCases('mPaaS').results.some((r) => r.id === 'shunde-rcb'));
      assert.ok(real.searchCases('saga').results.some((r) => r.id === 'shunde-rcb'));
    });

    // Issue 10: pattern aliases and their pinyin find the pattern; a case is found only by its own
    // words or by a pattern it cites, never by words in the advice of some pattern it cites.
    const caseIds = (q: string) => real.searchCases(q, { locale: 'zh-CN' }).results.map((r) => r.id);
    const EXPECTED: Record<string, string[]> = {
      冷备: ['sichuan-rcu'],
      lengbei: ['sichuan-rcu'],
      'cold standby': ['sichuan-rcu'],
      灰度: ['sichuan-rcu'],
      huidu: ['sichuan-rcu'],
      shuangmofabu: ['zhejiang-rcu'],
      双模发布: ['zhejiang-rcu'],
      sandiwuzhongxin: ['mybank'],
      同城双活: ['shunde-rcb'],
      微服务: ['picc-health', 'sichuan-rcu', 'tianhong-fund'],
      中国人保: ['picc-health'],
    };
    for (const [query, expected] of Object.entries(EXPECTED)) {
      it(`"${query}" finds ${expected.length ? expected.join(', ') : 'no case'}`, () => {
        assert.deepEqual(caseIds(query).sort(), [...expected].sort());
      });
    }

    it('finds the cold-standby pattern by its alias, pinyin and initials', () => {
      for (const q of ['冷备', 'lengbei', 'lb', 'cold standby']) assert.equal(first(real.search(q)), 'pattern:cold-standby', q);
    });

    it('does not lend a pattern text hit to the cases citing the pattern', () => {
      // "冷备" occurs in the advice of multi-site-active-active and two-regions-three-dcs, whose cases never say it.
      const hits = real.search('冷备');
      assert.ok(hits.some((h) => h.kind === 'pattern' && h.id === 'multi-site-active-active' && h.match === 'text'));
      for (const id of ['mybank', 'tianhong-fund', 'zhejiang-rcu']) assert.ok(!caseIds('冷备').includes(id), id);
    });
  });
});
