/**
 * The inverted index over all text: Latin words, and Han unigrams and bigrams,
 * each posting carrying the weight of the best field the key occurs in; and
 * the text match of a query against it (every token must occur; postings
 * intersected shortest first).
 */
import { codePoints, lowerBound, tokenize } from './normalize';
import type { Entity, TextField } from './types';

export interface Postings {
  wordIds: Map<string, number>;
  hanIds: Map<number, number>;
  ids: Int32Array[];
  weights: Uint8Array[];
  /** Distinct indexed words, sorted, and their key ids: prefix lookups by binary search. */
  words: string[];
  wordKeys: Int32Array;
}

/** A bigram as one number. Exact in a double (< 2^41), and never a code point, so unigrams share the map. */
const hanKey = (first: number, second: number) => first * 0x110000 + second;

/**
 * Collects the text postings. A posting is the list of entities containing a
 * key (a word, or a Han unigram/bigram), ascending, each with the weight of
 * the best field the key occurs in.
 */
export class PostingsBuilder {
  private readonly wordIds = new Map<string, number>();
  /** Han unigrams and bigrams as numbers (see hanKey): no key strings to build for most of the text. */
  private readonly hanIds = new Map<number, number>();
  private readonly postingIds: number[][] = [];
  private readonly postingWeights: number[][] = [];
  /** Per key, the last entity noted, so a key repeated in one entity updates its weight instead of appending. */
  private readonly lastEntity: number[] = [];

  /** Notes the keys of an entity's fields; entities come in ascending order. Fills in each field's `wordText`. */
  add(index: number, fields: TextField[]): void {
    for (const field of fields) {
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

  build(): Postings {
    const words = [...this.wordIds].map(([word, key]) => ({ word, key }));
    words.sort((a, b) => (a.word < b.word ? -1 : a.word > b.word ? 1 : 0));
    return {
      wordIds: this.wordIds,
      hanIds: this.hanIds,
      ids: this.postingIds.map((ids) => new Int32Array(ids)),
      weights: this.postingWeights.map((w) => new Uint8Array(w)),
      words: words.map((w) => w.word),
      wordKeys: new Int32Array(words.map((w) => w.key)),
    };
  }
}

/** Entities must appear in one of these keys' postings; `weighted` ones add their weight to the text score. */
interface Constraint {
  keys: number[];
  weighted: boolean;
  cost: number;
}

/** A query token checked against the fields of the entities that passed every constraint. */
type Verification = { han: string } | { phrase: string };

/** The text match over one index's postings, with per-entity scratch space reused by every query. */
export class TextMatcher {
  /* Per-entity scratch space, reused by every query (stamped, never cleared). */
  private readonly stamp: Int32Array;
  private readonly textSum: Float64Array;
  private readonly constraintWeight: Float64Array;
  private generation = 0;

  constructor(
    private readonly postings: Postings,
    private readonly entities: Entity[],
  ) {
    const n = entities.length;
    this.stamp = new Int32Array(n);
    this.textSum = new Float64Array(n);
    this.constraintWeight = new Float64Array(n);
  }

  /**
   * Every token of the query — a Han run, or a Latin phrase whose last word
   * may be a prefix — must occur in the entity's text; the score is the mean
   * weight of the best field each token occurs in. Postings are intersected
   * shortest first with generation stamps (no sets, no clearing).
   */
  match(normalized: string, found: (entity: number, score: number) => void): void {
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
      if (ok) found(e, sum / tokens);
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

function bestField(entity: Entity, test: (field: TextField) => boolean): number {
  let best = 0;
  for (const field of entity.fields) if (field.weight > best && test(field)) best = field.weight;
  return best;
}
