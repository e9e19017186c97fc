/**
 * What a completion source is given (the place at the cursor, read once per
 * request and shared by the sources), the shape of a source, and the pieces
 * several sources build items with.
 */
import type { CompletionItem, CompletionList, MarkupContent, Position, Range } from 'vscode-languageserver-types';
import type { FeatureContext } from '../../featureContext';
import { isSubsequence, pick, t, type Locale } from '../../locale';
import type { ProposalModel } from '../../model';
import type { FieldInfo } from '../../schemaInfo';
import { cursorAt, type Cursor } from '../cursor';
import { colon } from '../labels';

export interface CompletionAt {
  model: ProposalModel;
  locale: Locale;
  position: Position;
  /** The text of the cursor's line. */
  lineText: string;
  /** The place read from the text (key, value, list item, comment); read on first use. */
  readonly cursor: Cursor;
}

/**
 * One kind of completion. The chain asks the sources in order:
 * - `answer`: the items for this place (the first source that answers wins), `null` for "nothing here" (the
 *   chain stops with no items), `undefined` to pass to the next source;
 * - `append`: items added after the answer of the source named by `extends` (snippets after the keys, a map
 *   form's keys after the list items), asked only when that source answered.
 */
export type CompletionSource =
  | { name: string; answer: (at: CompletionAt) => CompletionList | null | undefined }
  | { name: string; extends: string; append: (at: CompletionAt) => CompletionItem[] };

/** No items (shared: the chain never adds to an answer in place). */
export const EMPTY: CompletionList = { isIncomplete: false, items: [] };

export const doc = (value: string): MarkupContent => ({ kind: 'markdown', value });

/** The place at `position`, or undefined when the line is outside the document (no source is asked). */
export function completionAt(context: FeatureContext, position: Position): CompletionAt | undefined {
  const { model } = context.proposal;
  const index = model.tree.lineIndex;
  if (position.line < 0 || position.line >= index.lineCount) return undefined;
  let cursor: Cursor | undefined;
  return {
    model,
    locale: context.settings.locale,
    position,
    lineText: index.lineText(position.line),
    get cursor() {
      return (cursor ??= cursorAt(model, position));
    },
  };
}

/**
 * At most this many items per answer (clangd's default). `dependsOn` in a
 * 1,000-system proposal would otherwise send every system id, ~200 KB, on
 * each keystroke; past the limit the candidates are filtered by what is
 * typed, cut before any item is built, and the list is marked incomplete so
 * the editor asks again as the word changes.
 */
export const MAX_ITEMS = 100;

/** An item before its edit, order and filter text are known. */
export type Candidate = Omit<CompletionItem, 'textEdit' | 'sortText' | 'filterText'>;

export function limited(
  candidates: readonly Candidate[],
  prefix: string,
  toItem: (candidate: Candidate, index: number) => CompletionItem,
): CompletionList {
  if (candidates.length <= MAX_ITEMS) return { isIncomplete: false, items: candidates.map(toItem) };
  const typed = prefix.toLowerCase();
  const kept: Candidate[] = [];
  for (const candidate of candidates) {
    if (!isSubsequence(typed, candidate.label.toLowerCase())) continue;
    kept.push(candidate);
    if (kept.length === MAX_ITEMS) break;
  }
  // Incomplete even when everything matching fits: the list was cut to the typed word, and a shorter word (a backspace) must ask again.
  return { isIncomplete: true, items: kept.map(toItem) };
}

/** The word at the cursor, stretched to the cursor: what a value or list item replaces. */
export function valueRange(cursor: Cursor): Range {
  const { word, position } = cursor;
  return { start: word.range.start, end: { line: position.line, character: Math.max(word.range.end.character, position.character) } };
}

/** Candidates as items replacing `range` with `text(candidate)`, in the given order. */
export function replacing(range: Range, text: (label: string) => string = (label) => label) {
  return (c: Candidate, i: number): CompletionItem => ({
    ...c,
    textEdit: { range, newText: text(c.label) },
    sortText: String(i).padStart(4, '0'),
    filterText: c.label,
  });
}

export function firstSentence(text: string): string {
  const m = /^(.+?[。.!！?？])(\s|$)/.exec(text);
  return (m?.[1] ?? text).slice(0, 120);
}

export function fieldDocumentation(key: string, field: FieldInfo | undefined, locale: Locale): string {
  if (!field) return `\`${key}\``;
  const lines = [pick(field.doc, locale)];
  const values = field.enum ?? field.items?.enum;
  if (values && values.length > 0)
    lines.push('', `${t(locale, '取值', 'Values')}${colon(locale)}${values.map((v) => `\`${v}\``).join(' | ')}`);
  if (field.example !== undefined)
    lines.push(
      '',
      `${t(locale, '示例', 'Example')}${colon(locale)}\`${key}: ${typeof field.example === 'string' ? field.example : JSON.stringify(field.example)}\``,
    );
  return lines.join('\n');
}

/** A snippet choice `${n|a,b,c|}` of the values the schema allows at `path` (escaped as snippets require). */
export function choice(n: number, values: readonly string[]): string {
  return `\${${n}|${values.map(escapeChoice).join(',')}|}`;
}

const escapeChoice = (value: string) => value.replace(/[,|\\$}]/g, (c) => `\\${c}`);
