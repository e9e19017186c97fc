/**
 * Completion as an ordered list of sources (completion/*.ts), one per kind of
 * thing the cursor can be at: the file marker in an empty document, keys valid
 * at the cursor and snippets after them (a new system, a new site, whole
 * reference topologies), values of enum fields, site and system ids where ids
 * are referenced, cities already used in the file, list items and the keys of
 * their map form. Reads the cursor from text, so half-typed lines work.
 *
 * A new completion is a source in completion/ (with its unit test) placed in `COMPLETION_SOURCES`: an `answer`
 * before the sources it must win over, an `append` naming the answer it adds to (`extends`), after it.
 */
import type { CompletionItem, CompletionList, Position } from 'vscode-languageserver-types';
import type { FeatureContext } from '../featureContext';
import { completionAt, EMPTY, type CompletionSource } from './completion/at';
import { keyCompletion } from './completion/keys';
import { listItemCompletion, mapFormKeyCompletion } from './completion/listItems';
import { markerCompletion } from './completion/marker';
import { snippetCompletion } from './completion/snippets';
import {
  cityCompletion,
  enumValueCompletion,
  listValueCompletion,
  markerValueCompletion,
  referenceValueCompletion,
  unknownFieldCompletion,
} from './completion/values';

export { MAX_ITEMS } from './completion/at';

/** In a comment, nothing completes. */
const commentCompletion: CompletionSource = { name: 'comment', answer: ({ cursor }) => (cursor.place === 'comment' ? null : undefined) };

export const COMPLETION_SOURCES: readonly CompletionSource[] = [
  markerCompletion,
  commentCompletion,
  // key: …
  keyCompletion,
  snippetCompletion,
  // key: value
  markerValueCompletion,
  unknownFieldCompletion,
  listValueCompletion,
  cityCompletion,
  referenceValueCompletion,
  enumValueCompletion,
  // - item
  listItemCompletion,
  mapFormKeyCompletion,
];

export function doComplete(context: FeatureContext, position: Position): CompletionList {
  return withValidEdits(completionsAt(context, position), position);
}

function completionsAt(context: FeatureContext, position: Position): CompletionList {
  const at = completionAt(context, position);
  if (!at) return EMPTY;
  let answered: { by: string; list: CompletionList } | undefined;
  for (const source of COMPLETION_SOURCES) {
    if ('answer' in source) {
      if (answered) continue;
      const list = source.answer(at);
      if (list === null) return EMPTY;
      if (list) answered = { by: source.name, list };
    } else if (answered?.by === source.extends) {
      const more = source.append(at);
      if (more.length > 0) answered.list = { ...answered.list, items: [...answered.list.items, ...more] };
    }
  }
  return answered?.list ?? EMPTY;
}

/**
 * LSP requires an item's main edit to be one line and to contain the cursor; an item computed for a
 * neighbouring place (the key of the line while the cursor sits in its indentation, say) would be
 * rejected or misapplied by the client, so it is left out rather than stretched over the text between.
 */
function withValidEdits(list: CompletionList, position: Position): CompletionList {
  const valid = (item: CompletionItem) => {
    const edit = item.textEdit;
    if (!edit || !('range' in edit)) return true;
    const { start, end } = edit.range;
    return (
      start.line === position.line &&
      end.line === position.line &&
      start.character <= position.character &&
      position.character <= end.character
    );
  };
  return list.items.every(valid) ? list : { ...list, items: list.items.filter(valid) };
}
