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

/**
 * Chinese text around an embedded id or figure: a space where Han meets Latin or digits, either way round
 * ("失去机房 cd-1 即中断", "承诺 RPO 0"), as Chinese typesetting does; parts already spaced are left alone.
 */
export function zhJoin(...parts: string[]): string {
  const latinEnd = /[A-Za-z0-9%)\]]$/;
  const latinStart = /^[A-Za-z0-9(\[]/;
  const hanEnd = /[\u4e00-\u9fff]$/;
  const hanStart = /^[\u4e00-\u9fff]/;
  return parts.reduce(
    (out, part) =>
      (latinEnd.test(out) && hanStart.test(part)) || (hanEnd.test(out) && latinStart.test(part)) ? `${out} ${part}` : out + part,
    '',
  );
}

/** An id inside Chinese text: a Han id is quoted (“深圳福田”) so it does not run into the words around it; others stay bare. */
export function zhId(id: string): string {
  return HAN.test(id) ? `“${id}”` : id;
}

/** A noun and the id it names: "机房 cd-1", "机房“深圳福田”" (no space against a full-width quote). */
export function zhNamed(noun: string, id: string): string {
  return HAN.test(id) ? `${noun}“${id}”` : `${noun} ${id}`;
}

const HAN = /\p{Script=Han}/u;

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
