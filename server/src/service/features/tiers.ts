/**
 * What each business-system tier asks of a system's deployment, as the
 * availability rules judge it: tier 1 must survive losing any one site and
 * any one whole city, tier 2 any one site, tier 3 nothing. Whether a system
 * does comes from the failure scenarios (../scenarios), never from counting
 * sites, so hover, code lens and findings always agree.
 */
import { pick, zhJoin, type Locale, type Localized } from '../locale';
import { topologyWords, type ProposalModel, type SystemModel, type TopologyWord } from '../model';
import { scopeName, survivalOf } from '../scenarioText';
import type { CaseLibrary } from '../types';
import { patternName } from './labels';

export interface TierRequirement {
  tier: number;
  text: Localized;
  /** The pattern whose cases show the requirement met. */
  pattern?: TopologyWord;
}

const REQUIREMENTS: Record<number, TierRequirement> = {
  1: {
    tier: 1,
    text: {
      zh: '失去任一机房、也失去任一整座城市后，仍有副本可接管：如两地三中心（同城两中心 + 异地一中心）、三城各一中心（多数派同步）或三地五中心。',
      en: 'a copy can still take over after losing any one site and after losing any one whole city: e.g. two regions, three DCs (two sites in one city plus one in another), one site in each of three cities (majority sync), or three regions, five DCs.',
    },
    pattern: 'two-regions-three-dcs',
  },
  2: {
    tier: 2,
    text: {
      zh: '失去任一机房后仍有副本可接管：同城第二个中心即可（双活或热备）。',
      en: 'a copy can still take over after losing any one site: a second site in the same city is enough (active-active or hot standby).',
    },
    pattern: 'same-city-active-active',
  },
  3: {
    tier: 3,
    text: { zh: '无强制容灾要求。', en: 'no required disaster recovery.' },
  },
};

export function tierRequirement(tier: number): TierRequirement | undefined {
  return REQUIREMENTS[tier];
}

export interface TierVerdict {
  ok: boolean;
  /** The strongest topology word the deployment has, for the ✓ title. */
  word?: TopologyWord;
  /** Short, for a code lens: "失去成都即中断" / "down if 成都 is lost". */
  short: Localized;
  /** A sentence, for a hover: why it fails, or what it survives. */
  reason: Localized;
}

/** Whether the system meets its tier's requirement, judged by the failure scenarios; undefined for tiers that ask nothing. */
export function tierVerdict(model: ProposalModel, system: SystemModel): TierVerdict | undefined {
  const tier = system.tier?.value;
  if (tier !== 1 && tier !== 2) return undefined;
  // A word that names a recovery design (a bare cold standby is not one to tick).
  const word = topologyWords(system.topology).find((w) => w !== 'cold-standby');
  if (system.topology.sites.length === 0)
    return {
      ok: false,
      short: { zh: '未部署', en: 'not deployed' },
      reason: { zh: '没有部署到任何已声明的站点，无法承受任何故障。', en: 'it runs on no declared site, so it survives no loss.' },
    };
  const { broken } = survivalOf(model, system);
  if (!broken) {
    const what = tier === 1 ? { zh: '任一机房、任一城市', en: 'any one site and any one city' } : { zh: '任一机房', en: 'any one site' };
    return {
      ok: true,
      ...(word ? { word } : {}),
      short: tier === 1 ? { zh: '可承受任一城市故障', en: 'survives any city loss' } : { zh: '同城灾备', en: 'same-city DR' },
      reason: { zh: `失去${what.zh}后都有副本可接管。`, en: `a copy takes over after losing ${what.en}.` },
    };
  }
  const lost = scopeName(broken.scope);
  const chain = broken.outcome.ownSurvives ? broken.outcome.lostDependencies[0]?.chain : undefined;
  return {
    ok: false,
    short: { zh: zhJoin('失去', lost.zh, '即中断'), en: `down if ${lost.en} is lost` },
    reason: chain
      ? {
          zh: `${zhJoin('失去', lost.zh, '后')}，自身副本仍在，但依赖的 ${chain.join(' → ')} 没有副本。`,
          en: `if ${lost.en} is lost its own copy remains, but its dependency ${chain.join(' → ')} has none.`,
        }
      : { zh: zhJoin('失去', lost.zh, '后没有可接管的副本。'), en: `if ${lost.en} is lost, no copy is left to take over.` },
  };
}

/** "两地三中心 ✓" / "失去成都即中断 ✗": the code lens and the system hover say the same. */
export function verdictTitle(library: CaseLibrary, verdict: TierVerdict, locale: Locale): string {
  if (!verdict.ok) return `${pick(verdict.short, locale)} ✗`;
  return `${verdict.word && library.patterns.has(verdict.word) ? patternName(library, verdict.word, locale) : pick(verdict.short, locale)} ✓`;
}
