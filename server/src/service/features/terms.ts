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

class Dictionary implements TermIndex {
  private readonly byText = new Map<string, Term>();
  /** Distinct term lengths, longest first. */
  private lengths: number[] = [];

  add(term: Term): void {
    const text = term.text.trim();
    if (text.length < 2) return;
    const key = normalise(text);
    const existing = this.byText.get(key);
    // The first writer wins (patterns are added first), except that a name beats an id spelt the same.
    if (existing && !(existing.isId && !term.isId)) return;
    this.byText.set(key, { ...term, text });
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
      const before = start > 0 ? original[start - 1]! : ' ';
      const after = start + length < original.length ? original[start + length]! : ' ';
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
    for (let start = 0; start < text.length; ) {
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

export function buildTermIndex(library: CaseLibrary): TermIndex {
  const dictionary = new Dictionary();
  // Patterns first: 两地三中心 is a pattern even where a case title mentions it.
  for (const pattern of library.patterns.values()) {
    for (const text of [pattern.name.zh, pattern.name.en, ...pattern.aliases]) dictionary.add({ kind: 'pattern', id: pattern.id, text, isId: false });
  }
  for (const record of library.cases.values()) {
    for (const text of [record.customer.zh, record.customer.en, ...record.aliases]) dictionary.add({ kind: 'case', id: record.id, text, isId: false });
  }
  for (const product of library.products.values()) {
    for (const text of [product.name, ...product.aliases]) dictionary.add({ kind: 'product', id: product.id, text, isId: false });
  }
  for (const pattern of library.patterns.values()) dictionary.add({ kind: 'pattern', id: pattern.id, text: pattern.id, isId: true });
  for (const record of library.cases.values()) dictionary.add({ kind: 'case', id: record.id, text: record.id, isId: true });
  for (const product of library.products.values()) dictionary.add({ kind: 'product', id: product.id, text: product.id, isId: true });
  return dictionary.seal();
}
