/**
 * Ranking. Scores: exact name/alias > prefix > initials > substring in text.
 * Each entity keeps its best score per query; the best `limit` come out of a
 * bounded heap, ties by id. Hits then rank the cases they lead to.
 */
import type { SearchResult } from '../../../../shared/src/protocol';
import { pick, type Locale, type Localized } from '../locale';
import type { CaseLibrary } from '../types';
import { FormKind } from './names';
import type { Entity, MatchTier, SearchHit, SearchKind } from './types';

export const DEFAULT_LIMIT = 20;

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
export const FUZZY_INITIALS_SCORE = 55;

/** Text weights, all below the initials tier. A name field matched inside (农信 in 浙江农信) ranks highest. */
export const WEIGHT = { name: 50, title: 36, outcome: 32, summary: 32, evidence: 28, body: 26 } as const;

const KIND_ORDER: Record<SearchKind, number> = { case: 0, pattern: 1, product: 2 };

const MATCH_TIERS: readonly MatchTier[] = ['exact', 'prefix', 'initials', 'text'];

/** The score and tier of a name form that starts with the (compacted) query `q`. */
export function formScore(kind: FormKind, q: string, form: string): { score: number; match: MatchTier } {
  const [exact, prefix] = FORM_SCORES[kind];
  const isInitials = kind === FormKind.Initials;
  const isExact = form.length === q.length;
  const score = isExact ? exact : prefix + (q.length / form.length) * (isInitials ? INITIALS_PREFIX_SPAN : PREFIX_SPAN);
  return { score, match: isInitials ? 'initials' : isExact && kind === FormKind.Name ? 'exact' : 'prefix' };
}

export const round = (score: number) => Math.round(score * 100) / 100;
export const compareIds = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The best score of each entity in the current query, and the best `limit` of them. */
export class Ranking {
  /* Per-entity scratch space, reused by every query (stamped, never cleared). */
  private readonly best: Float64Array;
  private readonly bestMatch: Uint8Array;
  private readonly bestQuery: Int32Array;
  /** Each entity's place in (id, kind) order: ties between equal scores compare one integer. */
  private readonly tieRank: Int32Array;
  private queryNumber = 0;
  /** The entities offered a score in this query, each once. */
  touched: number[] = [];

  constructor(entities: Entity[]) {
    const n = entities.length;
    this.best = new Float64Array(n);
    this.bestMatch = new Uint8Array(n);
    this.bestQuery = new Int32Array(n);
    this.tieRank = new Int32Array(n);
    const order = entities.map((_, i) => i);
    order.sort((a, b) => compareIds(entities[a]!.id, entities[b]!.id) || KIND_ORDER[entities[a]!.kind] - KIND_ORDER[entities[b]!.kind]);
    order.forEach((entity, rank) => (this.tieRank[entity] = rank));
  }

  /** Starts a query: every entity's best score is forgotten (by stamp). */
  begin(): void {
    if (++this.queryNumber >= 0x3fffffff) {
      this.bestQuery.fill(0);
      this.queryNumber = 1;
    }
    this.touched = [];
  }

  offer(entity: number, rawScore: number, match: MatchTier): void {
    // Rounded once here, so ranking compares exactly the scores callers see.
    const score = round(rawScore);
    if (this.bestQuery[entity] !== this.queryNumber) {
      this.bestQuery[entity] = this.queryNumber;
      this.best[entity] = score;
      this.bestMatch[entity] = MATCH_TIERS.indexOf(match);
      this.touched.push(entity);
    } else if (score > this.best[entity]!) {
      this.best[entity] = score;
      this.bestMatch[entity] = MATCH_TIERS.indexOf(match);
    }
  }

  scoreOf(entity: number): number {
    return this.best[entity]!;
  }

  matchOf(entity: number): MatchTier {
    return MATCH_TIERS[this.bestMatch[entity]!]!;
  }

  /** The `limit` best of the touched entities: a bounded heap, so a query matching everything still costs O(n log limit). */
  top(limit: number): number[] {
    const { best, tieRank, touched } = this;
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
