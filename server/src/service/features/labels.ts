/**
 * Names the features show for enum values and derived words, in both
 * languages. Library names win where the library has the thing (a pattern's
 * own name); these are the fallbacks and the words the library has no record for.
 */
import { COMMAND } from '../../../../shared/src/commands';
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

export const OPEN_CASE = COMMAND.openCase;
export const SEARCH_CASES = COMMAND.searchCases;
export const SHOW_MATCHING_CASES = COMMAND.showMatchingCases;
export const SHOW_TOPOLOGY = COMMAND.showTopology;

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
