/**
 * Names the features show for enum values and derived words, in both
 * languages. Library names win where the library has the thing (a pattern's
 * own name); these are the fallbacks and the words the library has no record for.
 */
import type { Locale } from '../locale';

// The domain's words live in ../vocabulary; features import them from here with the feature-only helpers below.
export {
  INDUSTRIES,
  INDUSTRY_LABELS,
  ROLE_LABELS,
  TIER_LABELS,
  TOPOLOGY_LABELS,
  customerLabel,
  industryLabel,
  industrySector,
  patternName,
  tierWord,
} from '../vocabulary';

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

/** Escapes text from the proposal or the library for Markdown (it is user input, never markup). */
export function md(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+!|<>~]/g, (c) => `\\${c}`);
}
