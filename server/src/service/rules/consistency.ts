/**
 * Consistency: promises a proposal makes that its own topology contradicts
 * (RPO 0 over an async link, more availability than the dependencies allow)
 * or leaves unstated (a tier-1 system without recovery objectives).
 */
import type { LinkModel, ProposalModel, SiteModel, SystemModel } from '../model';
import type { RawFinding } from '../types';
import { entryOf } from '../yamlTree';
import { cites, fig, finding, formatPercent, on, replaceValue, opening, systemLabel, type CasebookRule } from './helpers';

const FAMILY = 'consistency';

const MYBANK_3R5DC = fig('mybank', 'three-regions-five-dcs');
const TIANHONG_ONLINE = fig('tianhong-fund', 'online-dr');
const MYBANK_AVAILABILITY = fig('mybank', 'availability');
const PICC_AVAILABILITY = fig('picc-health', 'availability');
const TIANHONG_DR = fig('tianhong-fund', 'dr-policy');

/* ------------------------------------------------------------------------ */

/** Replication links by site id, both directions, built once per check. */
function linksBySite(model: ProposalModel): Map<string, LinkModel[]> {
  const bySite = new Map<string, LinkModel[]>();
  const add = (id: string | undefined, link: LinkModel) => {
    if (id === undefined) return;
    const list = bySite.get(id);
    if (list) list.push(link);
    else bySite.set(id, [link]);
  };
  for (const link of model.links) {
    add(link.from?.value, link);
    if (link.to?.value !== link.from?.value) add(link.to?.value, link);
  }
  return bySite;
}

/** Links between two of the system's sites that lie in different cities. */
function outOfCityLinks(system: SystemModel, bySite: Map<string, LinkModel[]>): LinkModel[] {
  const own = new Map<string, SiteModel>();
  for (const site of system.topology.sites) if (site.id) own.set(site.id.value, site);
  const found = new Set<LinkModel>();
  for (const [id] of own) {
    for (const link of bySite.get(id) ?? []) {
      const from = link.from && own.get(link.from.value);
      const to = link.to && own.get(link.to.value);
      if (!from || !to || !from.city || !to.city) continue;
      if (from.city.value !== to.city.value) found.add(link);
    }
  }
  return [...found];
}

export const rpoZeroAsyncReplication: CasebookRule = {
  id: 'rpo-zero-async-replication',
  family: FAMILY,
  defaultSeverity: 'error',
  title: { zh: 'RPO 0 与异步复制矛盾', en: 'RPO 0 contradicts asynchronous replication' },
  description: {
    zh: '系统承诺 RPO 0，但它跨城市的复制链路全部是 async：异地中心接管时会丢失尚未复制的数据。网商银行以三地五中心多副本同步做到数据零丢失；天弘基金的在线业务要求极低的 RPO。',
    en: 'The system promises an RPO of 0, yet every replication link between its cities is async: when the remote site takes over, whatever was not yet copied is lost. MYbank keeps data loss at zero with synchronous replicas across three regions, five DCs; Tianhong Fund requires a very low RPO for online business.',
  },
  patterns: ['three-regions-five-dcs', 'multi-site-active-active'],
  cases: ['mybank', 'tianhong-fund'],
  quotes: [MYBANK_3R5DC, TIANHONG_ONLINE],
  check({ model, library }) {
    if (model.links.length === 0) return [];
    const bySite = linksBySite(model);
    const out: RawFinding[] = [];
    for (const system of model.systems) {
      if (!system.rpo || system.rpo.value.seconds !== 0 || system.topology.cities.length < 2) continue;
      const links = outOfCityLinks(system, bySite);
      if (links.length === 0 || links.some((l) => l.mode?.value !== 'async')) continue;
      const names = links.map((l) => `${l.from?.value}→${l.to?.value}`);
      const label = opening(systemLabel(system));
      const refs = cites(library, [MYBANK_3R5DC, TIANHONG_ONLINE]);
      out.push(
        finding(
          rpoZeroAsyncReplication,
          on(system.rpo),
          {
            zh: `${label.zh} 承诺 RPO 0，但跨城市的复制链路（${names.join('、')}）全是 async：异地接管时会丢失未复制的数据。参考：${refs.zh}。请改为同步（或多数派）复制，或如实放宽 RPO。`,
            en: `${label.en} promises an RPO of 0, but its replication between cities (${names.join(', ')}) is all async: a remote takeover loses whatever was not yet copied. For reference: ${refs.en}. Replicate synchronously (or by majority), or state the real RPO.`,
          },
          [
            {
              title: { zh: `将 ${names.join('、')} 改为同步复制（sync）`, en: `Make ${names.join(', ')} synchronous` },
              edits: links.flatMap((l) => (l.mode ? [{ range: l.mode.range, newText: 'sync' }] : [])),
            },
          ],
        ),
      );
    }
    return out;
  },
};

/* ------------------------------------------------------------------------ */

/**
 * Above this many dependency visits in one check (every keystroke), a walk
 * stops as soon as its product breaks the promise (still a true "at most"),
 * and gives up after PER_SYSTEM_VISITS_OVER_BUDGET more visits: unproven is quiet.
 */
const DEPENDENCY_VISIT_BUDGET = 500_000;
const PER_SYSTEM_VISITS_OVER_BUDGET = 64;
/** Float tolerance: 99.99 written in the file vs a product computed in binary. */
const EPSILON = 1e-12;

interface Ceiling {
  /** Product of the distinct transitive dependencies' availabilities, as a fraction. */
  product: number;
  /** Whether every dependency was visited (false once the visit budget ran out). */
  exact: boolean;
  /** The weakest dependencies, at most three, weakest first. */
  weakest: number[];
  count: number;
}

/**
 * Serial availability: a system is up only when every system it calls
 * (transitively) is up, so its ceiling is the product of their
 * availabilities. Each distinct dependency counts once (a diamond is not
 * double-counted; a cycle stops at a system already seen). The id index,
 * adjacency and availabilities are computed once per check and shared by
 * every traversal, and one generation-stamp array replaces a visited set per
 * system. A product over distinct descendants cannot be composed from the
 * children's products (shared descendants would count twice), so each
 * system walks its own closure; the visit budget bounds pathological graphs.
 */
class DependencyCeilings {
  private readonly index = new Map<string, number>();
  private readonly deps: number[][];
  private readonly availability: Float64Array;
  private readonly stamp: Int32Array;
  private generation = 0;
  private budget = DEPENDENCY_VISIT_BUDGET;
  /** Ceilings by dependency set: systems that call the same services (common in large estates) share one walk. */
  private readonly bySet = new Map<string, Ceiling>();

  constructor(private readonly systems: SystemModel[]) {
    systems.forEach((s, i) => {
      if (s.id && !this.index.has(s.id.value)) this.index.set(s.id.value, i);
    });
    this.availability = Float64Array.from(systems, (s) => (s.availability ? s.availability.value / 100 : 1));
    this.deps = systems.map((s) => {
      const list: number[] = [];
      for (const d of s.dependsOn?.value ?? []) {
        const j = this.index.get(d.value);
        if (j !== undefined) list.push(j);
      }
      return list;
    });
    this.stamp = new Int32Array(systems.length);
    this.acyclic = acyclicSystems(this.deps);
  }

  /** Systems whose dependency closure holds no cycle (so never themselves): only their walks can be shared. */
  private readonly acyclic: Uint8Array;

  /** The ceiling for system `i`; stops early below `floor` only when the budget is spent. */
  of(i: number, floor: number): Ceiling {
    const direct = this.deps[i]!;
    const shareable = this.acyclic[i] === 1;
    const key = !shareable ? '' : direct.length === 1 ? String(direct[0]) : [...new Set(direct)].sort((a, b) => a - b).join(',');
    const cached = shareable ? this.bySet.get(key) : undefined;
    if (cached) return cached;
    const generation = ++this.generation;
    const stack = direct.slice();
    let product = 1;
    let count = 0;
    let exact = true;
    let overBudget = 0;
    const weakest: number[] = [];
    while (stack.length > 0) {
      const j = stack.pop()!;
      if (this.stamp[j] === generation) continue;
      this.stamp[j] = generation;
      // A cycle back to the system itself: its own promise is not a dependency.
      if (j === i) continue;
      count++;
      product *= this.availability[j]!;
      if (this.availability[j]! < 1) this.keepWeakest(weakest, j);
      if (--this.budget < 0 && (product < floor || ++overBudget > PER_SYSTEM_VISITS_OVER_BUDGET)) {
        exact = stack.length === 0 && this.deps[j]!.every((k) => this.stamp[k] === generation);
        break;
      }
      for (const k of this.deps[j]!) if (this.stamp[k] !== generation) stack.push(k);
    }
    const ceiling = { product, exact, weakest, count };
    if (exact && shareable) this.bySet.set(key, ceiling);
    return ceiling;
  }

  /** Keeps the three weakest dependencies seen so far, weakest first (insertion into a list of ≤3). */
  private keepWeakest(weakest: number[], j: number): void {
    const a = this.availability[j]!;
    if (weakest.length === 3 && a >= this.availability[weakest[2]!]!) return;
    let at = weakest.length;
    while (at > 0 && this.availability[weakest[at - 1]!]! > a) at--;
    weakest.splice(at, 0, j);
    if (weakest.length > 3) weakest.pop();
  }

  label(j: number): string {
    const s = this.systems[j]!;
    return `${s.id?.value ?? `#${j + 1}`} ${formatPercent(this.availability[j]! * 100)}`;
  }
}

/**
 * Peels systems without remaining dependencies (Kahn's algorithm): what is
 * left is on a cycle or reaches one.
 */
function acyclicSystems(deps: number[][]): Uint8Array {
  const pending = Int32Array.from(deps, (d) => d.length);
  const dependents: number[][] = deps.map(() => []);
  deps.forEach((list, i) => {
    for (const j of list) dependents[j]!.push(i);
  });
  const done = new Uint8Array(deps.length);
  const queue: number[] = [];
  pending.forEach((n, i) => {
    if (n === 0) queue.push(i);
  });
  for (let head = 0; head < queue.length; head++) {
    const j = queue[head]!;
    done[j] = 1;
    for (const i of dependents[j]!) if (--pending[i]! === 0) queue.push(i);
  }
  return done;
}

/** The highest availability, in percent with 4 decimals, that a ceiling allows (rounded down). */
function allowedPercent(product: number): number {
  return Math.floor(product * 100 * 1e4 + 1e-6) / 1e4;
}

export const availabilityExceedsDependencies: CasebookRule = {
  id: 'availability-exceeds-dependencies',
  family: FAMILY,
  defaultSeverity: 'error',
  title: { zh: '可用性承诺高于依赖所能提供的', en: 'Availability promised above what dependencies allow' },
  description: {
    zh: '系统只有在它（传递）依赖的所有系统都可用时才可用，所以它的可用性上限是这些依赖可用性的乘积（每个依赖只计一次）。承诺高于这个上限的数字无法兑现。网商银行、人保健康的 99.99% 建立在整条调用链都按同一目标建设（单元化、多活）之上。',
    en: 'A system is up only when every system it (transitively) depends on is up, so its availability is bounded by the product of theirs (each dependency counted once). A promise above that bound cannot be kept. The 99.99% of MYbank and PICC Health rests on building the whole call chain to that target (unitization, active-active).',
  },
  patterns: ['unitization', 'multi-site-active-active'],
  cases: ['mybank', 'picc-health'],
  quotes: [MYBANK_AVAILABILITY, PICC_AVAILABILITY],
  check({ model, library }) {
    const out: RawFinding[] = [];
    let ceilings: DependencyCeilings | undefined;
    model.systems.forEach((system, i) => {
      if (!system.availability || !system.dependsOn || system.dependsOn.value.length === 0) return;
      ceilings ??= new DependencyCeilings(model.systems);
      const promise = system.availability.value / 100;
      const ceiling = ceilings.of(i, promise);
      if (promise <= ceiling.product * (1 + EPSILON)) return;
      const allowed = allowedPercent(ceiling.product);
      const atMost = formatPercent(allowed);
      const promised = formatPercent(system.availability.value);
      const weakest = ceiling.weakest.map((j) => ceilings!.label(j));
      const label = opening(systemLabel(system));
      const refs = cites(library, [MYBANK_AVAILABILITY, PICC_AVAILABILITY]);
      const scope = ceiling.exact
        ? {
            zh: `它串行依赖的 ${ceiling.count} 个系统`,
            en: ceiling.count === 1 ? 'the one system it depends on' : `the ${ceiling.count} systems it depends on in series`,
          }
        : { zh: `它串行依赖的系统（已计入 ${ceiling.count} 个）`, en: `the systems it depends on in series (${ceiling.count} counted)` };
      out.push(
        finding(
          availabilityExceedsDependencies,
          on(system.availability),
          {
            zh: `${label.zh} 承诺可用性 ${promised}，但${scope.zh}最多只允许 ${atMost}（最弱：${weakest.join('、')}）。参考：${refs.zh}，整条调用链按同一目标建设。请提高依赖的可用性、去掉强依赖（异步化、降级），或如实降低承诺。`,
            en: `${label.en} promises ${promised} availability, but ${scope.en} ${ceiling.count === 1 && ceiling.exact ? 'allows' : 'allow'} at most ${atMost} (weakest: ${weakest.join(', ')}). For reference: ${refs.en}, with the whole call chain built to that target. Raise the dependencies, make them non-blocking (async, degradation), or promise what the chain allows.`,
          },
          allowed > 0
            ? [replaceValue(system.availability, String(allowed), { zh: `将可用性承诺改为 ${atMost}`, en: `Promise ${atMost} instead` })]
            : undefined,
        ),
      );
    });
    return out;
  },
};

/* ------------------------------------------------------------------------ */

export const tier1MissingRecoveryObjectives: CasebookRule = {
  id: 'tier1-missing-recovery-objectives',
  family: FAMILY,
  defaultSeverity: 'warning',
  title: { zh: '一级系统缺少 RTO/RPO', en: 'Tier-1 system without RTO/RPO' },
  description: {
    zh: '一级业务系统必须写明恢复时间目标（rto）和恢复点目标（rpo）：容灾架构、复制方式和演练都以它们为准。天弘基金按业务等级设定容灾能力，在线类业务要求极低的 RTO 和 RPO。',
    en: 'A tier-1 system must state its recovery time objective (rto) and recovery point objective (rpo): the DR design, replication mode and drills are all measured against them. Tianhong Fund sets DR capability by business tier and requires a very low RTO and RPO for online business.',
  },
  patterns: ['two-regions-three-dcs'],
  cases: ['tianhong-fund'],
  quotes: [TIANHONG_ONLINE, TIANHONG_DR],
  check({ model, library }) {
    const out: RawFinding[] = [];
    for (const system of model.systems) {
      if (system.tier?.value !== 1) continue;
      // A present but malformed value is validation's to report, not a missing objective.
      const missing = (['rto', 'rpo'] as const).filter((key) => !entryOf(system.node, key));
      if (missing.length === 0) continue;
      const label = opening(systemLabel(system));
      const refs = cites(library, [TIANHONG_DR, TIANHONG_ONLINE]);
      const what = missing.join(zhOr(missing));
      out.push(
        finding(tier1MissingRecoveryObjectives, on(system.tier), {
          zh: `${label.zh} 是一级业务系统，但没有写明 ${what}：容灾方案无从衡量。参考：${refs.zh}。请补充 ${missing.map((k) => `${k}: …`).join('、')}。`,
          en: `${label.en} is tier 1 but states no ${missing.join(' or ')}: its DR design cannot be measured. For reference: ${refs.en}. Add ${missing.map((k) => `\`${k}: …\``).join(' and ')}.`,
        }),
      );
    }
    return out;
  },
};

function zhOr(items: readonly string[]): string {
  return items.length > 1 ? ' 和 ' : '';
}

export const CONSISTENCY_RULES: CasebookRule[] = [rpoZeroAsyncReplication, availabilityExceedsDependencies, tier1MissingRecoveryObjectives];
