/**
 * Search benchmark: builds the index over 10,000 synthetic cases and times a
 * mix of query kinds (Chinese, English, pinyin, initials, aliases).
 * Deterministic: the library and the queries come from a seeded generator.
 * Run alone: npx tsx -e "require('./bench/search').benchSearch()"
 */
import { random } from './random';
import { pinyin } from 'pinyin-pro';
import type { Localized } from '../server/src/service/locale';
import type { INDUSTRIES } from '../server/src/service/model';
import { createSearchIndex } from '../server/src/service/search';
import type { CaseLibrary, CaseRecord, PatternRecord, ProductRecord, SourceLocation } from '../server/src/service/types';

const CASES = 10_000;
const QUERIES_PER_KIND = 200;

const SYLLABLES = [
  ...'安北长城成大德东丰福广海杭合河华淮吉江金锦京九开兰临龙洛闽南宁平齐青泉荣瑞山商绍深顺泰天通皖威文西湘新兴徐扬阳宜永渝远粤云泽漳浙中舟',
];
const SUFFIXES: [string, string, (typeof INDUSTRIES)[number]][] = [
  ['银行', 'Bank', 'bank'],
  ['农信', 'Rural Credit Union', 'rural-credit'],
  ['农商银行', 'Rural Commercial Bank', 'rural-commercial-bank'],
  ['保险', 'Insurance', 'insurance'],
  ['证券', 'Securities', 'securities'],
  ['基金', 'Fund', 'fund'],
];
const ZH_PHRASES = [
  '分布式核心',
  '两地三中心',
  '同城双活',
  '异地多活',
  '在线理赔',
  '出单效率',
  '放款时间',
  '容灾切换',
  '单元化改造',
  '全链路跟踪',
  '灰度发布',
  '弹性扩容',
  '主机下移',
  '混合云',
  '一云三区',
  '实时风控',
  '统一用户中心',
  '服务网格',
  '分布式事务',
  '日结文件',
];
const EN_WORDS = [
  'distributed',
  'core',
  'banking',
  'active-active',
  'disaster',
  'recovery',
  'saga',
  'unitized',
  'microservices',
  'mesh',
  'container',
  'gray',
  'release',
  'elastic',
  'scaling',
  'tracing',
  'hybrid',
  'cloud',
  'risk',
  'control',
  'platform',
  'migration',
  'ledger',
  'payments',
  'claims',
  'policies',
];
const PATTERNS = [
  'two-regions-three-dcs',
  'three-regions-five-dcs',
  'same-city-active-active',
  'multi-site-active-active',
  'unitization',
  'distributed-database',
  'microservices',
  'saga',
  'service-mesh',
  'containers',
  'hybrid-cloud',
  'full-link-tracing',
  'gray-release',
  'elastic-scaling',
  'devops',
];
const PRODUCTS = ['OceanBase', 'SOFAStack', 'mPaaS', 'bPaaS', 'SOFARPC', 'SOFAMesh', 'AntStack', 'DataV', 'MaxCompute', 'PolarDB'];

const source: SourceLocation = { file: '/bench.yaml', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } };

export function syntheticLibrary(count: number): CaseLibrary {
  const rand = random(20240601);
  const choose = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const sentence = (pool: readonly string[], words: number, joiner: string) =>
    Array.from({ length: words }, () => choose(pool)).join(joiner);
  const cases = new Map<string, CaseRecord>();
  for (let i = 0; i < count; i++) {
    const place = choose(SYLLABLES) + choose(SYLLABLES);
    const [zhSuffix, enSuffix, industry] = choose(SUFFIXES);
    const placeEn = pinyin(place, { toneType: 'none', type: 'array' }).join('');
    const id = `case-${i}`;
    const text = (zh: string, en: string): Localized => ({ zh, en });
    cases.set(id, {
      id,
      builtIn: true,
      file: `/bench/${id}.yaml`,
      customer: text(place + zhSuffix, `${placeEn[0]!.toUpperCase()}${placeEn.slice(1)} ${enSuffix}`),
      aliases: rand() < 0.3 ? [place + '省' + zhSuffix] : [],
      industry,
      title: text(sentence(ZH_PHRASES, 2, '与'), sentence(EN_WORDS, 4, ' ')),
      challenge: text(sentence(ZH_PHRASES, 6, '，'), sentence(EN_WORDS, 20, ' ')),
      solution: text(sentence(ZH_PHRASES, 6, '，'), sentence(EN_WORDS, 20, ' ')),
      products: [choose(PRODUCTS).toLowerCase(), choose(PRODUCTS).toLowerCase()],
      outcomes: [
        {
          id: 'o1',
          metric: text(choose(ZH_PHRASES), choose(EN_WORDS)),
          value: text(`${Math.floor(rand() * 100)} 秒`, `${Math.floor(rand() * 100)} s`),
          source,
        },
      ],
      patterns: [{ pattern: choose(PATTERNS), evidence: text(sentence(ZH_PHRASES, 2, '，'), sentence(EN_WORDS, 6, ' ')), source }],
      source,
    });
  }
  const patterns = new Map<string, PatternRecord>(
    PATTERNS.map((id) => [
      id,
      {
        id,
        builtIn: true,
        file: '/bench/patterns.yaml',
        name: { zh: choose(ZH_PHRASES), en: id.replace(/-/g, ' ') },
        aliases: [id.toUpperCase()],
        summary: { zh: sentence(ZH_PHRASES, 3, '，'), en: sentence(EN_WORDS, 10, ' ') },
        whenToApply: { zh: '一级系统', en: 'tier-1 systems' },
        cost: { zh: '更多机房', en: 'more data centres' },
        cases: [],
        source,
      },
    ]),
  );
  const products = new Map<string, ProductRecord>(
    PRODUCTS.map((name) => [
      name.toLowerCase(),
      { id: name.toLowerCase(), name, aliases: [], description: { zh: '产品', en: 'product' }, source },
    ]),
  );
  return { cases, patterns, products, problems: [] };
}

function queriesFor(library: CaseLibrary): Record<string, string[]> {
  const rand = random(7);
  const records = [...library.cases.values()];
  const some = () => records[Math.floor(rand() * records.length)]!;
  const kinds: Record<string, () => string> = {
    'chinese name': () => some().customer.zh,
    'chinese 2 chars': () => {
      const phrase = ZH_PHRASES[Math.floor(rand() * ZH_PHRASES.length)]!;
      return phrase.slice(0, 2);
    },
    'english word/prefix': () => {
      const word = EN_WORDS[Math.floor(rand() * EN_WORDS.length)]!;
      return rand() < 0.5 ? word : word.slice(0, 4);
    },
    'full pinyin': () => pinyin(some().customer.zh, { toneType: 'none', type: 'array' }).join(''),
    initials: () => pinyin(some().customer.zh, { pattern: 'first', toneType: 'none', type: 'array' }).join(''),
    'pattern alias': () => PATTERNS[Math.floor(rand() * PATTERNS.length)]!.toUpperCase(),
  };
  return Object.fromEntries(Object.entries(kinds).map(([kind, make]) => [kind, Array.from({ length: QUERIES_PER_KIND }, make)]));
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]!;
}

const ms = (n: number) => `${n.toFixed(3)} ms`;

export function benchSearch(): void {
  const library = syntheticLibrary(CASES);
  // CPU time as well as wall time: on a shared machine the wall clock also measures the neighbours.
  const started = performance.now();
  const cpu = process.cpuUsage();
  const index = createSearchIndex(library);
  const buildMs = performance.now() - started;
  const { user, system } = process.cpuUsage(cpu);
  console.log(
    `search: index of ${CASES} cases (${index.size} entries) built in ${buildMs.toFixed(0)} ms wall, ${((user + system) / 1000).toFixed(0)} ms CPU`,
  );

  const all: number[] = [];
  for (const [kind, queries] of Object.entries(queriesFor(library))) {
    const times: number[] = [];
    let hits = 0;
    for (const query of queries) {
      const t = performance.now();
      hits += index.search(query, { limit: 20, locale: 'zh-CN' }).length;
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    all.push(...times);
    console.log(
      `  ${kind.padEnd(20)} median ${ms(percentile(times, 50))}  p99 ${ms(percentile(times, 99))}  (${(hits / queries.length).toFixed(1)} hits/query)`,
    );
  }
  all.sort((a, b) => a - b);
  console.log(`  ${'all queries'.padEnd(20)} median ${ms(percentile(all, 50))}  p99 ${ms(percentile(all, 99))}`);
}
