/**
 * What a hover source is given: the place under the pointer, read once per
 * request and shared by the sources (each piece computed on first use), and
 * the shape of a source.
 */
import type { Hover, MarkupContent, Position, Range } from 'vscode-languageserver-types';
import type { FeatureContext } from '../../featureContext';
import type { Locale } from '../../locale';
import type { ProposalModel } from '../../model';
import type { CaseLibrary } from '../../types';
import type { JsonPath } from '../../yamlNodes';
import { cursorAt, type Cursor } from '../cursor';
import { nodeAt, type NodeHit } from '../indexes';

export interface HoverAt {
  model: ProposalModel;
  library: CaseLibrary;
  locale: Locale;
  position: Position;
  /** The text of the pointer's line. */
  lineText: string;
  /** The place read from the text (key, value, list item, comment). */
  readonly cursor: Cursor;
  /** The parsed node under the pointer, if any. */
  readonly hit: NodeHit | undefined;
  /** On a key: its JSON path and the range the key covers; undefined elsewhere. */
  readonly key: { path: JsonPath; range: Range | undefined } | undefined;
}

/**
 * One kind of thing under the pointer. The chain asks the sources in order: a Hover answers, `null` answers
 * "nothing here" and stops the chain (the pointer is over something no later source may explain), `undefined`
 * passes to the next source.
 */
export type HoverSource = (at: HoverAt) => Hover | null | undefined;

export function markdown(value: string, range?: Range): Hover {
  const contents: MarkupContent = { kind: 'markdown', value };
  return range ? { contents, range } : { contents };
}

export const lineRange = (line: number, start: number, end: number): Range => ({
  start: { line, character: start },
  end: { line, character: end },
});

/** The place at `position`, or undefined when the position is outside the document (no source is asked). */
export function hoverAt(context: FeatureContext, position: Position): HoverAt | undefined {
  const { model } = context.proposal;
  const index = model.tree.lineIndex;
  if (position.line < 0 || position.line >= index.lineCount) return undefined;
  const lineText = index.lineText(position.line);
  if (position.character < 0 || position.character > lineText.length) return undefined;
  let cursor: Cursor | undefined;
  let hit: { node: NodeHit | undefined } | undefined;
  let key: { value: HoverAt['key'] } | undefined;
  const at: HoverAt = {
    model,
    library: context.library,
    locale: context.settings.locale,
    position,
    lineText,
    get cursor() {
      return (cursor ??= cursorAt(model, position));
    },
    get hit() {
      return (hit ??= { node: nodeAt(model.tree.root, position) }).node;
    },
    get key() {
      return (key ??= { value: keyAt(at) }).value;
    },
  };
  return at;
}

function keyAt(at: HoverAt): HoverAt['key'] {
  const { cursor, hit, position } = at;
  if (cursor.place !== 'key') return undefined;
  const path = hit?.keyOf ? hit.keyOf.entry.value.path : cursor.mapPath && cursor.key ? [...cursor.mapPath, cursor.key] : undefined;
  if (!path) return undefined;
  const range =
    hit?.keyOf?.entry.keyRange ?? (cursor.shape.key ? lineRange(position.line, cursor.shape.key.start, cursor.shape.key.end) : undefined);
  return { path, range };
}
