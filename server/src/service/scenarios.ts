/**
 * Failure scenarios: what each system keeps when one site, one city or one
 * region is lost. The resilience rules judge these outcomes instead of
 * counting sites, so any topology that survives passes (两地三中心, 1+1+1
 * across three cities, 三地五中心) and one that does not is told which loss
 * breaks it.
 *
 * The model is deliberately coarse and stated in docs/rules.md: a surviving
 * primary/active copy takes over at once, a hot standby in minutes, a cold
 * standby in hours; data reaches the takeover copy over the replication
 * links (sync loses nothing, async its `lag`, or an unknown amount when no
 * lag is stated); a system stops when a dependency it waits on and cannot do
 * without (critical, sync) stops.
 */
import { lookupCity } from './geo';
import {
  isHardDependency,
  isLiveFor,
  roleFor,
  type DependencyModel,
  type LinkModel,
  type ProposalModel,
  type SiteModel,
  type SystemModel,
} from './model';

export type ScopeKind = 'site' | 'city' | 'region';

export interface Scope {
  kind: ScopeKind;
  /** Unique within its kind: the site id, the city identity, the region name. */
  key: string;
  /** How a message names it: `cd-1`, `成都`, `四川`. */
  label: string;
  /** The sites it takes down. */
  sites: ReadonlySet<SiteModel>;
}

/** How long takeover takes, by the role of the copy that takes over. */
export type Takeover = 'none' | 'minutes' | 'hours' | 'unknown';

/**
 * What the takeover copy lacks: `none` over a sync path; `lag` over async
 * with a stated lag; `some` over async without one (more than zero, amount
 * unknown); `unknown` when no link (or no mode) says how data gets there.
 */
export type DataLoss = { kind: 'none' } | { kind: 'lag'; seconds: number; text: string } | { kind: 'some' } | { kind: 'unknown' };

export interface SystemOutcome {
  system: SystemModel;
  /** The scope holds one of the system's sites. */
  hit: boolean;
  /** A copy of the system itself survives outside the scope. */
  ownSurvives: boolean;
  /** Its copy survives and so does every dependency it cannot do without. */
  survives: boolean;
  /** The copy that serves after the loss (undefined when none survives). */
  takeoverSite?: SiteModel;
  /** The slowest takeover along the system and its hard dependencies. */
  takeover?: Takeover;
  /** What the takeover copy lacks; undefined when no writer was lost. */
  dataLoss?: DataLoss;
  /** Its hard dependencies that stop in this scope, each with the chain that stops it (`core → ledger`). */
  lostDependencies: { dependency: DependencyModel; chain: string[] }[];
}

export interface Scenario {
  scope: Scope;
  outcomes: SystemOutcome[];
}

const TAKEOVER_ORDER: Record<Takeover, number> = { none: 0, minutes: 1, hours: 2, unknown: 3 };

/** How fast a copy takes over, by the role its site plays for the system. */
function takeoverOf(system: SystemModel, site: SiteModel): Takeover {
  switch (roleFor(system, site)?.value) {
    case 'primary':
    case 'active':
      return 'none';
    case 'hot-standby':
      return 'minutes';
    case 'cold-standby':
      return 'hours';
    default:
      return 'unknown';
  }
}

const slower = (a: Takeover, b: Takeover): Takeover => (TAKEOVER_ORDER[a] >= TAKEOVER_ORDER[b] ? a : b);

/* ------------------------------------------------------------------------ */
/* Scopes                                                                    */
/* ------------------------------------------------------------------------ */

/** Names the region a site belongs to. */
export type RegionOf = (site: SiteModel) => string | undefined;

/** The site's own `region` where an enterprise groups differently, else its city's province (unknown city: none). */
export const defaultRegion: RegionOf = (site) =>
  site.region?.value.trim() || (site.city ? lookupCity(site.city.value)?.province.zh : undefined);

/**
 * Every single site, city and region, in document order. A city or region
 * holding exactly the sites of a smaller scope adds nothing and is left out
 * (a city with one site is that site; a municipality is its own province).
 */
export function scopesOf(model: ProposalModel, regionOf: RegionOf = defaultRegion): Scope[] {
  const scopes: Scope[] = [];
  const sites = model.sites.filter((s) => s.id && model.siteById.get(s.id.value) === s);
  const seen = new Set<string>();
  const add = (kind: ScopeKind, key: string, label: string, members: SiteModel[]) => {
    const signature = members
      .map((s) => s.index)
      .sort((a, b) => a - b)
      .join(',');
    if (members.length === 0 || seen.has(signature)) return;
    seen.add(signature);
    scopes.push({ kind, key, label, sites: new Set(members) });
  };
  for (const site of sites) add('site', site.id!.value, site.id!.value, [site]);
  const byCity = groupBy(sites, (s) => (s.city ? s.cityKey : undefined));
  for (const [key, members] of byCity) add('city', key, members[0]!.city!.value.trim(), members);
  const byRegion = groupBy(sites, regionOf);
  for (const [key, members] of byRegion) add('region', key, key, members);
  return scopes;
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string | undefined): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    if (key === undefined) continue;
    const list = groups.get(key);
    if (list) list.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/* ------------------------------------------------------------------------ */
/* Simulation                                                                */
/* ------------------------------------------------------------------------ */

interface OwnOutcome {
  hit: boolean;
  survives: boolean;
  takeoverSite?: SiteModel;
  takeover?: Takeover;
  dataLoss?: DataLoss;
}

/** Replication links by site, both ways: a link carries data in whichever direction the writer needs. */
function linkGraph(model: ProposalModel): Map<SiteModel, { other: SiteModel; link: LinkModel }[]> {
  const graph = new Map<SiteModel, { other: SiteModel; link: LinkModel }[]>();
  const add = (a: SiteModel, b: SiteModel, link: LinkModel) => {
    const list = graph.get(a);
    if (list) list.push({ other: b, link });
    else graph.set(a, [{ other: b, link }]);
  };
  for (const link of model.links) {
    const from = link.from && model.siteById.get(link.from.value);
    const to = link.to && model.siteById.get(link.to.value);
    if (!from || !to || from === to) continue;
    add(from, to, link);
    add(to, from, link);
  }
  return graph;
}

/** A link's cost as data loss: 0 for sync, the lag for async, Infinity when unknown but more than zero, NaN when unknown. */
function linkLoss(link: LinkModel): number {
  const mode = link.mode?.value;
  if (mode === 'sync') return 0;
  if (mode === 'async') return link.lag ? Math.max(link.lag.value.seconds, Number.MIN_VALUE) : Infinity;
  return Number.NaN;
}

type PathLoss = { loss: number; lag?: LinkModel };
type LinkGraph = ReturnType<typeof linkGraph>;

/** Path losses from each writer, computed once per writer and scope run (every system on that site shares them). */
const pathCache = new WeakMap<LinkGraph, Map<SiteModel, Map<SiteModel, PathLoss>>>();

/**
 * The least data loss over any path of links from `writer` to `target`: a
 * path loses what its worst link loses (a minimax path). NaN (unknown) ranks
 * last; no path at all is undefined.
 */
function bestPathLoss(graph: LinkGraph, writer: SiteModel, target: SiteModel): PathLoss | undefined {
  if (target === writer) return { loss: 0 };
  let byWriter = pathCache.get(graph);
  if (!byWriter) pathCache.set(graph, (byWriter = new Map<SiteModel, Map<SiteModel, PathLoss>>()));
  let best = byWriter.get(writer);
  if (!best) byWriter.set(writer, (best = pathsFrom(graph, writer)));
  return best.get(target);
}

function pathsFrom(graph: LinkGraph, writer: SiteModel): Map<SiteModel, PathLoss> {
  const rank = (x: number) => (Number.isNaN(x) ? Number.MAX_VALUE : x);
  const best = new Map<SiteModel, PathLoss>([[writer, { loss: 0 }]]);
  const queue: SiteModel[] = [writer];
  // Few sites per proposal: relaxing until nothing improves is plenty, and ends (a loss only ever falls).
  for (let head = 0; head < queue.length; head++) {
    const site = queue[head]!;
    const here = best.get(site)!;
    for (const { other, link } of graph.get(site) ?? []) {
      const cost = linkLoss(link);
      const worse = Number.isNaN(cost) || Number.isNaN(here.loss) ? Number.NaN : Math.max(here.loss, cost);
      const known = best.get(other);
      if (known && rank(worse) >= rank(known.loss)) continue;
      const worstLink = !Number.isNaN(worse) && worse === here.loss ? here.lag : link;
      best.set(other, { loss: worse, ...(worstLink ? { lag: worstLink } : {}) });
      queue.push(other);
    }
  }
  return best;
}

function toDataLoss(path: { loss: number; lag?: LinkModel } | undefined): DataLoss {
  if (!path || Number.isNaN(path.loss)) return { kind: 'unknown' };
  if (path.loss === 0) return { kind: 'none' };
  if (path.loss === Infinity) return { kind: 'some' };
  const lag = path.lag?.lag;
  return { kind: 'lag', seconds: lag?.value.seconds ?? path.loss, text: lag?.value.text ?? `${path.loss}s` };
}

const LOSS_ORDER = (loss: DataLoss): number =>
  loss.kind === 'none' ? 0 : loss.kind === 'lag' ? 1 + loss.seconds / 1e12 : loss.kind === 'some' ? 3 : 4;

const UNTOUCHED: OwnOutcome = Object.freeze({ hit: false, survives: true, takeover: 'none' });
const UNTOUCHED_NOWHERE: OwnOutcome = Object.freeze({ hit: false, survives: false, takeover: 'none' });

/** The system's own copies: which one takes over, how fast, with how much data. */
function ownOutcome(system: SystemModel, scope: Scope, graph: LinkGraph): OwnOutcome {
  const sites = system.topology.sites;
  // Most systems are untouched by most scopes (1,000 systems × every site, city and region): no allocation for them.
  if (!sites.some((s) => scope.sites.has(s))) return sites.length > 0 ? UNTOUCHED : UNTOUCHED_NOWHERE;
  const surviving = sites.filter((s) => !scope.sites.has(s));
  const [firstSite] = sites;
  if (surviving.length === 0 || !firstSite) return { hit: true, survives: false };
  const isLive = (site: SiteModel) => isLiveFor(system, site);
  const writers = sites.some(isLive) ? sites.filter(isLive) : [firstSite];
  const lostWriters = writers.filter((w) => scope.sites.has(w));
  // The fastest surviving copy serves; among equals, the one the lost writers' data reaches best.
  const candidates = surviving.filter(
    (s) => TAKEOVER_ORDER[takeoverOf(system, s)] === Math.min(...surviving.map((c) => TAKEOVER_ORDER[takeoverOf(system, c)])),
  );
  let choice = candidates[0]!;
  let loss: DataLoss | undefined;
  if (lostWriters.length > 0) {
    for (const candidate of candidates) {
      const candidateLoss = lostWriters
        .map((w) => toDataLoss(bestPathLoss(graph, w, candidate)))
        .reduce((a, b) => (LOSS_ORDER(a) >= LOSS_ORDER(b) ? a : b));
      if (!loss || LOSS_ORDER(candidateLoss) < LOSS_ORDER(loss)) {
        loss = candidateLoss;
        choice = candidate;
      }
    }
  }
  const takeover = lostWriters.length === 0 ? 'none' : takeoverOf(system, choice);
  return { hit: true, survives: true, takeoverSite: choice, takeover, ...(loss ? { dataLoss: loss } : {}) };
}

/** Simulates one scope for every system; hard dependencies are followed transitively (a cycle counts as surviving). */
export function simulate(model: ProposalModel, scope: Scope, graph = linkGraph(model)): Scenario {
  const own = new Map<SystemModel, OwnOutcome>();
  const result = new Map<SystemModel, SystemOutcome>();
  const inProgress = new Set<SystemModel>();
  const ownOf = (system: SystemModel) => {
    let o = own.get(system);
    if (!o) own.set(system, (o = ownOutcome(system, scope, graph)));
    return o;
  };
  const outcomeOf = (system: SystemModel): SystemOutcome => {
    const known = result.get(system);
    if (known) return known;
    const mine = ownOf(system);
    inProgress.add(system);
    const lostDependencies: SystemOutcome['lostDependencies'] = [];
    let takeover = mine.takeover;
    for (const dependency of system.dependencies) {
      if (!isHardDependency(dependency)) continue;
      const target = model.systemById.get(dependency.id.value);
      if (!target || target === system || inProgress.has(target)) continue;
      const theirs = outcomeOf(target);
      if (!theirs.survives) {
        const next = theirs.ownSurvives ? (theirs.lostDependencies[0]?.chain ?? []) : [];
        lostDependencies.push({ dependency, chain: [dependency.id.value, ...next] });
      } else if (takeover !== undefined && theirs.takeover !== undefined) {
        takeover = slower(takeover, theirs.takeover);
      }
    }
    inProgress.delete(system);
    const survives = mine.survives && lostDependencies.length === 0;
    // Assigned rather than spread: this runs for every system in every scope.
    const outcome: SystemOutcome = { system, hit: mine.hit, ownSurvives: mine.survives, survives, lostDependencies };
    if (mine.takeoverSite) outcome.takeoverSite = mine.takeoverSite;
    if (survives && takeover !== undefined) outcome.takeover = takeover;
    if (mine.dataLoss) outcome.dataLoss = mine.dataLoss;
    result.set(system, outcome);
    return outcome;
  };
  return { scope, outcomes: model.systems.map(outcomeOf) };
}

const cache = new WeakMap<ProposalModel, Scenario[]>();

/** Every scope simulated, once per model (the rules, hover, code lens and preview share it). */
export function scenariosOf(model: ProposalModel, regionOf?: RegionOf): Scenario[] {
  // Only the default grouping is cached: a caller's own grouping gets its own run.
  const known = regionOf ? undefined : cache.get(model);
  if (known) return known;
  const graph = linkGraph(model);
  const scenarios = scopesOf(model, regionOf).map((scope) => simulate(model, scope, graph));
  if (!regionOf) cache.set(model, scenarios);
  return scenarios;
}

/** The scopes a system's tier obliges it to survive: tier 1 every site and city, tier 2 every site. */
export function requiredScopeKinds(system: SystemModel): readonly ScopeKind[] {
  const tier = system.tier?.value;
  return tier === 1 ? ['site', 'city'] : tier === 2 ? ['site'] : [];
}
