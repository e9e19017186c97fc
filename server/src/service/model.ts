import type { Range } from 'vscode-languageserver-types';
import { cityKey } from './geo';
import type { YamlTree } from './yamlTree';
import { entryOf, type JsonPath, type YMap, type YNode } from './yamlNodes';

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

export interface SiteModel {
  index: number;
  node: YMap;
  id?: Located<string>;
  city?: Located<string>;
  /** The city's identity (上海 = 上海市 = Shanghai); a site without a city gets a key of its own. */
  cityKey: string;
  /** An enterprise's own grouping of sites (华南区); else the region is the city's province. */
  region?: Located<string>;
  role?: Located<string>;
  platform?: Located<string>;
}

export interface LinkModel {
  index: number;
  node: YMap;
  from?: Located<string>;
  to?: Located<string>;
  mode?: Located<string>;
  /** How far an async copy may trail: its data loss on takeover. */
  lag?: Located<Duration>;
}

/** One `dependsOn` item: a bare id, or `{ id, mode, critical, writes }`. */
export interface DependencyModel {
  id: Located<string>;
  /** `sync` unless written otherwise: a bare id keeps its old meaning. */
  mode: 'sync' | 'async';
  /** True unless `critical: false` is written. */
  critical: boolean;
  /** As written: the call writes into the other system's data (true) or only reads it (false); absent when unsaid. */
  writes?: boolean;
  /** The list item (the scalar, or the map of an object item). */
  item: YNode;
}

/** Only a dependency the system waits on and cannot do without takes it down with it. */
export const isHardDependency = (dependency: DependencyModel): boolean => dependency.mode === 'sync' && dependency.critical;

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
  /** Objectives for losing any single site (机房级故障). */
  rto?: Located<Duration>;
  rpo?: Located<Duration>;
  /** Objectives for losing the system's whole city (城市级灾难); unset, a city loss is judged on survival only. */
  cityLossRto?: Located<Duration>;
  cityLossRpo?: Located<Duration>;
  /** The system's own 等保 level, overriding `compliance.mlps`. */
  mlps?: Located<number>;
  /** Supports 重要业务 / is a 重要信息系统 (issue 11). */
  important?: Located<boolean>;
  /** The GB/T 20988 DR capability level the proposal claims, 1–6. */
  drLevel?: Located<number>;
  peakTps?: Located<number>;
  dailyTransactions?: Located<number>;
  averageDailyTransactions?: Located<number>;
  architecture?: Located<string>;
  databaseEngine?: Located<string>;
  databaseMode?: Located<string>;
  /** The peak TPS the database was load-tested or sized to. */
  databaseCapacityTps?: Located<number>;
  /** The daily window in which the system may stop (`22:00-06:00`). */
  batchWindow?: Located<string>;
  internetFacing?: Located<boolean>;
  transactions?: Located<string>;
  integration?: Located<string>;
  runtime?: Located<string>;
  release?: Located<string>;
  observability?: Located<Located<string>[]>;
  cloud?: Located<string>;
  sensitive?: Located<boolean>;
  data?: Located<Located<string>[]>;
  sites?: Located<Located<string>[]>;
  /**
   * `siteRoles`: the role a site plays for this system where it differs from the site's own (a unitised proposal:
   * cd-1 active for auth, a hot standby for posting), by site id.
   */
  siteRoles: Map<string, Located<string>>;
  /** The ids `dependsOn` names, bare or in object items, in the order written. */
  dependsOn?: Located<Located<string>[]>;
  /** The same items with their mode and criticality. */
  dependencies: DependencyModel[];
  topology: Topology;
}

/** The topology words of the contract, derived for one system over its sites. */
export interface Topology {
  /** The known sites the system is deployed to, in the order written. */
  sites: SiteModel[];
  /** One name per city identity, as first written. */
  cities: string[];
  /** The system's main site: its first primary (else active, else first) site, in the roles it plays for the system. */
  mainSite?: SiteModel;
  /** City of the main site. */
  primaryCity?: string;
  /** Its identity (`cityKey`). */
  primaryCityKey?: string;
  sameCityActiveActive: boolean;
  twoRegionsThreeDcs: boolean;
  multiSiteActiveActive: boolean;
  threeRegionsFiveDcs: boolean;
  /** A cold-standby site carries the system's only copy outside its primary city. */
  coldStandby: boolean;
}

export type TopologyWord =
  'same-city-active-active' | 'two-regions-three-dcs' | 'multi-site-active-active' | 'three-regions-five-dcs' | 'cold-standby';

export interface InstitutionModel {
  node: YMap;
  keyRange: Range;
  /** state-owned | joint-stock | city-commercial | rural-commercial | rural-credit-union | insurer | securities | fund | other. */
  type?: Located<string>;
  totalAssets?: Located<number>;
  crossProvince?: Located<boolean>;
}

export interface ProposalModel {
  tree: YamlTree;
  root: YMap | null;
  marker?: Located<string>;
  name?: Located<string>;
  customer?: Located<string>;
  industry?: Located<string>;
  mlps?: Located<number>;
  /** The institution profile (issue 11): what regulation clauses apply to. */
  institution?: InstitutionModel;
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
function parseDuration(value: unknown): Duration | undefined {
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
  return node.items.filter((i): i is YMap => i.kind === 'map');
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
    const topology = deriveTopology(
      (read.sites?.value ?? []).map((s) => siteById.get(s.value)).filter((s): s is SiteModel => !!s),
      read,
    );
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
    ...institutionOf(rootNode),
    sites,
    zones: located(rootNode, 'zones', asStringList),
    links,
    systems,
    siteById,
    systemById,
  };
}

function institutionOf(rootNode: YNode | undefined): { institution?: InstitutionModel } {
  const entry = entryOf(rootNode, 'institution');
  if (!entry || entry.value.kind !== 'map') return {};
  const node = entry.value;
  return {
    institution: {
      node,
      keyRange: entry.keyRange,
      type: located(node, 'type', asString),
      totalAssets: located(node, 'totalAssets', asNumber),
      crossProvince: located(node, 'crossProvince', asBoolean),
    },
  };
}

function readSite(node: YMap): SiteModel {
  const index = indexIn(node);
  const city = located(node, 'city', asString);
  return {
    index,
    node,
    id: located(node, 'id', asString),
    city,
    cityKey: city && city.value.trim() !== '' ? cityKey(city.value) : `?${index}`,
    region: located(node, 'region', asString),
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
    lag: located(node, 'lag', asDuration),
  };
}

/** `dependsOn` items: bare ids and `{ id, mode, critical }` maps; an item without a readable id is validation's to report. */
function readDependencies(node: YMap): DependencyModel[] {
  const list = entryOf(node, 'dependsOn')?.value;
  if (!list || list.kind !== 'seq') return [];
  const out: DependencyModel[] = [];
  for (const item of list.items) {
    if (item.kind === 'scalar') {
      const value = asString(item);
      if (value !== undefined)
        out.push({ id: { value, node: item, range: item.range, path: item.path }, mode: 'sync', critical: true, item });
      continue;
    }
    if (item.kind !== 'map') continue;
    const id = located(item, 'id', asString);
    if (!id) continue;
    const mode = located(item, 'mode', asString)?.value === 'async' ? 'async' : 'sync';
    const critical = located(item, 'critical', asBoolean)?.value !== false;
    const writes = located(item, 'writes', asBoolean)?.value;
    out.push({ id, mode, critical, ...(writes !== undefined ? { writes } : {}), item });
  }
  return out;
}

function readSystem(node: YMap): Omit<SystemModel, 'topology'> {
  const load = entryOf(node, 'load')?.value;
  const database = entryOf(node, 'database')?.value;
  const cityLoss = entryOf(node, 'cityLoss')?.value;
  const dependencies = readDependencies(node);
  const dependsOnEntry = entryOf(node, 'dependsOn');
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
    cityLossRto: located(cityLoss, 'rto', asDuration),
    cityLossRpo: located(cityLoss, 'rpo', asDuration),
    mlps: located(node, 'mlps', asNumber),
    important: located(node, 'important', asBoolean),
    drLevel: located(node, 'drLevel', asNumber),
    peakTps: located(load, 'peakTps', asNumber),
    dailyTransactions: located(load, 'dailyTransactions', asNumber),
    averageDailyTransactions: located(load, 'averageDailyTransactions', asNumber),
    architecture: located(node, 'architecture', asString),
    databaseEngine: located(database, 'engine', asString),
    databaseMode: located(database, 'mode', asString),
    databaseCapacityTps: located(database, 'capacityTps', asNumber),
    batchWindow: located(node, 'batchWindow', asString),
    internetFacing: located(node, 'internetFacing', asBoolean),
    transactions: located(node, 'transactions', asString),
    integration: located(node, 'integration', asString),
    runtime: located(node, 'runtime', asString),
    release: located(node, 'release', asString),
    observability: located(node, 'observability', asStringList),
    cloud: located(node, 'cloud', asString),
    sensitive: located(node, 'sensitive', asBoolean),
    data: located(node, 'data', asStringList),
    sites: located(node, 'sites', asStringList),
    siteRoles: readSiteRoles(node),
    ...(dependsOnEntry && dependsOnEntry.value.kind === 'seq'
      ? {
          dependsOn: {
            value: dependencies.map((d) => d.id),
            node: dependsOnEntry.value,
            range: dependsOnEntry.value.range,
            keyRange: dependsOnEntry.keyRange,
            path: dependsOnEntry.value.path,
          },
        }
      : {}),
    dependencies,
  };
}

function readSiteRoles(node: YMap): Map<string, Located<string>> {
  const roles = new Map<string, Located<string>>();
  const map = entryOf(node, 'siteRoles')?.value;
  if (map?.kind !== 'map') return roles;
  for (const entry of map.entries) {
    const value = asString(entry.value);
    if (value !== undefined && !roles.has(entry.key))
      roles.set(entry.key, { value, node: entry.value, range: entry.value.range, keyRange: entry.keyRange, path: entry.value.path });
  }
  return roles;
}

/** The role a site plays for a system: its `siteRoles` entry, else the site's own. */
export function roleFor(system: Pick<SystemModel, 'siteRoles'>, site: SiteModel): Located<string> | undefined {
  return (site.id && system.siteRoles.get(site.id.value)) || site.role;
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

/** Serves writes for the system: a primary or an active site (as the system uses it). */
export const isLiveFor = (system: Pick<SystemModel, 'siteRoles'>, site: SiteModel): boolean => {
  const role = roleFor(system, site)?.value;
  return role === 'primary' || role === 'active';
};

/** Derives the contract's topology words from the sites one system runs in, each in the role it plays for the system. */
function deriveTopology(sites: SiteModel[], system: Pick<SystemModel, 'siteRoles'>): Topology {
  const isLive = (site: SiteModel) => isLiveFor(system, site);
  const unique = [...new Map(sites.map((s) => [s.id?.value ?? `#${s.index}`, s])).values()];
  const main = unique.find((s) => roleFor(system, s)?.value === 'primary') ?? unique.find(isLive) ?? unique[0];
  if (!main) return EMPTY_TOPOLOGY;
  const byCity = new Map<string, SiteModel[]>();
  for (const site of unique) byCity.set(site.cityKey, [...(byCity.get(site.cityKey) ?? []), site]);
  const cities = [...byCity.values()].map((list) => list[0]?.city?.value.trim() ?? '?');
  const liveCities = new Set(unique.filter(isLive).map((s) => s.cityKey));
  const outside = unique.filter((s) => s.cityKey !== main.cityKey);
  const largestCity = Math.max(...[...byCity.values()].map((list) => list.length));
  return {
    sites: unique,
    cities,
    mainSite: main,
    ...(main.city !== undefined ? { primaryCity: main.city.value.trim(), primaryCityKey: main.cityKey } : {}),
    sameCityActiveActive: [...byCity.values()].some((list) => list.length >= 2 && list.filter(isLive).length >= 2),
    twoRegionsThreeDcs: unique.length >= 3 && byCity.size >= 2 && largestCity >= 2,
    multiSiteActiveActive: liveCities.size >= 2,
    threeRegionsFiveDcs: unique.length >= 5 && byCity.size >= 3,
    coldStandby: outside.length > 0 && outside.every((s) => roleFor(system, s)?.value === 'cold-standby'),
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
