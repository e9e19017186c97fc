/**
 * Snippets after the keys on a line without a colon: a new system or site at
 * an item's start, the reference topologies (shared/src/referenceTopology.ts)
 * under `sites:` or at the top level, `systems:` with a first system. Their
 * choices are the schema's values.
 */
import { CompletionItemKind, InsertTextFormat, InsertTextMode, type CompletionItem, type TextEdit } from 'vscode-languageserver-types';
import {
  CITY_SLOTS,
  linkItem,
  siteItemLines,
  TOPOLOGY_TEMPLATES,
  type TopologyTemplate,
} from '../../../../../shared/src/referenceTopology';
import { t, pick, type Locale } from '../../locale';
import type { ProposalModel } from '../../model';
import { enumValuesAt } from '../../schemaInfo';
import { lineShape } from '../cursor';
import { choice, doc, type CompletionAt, type CompletionSource } from './at';
import { keyPlace } from './keys';

export const snippetCompletion: CompletionSource = { name: 'snippets', extends: 'keys', append: snippetItems };

function snippetItems({ model, cursor, locale }: CompletionAt): CompletionItem[] {
  const place = keyPlace(cursor);
  if (!place || place.hasColon) return [];
  const { mapPath, column, range } = place;
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
        `id: \${1:dc-1}\n${pad}city: \${2:${t(locale, '城市', 'City')}}\n${pad}role: ${choice(3, enumValuesAt(['sites', 0, 'role']))}`,
        '2',
      ),
    );
    for (const template of TOPOLOGY_TEMPLATES) {
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
      for (const template of TOPOLOGY_TEMPLATES) {
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
    `${pad}tier: ${choice(3, enumValuesAt(['systems', 0, 'tier']))}`,
    `${pad}kind: ${choice(4, enumValuesAt(['systems', 0, 'kind']))}`,
    `${pad}sites: [\${5}]`,
  ].join('\n');
}

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

/**
 * Written as they are: the ids are fresh `dc-a1` … and the roles the schema's, both plain YAML, and a city is
 * a snippet placeholder (`${1:城市A}`) that quoting would break.
 */
const asWritten = (value: string) => value;

/** Site items of a template, the first starting after a dash already typed, the rest as new items at `dash`. */
function siteLines(template: TopologyTemplate, ids: string[], dash: number, locale: Locale): string {
  const pad = ' '.repeat(dash);
  return template.sites
    .map((site, i) => {
      const city = `\${${site.city + 1}:${pick(CITY_SLOTS[site.city]!, locale)}}`;
      const lines = siteItemLines({ id: ids[i]!, city, role: site.role }, asWritten);
      return lines.map((line, j) => (j === 0 ? `${i === 0 ? '' : `${pad}- `}${line}` : `${pad}  ${line}`)).join('\n');
    })
    .join('\n');
}

function linkLines(template: TopologyTemplate, ids: string[], dash: number): string {
  const pad = ' '.repeat(dash);
  return template.links
    .map((link) => `${pad}- ${linkItem({ from: ids[link.from]!, to: ids[link.to]!, mode: link.mode }, asWritten)}`)
    .join('\n');
}

/** The links of a reference topology: appended to `links:` when it exists, else a new `links:` block at the end. */
function linksEdit(model: ProposalModel, template: TopologyTemplate, ids: string[]): TextEdit {
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
