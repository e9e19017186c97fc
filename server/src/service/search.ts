/**
 * Search over the case library: cases, patterns and products, in Chinese,
 * English, full pinyin and pinyin initials.
 *
 * Two structures, both built once per library:
 * - a sorted list of *name forms* (names, aliases and ids, compacted; their
 *   pinyin, pinyin from each syllable on, and pinyin initials), searched by
 *   binary search for exact and prefix matches of the whole query;
 * - an inverted index over all text (names, titles, challenge/solution,
 *   outcomes, summaries): Latin words, and Han unigrams and bigrams, each
 *   posting carrying the weight of the best field the key occurs in.
 *
 * A query never scans the library: it costs a binary search plus the posting
 * lists of its keys, so it stays fast at 10,000 cases (see bench/search.ts).
 */
import { pinyin } from 'pinyin-pro';
import type { SearchResult } from '../../../shared/src/protocol';
import { pick, type Locale, type Localized } from './locale';
import type { CaseLibrary } from './types';

export type SearchKind = 'case' | 'pattern' | 'product';

/** Why a hit matched, strongest first. */
export type MatchTier = 'exact' | 'prefix' | 'initials' | 'text';

export interface SearchHit {
  id: string;
  kind: SearchKind;
  /** Customer, pattern or product name in the requested locale. */
  title: string;
  /** The case title, pattern summary or product description. */
  detail: string;
  score: number;
  match: MatchTier;
  /** The cases this hit leads to (a case leads to itself). */
  caseIds: string[];
}

export interface SearchOptions {
  /** Default 20. */
  limit?: number;
  /** Default `en`. */
  locale?: Locale;
}

export interface SearchIndex {
  readonly library: CaseLibrary;
  /** Number of indexed cases, patterns and products. */
  readonly size: number;
  search(query: string, options?: SearchOptions): SearchHit[];
  /** Hits ranked by the case they lead to: the shape of `casebook/searchCases` and `casebook search`. */
  searchCases(query: string, options?: SearchOptions): { results: SearchResult[] };
}

/** Longer queries are pasted text, not searches: they return nothing rather than work hard. */
export const MAX_QUERY_LENGTH = 200;
/** How much of a name its search forms are derived from (see addForms). */
const MAX_FORM_SOURCE = 2 * MAX_QUERY_LENGTH;
const DEFAULT_LIMIT = 20;

/* ------------------------------------------------------------------------ */
/* Scores: exact name/alias > prefix > initials > substring in text          */
/* ------------------------------------------------------------------------ */

const enum FormKind {
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

/** [exact, prefix base] per form kind; a prefix adds up to 9 by how much of the form it covers. */
const FORM_SCORES: Record<FormKind, [number, number]> = {
  [FormKind.Name]: [100, 80],
  [FormKind.WordTail]: [92, 74],
  [FormKind.Pinyin]: [98, 76],
  [FormKind.PinyinTail]: [88, 70],
  [FormKind.Initials]: [68, 60],
};
const PREFIX_SPAN = 9;
const INITIALS_PREFIX_SPAN = 7;
/** Initials one keystroke away (lsdszx for ldszx, 两地三中心): below every true initials match. */
const FUZZY_INITIALS_SCORE = 55;
/** Shorter initials have too many neighbours one keystroke away to be worth suggesting. */
const FUZZY_INITIALS_MIN_LENGTH = 5;

/** Text weights, all below the initials tier. A name field matched inside (农信 in 浙江农信) ranks highest. */
const WEIGHT = { name: 50, title: 36, outcome: 32, summary: 32, evidence: 28, body: 26 } as const;

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const KIND_ORDER: Record<SearchKind, number> = { case: 0, pattern: 1, product: 2 };

/* ------------------------------------------------------------------------ */
/* Text normalisation                                                        */
/* ------------------------------------------------------------------------ */

const HAN = /\p{Script=Han}/u;
const WORD_CHAR = /[\p{L}\p{N}]/u;

const enum CharClass {
  Other,
  Word,
  Han,
}

/** ASCII and the main CJK blocks without a string or a regular expression: most text is one of them. */
function classify(code: number): CharClass {
  if (code < 128)
    return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90) ? CharClass.Word : CharClass.Other;
  if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf)) return CharClass.Han;
  const ch = String.fromCodePoint(code);
  return HAN.test(ch) ? CharClass.Han : WORD_CHAR.test(ch) ? CharClass.Word : CharClass.Other;
}

/** Full-width → half-width, lower case. */
function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** Letters, digits and Han only: "Bank of Nanjing" → "bankofnanjing", "nan jing" → "nanjing". */
function compact(text: string): string {
  let out = '';
  for (const ch of normalize(text)) if (classify(ch.codePointAt(0)!) !== CharClass.Other) out += ch;
  return out;
}

interface Tokens {
  /** Maximal runs of Han characters. */
  han: string[];
  /** Maximal runs of other letters and digits. */
  words: string[];
}

function tokenize(normalized: string): Tokens {
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

/* ------------------------------------------------------------------------ */
/* Pinyin                                                                    */
/* ------------------------------------------------------------------------ */

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
      for (const s of pinyin(run, { toneType: 'none', type: 'array', v: true })) {
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

/* ------------------------------------------------------------------------ */
/* The index                                                                 */
/* ------------------------------------------------------------------------ */

interface TextField {
  weight: number;
  /** Normalised text, for Han substring checks. */
  text: string;
  /** Its words, single-spaced with a leading space, for phrase checks (filled in by the builder). */
  wordText: string;
}

interface Entity {
  id: string;
  kind: SearchKind;
  title: Localized;
  detail: Localized;
  caseIds: string[];
  fields: TextField[];
}

interface Form {
  form: string;
  entity: number;
  kind: FormKind;
}

/**
 * Collects entities, their name forms and their text postings. A posting is
 * the list of entities containing a key (a word, or a Han unigram/bigram),
 * ascending, each with the weight of the best field the key occurs in.
 */
class IndexBuilder {
  readonly entities: Entity[] = [];
  private readonly forms: Form[] = [];
  private readonly wordIds = new Map<string, number>();
  /** Han unigrams and bigrams as numbers (see hanKey): no key strings to build for most of the text. */
  private readonly hanIds = new Map<number, number>();
  private readonly postingIds: number[][] = [];
  private readonly postingWeights: number[][] = [];
  /** Per key, the last entity noted, so a key repeated in one entity updates its weight instead of appending. */
  private readonly lastEntity: number[] = [];

  add(entity: Entity, names: string[]): void {
    const index = this.entities.length;
    this.entities.push(entity);
    for (const field of entity.fields) {
      const tokens = tokenize(field.text);
      field.wordText = ' ' + tokens.words.join(' ');
      for (const word of tokens.words) this.note(this.wordIds, word, index, field.weight);
      for (const run of tokens.han) {
        const points = codePoints(run);
        for (let i = 0; i < points.length; i++) {
          this.note(this.hanIds, points[i]!, index, field.weight);
          if (i + 1 < points.length) this.note(this.hanIds, hanKey(points[i]!, points[i + 1]!), index, field.weight);
        }
      }
    }
    this.addForms(index, names);
  }

  private note<K>(keys: Map<K, number>, key: K, entity: number, weight: number): void {
    let id = keys.get(key);
    if (id === undefined) {
      id = this.postingIds.length;
      keys.set(key, id);
      this.postingIds.push([]);
      this.postingWeights.push([]);
      this.lastEntity.push(-1);
    }
    const weights = this.postingWeights[id]!;
    if (this.lastEntity[id] === entity) {
      const last = weights.length - 1;
      if (weight > weights[last]!) weights[last] = weight;
      return;
    }
    this.lastEntity[id] = entity;
    this.postingIds[id]!.push(entity);
    weights.push(weight);
  }

  private addForms(entity: number, names: string[]): void {
    const seen = new Set<string>();
    const push = (form: string, kind: FormKind) => {
      if (!form || seen.has(form)) return;
      seen.add(form);
      this.forms.push({ form, entity, kind });
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
  }

  build(library: CaseLibrary): SearchIndex {
    // Plain code-unit order, the order `startsWith` agrees with.
    this.forms.sort((a, b) => (a.form < b.form ? -1 : a.form > b.form ? 1 : a.entity - b.entity));
    const words = [...this.wordIds].map(([word, key]) => ({ word, key }));
    words.sort((a, b) => (a.word < b.word ? -1 : a.word > b.word ? 1 : 0));
    return new LibrarySearchIndex(library, this.entities, this.forms, {
      wordIds: this.wordIds,
      hanIds: this.hanIds,
      ids: this.postingIds.map((ids) => new Int32Array(ids)),
      weights: this.postingWeights.map((w) => new Uint8Array(w)),
      words: words.map((w) => w.word),
      wordKeys: new Int32Array(words.map((w) => w.key)),
    });
  }
}

interface Postings {
  wordIds: Map<string, number>;
  hanIds: Map<number, number>;
  ids: Int32Array[];
  weights: Uint8Array[];
  /** Distinct indexed words, sorted, and their key ids: prefix lookups by binary search. */
  words: string[];
  wordKeys: Int32Array;
}

/** Entities must appear in one of these keys' postings; `weighted` ones add their weight to the text score. */
interface Constraint {
  keys: number[];
  weighted: boolean;
  cost: number;
}

/** A query token checked against the fields of the entities that passed every constraint. */
type Verification = { han: string } | { phrase: string };

class LibrarySearchIndex implements SearchIndex {
  private readonly formText: string[];
  private readonly formEntity: Int32Array;
  private readonly formKind: Uint8Array;
  /** Initials forms → entities, for the one-keystroke-off lookups. */
  private readonly initials = new Map<string, number[]>();

  /* Per-entity scratch space, reused by every query (stamped, never cleared). */
  private readonly stamp: Int32Array;
  private readonly textSum: Float64Array;
  private readonly constraintWeight: Float64Array;
  private readonly best: Float64Array;
  private readonly bestMatch: Uint8Array;
  private readonly bestQuery: Int32Array;
  /** Each entity's place in (id, kind) order: ties between equal scores compare one integer. */
  private readonly tieRank: Int32Array;
  private generation = 0;
  private queryNumber = 0;

  constructor(
    readonly library: CaseLibrary,
    private readonly entities: Entity[],
    forms: Form[],
    private readonly postings: Postings,
  ) {
    this.formText = forms.map((f) => f.form);
    this.formEntity = new Int32Array(forms.map((f) => f.entity));
    this.formKind = new Uint8Array(forms.map((f) => f.kind));
    for (const f of forms) if (f.kind === FormKind.Initials) listIn(this.initials, f.form).push(f.entity);
    const n = entities.length;
    this.stamp = new Int32Array(n);
    this.textSum = new Float64Array(n);
    this.constraintWeight = new Float64Array(n);
    this.best = new Float64Array(n);
    this.bestMatch = new Uint8Array(n);
    this.bestQuery = new Int32Array(n);
    this.tieRank = new Int32Array(n);
    const order = entities.map((_, i) => i);
    order.sort((a, b) => compareIds(entities[a]!.id, entities[b]!.id) || KIND_ORDER[entities[a]!.kind] - KIND_ORDER[entities[b]!.kind]);
    order.forEach((entity, rank) => (this.tieRank[entity] = rank));
  }

  get size(): number {
    return this.entities.length;
  }

  search(query: string, options: SearchOptions = {}): SearchHit[] {
    const limit = options.limit ?? DEFAULT_LIMIT;
    const locale = options.locale ?? 'en';
    if (typeof query !== 'string' || !(limit > 0) || query.length > MAX_QUERY_LENGTH * 4) return [];
    const normalized = normalize(query).trim();
    if (!normalized || normalized.length > MAX_QUERY_LENGTH) return [];
    const q = compact(normalized);
    if (!q || this.entities.length === 0) return [];

    if (++this.queryNumber >= 0x3fffffff) {
      this.bestQuery.fill(0);
      this.queryNumber = 1;
    }
    const touched: number[] = [];
    this.matchForms(q, touched);
    this.matchFuzzyInitials(q, touched);
    this.matchText(normalized, touched);

    return this.top(touched, limit).map((entityIndex) => {
      const entity = this.entities[entityIndex]!;
      return {
        id: entity.id,
        kind: entity.kind,
        title: pick(entity.title, locale),
        detail: pick(entity.detail, locale),
        score: this.best[entityIndex]!,
        match: MATCH_TIERS[this.bestMatch[entityIndex]!]!,
        caseIds: [...entity.caseIds],
      };
    });
  }

  searchCases(query: string, options: SearchOptions = {}): { results: SearchResult[] } {
    const limit = options.limit ?? DEFAULT_LIMIT;
    const locale = options.locale ?? 'en';
    // Patterns and products lead to several cases each, so look further than `limit` hits.
    const hits = this.search(query, { locale, limit: Math.max(limit, 1) * 4 + 20 });
    return toCaseResults(hits, this.library, locale, limit);
  }

  private offer(entity: number, rawScore: number, match: MatchTier, touched: number[]): void {
    // Rounded once here, so ranking compares exactly the scores callers see.
    const score = round(rawScore);
    if (this.bestQuery[entity] !== this.queryNumber) {
      this.bestQuery[entity] = this.queryNumber;
      this.best[entity] = score;
      this.bestMatch[entity] = MATCH_TIERS.indexOf(match);
      touched.push(entity);
    } else if (score > this.best[entity]!) {
      this.best[entity] = score;
      this.bestMatch[entity] = MATCH_TIERS.indexOf(match);
    }
  }

  /** The `limit` best of the touched entities: a bounded heap, so a query matching everything still costs O(n log limit). */
  private top(touched: number[], limit: number): number[] {
    const { best, tieRank } = this;
    const better = (a: number, b: number): boolean => (best[a] !== best[b] ? best[a]! > best[b]! : tieRank[a]! < tieRank[b]!);
    const byRank = (a: number, b: number) => (better(a, b) ? -1 : better(b, a) ? 1 : 0);
    if (touched.length <= limit) return touched.sort(byRank);
    // Max-heap on "worse": the root is the worst of the best `limit` seen so far.
    const heap: number[] = [];
    const worse = (i: number, j: number) => better(heap[j]!, heap[i]!);
    const siftDown = (i: number) => {
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && worse(l, m)) m = l;
        if (r < heap.length && worse(r, m)) m = r;
        if (m === i) return;
        [heap[i], heap[m]] = [heap[m]!, heap[i]!];
        i = m;
      }
    };
    for (const entity of touched) {
      if (heap.length < limit) {
        heap.push(entity);
        for (let i = heap.length - 1; i > 0;) {
          const parent = (i - 1) >> 1;
          if (!worse(i, parent)) break;
          [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
          i = parent;
        }
      } else if (better(entity, heap[0]!)) {
        heap[0] = entity;
        siftDown(0);
      }
    }
    return heap.sort(byRank);
  }

  /** Exact and prefix matches of the whole (compacted) query against every name form. */
  private matchForms(q: string, touched: number[]): void {
    const forms = this.formText;
    for (let i = lowerBound(forms, q); i < forms.length; i++) {
      const form = forms[i]!;
      if (!form.startsWith(q)) break;
      const kind = this.formKind[i] as FormKind;
      const [exact, prefix] = FORM_SCORES[kind];
      const isInitials = kind === FormKind.Initials;
      const isExact = form.length === q.length;
      const score = isExact ? exact : prefix + (q.length / form.length) * (isInitials ? INITIALS_PREFIX_SPAN : PREFIX_SPAN);
      this.offer(this.formEntity[i]!, score, isInitials ? 'initials' : isExact && kind === FormKind.Name ? 'exact' : 'prefix', touched);
    }
  }

  /**
   * Initials with one letter extra, missing, wrong or two letters swapped.
   * Looks up each neighbour of the query (about 50 per letter) in a map, so
   * it costs the same at any library size.
   */
  private matchFuzzyInitials(q: string, touched: number[]): void {
    if (q.length < FUZZY_INITIALS_MIN_LENGTH || q.length > 12 || !/^[a-z]+$/.test(q)) return;
    const seen = new Set<string>([q]);
    const tryForm = (form: string) => {
      if (seen.has(form)) return;
      seen.add(form);
      for (const entity of this.initials.get(form) ?? []) this.offer(entity, FUZZY_INITIALS_SCORE, 'initials', touched);
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

  /**
   * Every token of the query — a Han run, or a Latin phrase whose last word
   * may be a prefix — must occur in the entity's text; the score is the mean
   * weight of the best field each token occurs in. Postings are intersected
   * shortest first with generation stamps (no sets, no clearing).
   */
  private matchText(normalized: string, touched: number[]): void {
    const { constraints, verifications, tokens } = this.plan(normalized);
    if (constraints.length === 0) return;
    constraints.sort((a, b) => a.cost - b.cost);
    const stamp = this.stamp;
    if (this.generation > 0x3fffffff - constraints.length - 2) {
      stamp.fill(0);
      this.generation = 0;
    }
    const base = this.generation + 1;
    this.generation = base + constraints.length;
    const survivors: number[] = [];
    for (let k = 0; k < constraints.length; k++) {
      const { keys, weighted } = constraints[k]!;
      const from = base + k - 1;
      const to = base + k;
      for (const key of keys) {
        const ids = this.postings.ids[key]!;
        const weights = this.postings.weights[key]!;
        for (let j = 0; j < ids.length; j++) {
          const e = ids[j]!;
          const s = stamp[e]!;
          if (s === to) {
            // Seen under another key of this constraint: keep the better weight.
          } else if (k === 0 || s === from) {
            stamp[e] = to;
            this.constraintWeight[e] = 0;
            if (k === 0) {
              this.textSum[e] = 0;
              survivors.push(e);
            }
          } else continue;
          if (weighted) {
            const w = weights[j]!;
            const seen = this.constraintWeight[e]!;
            if (w > seen) {
              this.textSum[e] = this.textSum[e]! + (w - seen);
              this.constraintWeight[e] = w;
            }
          }
        }
      }
    }
    const passed = base + constraints.length - 1;
    for (const e of survivors) {
      if (stamp[e] !== passed) continue;
      let sum = this.textSum[e]!;
      let ok = true;
      for (const check of verifications) {
        const entity = this.entities[e]!;
        const weight =
          'han' in check
            ? bestField(entity, (f) => f.text.includes(check.han))
            : bestField(entity, (f) => f.wordText.includes(check.phrase));
        if (weight === 0) {
          ok = false;
          break;
        }
        sum += weight;
      }
      if (ok) this.offer(e, sum / tokens, 'text', touched);
    }
  }

  /** Turns the query into posting constraints and the checks that postings alone cannot decide. */
  private plan(normalized: string): { constraints: Constraint[]; verifications: Verification[]; tokens: number } {
    const constraints: Constraint[] = [];
    const verifications: Verification[] = [];
    const none = { constraints: [], verifications: [], tokens: 0 };
    const exactKey = <K>(keys: Map<K, number>, key: K): Constraint | undefined => {
      const id = keys.get(key);
      return id === undefined ? undefined : { keys: [id], weighted: false, cost: this.postings.ids[id]!.length };
    };
    const { han } = tokenize(normalized);
    const { hanIds, wordIds } = this.postings;
    for (const run of han) {
      const points = codePoints(run);
      if (points.length <= 2) {
        const c = exactKey(hanIds, points.length === 1 ? points[0]! : hanKey(points[0]!, points[1]!));
        if (!c) return none;
        constraints.push({ ...c, weighted: true });
        continue;
      }
      // Every bigram present is necessary, not sufficient: the run itself is verified in the fields.
      for (let i = 0; i + 1 < points.length; i++) {
        const c = exactKey(hanIds, hanKey(points[i]!, points[i + 1]!));
        if (!c) return none;
        constraints.push(c);
      }
      verifications.push({ han: run });
    }
    for (const chunk of normalized.split(/\s+/)) {
      const { words } = tokenize(chunk);
      if (words.length === 0) continue;
      for (let i = 0; i < words.length - 1; i++) {
        const c = exactKey(wordIds, words[i]!);
        if (!c) return none;
        constraints.push(c);
      }
      const last = this.prefixConstraint(words[words.length - 1]!);
      if (!last) return none;
      if (words.length === 1) constraints.push({ ...last, weighted: true });
      else {
        constraints.push(last);
        verifications.push({ phrase: ' ' + words.join(' ') });
      }
    }
    return { constraints, verifications, tokens: constraints.filter((c) => c.weighted).length + verifications.length };
  }

  /** All indexed words starting with `prefix`, as one constraint. */
  private prefixConstraint(prefix: string): Constraint | undefined {
    const { words, wordKeys, ids } = this.postings;
    const keys: number[] = [];
    let cost = 0;
    for (let i = lowerBound(words, prefix); i < words.length && words[i]!.startsWith(prefix); i++) {
      keys.push(wordKeys[i]!);
      cost += ids[wordKeys[i]!]!.length;
    }
    return keys.length ? { keys, weighted: false, cost } : undefined;
  }
}

const MATCH_TIERS: readonly MatchTier[] = ['exact', 'prefix', 'initials', 'text'];

function codePoints(run: string): number[] {
  const points: number[] = [];
  for (let i = 0; i < run.length;) {
    const cp = run.codePointAt(i)!;
    points.push(cp);
    i += cp > 0xffff ? 2 : 1;
  }
  return points;
}

/** A bigram as one number. Exact in a double (< 2^41), and never a code point, so unigrams share the map. */
const hanKey = (first: number, second: number) => first * 0x110000 + second;

function lowerBound(sorted: string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function bestField(entity: Entity, test: (field: TextField) => boolean): number {
  let best = 0;
  for (const field of entity.fields) if (field.weight > best && test(field)) best = field.weight;
  return best;
}

const round = (score: number) => Math.round(score * 100) / 100;
const compareIds = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/* ------------------------------------------------------------------------ */
/* Building from a library                                                   */
/* ------------------------------------------------------------------------ */

function field(weight: number, ...texts: (string | undefined)[]): TextField {
  const text = normalize(texts.filter((t) => t).join(' \n '));
  return { weight, text, wordText: '' };
}

const localizedTexts = (l: Localized) => [l.zh, l.en];

export function createSearchIndex(library: CaseLibrary): SearchIndex {
  const builder = new IndexBuilder();
  const casesByPattern = new Map<string, string[]>();
  const casesByProduct = new Map<string, string[]>();
  const sortedCases = [...library.cases.values()].sort((a, b) => compareIds(a.id, b.id));
  for (const record of sortedCases) {
    for (const p of new Set(record.patterns.map((p) => p.pattern))) listIn(casesByPattern, p).push(record.id);
    for (const p of new Set(record.products)) listIn(casesByProduct, p).push(record.id);
  }

  for (const record of sortedCases) {
    const names = [record.customer.zh, record.customer.en, ...record.aliases, record.id];
    builder.add(
      {
        id: record.id,
        kind: 'case',
        title: record.customer,
        detail: record.title,
        caseIds: [record.id],
        fields: [
          field(WEIGHT.name, ...names),
          field(WEIGHT.title, ...localizedTexts(record.title)),
          field(
            WEIGHT.outcome,
            ...record.outcomes.flatMap((o) => [
              ...localizedTexts(o.metric),
              ...localizedTexts(o.value),
              ...(o.phrase ? localizedTexts(o.phrase) : []),
            ]),
          ),
          field(WEIGHT.evidence, ...record.patterns.flatMap((p) => localizedTexts(p.evidence))),
          // What the case uses, by name, so "oceanbase 理赔" finds the case that runs OceanBase and mentions claims.
          field(
            WEIGHT.evidence,
            ...record.products.flatMap((id) => {
              const product = library.products.get(id);
              return product ? [product.name, ...product.aliases] : [id];
            }),
            ...record.patterns.flatMap((p) => {
              const pattern = library.patterns.get(p.pattern);
              return pattern ? [...localizedTexts(pattern.name), ...pattern.aliases] : [p.pattern];
            }),
          ),
          field(
            WEIGHT.body,
            ...localizedTexts(record.challenge),
            ...localizedTexts(record.solution),
            // The source sentences are the case's own words too (issue 10).
            ...record.outcomes.map((o) => o.seedSentence),
            ...record.patterns.map((p) => p.seedSentence),
          ),
        ],
      },
      names,
    );
  }

  for (const pattern of [...library.patterns.values()].sort((a, b) => compareIds(a.id, b.id))) {
    const names = [pattern.name.zh, pattern.name.en, ...pattern.aliases, pattern.id];
    const caseIds = unique([...pattern.cases, ...(casesByPattern.get(pattern.id) ?? [])]).filter((id) => library.cases.has(id));
    builder.add(
      {
        id: pattern.id,
        kind: 'pattern',
        title: pattern.name,
        detail: pattern.summary,
        caseIds,
        fields: [
          field(WEIGHT.name, ...names),
          field(WEIGHT.summary, ...localizedTexts(pattern.summary)),
          field(WEIGHT.body, ...localizedTexts(pattern.whenToApply), ...localizedTexts(pattern.cost)),
        ],
      },
      names,
    );
  }

  for (const product of [...library.products.values()].sort((a, b) => compareIds(a.id, b.id))) {
    const names = [product.name, ...product.aliases, product.id];
    builder.add(
      {
        id: product.id,
        kind: 'product',
        title: { zh: product.name, en: product.name },
        detail: product.description,
        caseIds: casesByProduct.get(product.id) ?? [],
        fields: [field(WEIGHT.name, ...names), field(WEIGHT.summary, ...localizedTexts(product.description))],
      },
      names,
    );
  }
  return builder.build(library);
}

/** The list a map holds for a key, created empty on first use. */
function listIn<K, V>(map: Map<K, V[]>, key: K): V[] {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  return list;
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

const INDEXES = new WeakMap<CaseLibrary, SearchIndex>();

/** The index of a library, built on first use and kept while the library object lives. */
export function searchIndexFor(library: CaseLibrary): SearchIndex {
  let index = INDEXES.get(library);
  if (!index) INDEXES.set(library, (index = createSearchIndex(library)));
  return index;
}

/* ------------------------------------------------------------------------ */
/* Hits → cases                                                              */
/* ------------------------------------------------------------------------ */

const VIA: Record<Exclude<SearchKind, 'case'>, Localized> = {
  pattern: { zh: '模式', en: 'pattern' },
  product: { zh: '产品', en: 'product' },
};

/**
 * Ranks the cases the hits lead to. A pattern or product hit on its name or
 * alias lends its score, less one, to each of its cases, so a case matched directly wins a tie; among
 * equal scores, the case with the better second reason comes first, then by id.
 */
export function toCaseResults(hits: SearchHit[], library: CaseLibrary, locale: Locale, limit = DEFAULT_LIMIT): { results: SearchResult[] } {
  // Hits arrive best first, so the first hit to reach a case is its best and the second its runner-up.
  const byCase = new Map<string, { score: number; via: SearchHit; second: number }>();
  for (const hit of hits) {
    // A pattern or product leads to its cases by its name or alias only: words from its own
    // text (冷备 in a pattern's advice) say nothing about the cases that cite it (issue 10).
    if (hit.kind !== 'case' && hit.match === 'text') continue;
    const score = hit.kind === 'case' ? hit.score : round(hit.score - 1);
    for (const caseId of hit.caseIds) {
      if (!library.cases.has(caseId)) continue;
      const had = byCase.get(caseId);
      if (!had) byCase.set(caseId, { score, via: hit, second: 0 });
      else if (score > had.score) Object.assign(had, { score, via: hit, second: had.score });
      else had.second = Math.max(had.second, score);
    }
  }
  const ranked = [...byCase].sort(([idA, a], [idB, b]) => b.score - a.score || b.second - a.second || compareIds(idA, idB));
  const results = ranked.slice(0, Math.max(0, limit)).map(([caseId, { score, via }]): SearchResult => {
    const record = library.cases.get(caseId)!;
    const customer = pick(record.customer, locale);
    const title = pick(record.title, locale);
    const result: SearchResult = {
      id: caseId,
      // Most case titles already name the customer; say it once.
      title: title.includes(customer) ? title : locale === 'zh-CN' ? `${customer}：${title}` : `${customer}: ${title}`,
      score,
      kind: via.kind,
    };
    if (via.kind !== 'case') result.detail = `${pick(VIA[via.kind], locale)} ${via.title}`;
    return result;
  });
  return { results };
}
