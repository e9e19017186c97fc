/**
 * Typed, located reading of one library file's YAML tree. Each reader method
 * returns what it could read and records a located, bilingual problem for
 * what it could not, so one bad field never hides the rest of the file.
 */
import type { Range } from 'vscode-languageserver-types';
import type { LineIndex } from '../lineIndex';
import type { Localized } from '../locale';
import type { LibraryProblem, Quantity, SourceLocation } from '../types';
import { entryOf, type YMap, type YNode } from '../yamlNodes';
import { messages, type Expected } from './messages';

/** Lowercase kebab-case: the shape of every case, pattern, product and outcome id. */
const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The longest text a library field may hold: names (a customer, an alias, a
 * title, a metric) are searched by prefix and shown in one line; prose
 * (challenge, solution, evidence) in a hover or the case page. Longer text is
 * reported where it is written and cut, so a case file cannot make search or
 * a hover slow (a 100,000-character customer name once cost 82 s).
 */
export const MAX_NAME_CHARS = 200;
export const MAX_TEXT_CHARS = 20_000;
const NAME_KEYS = new Set(['customer', 'aliases', 'title', 'name', 'zhName', 'metric', 'value', 'phrase', 'unit', 'kind', 'year']);
const limitOf = (key: string): number => (NAME_KEYS.has(key) ? MAX_NAME_CHARS : MAX_TEXT_CHARS);

/** A value with the node it was read from. */
export interface Read<T> {
  value: T;
  node: YNode;
}

export class FieldReader {
  readonly problems: LibraryProblem[] = [];

  constructor(
    readonly file: string,
    private readonly lines: LineIndex,
  ) {}

  report(range: Range, message: Localized): void {
    this.problems.push({ file: this.file, range, message });
  }

  at(node: YNode): SourceLocation {
    return { file: this.file, range: node.range };
  }

  /** Reports keys outside `allowed` (typos like `outcome:` would otherwise be silently dropped). */
  checkKeys(map: YMap, allowed: readonly string[]): void {
    for (const entry of map.entries) {
      if (!allowed.includes(entry.key)) this.report(entry.keyRange, messages.unknownField(entry.key, allowed));
    }
  }

  /** The entry's value, reporting a missing required one at the map's first line. */
  private value(map: YMap, key: string, required: boolean): YNode | undefined {
    const entry = entryOf(map, key);
    if (!entry || (entry.value.kind === 'scalar' && entry.value.value === null)) {
      if (required) this.report(entry?.keyRange ?? this.firstLine(map), messages.missingField(key));
      return undefined;
    }
    return entry.value;
  }

  /** The first line of a node: where "missing field" is reported for a multi-line map. */
  firstLine(node: YNode): Range {
    const { start, end } = node.range;
    if (end.line === start.line) return node.range;
    return { start, end: { line: start.line, character: this.lines.lineText(start.line).length } };
  }

  private wrong(node: YNode, key: string, expected: Expected): undefined {
    this.report(node.range, messages.wrongType(key, expected));
    return undefined;
  }

  map(map: YMap, key: string, required = false): YMap | undefined {
    const node = this.value(map, key, required);
    if (!node) return undefined;
    return node.kind === 'map' ? node : this.wrong(node, key, 'map');
  }

  list(map: YMap, key: string, required = false): YNode[] {
    const node = this.value(map, key, required);
    if (!node) return [];
    return node.kind === 'seq' ? node.items : (this.wrong(node, key, 'list') ?? []);
  }

  text(map: YMap, key: string, required = false): Read<string> | undefined {
    const node = this.value(map, key, required);
    if (!node) return undefined;
    const value = scalarText(node);
    return value !== undefined && value.trim() !== ''
      ? { value: this.capped(value.trim(), node, key), node }
      : this.wrong(node, key, 'text');
  }

  /** The text, or its first `limit` characters with a located problem (a surrogate pair is not split). */
  private capped(value: string, node: YNode, key: string): string {
    const limit = limitOf(key);
    if (value.length <= limit) return value;
    this.report(this.firstLine(node), messages.tooLong(key, value.length, limit));
    const end = /[\uD800-\uDBFF]/.test(value.charAt(limit - 1)) ? limit - 1 : limit;
    return value.slice(0, end);
  }

  id(map: YMap, key: string, required = false): Read<string> | undefined {
    const node = this.value(map, key, required);
    if (!node) return undefined;
    return this.idOf(node, key);
  }

  /** A scalar that must be a kebab-case id (list items of `products`, `cases`, …). */
  idOf(node: YNode, key: string): Read<string> | undefined {
    const value = scalarText(node);
    return value !== undefined && ID_PATTERN.test(value) ? { value, node } : this.wrong(node, key, 'id');
  }

  textList(map: YMap, key: string): Read<string>[] {
    const out: Read<string>[] = [];
    for (const item of this.list(map, key)) {
      const value = scalarText(item);
      if (value !== undefined && value.trim() !== '') out.push({ value: this.capped(value.trim(), item, key), node: item });
      else this.wrong(item, key, 'text');
    }
    return out;
  }

  idList(map: YMap, key: string): Read<string>[] {
    return this.list(map, key)
      .map((item) => this.idOf(item, key))
      .filter((r): r is Read<string> => r !== undefined);
  }

  number(map: YMap, key: string, expected: Expected = 'number'): Read<number> | undefined {
    const node = this.value(map, key, false);
    if (!node) return undefined;
    return node.kind === 'scalar' && typeof node.value === 'number' && !node.quoted && Number.isFinite(node.value)
      ? { value: node.value, node }
      : this.wrong(node, key, expected);
  }

  /**
   * `{ zh, en }`. A missing language is reported and filled from the other one,
   * so that the record still loads and the user sees text rather than a blank.
   */
  localized(map: YMap, key: string, required = true): Read<Localized> | undefined {
    const node = this.value(map, key, required);
    if (!node) return undefined;
    if (node.kind !== 'map') return this.wrong(node, key, 'localized');
    this.checkKeys(node, ['zh', 'en']);
    const zh = this.languageText(node, 'zh', key);
    const en = this.languageText(node, 'en', key);
    if (zh === undefined && en === undefined) {
      this.report(node.range, messages.wrongType(key, 'localized'));
      return undefined;
    }
    if (zh === undefined) this.report(node.range, messages.missingLanguage(key, 'zh'));
    if (en === undefined) this.report(node.range, messages.missingLanguage(key, 'en'));
    return { value: { zh: zh ?? en!, en: en ?? zh! }, node };
  }

  private languageText(map: YMap, language: 'zh' | 'en', key: string): string | undefined {
    const node = entryOf(map, language)?.value;
    const value = node ? scalarText(node) : undefined;
    return node && value !== undefined && value.trim() !== '' ? this.capped(value.trim(), node, key) : undefined;
  }

  quantity(map: YMap, key: string): Quantity | undefined {
    const node = this.value(map, key, false);
    if (!node) return undefined;
    if (node.kind !== 'map') return this.wrong(node, key, 'quantity');
    this.checkKeys(node, ['amount', 'unit']);
    const amount = this.number(node, 'amount');
    const unit = this.text(node, 'unit', true);
    if (!amount || !unit) return undefined;
    return { amount: amount.value, unit: unit.value };
  }
}

/** A scalar's text: strings as written, numbers as their digits (a `year: 2017` is also text). */
function scalarText(node: YNode): string | undefined {
  if (node.kind !== 'scalar') return undefined;
  const scalar = node;
  if (typeof scalar.value === 'string') return scalar.value;
  if (typeof scalar.value === 'number') return String(scalar.value);
  return undefined;
}
