/**
 * The customer cases most like a proposal, each with the reasons why, for
 * the "matching cases" view. Scores are sums of fixed weights, so the same
 * proposal and findings always rank the same way.
 */
import type { MatchingCase } from '../../../shared/src/protocol';
import { referenceModel } from './caseViews';
import { industrySector, patternName, tierWord, TOPOLOGY_LABELS } from './vocabulary';
import { listOf, pick, type Locale, type Localized } from './locale';
import { topologyWords, type ProposalModel, type SystemModel, type TopologyWord } from './model';
import type { CaseLibrary, CaseRecord, Finding } from './types';

const SCORE = {
  sameIndustry: 30,
  relatedIndustry: 12,
  /** A finding cites the case by id. */
  citedByFinding: 20,
  /** Per pattern the findings recommend that the case shows. */
  recommendedPattern: 15,
  /** Per proposal tier the case's reference topology also has, with its DR practice. */
  sameTier: 12,
  /** A tier-1 system, and a case showing a DR pattern (no reference topology to compare tiers). */
  drPractice: 8,
  sharedProduct: 10,
  /** Per pattern the proposal already uses and the case shows. */
  sharedPattern: 5,
} as const;

/** Industries whose cases transfer: rural credit unions and rural commercial banks are both rural banking. */
const RELATED_INDUSTRIES: Record<string, string[]> = {
  'rural-credit': ['rural-commercial-bank', 'bank'],
  'rural-commercial-bank': ['rural-credit', 'bank'],
  bank: ['rural-commercial-bank', 'rural-credit'],
  insurance: [],
  securities: ['fund'],
  fund: ['securities'],
  other: [],
};

/** The disaster-recovery patterns, and the topology words they correspond to. */
const DR_PATTERNS: Record<string, TopologyWord> = {
  'two-regions-three-dcs': 'two-regions-three-dcs',
  'three-regions-five-dcs': 'three-regions-five-dcs',
  'same-city-active-active': 'same-city-active-active',
  'multi-site-active-active': 'multi-site-active-active',
};

/** What the proposal uses, in pattern ids, read from its systems. */
function patternsInUse(model: ProposalModel): Set<string> {
  const used = new Set<string>();
  for (const system of model.systems) {
    const v = (located: { value: string } | undefined) => located?.value;
    if (v(system.architecture) === 'microservices') used.add('microservices');
    if (v(system.architecture) === 'unitized') used.add('unitization');
    if (v(system.databaseMode) === 'distributed') used.add('distributed-database');
    if (v(system.transactions) === 'saga') used.add('saga');
    if (v(system.integration) === 'service-mesh') used.add('service-mesh');
    if (v(system.runtime) === 'container') used.add('containers');
    if (v(system.release) === 'gray') used.add('gray-release');
    if (v(system.cloud) === 'hybrid') used.add('hybrid-cloud');
    if (system.observability?.value.some((o) => o.value === 'tracing')) used.add('full-link-tracing');
    for (const word of topologyWords(system.topology)) if (word !== 'cold-standby') used.add(word);
  }
  return used;
}

const normalizeName = (name: string) => name.toLowerCase().replace(/[\s_-]+/g, '');

/** Products the proposal names (a database engine, a site platform), matched to catalogue ids. */
function productsInUse(model: ProposalModel, library: CaseLibrary): Map<string, string> {
  const named = new Map<string, string>();
  const mentions: string[] = [];
  for (const system of model.systems) if (system.databaseEngine) mentions.push(system.databaseEngine.value);
  for (const site of model.sites) if (site.platform) mentions.push(site.platform.value);
  for (const product of library.products.values()) {
    const names = new Set([product.id, product.name, ...product.aliases].map(normalizeName));
    const mention = mentions.find((m) => names.has(normalizeName(m)));
    if (mention !== undefined) named.set(product.id, product.name);
  }
  return named;
}

interface Reason {
  score: number;
  text: string;
}

export function matchingCases(model: ProposalModel, findings: Finding[], library: CaseLibrary, locale: Locale): MatchingCase[] {
  const t = (text: Localized) => pick(text, locale);
  const active = findings.filter((f) => !f.suppressed);
  const industry = model.industry?.value;
  const used = patternsInUse(model);
  const products = productsInUse(model, library);
  const tiered = model.systems.filter((s): s is SystemModel & { tier: NonNullable<SystemModel['tier']> } => !!s.tier);

  const results: MatchingCase[] = [];
  for (const record of library.cases.values()) {
    const reasons: Reason[] = [];
    const add = (score: number, text: Localized) => reasons.push({ score, text: t(text) });
    const shown = new Set(record.patterns.map((p) => p.pattern));

    if (industry && record.industry === industry) {
      add(SCORE.sameIndustry, {
        zh: `同为${industrySector(industry).zh}行业`,
        en: `same industry (${industrySector(industry).en})`,
      });
    } else if (industry && RELATED_INDUSTRIES[industry]?.includes(record.industry)) {
      add(SCORE.relatedIndustry, {
        zh: `相近行业（${industrySector(record.industry).zh}）`,
        en: `related industry (${industrySector(record.industry).en})`,
      });
    }

    const citing = [...new Set(active.filter((f) => f.cases.includes(record.id)).map((f) => f.rule))].sort();
    if (citing.length) {
      add(SCORE.citedByFinding, { zh: `检查结果引用此案例：${listOf(citing, 'zh-CN')}`, en: `cited by ${listOf(citing, 'en')}` });
    }

    const recommended = [...new Set(active.flatMap((f) => f.patterns))].filter((p) => shown.has(p)).sort();
    for (const pattern of recommended) {
      const name = { zh: patternName(library, pattern, 'zh-CN'), en: patternName(library, pattern, 'en') };
      add(SCORE.recommendedPattern, { zh: `展示了检查建议的${name.zh}`, en: `shows ${name.en}, which the findings recommend` });
    }

    reasons.push(...tierReasons(tiered, record, t));

    for (const [id, name] of [...products].sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (record.products.includes(id)) add(SCORE.sharedProduct, { zh: `同样使用 ${name}`, en: `also uses ${name}` });
    }

    const sharedPatterns = [...used].filter((p) => shown.has(p) && !recommended.includes(p)).sort();
    if (sharedPatterns.length) {
      const names = (l: Locale) => sharedPatterns.map((p) => patternName(library, p, l));
      reasons.push({
        score: SCORE.sharedPattern * sharedPatterns.length,
        text: t({ zh: `同样采用${listOf(names('zh-CN'), 'zh-CN')}`, en: `also uses ${listOf(names('en'), 'en')}` }),
      });
    }

    if (reasons.length === 0) continue;
    reasons.sort((a, b) => b.score - a.score);
    results.push({
      id: record.id,
      customer: t(record.customer),
      title: t(record.title),
      score: reasons.reduce((sum, r) => sum + r.score, 0),
      reasons: reasons.map((r) => r.text),
    });
  }
  return results.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Systems of a tier the case's reference topology also has, with how the case
 * deploys it; without a reference topology, a tier-1 system and the case's DR
 * patterns.
 */
function tierReasons(
  tiered: (SystemModel & { tier: NonNullable<SystemModel['tier']> })[],
  record: CaseRecord,
  t: (text: Localized) => string,
): Reason[] {
  if (tiered.length === 0) return [];
  const reference = referenceModel(record);
  const reasons: Reason[] = [];
  if (reference && reference.systems.some((s) => s.tier)) {
    const seen = new Set<number>();
    for (const system of tiered) {
      const tier = system.tier.value;
      if (seen.has(tier)) continue;
      const theirs = reference.systems.find((s) => s.tier?.value === tier);
      if (!theirs) continue;
      seen.add(tier);
      const words = topologyWords(theirs.topology).filter((w) => w !== 'cold-standby');
      const mine = systemName(system);
      const practice = words.length ? words.map((w) => TOPOLOGY_LABELS[w]) : undefined;
      reasons.push({
        score: SCORE.sameTier,
        text: t(
          practice
            ? {
                zh: `${mine} 同为${tierWord(tier).zh}系统，案例采用${practice.map((p) => p.zh).join('、')}`,
                en: `${mine} is ${tierWord(tier).en} like the case's system, which uses ${listOf(
                  practice.map((p) => p.en),
                  'en',
                )}`,
              }
            : { zh: `${mine} 同为${tierWord(tier).zh}系统`, en: `${mine} is ${tierWord(tier).en} like the case's system` },
        ),
      });
    }
    return reasons;
  }
  const critical = tiered.find((s) => s.tier.value === 1);
  const practice = record.patterns.map((p) => DR_PATTERNS[p.pattern]).filter((w): w is TopologyWord => !!w);
  if (critical && practice.length) {
    const labels = [...new Set(practice)].map((w) => TOPOLOGY_LABELS[w]);
    reasons.push({
      score: SCORE.drPractice,
      text: t({
        zh: `一级系统 ${systemName(critical)} 可参考案例的${labels.map((l) => l.zh).join('、')}`,
        en: `tier-1 system ${systemName(critical)}: the case shows ${listOf(
          labels.map((l) => l.en),
          'en',
        )}`,
      }),
    });
  }
  return reasons;
}

const systemName = (system: SystemModel) => system.name?.value ?? system.id?.value ?? `#${system.index}`;
