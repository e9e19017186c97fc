/**
 * The domain's words, declared once, in both languages: industries, topology
 * words, site roles, tiers, and the names of patterns and customers. Library
 * names win where the library has the thing (a pattern's own name); these are
 * the fallbacks and the words the library has no record for. Features, the
 * case views, matching, the topology and the CLI all read them from here.
 */
import { pick, type Locale, type Localized } from './locale';
import type { Industry, TopologyWord } from './model';
import type { CaseLibrary } from './types';

/**
 * Each industry as a group heading (银行, 农信 … / Bank, Rural credit union …) and as a sector in a sentence
 * ("同为农商行行业" / "same industry (rural commercial banking)").
 */
export const INDUSTRIES: Record<Industry, { label: Localized; sector: Localized }> = {
  bank: { label: { zh: '银行', en: 'Bank' }, sector: { zh: '银行', en: 'banking' } },
  'rural-credit': { label: { zh: '农信', en: 'Rural credit union' }, sector: { zh: '农信', en: 'rural credit' } },
  'rural-commercial-bank': { label: { zh: '农商', en: 'Rural commercial bank' }, sector: { zh: '农商行', en: 'rural commercial banking' } },
  insurance: { label: { zh: '保险', en: 'Insurance' }, sector: { zh: '保险', en: 'insurance' } },
  securities: { label: { zh: '证券', en: 'Securities' }, sector: { zh: '证券', en: 'securities' } },
  fund: { label: { zh: '基金', en: 'Fund' }, sector: { zh: '基金', en: 'fund management' } },
  other: { label: { zh: '其他', en: 'Other' }, sector: { zh: '其他', en: 'other' } },
};

/** Industry names as the Case Browser groups them. */
export const INDUSTRY_LABELS = Object.fromEntries(Object.entries(INDUSTRIES).map(([id, i]) => [id, i.label])) as Record<
  Industry,
  Localized
>;

/** The industry as a group heading; an unknown id (an enterprise case's typo) reads as Other. */
export function industryLabel(industry: string, locale: Locale): string {
  return pick((INDUSTRIES[industry as Industry] ?? INDUSTRIES.other).label, locale);
}

/** The industry as a sector in a sentence; an unknown id is shown as written. */
export function industrySector(industry: string): Localized {
  return INDUSTRIES[industry as Industry]?.sector ?? { zh: industry, en: industry };
}

export const TOPOLOGY_LABELS: Record<TopologyWord, Localized> = {
  'three-regions-five-dcs': { zh: '三地五中心', en: 'three regions, five DCs' },
  'two-regions-three-dcs': { zh: '两地三中心', en: 'two regions, three DCs' },
  'multi-site-active-active': { zh: '异地多活', en: 'multi-site active-active' },
  'same-city-active-active': { zh: '同城双活', en: 'same-city active-active' },
  'cold-standby': { zh: '冷备', en: 'cold standby' },
};

export const ROLE_LABELS: Record<string, Localized> = {
  primary: { zh: '主中心', en: 'primary' },
  active: { zh: '多活中心', en: 'active' },
  'hot-standby': { zh: '热备中心', en: 'hot standby' },
  'cold-standby': { zh: '冷备中心', en: 'cold standby' },
};

export const TIER_LABELS: Record<number, Localized> = {
  1: { zh: '一级业务系统', en: 'tier-1 business system' },
  2: { zh: '二级业务系统', en: 'tier-2 business system' },
  3: { zh: '三级业务系统', en: 'tier-3 business system' },
};

/** The tier as a short word: 一级 / tier 1 (in a box, or before 系统). */
export function tierWord(tier: number): Localized {
  return { zh: ['', '一级', '二级', '三级'][tier] ?? `${tier} 级`, en: `tier ${tier}` };
}

/** A pattern's display name: the library's, else the topology word, else the id. */
export function patternName(library: CaseLibrary, id: string, locale: Locale): string {
  const record = library.patterns.get(id);
  if (record) return pick(record.name, locale);
  const word = TOPOLOGY_LABELS[id as TopologyWord];
  return word ? pick(word, locale) : id;
}

export function customerLabel(library: CaseLibrary, caseId: string, locale: Locale): string {
  const record = library.cases.get(caseId);
  return record ? pick(record.customer, locale) : caseId;
}
