/**
 * What a search answers (the public types, re-exported by index.ts), and the
 * record the index keeps per case, pattern and product.
 */
import type { SearchResult } from '../../../../shared/src/protocol';
import type { Locale, Localized } from '../locale';
import type { CaseLibrary } from '../types';

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

export interface TextField {
  weight: number;
  /** Normalised text, for Han substring checks. */
  text: string;
  /** Its words, single-spaced with a leading space, for phrase checks (filled in by the builder). */
  wordText: string;
}

/** A case, pattern or product as the index keeps it. */
export interface Entity {
  id: string;
  kind: SearchKind;
  title: Localized;
  detail: Localized;
  caseIds: string[];
  fields: TextField[];
}
