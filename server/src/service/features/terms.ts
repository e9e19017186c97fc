/**
 * The dictionary of hoverable words: pattern names and aliases, customer
 * names and aliases, product names and aliases, case and pattern ids. Built
 * once per library object and looked up by position in a line, longest term
 * first, so that 两地三中心异地多活 finds 两地三中心 at its start and 异地多活
 * at its end.
 */
import type { CaseLibrary } from '../types';

export type TermKind = 'pattern' | 'case' | 'product';

export interface Term {
  kind: TermKind;
  /** The pattern, case or product id. */
  id: string;
  /** The written form that matched. */
  text: string;
  /** True for an id (`mybank`, `two-regions-three-dcs`): document links only link ids. */
  isId: boolean;
}

export interface TermMatch {
  term: Term;
  start: number;
  end: number;
}

export interface TermIndex {
  /** The longest term covering `character` (cursor inside it or right after it), or undefined. */
  at(line: string, character: number): TermMatch | undefined;
  /** Every non-overlapping term in a text, left to right, longest first at each start. */
  all(text: string): TermMatch[];
  readonly size: number;
}

const IS_ASCII_WORD = /^[\x21-\x7e ]+$/;
const WORD_CHAR = /[A-Za-z0-9_-]/;

/** Normalised form used as the dictionary key: ASCII is case-insensitive, spaces and hyphens are alike. */
function normalise(text: string): string {
  return text.toLowerCase();
}

/** Which spelling wins when two records share one: names, then aliases, then ids. */
const enum Rank {
  Name = 0,
  Alias = 1,
  Id = 2,
}

class Dictionary implements TermIndex {
  private readonly byText = new Map<string, Term>();
  private readonly ranks = new Map<string, Rank>();
  /** Distinct term lengths, longest first. */
  private lengths: number[] = [];

  add(term: Term, rank: Rank): void {
    const text = term.text.trim();
    if (text.length < 2) return;
    const key = normalise(text);
    // A name beats an alias beats an id (OceanBase is the product, not the distributed-database
    // pattern's alias); at equal rank the first writer wins, and patterns are added first.
    const existing = this.ranks.get(key);
    if (existing !== undefined && existing <= rank) return;
    this.byText.set(key, { ...term, text });
    this.ranks.set(key, rank);
  }

  seal(): this {
    this.lengths = [...new Set([...this.byText.keys()].map((k) => k.length))].sort((a, b) => b - a);
    return this;
  }

  get size(): number {
    return this.byText.size;
  }

  private matchAt(lower: string, original: string, start: number, length: number): Term | undefined {
    if (start < 0 || start + length > lower.length) return undefined;
    const term = this.byText.get(lower.slice(start, start + length));
    if (!term) return undefined;
    // ASCII terms must stand as whole words: `saga` in `sagas` or `mq` in `mqtt` is not a hit.
    if (IS_ASCII_WORD.test(term.text)) {
      const before = original[start - 1] ?? ' ';
      const after = original[start + length] ?? ' ';
      if (WORD_CHAR.test(before) || WORD_CHAR.test(after)) return undefined;
    }
    return term;
  }

  at(line: string, character: number): TermMatch | undefined {
    if (character < 0 || character > line.length) return undefined;
    const lower = normalise(line);
    for (const length of this.lengths) {
      // The cursor may sit anywhere inside the term or just after its last character.
      for (let start = Math.max(0, character - length); start <= character && start + length <= line.length; start++) {
        if (start + length < character) continue;
        const term = this.matchAt(lower, line, start, length);
        if (term) return { term, start, end: start + length };
      }
    }
    return undefined;
  }

  all(text: string): TermMatch[] {
    const lower = normalise(text);
    const out: TermMatch[] = [];
    for (let start = 0; start < text.length;) {
      let hit: TermMatch | undefined;
      for (const length of this.lengths) {
        const term = this.matchAt(lower, text, start, length);
        if (term) {
          hit = { term, start, end: start + length };
          break;
        }
      }
      if (hit) {
        out.push(hit);
        start = hit.end;
      } else start++;
    }
    return out;
  }
}

const cache = new WeakMap<CaseLibrary, TermIndex>();

/** The term dictionary of a library, built on first use and kept as long as the library object lives. */
export function termIndex(library: CaseLibrary): TermIndex {
  let index = cache.get(library);
  if (!index) {
    index = buildTermIndex(library);
    cache.set(library, index);
  }
  return index;
}

function buildTermIndex(library: CaseLibrary): TermIndex {
  const dictionary = new Dictionary();
  // Patterns first: 两地三中心 is a pattern even where a case title mentions it.
  const records: { kind: TermKind; id: string; names: string[]; aliases: string[] }[] = [
    ...[...library.patterns.values()].map((p) => ({
      kind: 'pattern' as const,
      id: p.id,
      names: [p.name.zh, p.name.en],
      aliases: p.aliases,
    })),
    ...[...library.cases.values()].map((c) => ({
      kind: 'case' as const,
      id: c.id,
      names: [c.customer.zh, c.customer.en],
      aliases: c.aliases,
    })),
    ...[...library.products.values()].map((p) => ({ kind: 'product' as const, id: p.id, names: [p.name], aliases: p.aliases })),
  ];
  for (const r of records) {
    for (const text of r.names) dictionary.add({ kind: r.kind, id: r.id, text, isId: false }, Rank.Name);
    for (const text of r.aliases) dictionary.add({ kind: r.kind, id: r.id, text, isId: false }, Rank.Alias);
    dictionary.add({ kind: r.kind, id: r.id, text: r.id, isId: true }, Rank.Id);
  }
  return dictionary.seal();
}
