/**
 * Values after `key: `, in the order they are tried: the marker's version, a
 * list field on its key line (`sites: |` → `[cd-1]`), a city already used in
 * the file, site or system ids where ids are referenced, the schema's values.
 */
import { CompletionItemKind, type CompletionItem, type Range } from 'vscode-languageserver-types';
import { t } from '../../locale';
import type { ProposalModel } from '../../model';
import { describeField, type FieldInfo } from '../../schemaInfo';
import type { JsonPath } from '../../yamlNodes';
import type { Cursor } from '../cursor';
import { limited, replacing, valueRange, type CompletionAt, type CompletionSource } from './at';
import { enumCandidates, idCandidates } from './candidates';

/** The value being typed: its key's path and the schema's field (undefined: a key the schema does not know). */
function valueField(cursor: Cursor): { path: JsonPath; key: string; field: FieldInfo | undefined } | undefined {
  const { mapPath, key } = cursor;
  if (cursor.place !== 'value' || !mapPath || !key) return undefined;
  const path = [...mapPath, key];
  return { path, key, field: describeField(path) };
}

/** `casebook: |` → `proposal/v1`. */
export const markerValueCompletion: CompletionSource = {
  name: 'marker value',
  answer: ({ cursor, locale }) => {
    if (cursor.place !== 'value') return undefined;
    const value = valueField(cursor);
    if (!value) return null;
    if (value.path.length !== 1 || value.key !== 'casebook') return undefined;
    const item: CompletionItem = {
      label: 'proposal/v1',
      kind: CompletionItemKind.Constant,
      detail: t(locale, '格式版本', 'Format version'),
      textEdit: { range: valueRange(cursor), newText: 'proposal/v1' },
      sortText: '0',
    };
    return { isIncomplete: false, items: [item] };
  },
};

/** A key the schema does not know has no values to offer, nor does any later source. */
export const unknownFieldCompletion: CompletionSource = {
  name: 'unknown field',
  answer: ({ cursor }) => (cursor.place === 'value' && !valueField(cursor)?.field ? null : undefined),
};

/** A list field completed on its key line: `sites: |` → `[cd-1]`, `zones: |` → `[dmz]`. */
export const listValueCompletion: CompletionSource = {
  name: 'list value',
  answer: ({ model, cursor, locale }) => {
    const value = valueField(cursor);
    if (!value?.field || value.field.types[0] !== 'array') return undefined;
    const { field, path } = value;
    const candidates = idCandidates(model, field.items, path, []) ?? enumCandidates(field.items, locale);
    return limited(
      candidates,
      cursor.prefix,
      replacing(valueRange(cursor), (label) => `[${label}]`),
    );
  },
};

/** `city: |`: the cities the file's other sites are in, with how many. */
export const cityCompletion: CompletionSource = {
  name: 'city',
  answer: ({ model, cursor, locale }) => {
    if (valueField(cursor)?.key !== 'city') return undefined;
    return { isIncomplete: false, items: cityItems(model, cursor, valueRange(cursor), locale) };
  },
};

function cityItems(model: ProposalModel, cursor: Cursor, range: Range, locale: CompletionAt['locale']): CompletionItem[] {
  const counts = new Map<string, number>();
  for (const site of model.sites) {
    if (!site.city || site.city.range.start.line === cursor.position.line) continue;
    counts.set(site.city.value, (counts.get(site.city.value) ?? 0) + 1);
  }
  return [...counts].map(([city, n], i) => ({
    label: city,
    kind: CompletionItemKind.Value,
    detail: t(locale, `本文件已有 ${n} 个站点在此城市`, `${n} site${n === 1 ? '' : 's'} in this file already here`),
    textEdit: { range, newText: city },
    sortText: String(i).padStart(4, '0'),
    filterText: city,
  }));
}

/** A reference: the declared site or system ids (a system never depends on itself). */
export const referenceValueCompletion: CompletionSource = {
  name: 'reference value',
  answer: ({ model, cursor }) => {
    const value = valueField(cursor);
    const candidates = value ? idCandidates(model, value.field, value.path, []) : undefined;
    return candidates ? limited(candidates, cursor.prefix, replacing(valueRange(cursor))) : undefined;
  },
};

/** The schema's values of the field (none for free text). */
export const enumValueCompletion: CompletionSource = {
  name: 'enum value',
  answer: ({ cursor, locale }) => {
    const value = valueField(cursor);
    if (!value) return undefined;
    return limited(enumCandidates(value.field, locale, value.key), cursor.prefix, replacing(valueRange(cursor)));
  },
};
