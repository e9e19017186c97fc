/**
 * The proposal schema (schema/proposal.schema.json) read by JSON path, for
 * completion, hover, validation messages and docs/format.md. The schema is
 * compiled once into a tree of fields; every lookup walks at most the path's
 * length.
 */
import proposalSchemaJson from '../../../schema/proposal.schema.json';
import type { Localized } from './locale';
import type { JsonPath } from './yamlNodes';

/** The schema file itself (for ajv, and for serving it to yaml-language-server). */
export const PROPOSAL_SCHEMA: Readonly<Record<string, unknown>> = proposalSchemaJson;

export type FieldType = 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';

/** What a field holds beyond its JSON type: ids, references to ids, durations. */
/** `site-map`: a map keyed by the system's site ids (siteRoles). */
export type FieldKind = 'site-id' | 'system-id' | 'site-ref' | 'system-ref' | 'site-map' | 'duration';

export interface NumericRange {
  minimum?: number;
  maximum?: number;
  /** True when `minimum` itself is not allowed: availability is in (0, 100]. */
  exclusiveMinimum?: boolean;
}

export interface FieldInfo {
  /** The key, or the item index for list items (`-1` when described generically). */
  key: string | number;
  doc: Localized;
  /** Every JSON type the field accepts, most telling first (`string` for a duration written `2h`). */
  types: FieldType[];
  /** `types.join(' | ')`, for display. */
  type: string;
  kind?: FieldKind;
  /** Allowed values (or known values when `openEnum`), as written in YAML. */
  enum?: string[];
  /** True when values outside `enum` are also accepted (a site's `platform`). */
  openEnum?: boolean;
  /** What each enum value means. */
  valueDocs?: Record<string, Localized>;
  range?: NumericRange;
  /** First example from the schema. */
  example?: unknown;
  /** Required in its parent map. */
  required?: boolean;
  /** For lists: the items. */
  items?: FieldInfo;
}

export interface KeyInfo {
  key: string;
  doc: Localized;
  required: boolean;
}

interface SchemaNode {
  info: FieldInfo;
  properties: Map<string, SchemaNode>;
  /** Keys in schema order, with their docs (what `keysAt` answers). */
  keys: KeyInfo[];
  items?: SchemaNode;
  /** The value of any key of a map keyed by ids (`additionalProperties`: a system's siteRoles). */
  anyKey?: SchemaNode;
}

/* ------------------------------------------------------------------------ */
/* Compiling the schema into a field tree                                    */
/* ------------------------------------------------------------------------ */

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

function resolveRef(schema: JsonObject): JsonObject {
  let current = schema;
  for (let hops = 0; typeof current.$ref === 'string' && hops < 8; hops++) {
    const match = /^#\/definitions\/(.+)$/.exec(current.$ref);
    const target = match ? (PROPOSAL_SCHEMA.definitions as JsonObject | undefined)?.[match[1]!] : undefined;
    if (!isObject(target)) break;
    current = target;
  }
  return current;
}

/** Text first: a duration is read as text (`2h`, `0` the exception), a `dependsOn` item as an id before a map. */
const TYPE_ORDER: FieldType[] = ['string', 'object', 'array', 'number', 'integer', 'boolean'];

function typesOf(schema: JsonObject): FieldType[] {
  const found = new Set<FieldType>();
  const visit = (s: JsonObject) => {
    const type = s.type;
    if (typeof type === 'string') found.add(type as FieldType);
    else if (Array.isArray(type)) for (const t of type) found.add(t as FieldType);
    else if ('const' in s) found.add(typeof s.const === 'number' ? 'integer' : (typeof s.const as FieldType));
    for (const branch of [...((s.anyOf as unknown[]) ?? []), ...((s.oneOf as unknown[]) ?? [])]) if (isObject(branch)) visit(branch);
  };
  visit(schema);
  return [...found].sort((a, b) => TYPE_ORDER.indexOf(a) - TYPE_ORDER.indexOf(b));
}

function enumOf(schema: JsonObject): { values?: string[]; open: boolean } {
  if (Array.isArray(schema.enum)) return { values: schema.enum.map(String), open: false };
  if (typeof schema.const === 'string') return { values: [schema.const], open: false };
  const branches = (schema.anyOf as unknown[] | undefined)?.filter(isObject) ?? [];
  const closed = branches.find((b) => Array.isArray(b.enum));
  if (closed) {
    const open = branches.some((b) => !Array.isArray(b.enum) && b.type === 'string' && !('pattern' in b) && !('const' in b));
    return { values: (closed.enum as unknown[]).map(String), open };
  }
  // A small integer range reads as a choice: tier 1 | 2 | 3, mlps 1..5.
  if (
    schema.type === 'integer' &&
    typeof schema.minimum === 'number' &&
    typeof schema.maximum === 'number' &&
    schema.maximum - schema.minimum <= 10
  ) {
    const values: string[] = [];
    for (let n = schema.minimum; n <= schema.maximum; n++) values.push(String(n));
    return { values, open: false };
  }
  if (schema.type === 'boolean') return { values: ['true', 'false'], open: false };
  return { open: false };
}

function localizedDoc(schema: JsonObject): Localized {
  const en = typeof schema.description === 'string' ? schema.description : '';
  const zh = typeof schema['x-description-zh'] === 'string' ? schema['x-description-zh'] : en;
  return { zh, en };
}

function compile(raw: JsonObject, key: string | number, required: boolean): SchemaNode {
  const schema = resolveRef(raw);
  // Documentation written next to a `$ref` (on the property) wins over the definition's.
  const doc = typeof raw.description === 'string' ? localizedDoc(raw) : localizedDoc(schema);
  const types = typesOf(schema);
  const { values, open } = enumOf(schema);
  const info: FieldInfo = { key, doc, types, type: types.join(' | ') };
  if (typeof schema['x-kind'] === 'string') info.kind = schema['x-kind'] as FieldKind;
  if (values) info.enum = values;
  if (open) info.openEnum = true;
  if (isObject(schema['x-value-docs'])) info.valueDocs = schema['x-value-docs'] as Record<string, Localized>;
  const range: NumericRange = {};
  if (typeof schema.minimum === 'number') range.minimum = schema.minimum;
  if (typeof schema.exclusiveMinimum === 'number') {
    range.minimum = schema.exclusiveMinimum;
    range.exclusiveMinimum = true;
  }
  if (typeof schema.maximum === 'number') range.maximum = schema.maximum;
  if (range.minimum !== undefined || range.maximum !== undefined) info.range = range;
  const examples = Array.isArray(raw.examples) ? raw.examples : Array.isArray(schema.examples) ? schema.examples : [];
  if (examples.length > 0) info.example = examples[0];
  if (required) info.required = true;

  const node: SchemaNode = { info, properties: new Map(), keys: [] };
  // A value written either as a scalar or as a map (a `dependsOn` item: `core` or `{ id: core, mode: async }`): the map's keys.
  const mapForm = isObject(schema.properties) ? schema : mapBranchOf(schema);
  if (mapForm && isObject(mapForm.properties)) {
    const requiredKeys = new Set(Array.isArray(mapForm.required) ? (mapForm.required as string[]) : []);
    for (const [childKey, childSchema] of Object.entries(mapForm.properties)) {
      if (!isObject(childSchema)) continue;
      const child = compile(childSchema, childKey, requiredKeys.has(childKey));
      node.properties.set(childKey, child);
      node.keys.push({ key: childKey, doc: child.info.doc, required: requiredKeys.has(childKey) });
    }
  }
  if (isObject(schema.items)) {
    node.items = compile(schema.items, -1, false);
    info.items = node.items.info;
  }
  if (isObject(schema.additionalProperties)) node.anyKey = compile(schema.additionalProperties, ANY_KEY, false);
  return node;
}

function mapBranchOf(schema: JsonObject): JsonObject | undefined {
  const branches = [...((schema.anyOf as unknown[]) ?? []), ...((schema.oneOf as unknown[]) ?? [])].filter(isObject).map(resolveRef);
  return branches.find((b) => isObject(b.properties));
}

/** Stands for any key of an id-keyed map in field paths and docs: `systems[].siteRoles.<id>`. */
export const ANY_KEY = '<id>';

const ROOT: SchemaNode = compile(PROPOSAL_SCHEMA, '', false);

/* ------------------------------------------------------------------------ */
/* Lookups                                                                   */
/* ------------------------------------------------------------------------ */

function nodeAt(path: JsonPath): SchemaNode | undefined {
  let node: SchemaNode | undefined = ROOT;
  for (const segment of path) {
    if (!node) return undefined;
    node = typeof segment === 'number' ? node.items : (node.properties.get(segment) ?? node.anyKey);
  }
  return node;
}

/**
 * The schema's description of the field at a JSON path (numeric segments are
 * list items): `describeField(['systems', 0, 'tier'])`. `[]` is the whole file.
 */
export function describeField(path: JsonPath): FieldInfo | undefined {
  const node = nodeAt(path);
  if (!node) return undefined;
  const last = path[path.length - 1];
  if (typeof last === 'number' && node.info.key !== last) return { ...node.info, key: last };
  return node.info;
}

/** The keys valid in the map at a JSON path, in schema order: `keysAt(['systems', 0])`. */
export function keysAt(path: JsonPath): KeyInfo[] {
  return nodeAt(path)?.keys ?? [];
}

/**
 * The values a field accepts (`['primary', 'active', …]` for a site's role,
 * `['1', '2', '3']` for tier). For a list, the values of its items (`zones`).
 * Empty for free text.
 */
export function enumValuesAt(path: JsonPath): string[] {
  const node = nodeAt(path);
  if (!node) return [];
  return node.info.enum ?? node.items?.info.enum ?? [];
}

/** Every field path of the schema, with `0` standing for list items (docs and tests walk it). */
export function allFieldPaths(): JsonPath[] {
  const paths: JsonPath[] = [];
  const walk = (node: SchemaNode, path: JsonPath) => {
    for (const [key, child] of node.properties) {
      paths.push([...path, key]);
      walk(child, [...path, key]);
    }
    if (node.items) walk(node.items, [...path, 0]);
    if (node.anyKey) {
      paths.push([...path, ANY_KEY]);
      walk(node.anyKey, [...path, ANY_KEY]);
    }
  };
  walk(ROOT, []);
  return paths;
}
