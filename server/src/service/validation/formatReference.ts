/**
 * The generated part of docs/format.md: one table per map of the format and
 * the format rules, rendered from the schema so that the docs cannot drift
 * from it (a unit test compares them).
 */
import { describeField, keysAt, type FieldInfo } from '../schemaInfo';
import type { JsonPath } from '../yamlNodes';
import { VALIDATION_RULES } from './rules';

export const GENERATED_BEGIN = '<!-- BEGIN GENERATED: field reference (npm run docs rewrites it) -->';
export const GENERATED_END = '<!-- END GENERATED -->';

const SECTIONS: { title: string; path: JsonPath; prefix: string }[] = [
  { title: 'Top level (顶层)', path: [], prefix: '' },
  { title: '`compliance` (合规)', path: ['compliance'], prefix: 'compliance.' },
  { title: '`sites[]` — a data centre (站点 / 机房)', path: ['sites', 0], prefix: 'sites[].' },
  { title: '`links[]` — a replication link (复制链路)', path: ['links', 0], prefix: 'links[].' },
  { title: '`systems[]` — a business system (业务系统)', path: ['systems', 0], prefix: 'systems[].' },
  { title: '`systems[].load` (负载)', path: ['systems', 0, 'load'], prefix: 'systems[].load.' },
  { title: '`systems[].database` (数据库)', path: ['systems', 0, 'database'], prefix: 'systems[].database.' },
  {
    title: '`systems[].cityLoss` — objectives for losing the whole city (城市级灾难目标)',
    path: ['systems', 0, 'cityLoss'],
    prefix: 'systems[].cityLoss.',
  },
  {
    title: '`systems[].dependsOn[]` written as a map (依赖项的映射写法)',
    path: ['systems', 0, 'dependsOn', 0],
    prefix: 'systems[].dependsOn[].',
  },
];

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** `integer 1..3`, `duration`, `list of site ids`, … */
function typeLabel(field: FieldInfo): string {
  if (field.kind === 'duration') return 'duration';
  if (field.kind === 'site-id' || field.kind === 'system-id') return 'id';
  if (field.kind === 'site-ref') return 'site id';
  if (field.kind === 'system-ref') return field.types.includes('object') ? 'system id or map' : 'system id';
  if (field.types[0] === 'array' && field.items) {
    const item = typeLabel(field.items);
    const plural: Record<string, string> = {
      map: 'maps',
      'site id': 'site ids',
      'system id': 'system ids',
      'system id or map': 'system ids or maps',
    };
    return `list of ${plural[item] ?? item}`;
  }
  if (field.openEnum) return 'text';
  const base = field.types[0] === 'object' ? 'map' : field.types[0] === 'string' ? 'text' : (field.types[0] ?? 'any');
  const range = field.range;
  if (range && (range.minimum !== undefined || range.maximum !== undefined)) {
    const low = range.minimum === undefined ? '' : `${range.exclusiveMinimum ? '(' : '['}${range.minimum}`;
    const high = range.maximum === undefined ? '' : `${range.maximum}]`;
    if (low && high) return `${base} ${low}, ${high}`;
    return `${base} ${range.exclusiveMinimum ? '>' : '≥'} ${range.minimum ?? ''}${high ? ` ≤ ${range.maximum}` : ''}`.trim();
  }
  return base;
}

function valuesCell(field: FieldInfo): string {
  const values = field.enum ?? field.items?.enum;
  if (!values || field.kind === 'duration' || field.types[0] === 'boolean') return field.types[0] === 'boolean' ? '`true` \\| `false`' : '';
  const list = values.map((v) => `\`${v}\``).join(' \\| ');
  return field.openEnum || field.items?.openEnum ? `${list} \\| any text` : list;
}

function exampleCell(field: FieldInfo): string {
  if (
    field.example === undefined ||
    field.types[0] === 'object' ||
    (field.types[0] === 'array' && typeof (field.example as unknown[])[0] === 'object')
  )
    return '';
  return `\`${flowText(field.example)}\``;
}

/** An example as YAML flow text: `[a, { id: b, mode: async }]`. */
function flowText(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(flowText).join(', ')}]`;
  if (typeof value === 'object' && value !== null)
    return `{ ${Object.entries(value)
      .map(([k, v]) => `${k}: ${flowText(v)}`)
      .join(', ')} }`;
  return String(value);
}

function valueDocsList(prefix: string, key: string, field: FieldInfo): string[] {
  const docs = field.valueDocs ?? field.items?.valueDocs;
  if (!docs) return [];
  return [
    `- \`${prefix}${key}\`: ${Object.entries(docs)
      .map(([value, doc]) => `\`${value}\` ${doc.en} / ${doc.zh}`)
      .join('; ')}`,
  ];
}

/** The Markdown between the GENERATED markers of docs/format.md. */
export function renderFieldReference(): string {
  const out: string[] = [];
  for (const section of SECTIONS) {
    out.push(`### ${section.title}`, '', '| key | type | required | values | example | meaning |', '|---|---|---|---|---|---|');
    const valueDocs: string[] = [];
    for (const { key, required } of keysAt(section.path)) {
      const field = describeField([...section.path, key])!;
      const meaning = `${field.doc.en}<br>${field.doc.zh}`;
      out.push(
        `| \`${section.prefix}${key}\` | ${typeLabel(field)} | ${required ? 'yes' : ''} | ${valuesCell(field)} | ${exampleCell(field)} | ${cell(meaning)} |`,
      );
      valueDocs.push(...valueDocsList(section.prefix, key, field));
    }
    if (valueDocs.length > 0) out.push('', 'Values:', '', ...valueDocs);
    out.push('');
  }
  out.push('### Format findings (格式检查)', '', '| rule | default severity | meaning |', '|---|---|---|');
  for (const rule of VALIDATION_RULES) {
    out.push(
      `| \`${rule.id}\` | ${rule.defaultSeverity} | ${cell(`${rule.title.en} (${rule.title.zh}): ${rule.description.en}<br>${rule.description.zh}`)} |`,
    );
  }
  return out.join('\n');
}
