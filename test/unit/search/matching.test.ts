import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeProposal } from '../../../server/src/service/analyze';
import { matchingCases } from '../../../server/src/service/matching';
import { buildModel } from '../../../server/src/service/model';
import { DEFAULT_SETTINGS, type Finding } from '../../../server/src/service/types';
import { parseYamlTree } from '../../../server/src/service/yamlTree';
import { realLibrary, seedLibrary } from '../../fixtures/library';

const model = (text: string) => buildModel(parseYamlTree(text));

const RURAL_CORE = `casebook: proposal/v1
name: 某省农信新一代核心
industry: rural-credit
sites:
  - { id: cd-1, city: 成都, role: primary }
  - { id: cd-2, city: 成都, role: hot-standby }
systems:
  - id: core
    name: 核心账务
    tier: 1
    database: { engine: OceanBase, mode: distributed }
    transactions: saga
    sites: [cd-1, cd-2]
`;

function finding(rule: string, patterns: string[], cases: string[], suppressed = false): Finding {
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
  return { rule, severity: 'warning', message: rule, range, path: [], patterns, cases, regulations: [], suppressed, fixes: [] };
}

describe('matching cases', () => {
  const library = seedLibrary();

  it('gives each case its reasons, in both languages', () => {
    const findings = [finding('tier1-two-regions-three-dcs', ['two-regions-three-dcs'], ['zhejiang-rcu'])];
    const zh = matchingCases(model(RURAL_CORE), findings, library, 'zh-CN');
    const zhejiang = zh.find((c) => c.id === 'zhejiang-rcu')!;
    assert.equal(zhejiang.customer, '浙江农信');
    assert.deepEqual(zhejiang.reasons, [
      '同为农信行业',
      '检查结果引用此案例：tier1-two-regions-three-dcs',
      '展示了检查建议的两地三中心',
      '核心账务 同为一级系统，案例采用两地三中心',
    ]);
    assert.equal(zhejiang.score, 30 + 20 + 15 + 12);

    const en = matchingCases(model(RURAL_CORE), findings, library, 'en').find((c) => c.id === 'zhejiang-rcu')!;
    assert.deepEqual(en.reasons, [
      'same industry (rural credit)',
      'cited by tier1-two-regions-three-dcs',
      'shows Two regions, three data centres, which the findings recommend',
      "核心账务 is tier 1 like the case's system, which uses two regions, three DCs",
    ]);
  });

  it('ranks by score, then id', () => {
    const findings = [finding('tier1-two-regions-three-dcs', ['two-regions-three-dcs'], ['zhejiang-rcu', 'tianhong-fund'])];
    const ranked = matchingCases(model(RURAL_CORE), findings, library, 'en');
    assert.equal(ranked[0]!.id, 'zhejiang-rcu');
    for (let i = 1; i < ranked.length; i++) {
      const [a, b] = [ranked[i - 1]!, ranked[i]!];
      assert.ok(a.score > b.score || (a.score === b.score && a.id < b.id), `${a.id} before ${b.id}`);
    }
    assert.deepEqual(matchingCases(model(RURAL_CORE), findings, library, 'en'), ranked, 'deterministic');
  });

  it('names shared products and patterns the proposal already uses', () => {
    const nanjing = matchingCases(model(RURAL_CORE), [], library, 'en').find((c) => c.id === 'nanjing-bank')!;
    assert.deepEqual(nanjing.reasons, [
      'related industry (banking)',
      'also uses OceanBase',
      'also uses Distributed database and Saga transactions',
    ]);
    assert.equal(nanjing.score, 12 + 10 + 5 * 2);
  });

  it('points a tier-1 system at the DR practice of a case without a reference topology', () => {
    const tianhong = matchingCases(model(RURAL_CORE), [], library, 'zh-CN').find((c) => c.id === 'tianhong-fund')!;
    assert.deepEqual(tianhong.reasons, ['一级系统 核心账务 可参考案例的两地三中心']);
  });

  it('ignores suppressed findings', () => {
    const waived = [finding('tier1-two-regions-three-dcs', ['two-regions-three-dcs'], ['zhejiang-rcu'], true)];
    const zhejiang = matchingCases(model(RURAL_CORE), waived, library, 'en').find((c) => c.id === 'zhejiang-rcu')!;
    assert.ok(!zhejiang.reasons.some((r) => r.includes('cited')), zhejiang.reasons.join(' / '));
  });

  it('returns no cases for an empty proposal, and never throws on a broken one', () => {
    assert.deepEqual(matchingCases(model('casebook: proposal/v1\n'), [], library, 'en'), []);
    assert.deepEqual(matchingCases(model(''), [], library, 'en'), []);
    const broken = model('casebook: proposal/v1\nindustry: [1, 2]\nsystems:\n  - tier: high\n    sites: nope\n  - 42\n');
    assert.deepEqual(matchingCases(broken, [], library, 'en'), []);
  });

  it('matches an insurer to insurance cases first over the built-in library, with analysis findings', () => {
    const real = realLibrary();
    const file = path.join(__dirname, '../../fixtures/proposals/good-internet-insurance.arch.yaml');
    const proposal = model(fs.readFileSync(file, 'utf8'));
    const { findings } = analyzeProposal(proposal, real, DEFAULT_SETTINGS);
    const ranked = matchingCases(proposal, findings, real, 'en');
    assert.ok(ranked.length > 0);
    assert.equal(real.cases.get(ranked[0]!.id)!.industry, 'insurance');
    for (const c of ranked) assert.ok(c.reasons.length > 0 && c.score > 0, c.id);
  });
});
