/**
 * Name forms: what a name, alias or id can be typed as. The name itself
 * (compacted), the name from each word on, its full pinyin, its pinyin from
 * each Han syllable on, and its pinyin initials; and the initials one
 * keystroke away from a query.
 */
import type * as PinyinPro from 'pinyin-pro';
import { CharClass, MAX_QUERY_LENGTH, classify, compact, normalize, tokenize } from './normalize';

/**
 * pinyin-pro, required on the first search rather than imported: its dictionaries are a third of the server bundle,
 * and evaluating them at start-up cost every cold start some 25 ms of CPU before the first check (issue 13). A
 * `require` the bundler resolves to the package's CommonJS build, which it evaluates only when first called.
 */
let pinyinPro: typeof PinyinPro | undefined;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const loadPinyinPro = (): typeof PinyinPro => (pinyinPro ??= require('pinyin-pro') as typeof PinyinPro);

/** How much of a name its search forms are derived from (see nameForms). */
const MAX_FORM_SOURCE = 2 * MAX_QUERY_LENGTH;

export const enum FormKind {
  /** A whole name, alias or id. */
  Name,
  /** A name from its second word on: "nanjing" in "Bank of Nanjing". */
  WordTail,
  /** Full pinyin of a Han name. */
  Pinyin,
  /** Pinyin from the second syllable on: "yinhang" in 南京银行. */
  PinyinTail,
  Initials,
}

export interface Form {
  form: string;
  entity: number;
  kind: FormKind;
}

/**
 * The syllables of a name: one per Han character (pinyin-pro reads words in
 * context, so 银行 is yin hang and 重庆 chong qing), one per Latin/digit run.
 */
function syllablesOf(name: string): { syllables: string[]; hanStarts: boolean[] } | undefined {
  const normalized = normalize(name);
  const syllables: string[] = [];
  const hanStarts: boolean[] = [];
  let run = '';
  let runClass = CharClass.Other;
  let sawHan = false;
  const flush = () => {
    if (runClass === CharClass.Word) {
      syllables.push(run);
      hanStarts.push(false);
    } else if (runClass === CharClass.Han) {
      sawHan = true;
      for (const s of loadPinyinPro().pinyin(run, { toneType: 'none', type: 'array', v: true })) {
        syllables.push(s.toLowerCase());
        hanStarts.push(true);
      }
    }
  };
  for (const ch of normalized) {
    const cls = classify(ch.codePointAt(0)!);
    if (cls !== runClass) {
      flush();
      run = '';
      runClass = cls;
    }
    run += ch;
  }
  flush();
  return sawHan ? { syllables, hanStarts } : undefined;
}

/** Every form of one entity's names, each once, in the order they are derived. */
export function nameForms(entity: number, names: string[]): Form[] {
  const forms: Form[] = [];
  const seen = new Set<string>();
  const push = (form: string, kind: FormKind) => {
    if (!form || seen.has(form)) return;
    seen.add(form);
    forms.push({ form, entity, kind });
  };
  for (const whole of names) {
    // Forms are matched by prefix against a query of at most MAX_QUERY_LENGTH characters: a name's head is all
    // that can match, and deriving every tail of a long name is quadratic (a 100,000-character name took 82 s).
    const name = whole.length > MAX_FORM_SOURCE ? whole.slice(0, MAX_FORM_SOURCE) : whole;
    push(compact(name), FormKind.Name);
    const { words } = tokenize(normalize(name));
    for (let i = 1; i < words.length; i++) push(words.slice(i).join(''), FormKind.WordTail);
    const read = syllablesOf(name);
    if (!read) continue;
    push(read.syllables.join(''), FormKind.Pinyin);
    for (let i = 1; i < read.syllables.length; i++) if (read.hanStarts[i]) push(read.syllables.slice(i).join(''), FormKind.PinyinTail);
    if (read.syllables.length >= 2) push(read.syllables.map((s) => s[0]).join(''), FormKind.Initials);
  }
  return forms;
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
/** Shorter initials have too many neighbours one keystroke away to be worth suggesting. */
const FUZZY_INITIALS_MIN_LENGTH = 5;

/**
 * Initials with one letter extra, missing, wrong or two letters swapped: each
 * neighbour of the query (about 50 per letter) once, the query itself never.
 * Nothing for queries that are not 5 to 12 letters.
 */
export function forEachInitialsNeighbour(q: string, visit: (form: string) => void): void {
  if (q.length < FUZZY_INITIALS_MIN_LENGTH || q.length > 12 || !/^[a-z]+$/.test(q)) return;
  const seen = new Set<string>([q]);
  const tryForm = (form: string) => {
    if (seen.has(form)) return;
    seen.add(form);
    visit(form);
  };
  for (let i = 0; i < q.length; i++) {
    tryForm(q.slice(0, i) + q.slice(i + 1));
    if (i + 1 < q.length) tryForm(q.slice(0, i) + q[i + 1] + q[i] + q.slice(i + 2));
    for (const letter of LETTERS) {
      tryForm(q.slice(0, i) + letter + q.slice(i + 1));
      tryForm(q.slice(0, i) + letter + q.slice(i));
    }
  }
  for (const letter of LETTERS) tryForm(q + letter);
}
