/**
 * Names the features show for enum values and derived words, in both
 * languages. Library names win where the library has the thing (a pattern's
 * own name); these are the fallbacks and the words the library has no record for.
 */
import { pick, type Locale, type Localized } from '../locale';
import type { Industry, TopologyWord } from '../model';
import type { CaseLibrary } from '../types';

/** Industry names as the Case Browser groups them (银行, 农信, 农商, 保险, 证券, 基金). */
export const INDUSTRY_LABELS: Record<Industry, Localized> = {
  bank: { zh: '银行', en: 'Bank' },
  'rural-credit': { zh: '农信', en: 'Rural credit union' },
  'rural-commercial-bank': { zh: '农商', en: 'Rural commercial bank' },
  insurance: { zh: '保险', en: 'Insurance' },
  securities: { zh: '证券', en: 'Securities' },
  fund: { zh: '基金', en: 'Fund' },
  other: { zh: '其他', en: 'Other' },
};

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

export function industryLabel(industry: string, locale: Locale): string {
  const label = INDUSTRY_LABELS[industry as Industry];
  return label ? pick(label, locale) : industry;
}

/** A pattern's display name: the library's, else the topology fallback, else the id. */
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

/** `command:casebook.openCase?%5B%22mybank%22%5D`: a Markdown link target that runs a command with arguments. */
export function commandUri(command: string, args: unknown[]): string {
  return `command:${command}?${encodeURIComponent(JSON.stringify(args))}`;
}

export const OPEN_CASE = 'casebook.openCase';
export const SEARCH_CASES = 'casebook.searchCases';
export const SHOW_MATCHING_CASES = 'casebook.showMatchingCases';
export const SHOW_TOPOLOGY = 'casebook.showTopology';

/** The full-width colon in Chinese, `: ` in English. */
export const colon = (locale: Locale) => (locale === 'zh-CN' ? '：' : ': ');

/**
 * Escapes text from the proposal or the library for Markdown (it is user input, never markup): every
 * character that can open an emphasis, a link, an image, HTML, an entity, a heading or a table; a line
 * break becomes a space (a new line could start a list or a heading); a list or setext marker at the
 * start and a URL scheme's `://` (an autolink) are escaped too.
 */
export function md(text: string): string {
  return oneLine(text)
    .replace(/[\\`*_{}[\]()#+!|<>~&]/g, (c) => `\\${c}`)
    .replace(/:(?=\/\/)/g, '\\:')
    .replace(/^(\s*)([-=]|\d+(?=[.)]))/, (_, space: string, marker: string) =>
      /^\d/.test(marker) ? `${space}${marker}\\` : `${space}\\${marker}`,
    );
}

/**
 * Text from the proposal or the library as an inline code span, shown exactly as written: nothing is
 * escaped inside a code span (a backslash would show), so the fence is one backtick longer than the
 * longest run of backticks in the text.
 */
export function code(text: string): string {
  const value = oneLine(text);
  let longest = 0;
  for (const run of value.matchAll(/`+/g)) longest = Math.max(longest, run[0].length);
  const fence = '`'.repeat(longest + 1);
  const pad = value.startsWith('`') || value.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${value}${pad}${fence}`;
}

/** Text from the proposal or the library in a plain-text label (a code lens title): one line, and `$(name)` shown as written, not as an icon. */
export function plain(text: string): string {
  return oneLine(text).replace(/\$\(/g, '\\$(');
}

const oneLine = (text: string): string => text.replace(/\r\n|[\r\n\u2028\u2029]/g, ' ');
