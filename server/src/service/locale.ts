/** The two languages every user-facing string exists in. */
export type Locale = 'zh-CN' | 'en';

/** A text in both languages. Library data and messages are written this way. */
export interface Localized {
  zh: string;
  en: string;
}

/** Maps VS Code's display language (`zh-cn`, `zh-tw`, `en-us`, …) or a CLI flag to a locale. */
export function normalizeLocale(input: string | undefined | null): Locale {
  if (!input) return 'en';
  return input.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export function pick(text: Localized, locale: Locale): string {
  return locale === 'zh-CN' ? text.zh : text.en;
}

/** Joins names the way each language lists them: "A、B、C" / "A, B and C". */
export function listOf(items: string[], locale: Locale): string {
  if (locale === 'zh-CN') return items.join('、');
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Chinese text around an embedded id: a space between a Latin or digit end and a following Han character ("机房 cd-1 即中断"). */
export function zhJoin(...parts: string[]): string {
  return parts.reduce((out, part) => (/[A-Za-z0-9)\]]$/.test(out) && /^[\u4e00-\u9fff]/.test(part) ? `${out} ${part}` : out + part), '');
}

/** The text for the locale, for short inline strings: `t(locale, '案例', 'Cases')`. */
export function t(locale: Locale, zh: string, en: string): string {
  return locale === 'zh-CN' ? zh : en;
}

/**
 * Whether `text` holds the characters of `query` in order, ignoring case: how editors match a typed word
 * (`cor` finds `core — 核心`), and no looser than they are. An empty query matches everything.
 */
export function isSubsequence(query: string, text: string): boolean {
  const q = query.toLowerCase();
  const s = text.toLowerCase();
  let at = 0;
  for (const c of q) {
    at = s.indexOf(c, at) + 1;
    if (at === 0) return false;
  }
  return true;
}
