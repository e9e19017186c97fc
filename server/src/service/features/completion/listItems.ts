/**
 * List items (`- |`, `[a, |]`): the ids or values not written yet; and where
 * an item may also be a map (`dependsOn`: `- core` or `- id: core`), the keys
 * that start the map form after them.
 */
import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver-types';
import { pick } from '../../locale';
import { describeField, keysAt } from '../../schemaInfo';
import { nodeAtPath } from '../../yamlNodes';
import type { Cursor } from '../cursor';
import type { ProposalModel } from '../../model';
import { doc, fieldDocumentation, firstSentence, limited, replacing, valueRange, type CompletionSource } from './at';
import { enumCandidates, idCandidates } from './candidates';

/** The items already written in the list, but the one under the cursor. */
function writtenItems(model: ProposalModel, cursor: Cursor, listPath: (string | number)[]): Set<string> {
  const written = new Set(cursor.written);
  if (!cursor.flow) {
    // A block list: the items already written are in the tree (or on sibling dash lines).
    const node = nodeAtPath(model.tree.root, listPath);
    if (node?.kind === 'seq')
      for (const item of node.items)
        if (item.kind === 'scalar' && item.range.start.line !== cursor.position.line) written.add(String(item.value));
  }
  written.delete(cursor.word.text);
  return written;
}

export const listItemCompletion: CompletionSource = {
  name: 'list item',
  answer: ({ model, cursor, locale }) => {
    if (cursor.place !== 'item') return undefined;
    const { listPath } = cursor;
    if (!listPath) return null;
    const field = describeField(listPath);
    const itemField = field?.items;
    const written = writtenItems(model, cursor, listPath);
    const candidates =
      idCandidates(model, itemField ?? field, [...listPath, 0], [...written]) ??
      enumCandidates(itemField, locale).filter((c) => !written.has(c.label));
    return limited(candidates, cursor.prefix, replacing(valueRange(cursor)));
  },
};

/** After the ids of a block list whose items may be maps: the required keys of the map form (`id:`). */
export const mapFormKeyCompletion: CompletionSource = {
  name: 'map-form keys',
  extends: 'list item',
  append: ({ cursor, locale }) => {
    const { listPath } = cursor;
    if (cursor.place !== 'item' || !listPath || cursor.flow || cursor.shape.dashes.length === 0) return [];
    if (!describeField(listPath)?.items?.types.includes('object')) return [];
    const mapPath = [...listPath, 0];
    const range = valueRange(cursor);
    return keysAt(mapPath)
      .filter((key) => key.required)
      .map((key, order): CompletionItem => ({
        label: `${key.key}:`,
        kind: CompletionItemKind.Property,
        detail: firstSentence(pick(key.doc, locale)),
        documentation: doc(fieldDocumentation(key.key, describeField([...mapPath, key.key]), locale)),
        textEdit: { range, newText: `${key.key}: ` },
        sortText: `z${String(order).padStart(3, '0')}`,
        filterText: key.key,
      }));
  },
};
