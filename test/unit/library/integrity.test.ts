import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ALL_RULES, analyzeProposal } from '../../../server/src/service/analyze';
import { figure } from '../../../server/src/service/library/figures';
import { LineIndex } from '../../../server/src/service/lineIndex';
import type { Localized } from '../../../server/src/service/locale';
import { buildModel, topologyWords } from '../../../server/src/service/model';
import { QUOTED_FIGURES } from '../../../server/src/service/rules';
import type { CaseLibrary, SourceLocation } from '../../../server/src/service/types';
import { parseYamlTree } from '../../../server/src/service/yamlTree';
import { realLibrary } from '../../fixtures/library';

const CASE_IDS = [
  'sofastack-overview',
  'nanjing-bank',
  'zhejiang-rcu',
  'jiangxi-rcu',
  'shunde-rcb',
  'sichuan-rcu',
  'mybank',
  'china-united-insurance',
  'picc-health',
  'zheshang-securities',
  'tianhong-fund',
];

const PATTERN_IDS = [
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
  'dual-mode-release',
  'unified-paas',
  'hybrid-cloud',
  'security-zones',
  'full-link-tracing',
  'rate-limiting',
  'gray-release',
  'realtime-risk-control',
  'unified-user-center',
  'tech-stack-unification',
  'mainframe-downsizing',
  'elastic-scaling',
  'devops',
  'cold-standby',
];

/** The (case, outcome) ids of the contract: rule messages quote these. */
const CONTRACT_OUTCOMES: Record<string, string[]> = {
  'sofastack-overview': ['learning-cost', 'dev-efficiency', 'ops-cost'],
  'nanjing-bank': ['loan-time', 'daily-orders', 'users'],
  'zhejiang-rcu': ['ha-upgrade', 'migrated-apps'],
  'jiangxi-rcu': ['esb-age', 'non-intrusive'],
  'shunde-rcb': ['release-time', 'dual-active'],
  'sichuan-rcu': ['one-cloud-three-zones', 'dr-cost'],
  mybank: ['availability', 'offline-compute', 'realtime-risk', 'three-regions-five-dcs'],
  'china-united-insurance': ['upgrade-downtime', 'claim-time', 'payout', 'hybrid-core'],
  'picc-health': [
    'issuance',
    'settlement',
    'capacity',
    'daily-average',
    'daily-peak',
    'total',
    'channel-onboarding',
    'time-to-market',
    'availability',
  ],
  'zheshang-securities': ['single-source', 'unified-identity'],
  'tianhong-fund': ['dr-policy', 'batch-dr', 'online-dr', 'hybrid-cloud'],
};

const CJK = /[\u4e00-\u9fff]/;

function assertBilingual(text: Localized, where: string): void {
  assert.ok(text.zh.trim().length > 0, `${where}: empty zh`);
  assert.ok(text.en.trim().length > 0, `${where}: empty en`);
  assert.match(text.zh, CJK, `${where}: zh has no Chinese: ${text.zh}`);
  assert.doesNotMatch(text.en, CJK, `${where}: en has Chinese: ${text.en}`);
}

/** The text of the line a source location starts on. */
function lineAt(location: SourceLocation): string {
  return new LineIndex(fs.readFileSync(location.file, 'utf8')).lineText(location.range.start.line);
}

describe('built-in case library', () => {
  let library: CaseLibrary;
  before(() => {
    library = realLibrary();
  });

  it('loads without a single problem', () => {
    assert.deepEqual(
      library.problems.map((p) => `${path.basename(p.file)}:${p.range.start.line + 1} ${p.message.en}`),
      [],
    );
  });

  it('has every contract case and pattern id, each in a file named after it', () => {
    assert.deepEqual([...library.cases.keys()].sort(), [...CASE_IDS].sort());
    for (const id of PATTERN_IDS) assert.ok(library.patterns.has(id), `missing pattern ${id}`);
    for (const record of library.cases.values()) assert.equal(path.basename(record.file), `${record.id}.yaml`);
    for (const record of library.patterns.values()) assert.equal(path.basename(record.file), `${record.id}.yaml`);
    for (const record of [...library.cases.values(), ...library.patterns.values()]) assert.equal(record.builtIn, true);
  });

  it('writes every case text in both languages', () => {
    for (const c of library.cases.values()) {
      for (const key of ['customer', 'title', 'challenge', 'solution'] as const) assertBilingual(c[key], `${c.id}.${key}`);
      assert.ok(c.outcomes.length > 0, `${c.id} has no outcomes`);
      assert.ok(c.patterns.length > 0, `${c.id} cites no pattern`);
      for (const o of c.outcomes) {
        assertBilingual(o.metric, `${c.id}/${o.id}.metric`);
        assert.ok(o.value.zh && o.value.en, `${c.id}/${o.id}.value`);
        assert.doesNotMatch(o.value.en, CJK, `${c.id}/${o.id}.value.en`);
      }
      for (const p of c.patterns) assertBilingual(p.evidence, `${c.id} evidence for ${p.pattern}`);
    }
  });

  it('writes every pattern and product text in both languages', () => {
    for (const p of library.patterns.values()) {
      for (const key of ['name', 'summary', 'whenToApply', 'cost'] as const) assertBilingual(p[key], `${p.id}.${key}`);
      assert.ok(p.aliases.length > 0, `${p.id} has no aliases`);
      assert.ok(p.cases.length > 0, `${p.id} is shown by no case`);
    }
    assert.ok(library.products.size >= 10);
    for (const p of library.products.values()) {
      assertBilingual(p.description, `product ${p.id}`);
      // One name serves both languages, so it must read in English; the Chinese name is an alias.
      assert.doesNotMatch(p.name, CJK, `product ${p.id} name`);
    }
    assert.ok(library.products.get('apsara')!.aliases.includes('飞天'));
  });

  it('has the industries and years the seed gives', () => {
    assert.equal(library.cases.get('sofastack-overview')!.industry, 'other');
    assert.equal(library.cases.get('sichuan-rcu')!.industry, 'rural-credit');
    assert.equal(library.cases.get('shunde-rcb')!.industry, 'rural-commercial-bank');
    assert.equal(library.cases.get('tianhong-fund')!.industry, 'fund');
    assert.equal(library.cases.get('nanjing-bank')!.year, 2017);
    assert.equal(library.cases.get('picc-health')!.year, 2018);
    assert.ok(library.cases.get('china-united-insurance')!.aliases.includes('中华保险'));
    // 中国人保 is the seed's section heading (the parent group), not PICC Health's name; 好医保 is a product line.
    assert.ok(!library.cases.get('picc-health')!.aliases.includes('中国人保'));
    assert.ok(!library.cases.get('picc-health')!.aliases.includes('好医保'));
    assert.ok(library.cases.get('picc-health')!.challenge.zh.includes('中国人保'));
    assert.ok(library.cases.get('jiangxi-rcu')!.aliases.includes('江西省农村信用社联合社'));
    assert.ok(library.patterns.get('two-regions-three-dcs')!.aliases.includes('2R3DC'));
  });

  it('resolves every referenced id, and patterns and cases agree in both directions', () => {
    for (const c of library.cases.values()) {
      for (const p of c.patterns) {
        assert.ok(library.patterns.has(p.pattern), `${c.id} cites unknown pattern ${p.pattern}`);
        assert.ok(library.patterns.get(p.pattern)!.cases.includes(c.id), `${p.pattern} does not list ${c.id}`);
      }
      for (const product of c.products) assert.ok(library.products.has(product), `${c.id} cites unknown product ${product}`);
    }
    for (const p of library.patterns.values()) {
      for (const caseId of p.cases) {
        const c = library.cases.get(caseId);
        assert.ok(c, `${p.id} lists unknown case ${caseId}`);
        assert.ok(
          c.patterns.some((e) => e.pattern === p.id),
          `${caseId} does not cite ${p.id}`,
        );
      }
    }
  });

  it('has every outcome the contract lists, and every figure a rule quotes', () => {
    for (const [caseId, outcomes] of Object.entries(CONTRACT_OUTCOMES)) {
      for (const outcomeId of outcomes) {
        assert.ok(
          library.cases.get(caseId)?.outcomes.some((o) => o.id === outcomeId),
          `missing ${caseId}/${outcomeId}`,
        );
      }
    }
    for (const [caseId, outcomeId] of QUOTED_FIGURES) {
      assert.notEqual(figure(library, caseId, outcomeId).en, `${caseId}/${outcomeId}`, `a rule quotes missing ${caseId}/${outcomeId}`);
    }
    assert.deepEqual(figure(library, 'picc-health', 'settlement'), {
      zh: '以 2018 款好医保住院医疗保险为例，1 万单的日结文件处理从 4 小时缩短至 6 分钟',
      en: 'for the 2018 Haoyibao inpatient medical policy, a daily settlement file of 10,000 policies processed in 6 minutes instead of 4 hours',
    });
    assert.deepEqual(figure(library, 'tianhong-fund', 'dr-policy'), {
      zh: '目标：架构上能够支持一级业务系统同城、异地容灾，二级业务系统同城容灾',
      en: 'goal: an architecture able to give tier-1 systems same-city and remote DR and tier-2 systems same-city DR',
    });
    const settlement = library.cases.get('picc-health')!.outcomes.find((o) => o.id === 'settlement')!;
    assert.deepEqual(
      [settlement.before, settlement.after],
      [
        { amount: 4, unit: 'h' },
        { amount: 6, unit: 'min' },
      ],
    );
  });

  it('knows every case and pattern a rule cites', () => {
    for (const rule of ALL_RULES) {
      for (const caseId of rule.cases) assert.ok(library.cases.has(caseId), `${rule.id} cites unknown case ${caseId}`);
      for (const patternId of rule.patterns) assert.ok(library.patterns.has(patternId), `${rule.id} cites unknown pattern ${patternId}`);
    }
  });

  it('points source locations at the lines they describe', () => {
    const nanjing = library.cases.get('nanjing-bank')!;
    assert.match(lineAt(nanjing.source), /^customer: \{ zh: 南京银行/);
    const loanTime = nanjing.outcomes.find((o) => o.id === 'loan-time')!;
    assert.equal(lineAt(loanTime.source).trim(), '- id: loan-time');
    const evidence = nanjing.patterns.find((p) => p.pattern === 'distributed-database')!;
    assert.ok(lineAt(evidence.source).includes(evidence.evidence.zh), lineAt(evidence.source));
    assert.match(lineAt(library.patterns.get('saga')!.source), /^name: \{ zh: Saga/);
    assert.match(lineAt(library.products.get('oceanbase')!.source), /name: OceanBase/);
    // A case whose file starts with a comment: the location still lands on its own line.
    assert.match(lineAt(library.cases.get('sofastack-overview')!.source), /^customer:/);
  });
});

/** Which topology words each reference topology claims, for its tier-1 (or only) systems. */
const CLAIMED_WORDS: Record<string, { tier: number; words: string[] }[]> = {
  mybank: [{ tier: 1, words: ['three-regions-five-dcs', 'two-regions-three-dcs', 'multi-site-active-active', 'same-city-active-active'] }],
  'zhejiang-rcu': [{ tier: 1, words: ['two-regions-three-dcs'] }],
  'sichuan-rcu': [{ tier: 1, words: ['two-regions-three-dcs', 'multi-site-active-active', 'same-city-active-active'] }],
  'shunde-rcb': [{ tier: 2, words: ['same-city-active-active'] }],
  'tianhong-fund': [
    { tier: 1, words: ['two-regions-three-dcs'] },
    { tier: 2, words: [] },
  ],
};

describe('reference topologies', () => {
  let library: CaseLibrary;
  before(() => {
    library = realLibrary();
  });

  it('exist for exactly the cases whose seed states one', () => {
    const withTopology = [...library.cases.values()].filter((c) => c.topology).map((c) => c.id);
    assert.deepEqual(withTopology.sort(), Object.keys(CLAIMED_WORDS).sort());
  });

  for (const [caseId, claims] of Object.entries(CLAIMED_WORDS)) {
    it(`${caseId}: parses cleanly and derives the topology it claims`, () => {
      const topology = library.cases.get(caseId)!.topology!;
      assert.match(topology.file, new RegExp(`topologies[\\\\/]${caseId}\\.arch\\.yaml$`));
      const tree = parseYamlTree(topology.text);
      assert.deepEqual(tree.problems, []);
      const model = buildModel(tree);
      assert.ok(model.systems.length > 0);
      for (const claim of claims) {
        const systems = model.systems.filter((s) => s.tier?.value === claim.tier);
        assert.ok(systems.length > 0, `no tier-${claim.tier} system`);
        for (const system of systems) assert.deepEqual(topologyWords(system.topology), claim.words, `${system.id?.value}`);
      }
      // The case cites every topology pattern its reference topology shows.
      const cited = new Set(library.cases.get(caseId)!.patterns.map((p) => p.pattern));
      const shown = new Set(model.systems.flatMap((s) => topologyWords(s.topology)));
      for (const word of ['three-regions-five-dcs', 'same-city-active-active', 'two-regions-three-dcs']) {
        if (cited.has(word)) assert.ok(shown.has(word as never), `${caseId} cites ${word} but its topology does not show it`);
      }
    });
  }

  it('sichuan-rcu shows one cloud with three zones', () => {
    const model = buildModel(parseYamlTree(library.cases.get('sichuan-rcu')!.topology!.text));
    assert.deepEqual(
      model.zones?.value.map((z) => z.value),
      ['dev-test', 'dmz', 'intranet'],
    );
  });

  it('come out of the analysis quiet: no unwaived error or warning', () => {
    for (const c of library.cases.values()) {
      if (!c.topology) continue;
      const output = analyzeProposal(buildModel(parseYamlTree(c.topology.text)), library, { locale: 'en', rules: {}, today: '2025-01-01' });
      assert.deepEqual(output.internalErrors, [], c.id);
      const loud = output.findings.filter((f) => !f.suppressed && (f.severity === 'error' || f.severity === 'warning'));
      assert.deepEqual(
        loud.map((f) => `${c.id}:${f.range.start.line + 1} ${f.rule}`),
        [],
      );
    }
  });
});
