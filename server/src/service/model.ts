import type { Range } from 'vscode-languageserver-types';
import { entryOf, type JsonPath, type YMap, type YNode, type YamlTree, type YSeq } from './yamlTree';

/** A value read from the proposal, with where it was written. */
export interface Located<T> {
  value: T;
  node: YNode;
  /** The value's range. */
  range: Range;
  /** The key's range (`tier` in `tier: 1`); undefined for list items. */
  keyRange?: Range;
  path: JsonPath;
}

export const INDUSTRIES = ['bank', 'rural-credit', 'rural-commercial-bank', 'insurance', 'securities', 'fund', 'other'] as const;
export const SITE_ROLES = ['primary', 'active', 'hot-standby', 'cold-standby'] as const;
export const SYSTEM_KINDS = ['online', 'batch', 'analytics', 'risk-control', 'channel'] as const;
export const ARCHITECTURES = ['monolith', 'microservices', 'unitized'] as const;
export const DATABASE_MODES = ['centralized', 'distributed'] as const;
export const TRANSACTIONS = ['local', 'xa', 'saga', 'tcc', 'none'] as const;
export const INTEGRATIONS = ['esb', 'rpc', 'service-mesh', 'mq'] as const;
export const RUNTIMES = ['vm', 'container', 'physical', 'mainframe'] as const;
export const RELEASES = ['downtime', 'rolling', 'gray', 'blue-green'] as const;
export const OBSERVABILITY = ['metrics', 'logs', 'tracing'] as const;
export const CLOUDS = ['on-prem', 'private', 'public', 'hybrid'] as const;
export const LINK_MODES = ['sync', 'async'] as const;
export const ZONES = ['dev-test', 'dmz', 'intranet'] as const;

export type Industry = (typeof INDUSTRIES)[number];
export type SiteRole = (typeof SITE_ROLES)[number];

export interface SiteModel {
  index: number;
  node: YMap;
  id?: Located<string>;
  city?: Located<string>;
  role?: Located<string>;
  platform?: Located<string>;
}

export interface LinkModel {
  index: number;
  node: YMap;
  from?: Located<string>;
  to?: Located<string>;
  mode?: Located<string>;
}

export interface Duration {
  text: string;
  seconds: number;
}

export interface SystemModel {
  index: number;
  node: YMap;
  id?: Located<string>;
  name?: Located<string>;
  tier?: Located<number>;
  kind?: Located<string>;
  availability?: Located<number>;
  rto?: Located<Duration>;
  rpo?: Located<Duration>;
  peakTps?: Located<number>;
  dailyTransactions?: Located<number>;
  averageDailyTransactions?: Located<number>;
  architecture?: Located<string>;
  databaseEngine?: Located<string>;
  databaseMode?: Located<string>;
  transactions?: Located<string>;
  integration?: Located<string>;
  runtime?: Located<string>;
  release?: Located<string>;
  observability?: Located<Located<string>[]>;
  cloud?: Located<string>;
  sensitive?: Located<boolean>;
  data?: Located<Located<string>[]>;
  sites?: Located<Located<string>[]>;
  dependsOn?: Located<Located<string>[]>;
  topology: Topology;
}

/** The topology words of the contract, derived for one system over its sites. */
export interface Topology {
  /** The known sites the system is deployed to, in the order written. */
  sites: SiteModel[];
  cities: string[];
  /** City of the first primary (else active, else first) site. */
  primaryCity?: string;
  sameCityActiveActive: boolean;
  twoRegionsThreeDcs: boolean;
  multiSiteActiveActive: boolean;
  threeRegionsFiveDcs: boolean;
  /** A cold-standby site carries the system's only copy outside its primary city. */
  coldStandby: boolean;
}

export type TopologyWord =
  'same-city-active-active' | 'two-regions-three-dcs' | 'multi-site-active-active' | 'three-regions-five-dcs' | 'cold-standby';

export interface ProposalModel {
  tree: YamlTree;
  root: YMap | null;
  marker?: Located<string>;
  name?: Located<string>;
  customer?: Located<string>;
  industry?: Located<string>;
  mlps?: Located<number>;
  sites: SiteModel[];
  zones?: Located<Located<string>[]>;
  links: LinkModel[];
  systems: SystemModel[];
  /** First site with each id (duplicates are reported by validation). */
  siteById: Map<string, SiteModel>;
  systemById: Map<string, SystemModel>;
}

const DURATION = /^(\d+(?:\.\d+)?)\s*([smhd])$/;
const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

/** `0`, `30s`, `5m`, `2h`, `1d` → seconds; undefined when malformed. */
export function parseDuration(value: unknown): Duration | undefined {
  if (value === 0 || value === '0') return { text: '0', seconds: 0 };
  if (typeof value !== 'string') return undefined;
  const m = DURATION.exec(value.trim());
  if (!m) return undefined;
  return { text: value.trim(), seconds: Number(m[1]) * UNIT_SECONDS[m[2]!]! };
}

function located<T>(map: YNode | undefined, key: string, read: (node: YNode) => T | undefined): Located<T> | undefined {
  const entry = entryOf(map, key);
  if (!entry) return undefined;
  const value = read(entry.value);
  if (value === undefined) return undefined;
  return { value, node: entry.value, range: entry.value.range, keyRange: entry.keyRange, path: entry.value.path };
}

const asString = (node: YNode): string | undefined =>
  node.kind === 'scalar' && node.value !== null && typeof node.value !== 'boolean' ? String(node.value) : undefined;
const asNumber = (node: YNode): number | undefined =>
  node.kind === 'scalar' && typeof node.value === 'number' && !node.quoted ? node.value : undefined;
const asBoolean = (node: YNode): boolean | undefined =>
  node.kind === 'scalar' && typeof node.value === 'boolean' ? node.value : undefined;
const asDuration = (node: YNode): Duration | undefined => (node.kind === 'scalar' ? parseDuration(node.value) : undefined);

/** A list of strings; a lone scalar is not read as a list (validation reports it). */
function asStringList(node: YNode): Located<string>[] | undefined {
  if (node.kind !== 'seq') return undefined;
  const items: Located<string>[] = [];
  for (const item of node.items) {
    const value = asString(item);
    if (value !== undefined) items.push({ value, node: item, range: item.range, path: item.path });
  }
  return items;
}

function mapsOf(node: YNode | undefined): YMap[] {
  if (!node || node.kind !== 'seq') return [];
  return (node as YSeq).items.filter((i): i is YMap => i.kind === 'map');
}

/**
 * What was read from each site, link and system node. The incremental parser
 * hands unchanged items back as the same node objects, so an edit re-reads
 * only the items it touched; derived parts (topology) are computed afresh.
 */
const siteCache = new WeakMap<YMap, SiteModel>();
const linkCache = new WeakMap<YMap, LinkModel>();
const systemCache = new WeakMap<YMap, Omit<SystemModel, 'topology'>>();

function memo<K extends object, V>(cache: WeakMap<K, V>, key: K, read: (key: K) => V): V {
  let value = cache.get(key);
  if (value === undefined) {
    value = read(key);
    cache.set(key, value);
  }
  return value;
}

/** Reads the typed proposal from a parsed tree. Lenient: a value of the wrong type is left out. */
export function buildModel(tree: YamlTree): ProposalModel {
  const root = tree.root && tree.root.kind === 'map' ? tree.root : null;
  const rootNode = root ?? undefined;
  const siteNodes = mapsOf(entryOf(rootNode, 'sites')?.value);
  const sites: SiteModel[] = siteNodes.map((node) => memo(siteCache, node, readSite));
  const siteById = new Map<string, SiteModel>();
  for (const site of sites) if (site.id && !siteById.has(site.id.value)) siteById.set(site.id.value, site);

  const links: LinkModel[] = mapsOf(entryOf(rootNode, 'links')?.value).map((node) => memo(linkCache, node, readLink));

  const systems: SystemModel[] = mapsOf(entryOf(rootNode, 'systems')?.value).map((node) => {
    const read = memo(systemCache, node, readSystem);
    const topology = deriveTopology((read.sites?.value ?? []).map((s) => siteById.get(s.value)).filter((s): s is SiteModel => !!s));
    return { ...read, topology };
  });
  const systemById = new Map<string, SystemModel>();
  for (const system of systems) if (system.id && !systemById.has(system.id.value)) systemById.set(system.id.value, system);

  const compliance = entryOf(rootNode, 'compliance')?.value;
  return {
    tree,
    root,
    marker: located(rootNode, 'casebook', asString),
    name: located(rootNode, 'name', asString),
    customer: located(rootNode, 'customer', asString),
    industry: located(rootNode, 'industry', asString),
    mlps: located(compliance, 'mlps', asNumber),
    sites,
    zones: located(rootNode, 'zones', asStringList),
    links,
    systems,
    siteById,
    systemById,
  };
}

function readSite(node: YMap): SiteModel {
  return {
    index: indexIn(node),
    node,
    id: located(node, 'id', asString),
    city: located(node, 'city', asString),
    role: located(node, 'role', asString),
    platform: located(node, 'platform', asString),
  };
}

function readLink(node: YMap): LinkModel {
  return {
    index: indexIn(node),
    node,
    from: located(node, 'from', asString),
    to: located(node, 'to', asString),
    mode: located(node, 'mode', asString),
  };
}

function readSystem(node: YMap): Omit<SystemModel, 'topology'> {
  const load = entryOf(node, 'load')?.value;
  const database = entryOf(node, 'database')?.value;
  return {
    index: indexIn(node),
    node,
    id: located(node, 'id', asString),
    name: located(node, 'name', asString),
    tier: located(node, 'tier', asNumber),
    kind: located(node, 'kind', asString),
    availability: located(node, 'availability', asNumber),
    rto: located(node, 'rto', asDuration),
    rpo: located(node, 'rpo', asDuration),
    peakTps: located(load, 'peakTps', asNumber),
    dailyTransactions: located(load, 'dailyTransactions', asNumber),
    averageDailyTransactions: located(load, 'averageDailyTransactions', asNumber),
    architecture: located(node, 'architecture', asString),
    databaseEngine: located(database, 'engine', asString),
    databaseMode: located(database, 'mode', asString),
    transactions: located(node, 'transactions', asString),
    integration: located(node, 'integration', asString),
    runtime: located(node, 'runtime', asString),
    release: located(node, 'release', asString),
    observability: located(node, 'observability', asStringList),
    cloud: located(node, 'cloud', asString),
    sensitive: located(node, 'sensitive', asBoolean),
    data: located(node, 'data', asStringList),
    sites: located(node, 'sites', asStringList),
    dependsOn: located(node, 'dependsOn', asStringList),
  };
}

function indexIn(node: YMap): number {
  const last = node.path[node.path.length - 1];
  return typeof last === 'number' ? last : 0;
}

const EMPTY_TOPOLOGY: Topology = {
  sites: [],
  cities: [],
  sameCityActiveActive: false,
  twoRegionsThreeDcs: false,
  multiSiteActiveActive: false,
  threeRegionsFiveDcs: false,
  coldStandby: false,
};

const isLive = (site: SiteModel) => site.role?.value === 'primary' || site.role?.value === 'active';

/** Derives the contract's topology words from the sites one system runs in. */
export function deriveTopology(sites: SiteModel[]): Topology {
  if (sites.length === 0) return EMPTY_TOPOLOGY;
  const unique = [...new Map(sites.map((s) => [s.id?.value ?? `#${s.index}`, s])).values()];
  const byCity = new Map<string, SiteModel[]>();
  for (const site of unique) {
    const city = site.city?.value ?? `?${site.index}`;
    byCity.set(city, [...(byCity.get(city) ?? []), site]);
  }
  const cities = [...byCity.keys()];
  const main = unique.find((s) => s.role?.value === 'primary') ?? unique.find(isLive) ?? unique[0]!;
  const primaryCity = main.city?.value;
  const liveCities = new Set(unique.filter(isLive).map((s) => s.city?.value ?? `?${s.index}`));
  const outside = unique.filter((s) => (s.city?.value ?? `?${s.index}`) !== (primaryCity ?? `?${main.index}`));
  const largestCity = Math.max(...[...byCity.values()].map((list) => list.length));
  return {
    sites: unique,
    cities,
    ...(primaryCity !== undefined ? { primaryCity } : {}),
    sameCityActiveActive: [...byCity.values()].some((list) => list.length >= 2 && list.filter(isLive).length >= 2),
    twoRegionsThreeDcs: unique.length >= 3 && cities.length >= 2 && largestCity >= 2,
    multiSiteActiveActive: liveCities.size >= 2,
    threeRegionsFiveDcs: unique.length >= 5 && cities.length >= 3,
    coldStandby: outside.length > 0 && outside.every((s) => s.role?.value === 'cold-standby'),
  };
}

/** The words that hold for a topology, strongest first. */
export function topologyWords(topology: Topology): TopologyWord[] {
  const words: TopologyWord[] = [];
  if (topology.threeRegionsFiveDcs) words.push('three-regions-five-dcs');
  if (topology.twoRegionsThreeDcs) words.push('two-regions-three-dcs');
  if (topology.multiSiteActiveActive) words.push('multi-site-active-active');
  if (topology.sameCityActiveActive) words.push('same-city-active-active');
  if (topology.coldStandby) words.push('cold-standby');
  return words;
}
