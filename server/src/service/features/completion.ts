/**
 * Completion: keys valid at the cursor, values of enum fields, site and
 * system ids where ids are referenced, cities already used in the file, and
 * snippets (a new system, a new site, whole reference topologies, the file
 * marker). Reads the cursor from text, so half-typed lines work.
 */
import {
  CompletionItemKind,
  InsertTextFormat,
  InsertTextMode,
  type CompletionItem,
  type CompletionList,
  type MarkupContent,
  type Position,
  type Range,
} from 'vscode-languageserver-types';
import type { FeatureContext } from '../featureContext';
import { isSubsequence, t, pick, type Locale, type Localized } from '../locale';
import { type ProposalModel } from '../model';
import { describeField, keysAt, type FieldInfo } from '../schemaInfo';
import { nodeAtPath, type JsonPath } from '../yamlNodes';
import { cursorAt, lineShape, type Cursor } from './cursor';
import { memo } from './indexes';
import { colon, ROLE_LABELS, TIER_LABELS } from './labels';
import { tierRequirement } from './tiers';

const doc = (value: string): MarkupContent => ({ kind: 'markdown', value });
const EMPTY: CompletionList = { isIncomplete: false, items: [] };

const MARKER = 'casebook: proposal/v1';

export function doComplete(context: FeatureContext, position: Position): CompletionList {
  return withValidEdits(completionsAt(context, position), position);
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

function completionsAt(context: FeatureContext, position: Position): CompletionList {
  const { model } = context.proposal;
  const locale = context.settings.locale;
  const index = model.tree.lineIndex;
  if (position.line < 0 || position.line >= index.lineCount) return EMPTY;
  if (isEmptyDocument(model)) return { isIncomplete: false, items: markerItems(position, index.lineText(position.line), locale) };

  const cursor = cursorAt(model, position);
  switch (cursor.place) {
    case 'comment':
      return EMPTY;
    case 'key':
      return { isIncomplete: false, items: keyItems(model, cursor, locale) };
    case 'value':
      return valueItems(model, cursor, locale);
    case 'item':
      return listItems(model, cursor, locale);
  }
}

/**
 * At most this many items per answer (clangd's default). `dependsOn` in a
 * 1,000-system proposal would otherwise send every system id, ~200 KB, on
 * each keystroke; past the limit the candidates are filtered by what is
 * typed, cut before any item is built, and the list is marked incomplete so
 * the editor asks again as the word changes.
 */
export const MAX_ITEMS = 100;

function limited(candidates: Candidate[], prefix: string, toItem: (candidate: Candidate, index: number) => CompletionItem): CompletionList {
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

function isEmptyDocument(model: ProposalModel): boolean {
  const text = model.tree.lineIndex.text;
  return !/^[ \t]*[^\s#]/m.test(text);
}

/* ------------------------------------------------------------------------ */
/* Marker                                                                    */
/* ------------------------------------------------------------------------ */

function markerItems(position: Position, lineText: string, locale: Locale): CompletionItem[] {
  const range: Range = { start: { line: position.line, character: 0 }, end: { line: position.line, character: lineText.length } };
  return [
    {
      label: MARKER,
      kind: CompletionItemKind.Keyword,
      detail: t(locale, 'Casebook 方案标记（第一行）', 'Casebook proposal marker (first line)'),
      documentation: doc(
        t(locale, '标记此文件为 Casebook 架构方案，格式版本 v1。', 'Marks this file as a Casebook architecture proposal, format v1.'),
      ),
      textEdit: { range, newText: MARKER },
      sortText: '0',
      filterText: `casebook ${lineText.trim()}`,
    },
    {
      label: t(locale, '新方案（骨架）', 'New proposal (skeleton)'),
      kind: CompletionItemKind.Snippet,
      detail: MARKER,
      documentation: doc(
        t(
          locale,
          '方案标记、名称、客户、行业、站点与系统的骨架。',
          'The marker, name, customer, industry, sites and systems, ready to fill in.',
        ),
      ),
      insertTextFormat: InsertTextFormat.Snippet,
      insertTextMode: InsertTextMode.asIs,
      textEdit: {
        range,
        newText: [
          MARKER,
          `name: \${1:${t(locale, '方案名称', 'Proposal name')}}`,
          `customer: \${2:${t(locale, '客户名称', 'Customer')}}`,
          'industry: ${3|bank,rural-credit,rural-commercial-bank,insurance,securities,fund,other|}',
          'sites:',
          `  - id: \${4:dc-1}`,
          `    city: \${5:${t(locale, '城市', 'City')}}`,
          '    role: primary',
          'systems:',
          `  - id: \${6:core}`,
          `    name: \${7:${t(locale, '核心系统', 'Core system')}}`,
          '    tier: ${8|1,2,3|}',
          '    sites: [${4:dc-1}]',
          '',
        ].join('\n'),
      },
      sortText: '1',
      filterText: `casebook ${lineText.trim()}`,
    },
  ];
}

/* ------------------------------------------------------------------------ */
/* Keys                                                                      */
/* ------------------------------------------------------------------------ */

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
  if (values && values.length > 0 && !field.openEnum && field.types[0] !== 'array') {
    return { text: `${key}: \${1|${values.map(escapeChoice).join(',')}|}`, snippet: true };
  }
  if (field.types[0] === 'object') return { text: `${key}:\n${pad}  $0`, snippet: true };
  if (field.types[0] === 'array') {
    if (field.items?.types[0] === 'object') return { text: `${key}:\n${pad}  - $0`, snippet: true };
    return { text: `${key}: [$0]`, snippet: true };
  }
  return { text: `${key}: `, snippet: false };
}

const escapeChoice = (value: string) => value.replace(/[,|\\$}]/g, (c) => `\\${c}`);

function keyItems(model: ProposalModel, cursor: Cursor, locale: Locale): CompletionItem[] {
  const { mapPath, shape, position } = cursor;
  if (!mapPath) return [];
  const items: CompletionItem[] = [];
  // Where the key text starts on this line: after the dashes, or at the cursor on a blank line.
  const column = shape.blank ? position.character : shape.contentColumn;
  const hasColon = !!shape.key;
  const range: Range = hasColon
    ? { start: { line: position.line, character: shape.key!.start }, end: { line: position.line, character: shape.key!.end } }
    : {
        start: { line: position.line, character: Math.min(column, position.character) },
        end: { line: position.line, character: Math.max(position.character, cursor.word.range.end.character) },
      };
  const present = siblingKeys(model, position.line, column);
  const keys = keysAt(mapPath);
  keys.forEach((key, order) => {
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
  if (!hasColon) items.push(...snippetItems(model, cursor, mapPath, column, range, locale));
  return items;
}

function firstSentence(text: string): string {
  const m = /^(.+?[。.!！?？])(\s|$)/.exec(text);
  return (m?.[1] ?? text).slice(0, 120);
}

function fieldDocumentation(key: string, field: FieldInfo | undefined, locale: Locale): string {
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

/* ------------------------------------------------------------------------ */
/* Snippets                                                                  */
/* ------------------------------------------------------------------------ */

interface TopologyTemplate {
  id: string;
  name: Localized;
  summary: Localized;
  /** Site roles by city slot (A, B, C). */
  sites: { city: number; role: string }[];
  links: { from: number; to: number; mode: 'sync' | 'async' }[];
}

const CITY_NAMES: Localized[] = [
  { zh: '城市A', en: 'City A' },
  { zh: '城市B', en: 'City B' },
  { zh: '城市C', en: 'City C' },
];

const REFERENCE_TOPOLOGIES: TopologyTemplate[] = [
  {
    id: 'same-city-active-active',
    name: { zh: '同城双活', en: 'Same-city active-active' },
    summary: { zh: '同一城市两个中心同时承载业务（参考：顺德农商）。', en: 'Two DCs in one city both serving traffic (see Shunde RCB).' },
    sites: [
      { city: 0, role: 'primary' },
      { city: 0, role: 'active' },
    ],
    links: [{ from: 0, to: 1, mode: 'sync' }],
  },
  {
    id: 'two-regions-three-dcs',
    name: { zh: '两地三中心', en: 'Two regions, three DCs' },
    summary: {
      zh: '同城双中心 + 异地灾备中心（参考：天弘基金、浙江农信）。',
      en: 'Two DCs in one city plus a remote DR DC (see Tianhong Fund, Zhejiang RCU).',
    },
    sites: [
      { city: 0, role: 'primary' },
      { city: 0, role: 'hot-standby' },
      { city: 1, role: 'cold-standby' },
    ],
    links: [
      { from: 0, to: 1, mode: 'sync' },
      { from: 0, to: 2, mode: 'async' },
    ],
  },
  {
    id: 'three-regions-five-dcs',
    name: { zh: '三地五中心', en: 'Three regions, five DCs' },
    summary: {
      zh: '三个城市五个中心，全部承载业务（参考：网商银行）。',
      en: 'Five DCs across three cities, all serving traffic (see MYbank).',
    },
    sites: [
      { city: 0, role: 'primary' },
      { city: 0, role: 'active' },
      { city: 1, role: 'active' },
      { city: 1, role: 'active' },
      { city: 2, role: 'active' },
    ],
    links: [
      { from: 0, to: 1, mode: 'sync' },
      { from: 2, to: 3, mode: 'sync' },
      { from: 0, to: 2, mode: 'async' },
      { from: 0, to: 4, mode: 'async' },
    ],
  },
];

/** Site ids for a template that no site of the file uses yet: dc-a1, dc-a2, dc-b1 … */
function freshSiteIds(model: ProposalModel, template: TopologyTemplate): string[] {
  const perCity = new Map<number, number>();
  return template.sites.map((site) => {
    const letter = String.fromCharCode(97 + site.city);
    let n = perCity.get(site.city) ?? 0;
    let id: string;
    do id = `dc-${letter}${++n}`;
    while (model.siteById.has(id));
    perCity.set(site.city, n);
    return id;
  });
}

/** Site items of a template, the first starting after a dash already typed, the rest as new items at `dash`. */
function siteLines(template: TopologyTemplate, ids: string[], dash: number, locale: Locale): string {
  const pad = ' '.repeat(dash);
  return template.sites
    .map((site, i) => {
      const city = `\${${site.city + 1}:${pick(CITY_NAMES[site.city]!, locale)}}`;
      const head = i === 0 ? '' : `${pad}- `;
      return `${head}id: ${ids[i]}\n${pad}  city: ${city}\n${pad}  role: ${site.role}`;
    })
    .join('\n');
}

function linkLines(template: TopologyTemplate, ids: string[], dash: number): string {
  const pad = ' '.repeat(dash);
  return template.links.map((link) => `${pad}- { from: ${ids[link.from]}, to: ${ids[link.to]}, mode: ${link.mode} }`).join('\n');
}

function snippetItems(
  model: ProposalModel,
  cursor: Cursor,
  mapPath: JsonPath,
  column: number,
  range: Range,
  locale: Locale,
): CompletionItem[] {
  const items: CompletionItem[] = [];
  const snippet = (
    label: string,
    detail: string,
    documentation: string,
    newText: string,
    sort: string,
    extra: Partial<CompletionItem> = {},
  ): CompletionItem => ({
    label,
    kind: CompletionItemKind.Snippet,
    detail,
    documentation: doc(documentation),
    insertTextFormat: InsertTextFormat.Snippet,
    insertTextMode: InsertTextMode.asIs,
    textEdit: { range, newText },
    sortText: sort,
    filterText: `${label} ${cursor.prefix}`,
    ...extra,
  });
  const onItemStart = cursor.shape.dashes.length > 0 && !cursor.shape.key;
  const dash = cursor.shape.dashes[cursor.shape.dashes.length - 1] ?? column - 2;
  const pad = ' '.repeat(column);

  if (onItemStart && mapPath.length === 2 && mapPath[0] === 'systems') {
    items.push(
      snippet(
        t(locale, '新系统', 'New system'),
        'systems[]',
        t(locale, '一个新的业务系统：ID、名称、分级、类型、部署站点。', 'A new business system: id, name, tier, kind and sites.'),
        systemBody(pad, locale),
        '2',
      ),
    );
  }
  if (onItemStart && mapPath.length === 2 && mapPath[0] === 'sites') {
    items.push(
      snippet(
        t(locale, '新站点', 'New site'),
        'sites[]',
        t(locale, '一个新的数据中心：ID、城市、角色。', 'A new data centre: id, city and role.'),
        `id: \${1:dc-1}\n${pad}city: \${2:${t(locale, '城市', 'City')}}\n${pad}role: \${3|primary,active,hot-standby,cold-standby|}`,
        '2',
      ),
    );
    for (const template of REFERENCE_TOPOLOGIES) {
      const ids = freshSiteIds(model, template);
      items.push(
        snippet(
          `${pick(template.name, locale)}${t(locale, '（参考拓扑）', ' (reference topology)')}`,
          t(locale, `插入 ${template.sites.length} 个站点和复制链路`, `Inserts ${template.sites.length} sites and their replication links`),
          pick(template.summary, locale),
          siteLines(template, ids, dash, locale),
          '3',
          { additionalTextEdits: [linksEdit(model, template, ids)] },
        ),
      );
    }
  }
  if (mapPath.length === 0 && column === 0) {
    const present = new Set(model.root?.entries.map((e) => e.key) ?? []);
    if (!present.has('sites')) {
      for (const template of REFERENCE_TOPOLOGIES) {
        const ids = freshSiteIds(model, template);
        items.push(
          snippet(
            `${pick(template.name, locale)}${t(locale, '（参考拓扑）', ' (reference topology)')}`,
            t(locale, `sites + links：${template.sites.length} 个站点`, `sites + links: ${template.sites.length} sites`),
            pick(template.summary, locale),
            `sites:\n  - ${siteLines(template, ids, 2, locale)}\n${present.has('links') ? '' : `links:\n${linkLines(template, ids, 2)}\n`}`,
            '3',
          ),
        );
      }
    }
    if (!present.has('systems')) {
      items.push(
        snippet(
          t(locale, '新系统', 'New system'),
          'systems',
          t(locale, '`systems:` 与第一个业务系统。', '`systems:` with a first business system.'),
          `systems:\n  - ${systemBody('    ', locale)}`,
          '2',
        ),
      );
    }
  }
  return items;
}

function systemBody(pad: string, locale: Locale): string {
  return [
    `id: \${1:${t(locale, 'new-system', 'new-system')}}`,
    `${pad}name: \${2:${t(locale, '系统名称', 'System name')}}`,
    `${pad}tier: \${3|1,2,3|}`,
    `${pad}kind: \${4|online,batch,analytics,risk-control,channel|}`,
    `${pad}sites: [\${5}]`,
  ].join('\n');
}

/** The links of a reference topology: appended to `links:` when it exists, else a new `links:` block at the end. */
function linksEdit(model: ProposalModel, template: TopologyTemplate, ids: string[]) {
  const index = model.tree.lineIndex;
  const links = model.root?.entries.find((e) => e.key === 'links');
  const seq = links?.value.kind === 'seq' && !links.value.flow ? links.value : undefined;
  const first = seq?.items[0];
  if (seq && first) {
    const dash = Math.max(0, lineShape(index.lineText(first.range.start.line)).dashes[0] ?? first.range.start.character - 2);
    const end = seq.range.end;
    const at = { line: end.line, character: index.lineText(end.line).length };
    return { range: { start: at, end: at }, newText: `\n${linkLines(template, ids, dash)}` };
  }
  const last = index.lineCount - 1;
  const lastText = index.lineText(last);
  const at = { line: last, character: lastText.length };
  const lead = lastText.trim() === '' ? '' : '\n';
  return { range: { start: at, end: at }, newText: `${lead}links:\n${linkLines(template, ids, 2)}\n` };
}

/* ------------------------------------------------------------------------ */
/* Values                                                                    */
/* ------------------------------------------------------------------------ */

function valueRange(cursor: Cursor): Range {
  const { word, position } = cursor;
  return { start: word.range.start, end: { line: position.line, character: Math.max(word.range.end.character, position.character) } };
}

function valueItems(model: ProposalModel, cursor: Cursor, locale: Locale): CompletionList {
  const { mapPath, key } = cursor;
  if (!mapPath || !key) return EMPTY;
  const path = [...mapPath, key];
  if (path.length === 1 && key === 'casebook') {
    return {
      isIncomplete: false,
      items: [
        {
          label: 'proposal/v1',
          kind: CompletionItemKind.Constant,
          detail: t(locale, '格式版本', 'Format version'),
          textEdit: { range: valueRange(cursor), newText: 'proposal/v1' },
          sortText: '0',
        },
      ],
    };
  }
  const field = describeField(path);
  if (!field) return EMPTY;
  const range = valueRange(cursor);
  // A list field completed on its key line: `sites: |` → `[cd-1]`.
  if (field.types[0] === 'array') {
    const ids = idCandidates(model, field.items, path, []);
    const values = ids ?? enumCandidates(field.items, locale);
    return limited(values, cursor.prefix, (c, i) => ({
      ...c,
      textEdit: { range, newText: `[${c.label}]` },
      sortText: String(i).padStart(4, '0'),
      filterText: c.label,
    }));
  }
  if (key === 'city') return { isIncomplete: false, items: cityItems(model, cursor, range, locale) };
  const candidates = idCandidates(model, field, path, []) ?? enumCandidates(field, locale, key);
  return limited(candidates, cursor.prefix, (c, i) => ({
    ...c,
    textEdit: { range, newText: c.label },
    sortText: String(i).padStart(4, '0'),
    filterText: c.label,
  }));
}

type Candidate = Omit<CompletionItem, 'textEdit' | 'sortText' | 'filterText'>;

function enumCandidates(field: FieldInfo | undefined, locale: Locale, key?: string): Candidate[] {
  if (!field?.enum) return [];
  return field.enum.map((value) => {
    const valueDoc = field.valueDocs?.[value];
    if (key === 'tier') {
      const tier = Number(value);
      const label = TIER_LABELS[tier];
      const requirement = tierRequirement(tier);
      return {
        label: value,
        kind: CompletionItemKind.EnumMember,
        detail: label ? pick(label, locale) : value,
        documentation: doc(
          [
            valueDoc ? pick(valueDoc, locale) : '',
            requirement ? `${t(locale, '要求', 'Requires')}${colon(locale)}${pick(requirement.text, locale)}` : '',
          ]
            .filter(Boolean)
            .join('\n\n'),
        ),
      };
    }
    const role = key === 'role' ? ROLE_LABELS[value] : undefined;
    return {
      label: value,
      kind: CompletionItemKind.EnumMember,
      ...(valueDoc
        ? { detail: firstSentence(pick(valueDoc, locale)), documentation: doc(pick(valueDoc, locale)) }
        : role
          ? { detail: pick(role, locale) }
          : {}),
    };
  });
}

/** Site or system ids for a reference field, or undefined when the field holds no reference. */
function idCandidates(model: ProposalModel, field: FieldInfo | undefined, path: JsonPath, written: string[]): Candidate[] | undefined {
  if (!field) return undefined;
  const kind = field.kind;
  if (kind === 'site-ref') {
    return model.sites
      .filter((s) => s.id && !written.includes(s.id.value))
      .filter((s, i, all) => all.findIndex((o) => o.id!.value === s.id!.value) === i)
      .map((s) => ({
        label: s.id!.value,
        kind: CompletionItemKind.Reference,
        detail: [s.city?.value, s.role?.value].filter(Boolean).join(' · '),
      }));
  }
  if (kind === 'system-ref') {
    const self =
      path[0] === 'systems' && typeof path[1] === 'number' ? model.systems.find((s) => s.index === path[1])?.id?.value : undefined;
    const excluded = new Set(written);
    if (self !== undefined) excluded.add(self);
    return systemCandidates(model).filter((c) => !excluded.has(c.label));
  }
  return undefined;
}

/** Every declared system as a candidate, built once per model: a 1,000-system file asks for them on each keystroke in `dependsOn`. */
function systemCandidates(model: ProposalModel): readonly Candidate[] {
  return memo(model, 'systemCandidates', () =>
    [...model.systemById.values()].map((s): Candidate =>
      Object.freeze({ label: s.id!.value, kind: CompletionItemKind.Reference, ...(s.name ? { detail: s.name.value } : {}) }),
    ),
  );
}

function cityItems(model: ProposalModel, cursor: Cursor, range: Range, locale: Locale): CompletionItem[] {
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

/* ------------------------------------------------------------------------ */
/* List items                                                                */
/* ------------------------------------------------------------------------ */

function listItems(model: ProposalModel, cursor: Cursor, locale: Locale): CompletionList {
  const { listPath } = cursor;
  if (!listPath) return EMPTY;
  const field = describeField(listPath);
  const itemField = field?.items;
  const written = new Set(cursor.written);
  if (!cursor.flow) {
    // A block list: the items already written are in the tree (or on sibling dash lines).
    const node = nodeAtPath(model.tree.root, listPath);
    if (node?.kind === 'seq')
      for (const item of node.items)
        if (item.kind === 'scalar' && item.range.start.line !== cursor.position.line) written.add(String(item.value));
  }
  written.delete(cursor.word.text);
  const range = valueRange(cursor);
  const candidates =
    idCandidates(model, itemField ?? field, [...listPath, 0], [...written]) ??
    enumCandidates(itemField, locale).filter((c) => !written.has(c.label));
  const list = limited(candidates, cursor.prefix, (c, i) => ({
    ...c,
    textEdit: { range, newText: c.label },
    sortText: String(i).padStart(4, '0'),
    filterText: c.label,
  }));
  // An item that may also be a map (`dependsOn`: `- core` or `- id: core`): after the ids, the key that starts the map form.
  if (!cursor.flow && itemField?.types.includes('object') && cursor.shape.dashes.length > 0) {
    const mapPath = [...listPath, 0];
    keysAt(mapPath)
      .filter((key) => key.required)
      .forEach((key, order) => {
        const keyField = describeField([...mapPath, key.key]);
        list.items.push({
          label: `${key.key}:`,
          kind: CompletionItemKind.Property,
          detail: firstSentence(pick(key.doc, locale)),
          documentation: doc(fieldDocumentation(key.key, keyField, locale)),
          textEdit: { range, newText: `${key.key}: ` },
          sortText: `z${String(order).padStart(3, '0')}`,
          filterText: key.key,
        });
      });
  }
  return list;
}
