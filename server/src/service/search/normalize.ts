/**
 * Text normalisation, shared by the index and the query: full-width to
 * half-width and lower case, compaction to letters, digits and Han, and
 * tokens (Han runs, word runs, code points).
 */

/** Longer queries are pasted text, not searches: they return nothing rather than work hard. */
export const MAX_QUERY_LENGTH = 200;

const HAN = /\p{Script=Han}/u;
const WORD_CHAR = /[\p{L}\p{N}]/u;

export const enum CharClass {
  Other,
  Word,
  Han,
}

/** ASCII and the main CJK blocks without a string or a regular expression: most text is one of them. */
export function classify(code: number): CharClass {
  if (code < 128)
    return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90) ? CharClass.Word : CharClass.Other;
  if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf)) return CharClass.Han;
  const ch = String.fromCodePoint(code);
  return HAN.test(ch) ? CharClass.Han : WORD_CHAR.test(ch) ? CharClass.Word : CharClass.Other;
}

/** Full-width → half-width, lower case. */
export function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** Letters, digits and Han only: "Bank of Nanjing" → "bankofnanjing", "nan jing" → "nanjing". */
export function compact(text: string): string {
  let out = '';
  for (const ch of normalize(text)) if (classify(ch.codePointAt(0)!) !== CharClass.Other) out += ch;
  return out;
}

export interface Tokens {
  /** Maximal runs of Han characters. */
  han: string[];
  /** Maximal runs of other letters and digits. */
  words: string[];
}

export function tokenize(normalized: string): Tokens {
  const han: string[] = [];
  const words: string[] = [];
  let start = 0;
  let runClass = CharClass.Other;
  const n = normalized.length;
  for (let i = 0; i <= n;) {
    // A surrogate pair is one character (CJK Extension B and later).
    const code = i < n ? normalized.codePointAt(i)! : 0;
    const width = code > 0xffff ? 2 : 1;
    const cls = i < n ? classify(code) : CharClass.Other;
    if (cls !== runClass || i === n) {
      if (runClass === CharClass.Han) han.push(normalized.slice(start, i));
      else if (runClass === CharClass.Word) words.push(normalized.slice(start, i));
      start = i;
      runClass = cls;
    }
    i += width;
  }
  return { han, words };
}

export function codePoints(run: string): number[] {
  const points: number[] = [];
  for (let i = 0; i < run.length;) {
    const cp = run.codePointAt(i)!;
    points.push(cp);
    i += cp > 0xffff ? 2 : 1;
  }
  return points;
}

/** The first index of a sorted list whose string is not below `key` (plain code-unit order, the order `startsWith` agrees with). */
export function lowerBound(sorted: string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
