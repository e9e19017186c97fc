/**
 * Keys valid at the cursor, from the schema, leaving out the ones the mapping
 * already has; on a line without a colon yet, a key expands to a snippet
 * (a choice of its values, a nested block, a list).
 */
import { CompletionItemKind, InsertTextFormat, InsertTextMode, type CompletionItem, type Range } from 'vscode-languageserver-types';
import { pick } from '../../locale';
import type { ProposalModel } from '../../model';
import { describeField, keysAt, type FieldInfo } from '../../schemaInfo';
import type { JsonPath } from '../../yamlNodes';
import { lineShape, type Cursor } from '../cursor';
import { choice, doc, fieldDocumentation, firstSentence, type CompletionSource } from './at';

/** Where a key is being typed: its mapping, the column its text starts at, whether it has its colon, and the range it replaces. */
export interface KeyPlace {
  mapPath: JsonPath;
  column: number;
  hasColon: boolean;
  range: Range;
}

export function keyPlace(cursor: Cursor): KeyPlace | undefined {
  const { mapPath, shape, position } = cursor;
  if (cursor.place !== 'key' || !mapPath) return undefined;
  // Where the key text starts on this line: after the dashes, or at the cursor on a blank line.
  const column = shape.blank ? position.character : shape.contentColumn;
  const range: Range = shape.key
    ? { start: { line: position.line, character: shape.key.start }, end: { line: position.line, character: shape.key.end } }
    : {
        start: { line: position.line, character: Math.min(column, position.character) },
        end: { line: position.line, character: Math.max(position.character, cursor.word.range.end.character) },
      };
  return { mapPath, column, hasColon: !!shape.key, range };
}

export const keyCompletion: CompletionSource = {
  name: 'keys',
  answer: ({ model, cursor, locale }) => {
    if (cursor.place !== 'key') return undefined;
    const place = keyPlace(cursor);
    if (!place) return null;
    const { mapPath, column, hasColon, range } = place;
    const items: CompletionItem[] = [];
    const present = siblingKeys(model, cursor.position.line, column);
    // A map keyed by the system's sites (siteRoles): its keys are the sites the system runs in.
    if (describeField(mapPath)?.kind === 'site-map')
      return { isIncomplete: false, items: siteKeys(model, mapPath, present, hasColon, range) };
    keysAt(mapPath).forEach((key, order) => {
      if (present.has(key.key) && key.key !== cursor.key) return;
      const field = describeField([...mapPath, key.key]);
      const insert = hasColon ? { text: key.key, snippet: false } : keyInsertText(key.key, field, column);
      items.push({
        label: key.key,
        kind: field?.types[0] === 'object' || field?.types[0] === 'array' ? CompletionItemKind.Module : CompletionItemKind.Property,
        detail: firstSentence(pick(key.doc, locale)),
        documentation: doc(fieldDocumentation(key.key, field, locale)),
        textEdit: { range, newText: insert.text },
        ...(insert.snippet ? { insertTextFormat: InsertTextFormat.Snippet, insertTextMode: InsertTextMode.asIs } : {}),
        sortText: `${key.required ? '0' : '1'}${String(order).padStart(3, '0')}`,
        filterText: key.key,
      });
    });
    return { isIncomplete: false, items };
  },
};

function siteKeys(model: ProposalModel, mapPath: JsonPath, present: Set<string>, hasColon: boolean, range: Range): CompletionItem[] {
  const system = typeof mapPath[1] === 'number' ? model.systems.find((s) => s.index === mapPath[1]) : undefined;
  return (system?.sites?.value ?? [])
    .filter((site) => !present.has(site.value))
    .map((site, order) => {
      const known = model.siteById.get(site.value);
      return {
        label: site.value,
        kind: CompletionItemKind.Reference,
        detail: [known?.city?.value, known?.role?.value].filter(Boolean).join(' · '),
        textEdit: { range, newText: hasColon ? site.value : `${site.value}: ` },
        sortText: String(order).padStart(3, '0'),
        filterText: site.value,
      };
    });
}

/** Keys already written in the mapping that holds a key at `column` around `line` (from text: the tree may be broken mid-edit). */
function siblingKeys(model: ProposalModel, line: number, column: number): Set<string> {
  const index = model.tree.lineIndex;
  const keys = new Set<string>();
  const own = lineShape(index.lineText(line));
  // On an item's first line (`  - |`) the keys above belong to the previous item.
  const startsItem = own.dashes.length > 0 && own.contentColumn === column;
  for (let i = startsItem ? -1 : line - 1; i >= 0; i--) {
    const s = lineShape(index.lineText(i));
    if (s.blank || s.indent > column) continue;
    if (s.key && s.key.start === column) keys.add(s.key.text);
    if (s.dashes.length > 0 && s.contentColumn === column) break; // the item's first line
    if (s.indent < column || !s.key || s.key.start !== column) break;
  }
  for (let i = line + 1; i < index.lineCount; i++) {
    const s = lineShape(index.lineText(i));
    if (s.blank || (s.indent > column && s.dashes.length === 0)) continue;
    if (s.indent > column) continue;
    if (s.indent < column || s.dashes.length > 0) break;
    if (s.key) keys.add(s.key.text);
  }
  return keys;
}

/** The snippet body a key expands to, written for content at `column`. */
function keyInsertText(key: string, field: FieldInfo | undefined, column: number): { text: string; snippet: boolean } {
  const pad = ' '.repeat(column);
  if (!field) return { text: `${key}: `, snippet: false };
  const values = field.enum;
  if (values && values.length > 0 && !field.openEnum && field.types[0] !== 'array')
    return { text: `${key}: ${choice(1, values)}`, snippet: true };
  if (field.types[0] === 'object') return { text: `${key}:\n${pad}  $0`, snippet: true };
  if (field.types[0] === 'array') {
    if (field.items?.types[0] === 'object') return { text: `${key}:\n${pad}  - $0`, snippet: true };
    return { text: `${key}: [$0]`, snippet: true };
  }
  return { text: `${key}: `, snippet: false };
}
