/**
 * Lookups over a parsed proposal: the node at a position (a binary-search
 * descent, nothing to build), and indexes built lazily once per model (a new
 * version is a new model, so nothing goes stale): where every site and
 * system id is declared and used, who depends on whom, what runs where.
 * Hover and completion use only the descent, so the first request after an
 * edit does not pay for a whole-document index.
 */
import type { Position, Range } from 'vscode-languageserver-types';
import { comparePositions, rangeContains } from '../lineIndex';
import type { ProposalModel } from '../model';
import type { JsonPath, YEntry, YNode } from '../yamlNodes';

const memos = new WeakMap<ProposalModel, Map<string, unknown>>();

/** Builds a value once per model. */
export function memo<T>(model: ProposalModel, key: string, build: () => T): T {
  let table = memos.get(model);
  if (!table) memos.set(model, (table = new Map<string, unknown>()));
  if (table.has(key)) return table.get(key) as T;
  const value = build();
  table.set(key, value);
  return value;
}

/* ------------------------------------------------------------------------ */
/* The node at a position                                                    */
/* ------------------------------------------------------------------------ */

export interface NodeHit {
  /** The deepest node whose range holds the position. */
  node: YNode;
  /** Set when the position is on a key: the entry and the map that holds it. */
  keyOf?: { entry: YEntry; map: YNode };
  /** The entry whose value `node` is, when it is one. */
  entry?: YEntry;
}

/** Index of the last element whose start is at or before `position` (binary search; elements are in document order). */
function lastStartingBefore<T>(list: readonly T[], position: Position, startOf: (item: T) => Position): number {
  let low = 0;
  let high = list.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (comparePositions(startOf(list[mid]!), position) <= 0) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}

/** Descends the tree to the node or key at a position: O(depth · log width). */
export function nodeAt(root: YNode | null, position: Position): NodeHit | undefined {
  if (!root) return undefined;
  let hit: NodeHit | undefined = rangeContains(root.range, position) ? { node: root } : undefined;
  let node: YNode = root;
  for (;;) {
    if (node.kind === 'map') {
      const i = lastStartingBefore(node.entries, position, (e) => e.keyRange.start);
      const entry = i >= 0 ? node.entries[i]! : undefined;
      if (!entry) return hit;
      if (rangeContains(entry.keyRange, position)) return { node: entry.value, keyOf: { entry, map: node }, entry };
      if (!rangeContains(entry.value.range, position)) return hit;
      hit = { node: entry.value, entry };
      node = entry.value;
    } else if (node.kind === 'seq') {
      const i = lastStartingBefore(node.items, position, (n) => n.range.start);
      const item = i >= 0 ? node.items[i]! : undefined;
      if (!item || !rangeContains(item.range, position)) return hit;
      hit = { node: item };
      node = item;
    } else return hit;
  }
}

/* ------------------------------------------------------------------------ */
/* Site and system ids: declarations and uses                                */
/* ------------------------------------------------------------------------ */

export type IdKind = 'site' | 'system';

export interface IdOccurrence {
  kind: IdKind;
  id: string;
  range: Range;
  path: JsonPath;
  declaration: boolean;
}

export interface IdIndex {
  /** Every occurrence in document order. */
  all: IdOccurrence[];
  byId: Map<string, IdOccurrence[]>;
}

const keyOf = (kind: IdKind, id: string) => `${kind}:${id}`;

function idIndex(model: ProposalModel): IdIndex {
  return memo(model, 'idIndex', () => {
    const all: IdOccurrence[] = [];
    for (const site of model.sites)
      if (site.id) all.push({ kind: 'site', id: site.id.value, range: site.id.range, path: site.id.path, declaration: true });
    for (const link of model.links) {
      for (const end of [link.from, link.to])
        if (end) all.push({ kind: 'site', id: end.value, range: end.range, path: end.path, declaration: false });
    }
    for (const system of model.systems) {
      if (system.id) all.push({ kind: 'system', id: system.id.value, range: system.id.range, path: system.id.path, declaration: true });
      for (const site of system.sites?.value ?? [])
        all.push({ kind: 'site', id: site.value, range: site.range, path: site.path, declaration: false });
      for (const dep of system.dependsOn?.value ?? [])
        all.push({ kind: 'system', id: dep.value, range: dep.range, path: dep.path, declaration: false });
    }
    all.sort((a, b) => comparePositions(a.range.start, b.range.start));
    const byId = new Map<string, IdOccurrence[]>();
    for (const occurrence of all) {
      const key = keyOf(occurrence.kind, occurrence.id);
      const list = byId.get(key);
      if (list) list.push(occurrence);
      else byId.set(key, [occurrence]);
    }
    return { all, byId };
  });
}

/** What kind of id a node's path holds: `sites[i].id`, `links[i].from|to`, `systems[i].id|sites[j]|dependsOn[j]|dependsOn[j].id`. */
function idKindOf(path: JsonPath): { kind: IdKind; declaration: boolean } | undefined {
  const [top, index, key, item] = path;
  if (typeof index !== 'number') return undefined;
  if (top === 'sites' && key === 'id' && path.length === 3) return { kind: 'site', declaration: true };
  if (top === 'links' && (key === 'from' || key === 'to') && path.length === 3) return { kind: 'site', declaration: false };
  if (top !== 'systems') return undefined;
  if (key === 'id' && path.length === 3) return { kind: 'system', declaration: true };
  if (typeof item === 'number' && path.length === 4 && key === 'sites') return { kind: 'site', declaration: false };
  if (typeof item === 'number' && path.length === 4 && key === 'dependsOn') return { kind: 'system', declaration: false };
  // A dependency written as a map: `dependsOn: [{ id: core, mode: async }]`.
  if (typeof item === 'number' && path.length === 5 && key === 'dependsOn' && path[4] === 'id')
    return { kind: 'system', declaration: false };
  return undefined;
}

/** The site or system id written at a position (declaration or use). */
export function idAt(model: ProposalModel, position: Position): IdOccurrence | undefined {
  const hit = nodeAt(model.tree.root, position);
  if (!hit || hit.keyOf || hit.node.kind !== 'scalar' || hit.node.value === null || typeof hit.node.value === 'boolean') return undefined;
  const kind = idKindOf(hit.node.path);
  if (!kind) return undefined;
  return { ...kind, id: String(hit.node.value), range: hit.node.range, path: hit.node.path };
}

export function occurrencesOf(model: ProposalModel, kind: IdKind, id: string): IdOccurrence[] {
  return idIndex(model).byId.get(keyOf(kind, id)) ?? [];
}

/** The systems that list a system in `dependsOn`, in document order. */
export function dependents(model: ProposalModel, systemId: string): string[] {
  return (
    memo(model, 'dependents', () => {
      const map = new Map<string, string[]>();
      for (const system of model.systems) {
        if (!system.id) continue;
        for (const dep of system.dependsOn?.value ?? []) {
          const list = map.get(dep.value) ?? [];
          if (!list.includes(system.id.value)) list.push(system.id.value);
          map.set(dep.value, list);
        }
      }
      return map;
    }).get(systemId) ?? []
  );
}

/** The systems deployed to a site, in document order. */
export function systemsAtSite(model: ProposalModel, siteId: string): string[] {
  return (
    memo(model, 'systemsAtSite', () => {
      const map = new Map<string, string[]>();
      for (const system of model.systems) {
        if (!system.id) continue;
        for (const site of system.sites?.value ?? []) {
          const list = map.get(site.value) ?? [];
          if (!list.includes(system.id.value)) list.push(system.id.value);
          map.set(site.value, list);
        }
      }
      return map;
    }).get(siteId) ?? []
  );
}
