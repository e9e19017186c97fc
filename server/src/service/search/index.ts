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
 *
 * The parts: normalize.ts (text normalisation), names.ts (name forms: pinyin,
 * initials, their one-keystroke neighbours), postings.ts (the inverted index
 * and the text match), ranking.ts (scores, the best `limit`, hits → cases);
 * this module builds the index from a library and answers the public API.
 */
import type { SearchResult } from '../../../../shared/src/protocol';
import { pick, type Localized } from '../locale';
import type { CaseLibrary } from '../types';
import { forEachInitialsNeighbour, FormKind, nameForms, type Form } from './names';
import { compact, lowerBound, MAX_QUERY_LENGTH, normalize } from './normalize';
import { PostingsBuilder, TextMatcher } from './postings';
import { compareIds, DEFAULT_LIMIT, formScore, FUZZY_INITIALS_SCORE, Ranking, toCaseResults, WEIGHT } from './ranking';
import type { Entity, SearchHit, SearchIndex, SearchOptions, TextField } from './types';

export type { MatchTier, SearchHit, SearchIndex, SearchKind, SearchOptions } from './types';
export { MAX_QUERY_LENGTH } from './normalize';
export { toCaseResults } from './ranking';

/* ------------------------------------------------------------------------ */
/* The index                                                                 */
/* ------------------------------------------------------------------------ */

/** Collects entities, their name forms and their text postings. */
class IndexBuilder {
  readonly entities: Entity[] = [];
  private readonly forms: Form[] = [];
  private readonly postings = new PostingsBuilder();

  add(entity: Entity, names: string[]): void {
    const index = this.entities.length;
    this.entities.push(entity);
    this.postings.add(index, entity.fields);
    this.forms.push(...nameForms(index, names));
  }

  build(library: CaseLibrary): SearchIndex {
    // Plain code-unit order, the order `startsWith` agrees with.
    this.forms.sort((a, b) => (a.form < b.form ? -1 : a.form > b.form ? 1 : a.entity - b.entity));
    return new LibrarySearchIndex(library, this.entities, this.forms, new TextMatcher(this.postings.build(), this.entities));
  }
}

class LibrarySearchIndex implements SearchIndex {
  private readonly formText: string[];
  private readonly formEntity: Int32Array;
  private readonly formKind: Uint8Array;
  /** Initials forms → entities, for the one-keystroke-off lookups. */
  private readonly initials = new Map<string, number[]>();
  private readonly ranking: Ranking;

  constructor(
    readonly library: CaseLibrary,
    private readonly entities: Entity[],
    forms: Form[],
    private readonly text: TextMatcher,
  ) {
    this.formText = forms.map((f) => f.form);
    this.formEntity = new Int32Array(forms.map((f) => f.entity));
    this.formKind = new Uint8Array(forms.map((f) => f.kind));
    for (const f of forms) if (f.kind === FormKind.Initials) listIn(this.initials, f.form).push(f.entity);
    this.ranking = new Ranking(entities);
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

    const ranking = this.ranking;
    ranking.begin();
    this.matchForms(q);
    this.matchFuzzyInitials(q);
    this.text.match(normalized, (entity, score) => ranking.offer(entity, score, 'text'));

    return ranking.top(limit).map((entityIndex) => {
      const entity = this.entities[entityIndex]!;
      return {
        id: entity.id,
        kind: entity.kind,
        title: pick(entity.title, locale),
        detail: pick(entity.detail, locale),
        score: ranking.scoreOf(entityIndex),
        match: ranking.matchOf(entityIndex),
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

  /** Exact and prefix matches of the whole (compacted) query against every name form. */
  private matchForms(q: string): void {
    const forms = this.formText;
    for (let i = lowerBound(forms, q); i < forms.length; i++) {
      const form = forms[i]!;
      if (!form.startsWith(q)) break;
      const { score, match } = formScore(this.formKind[i] as FormKind, q, form);
      this.ranking.offer(this.formEntity[i]!, score, match);
    }
  }

  /**
   * Initials with one letter extra, missing, wrong or two letters swapped.
   * Looks up each neighbour of the query (about 50 per letter) in a map, so
   * it costs the same at any library size.
   */
  private matchFuzzyInitials(q: string): void {
    forEachInitialsNeighbour(q, (form) => {
      for (const entity of this.initials.get(form) ?? []) this.ranking.offer(entity, FUZZY_INITIALS_SCORE, 'initials');
    });
  }
}

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
