/**
 * Consistency: promises a proposal makes that its own topology contradicts
 * (RPO 0 over an async link, more availability than the dependencies allow)
 * or leaves unstated (a tier-1 system without recovery objectives).
 */
import {
  isHardDependency,
  type Duration,
  type LinkModel,
  type Located,
  type ProposalModel,
  type SiteModel,
  type SystemModel,
} from '../model';
import { zhId, zhJoin } from '../locale';
import { scenariosOf, type DataLoss, type Scope, type SystemOutcome } from '../scenarios';
import { scopeName } from '../scenarioText';
import type { RawFinding } from '../types';
import { entryOf } from '../yamlNodes';
import { cites, fig, finding, formatPercent, on, replaceValue, opening, systemLabel, type CasebookRule } from './helpers';

const FAMILY = 'consistency';

const TIANHONG_ONLINE = fig('tianhong-fund', 'online-dr');
const TIANHONG_BATCH = fig('tianhong-fund', 'batch-dr');

/* ------------------------------------------------------------------------ */

/** The objective a scope is judged against: rpo for losing a site, cityLoss.rpo for losing the city. */
function rpoFor(system: SystemModel, kind: Scope['kind']): Located<Duration> | undefined {
  return kind === 'site' ? system.rpo : kind === 'city' ? system.cityLossRpo : undefined;
}

/** Each objective once, with the first scope whose takeover copy is proven to lack more data than it allows. */
function brokenRecoveryPoints(model: ProposalModel, system: SystemModel, broken: (rpo: number, loss: DataLoss) => boolean) {
  const found = new Map<Located<Duration>, { scope: Scope; outcome: SystemOutcome; loss: DataLoss }>();
  for (const scenario of scenariosOf(model)) {
    const rpo = rpoFor(system, scenario.scope.kind);
    if (!rpo || found.has(rpo)) continue;
    const outcome = scenario.outcomes.find((o) => o.system === system);
    const loss = outcome?.dataLoss;
    if (!outcome || !outcome.ownSurvives || !loss || !broken(rpo.value.seconds, loss)) continue;
    found.set(rpo, { scope: scenario.scope, outcome, loss });
  }
  return found;
}

/** The async links between a lost writer of the system and the copy that takes over: what a sync fix would change. */
function asyncLinksInto(model: ProposalModel, system: SystemModel, scope: Scope, target: SiteModel): LinkModel[] {
  const lostSites = new Set(system.topology.sites.filter((s) => scope.sites.has(s)));
  return model.links.filter((link) => {
    const from = link.from && model.siteById.get(link.from.value);
    const to = link.to && model.siteById.get(link.to.value);
    if (!from || !to || link.mode?.value !== 'async') return false;
    return (from === target && lostSites.has(to)) || (to === target && lostSites.has(from));
  });
}

export const rpoZeroAsyncReplication: CasebookRule = {
  id: 'rpo-zero-async-replication',
  family: FAMILY,
  defaultSeverity: 'error',
  title: { zh: 'RPO 0 与异步复制矛盾', en: 'RPO 0 contradicts asynchronous replication' },
  description: {
    zh: '系统对某种故障承诺 RPO 0（rpo 针对失去任一机房，cityLoss.rpo 针对失去整座城市），但在这种故障下接管的副本只经由异步（async）链路得到数据：未复制的数据必然丢失。同城同步、异地异步、只写 rpo: 0 的两地三中心不报告（rpo 只约束机房级故障）；没有写明复制链路时无法判断，也不报告。本规则是对方案自身承诺的推导，案例库中没有直接对应的客户数字。',
    en: 'The system promises an RPO of 0 for some loss (rpo for losing any one site, cityLoss.rpo for losing the whole city), yet the copy that takes over in that loss receives its data only over async links: whatever was not yet copied is lost. 2R3DC with same-city sync, remote async and only `rpo: 0` is not reported (rpo binds site loss only); without stated links nothing can be proven and nothing is reported. The rule follows from the proposal’s own promise; the case library has no customer figure that bears on it directly.',
  },
  patterns: ['two-regions-three-dcs', 'multi-site-active-active'],
  cases: [],
  quotes: [],
  check({ model }) {
    if (model.links.length === 0) return [];
    const out: RawFinding[] = [];
    for (const system of model.systems) {
      if (system.rpo?.value.seconds !== 0 && system.cityLossRpo?.value.seconds !== 0) continue;
      const broken = brokenRecoveryPoints(model, system, (rpo, loss) => rpo === 0 && (loss.kind === 'lag' || loss.kind === 'some'));
      for (const [rpo, { scope, outcome }] of broken) {
        const label = opening(systemLabel(system));
        const target = outcome.takeoverSite!;
        const targetId = target.id?.value ?? '?';
        const lost = scopeName(scope);
        const links = asyncLinksInto(model, system, scope, target);
        const names = links.map((l) => `${l.from?.value}→${l.to?.value}`);
        const which = scope.kind === 'site' ? { zh: 'RPO 0', en: 'an RPO of 0' } : { zh: '城市级故障 RPO 0', en: 'a city-loss RPO of 0' };
        out.push(
          finding(
            rpoZeroAsyncReplication,
            on(rpo),
            {
              zh: `${label.zh} ${zhJoin('承诺', which.zh)}，但失去${zhJoin(lost.zh, '后')}由 ${zhId(targetId)} 接管，而它的数据只经由异步链路复制${names.length ? `（${names.join('、')}）` : ''}：未复制的数据会丢失。请改为同步（或多数派）复制，或如实写明可接受的 RPO。`,
              en: `${label.en} promises ${which.en}, but if ${lost.en} is lost ${targetId} takes over, and its data arrives only over async replication${names.length ? ` (${names.join(', ')})` : ''}: whatever was not yet copied is lost. Replicate synchronously (or by majority), or state the RPO it can keep.`,
            },
            links.length > 0
              ? [
                  {
                    title: { zh: `将 ${names.join('、')} 改为同步复制（sync）`, en: `Make ${names.join(', ')} synchronous` },
                    edits: links.flatMap((l) => (l.mode ? [{ range: l.mode.range, newText: 'sync' }] : [])),
                  },
                ]
              : undefined,
          ),
        );
      }
    }
    return out;
  },
};

export const recoveryPointUnreachable: CasebookRule = {
  id: 'recovery-point-unreachable',
  family: FAMILY,
  defaultSeverity: 'error',
  title: { zh: 'RPO 小于复制延迟', en: 'RPO tighter than the replication lag' },
  description: {
    zh: '系统对某种故障承诺的 RPO 大于 0，但这种故障下接管的副本经由异步链路复制，链路写明的延迟（links[].lag）超过了该 RPO：按方案自己的数字就做不到。没有写明 lag 时不报告。',
    en: 'The system promises an RPO above 0 for some loss, but the copy that takes over receives its data over async links whose stated lag (links[].lag) exceeds that RPO: by the proposal’s own figures it cannot be kept. Not reported when no lag is stated.',
  },
  patterns: ['two-regions-three-dcs'],
  cases: [],
  quotes: [],
  check({ model }) {
    if (model.links.length === 0) return [];
    const out: RawFinding[] = [];
    for (const system of model.systems) {
      if (!system.rpo && !system.cityLossRpo) continue;
      const broken = brokenRecoveryPoints(model, system, (rpo, loss) => rpo > 0 && loss.kind === 'lag' && loss.seconds > rpo);
      for (const [rpo, { scope, outcome, loss }] of broken) {
        if (loss.kind !== 'lag') continue;
        const label = opening(systemLabel(system));
        const targetId = outcome.takeoverSite?.id?.value ?? '?';
        const lost = scopeName(scope);
        out.push(
          finding(recoveryPointUnreachable, on(rpo), {
            zh: `${label.zh} 承诺 RPO ${rpo.value.text}，但失去${zhJoin(lost.zh, '后')}由 ${targetId} 接管，它的数据最多落后 ${loss.text}（链路 lag）：做不到该 RPO。请缩短复制延迟、改为同步复制，或如实写明 RPO。`,
            en: `${label.en} promises an RPO of ${rpo.value.text}, but if ${lost.en} is lost ${targetId} takes over, and its data may trail by ${loss.text} (the link’s lag): the RPO cannot be kept. Shorten the lag, replicate synchronously, or state the real RPO.`,
          }),
        );
      }
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
      for (const d of s.dependencies) {
        if (!isHardDependency(d)) continue;
        const j = this.index.get(d.id.value);
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

  availabilityOf(j: number): number {
    return this.availability[j] ?? 1;
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
    zh: '系统同步调用、且离开它就无法工作的依赖（dependsOn 中的裸 id，或 mode: sync 且未写 critical: false 的项）全部可用时，系统才可用，所以它的可用性上限是这些依赖（含传递依赖，每个只计一次）可用性的乘积。乘积假定各依赖的故障相互独立；故障总是同时发生时（例如部署在同一机房），上限是最弱的那个依赖。所以：承诺高于最弱的单个强依赖，怎样都无法兑现，报错误（error）；承诺不高于任何一个依赖、只是高于乘积，只有依赖总是同时故障才成立——各组件按同一目标建设时常见如此承诺，作为提示（info）。异步或非关键依赖不计入。',
    en: 'A system is up only when every dependency it calls synchronously and cannot work without is up (a bare id in dependsOn, or an item with mode: sync and no critical: false), so its availability is bounded by the product of theirs, transitive ones included, each counted once. The product assumes their outages are independent; were they always to fail together (all in one data centre, say), the bound would be the weakest one alone. So a promise above the weakest single hard dependency can never be kept (error), while a promise no higher than any one of them but above the product holds only if they always fail together — common where every component is built to the same target, so it is a note (info). Async and non-critical dependencies do not count.',
  },
  patterns: ['unitization', 'multi-site-active-active'],
  cases: [],
  quotes: [],
  check({ model }) {
    const out: RawFinding[] = [];
    let ceilings: DependencyCeilings | undefined;
    model.systems.forEach((system, i) => {
      if (!system.availability || !system.dependencies.some(isHardDependency)) return;
      ceilings ??= new DependencyCeilings(model.systems);
      const promise = system.availability.value / 100;
      const ceiling = ceilings.of(i, promise);
      if (promise <= ceiling.product * (1 + EPSILON)) return;
      const allowed = allowedPercent(ceiling.product);
      const atMost = formatPercent(allowed);
      const promised = formatPercent(system.availability.value);
      const weakest = ceiling.weakest.map((j) => ceilings!.label(j));
      // Up to three are listed; "weakest" over a list would call each of them the weakest.
      // With a single dependency, "weakest" says nothing: name it alone.
      const weakestTag =
        weakest.length > 1
          ? { zh: `由弱到强：${weakest.join('、')}`, en: `weakest first: ${weakest.join(', ')}` }
          : ceiling.count === 1
            ? { zh: weakest.join(''), en: weakest.join('') }
            : { zh: `最弱：${weakest.join('')}`, en: `weakest: ${weakest.join('')}` };
      const label = opening(systemLabel(system));
      // Above the weakest single dependency nothing can keep the promise. Between it and the product the promise
      // is what each component is built to, as platforms commonly set it: a reviewer notes the arithmetic, no more.
      const weakestOne = ceiling.weakest[0];
      const withinEach = weakestOne !== undefined && promise <= ceilings.availabilityOf(weakestOne) * (1 + EPSILON);
      const scope = ceiling.exact
        ? {
            zh: ceiling.count === 1 ? '它唯一的强依赖' : `它串行依赖的 ${ceiling.count} 个系统`,
            en: ceiling.count === 1 ? 'the one system it depends on' : `the ${ceiling.count} systems it depends on in series`,
          }
        : { zh: `它串行依赖的系统（已计入 ${ceiling.count} 个）`, en: `the systems it depends on in series (${ceiling.count} counted)` };
      const raw = finding(
        availabilityExceedsDependencies,
        on(system.availability),
        withinEach
          ? {
              zh: `${label.zh} 承诺可用性 ${promised}，不高于任何一个强依赖单独的可用性；但若${scope.zh}的故障相互独立，串联起来最多只允许 ${atMost}（${weakestTag.zh}）：只有这些依赖总是同时故障，这个承诺才成立。请提高依赖的可用性、把依赖改为异步或可降级（在 dependsOn 中写明 mode: async 或 critical: false），或如实降低承诺。`,
              en: `${label.en} promises ${promised} availability, no more than any one of its hard dependencies alone, but with independent outages ${scope.en} allow at most ${atMost} (${weakestTag.en}): the promise holds only if they always fail together. Raise the dependencies, make them non-blocking (and say so in dependsOn: mode: async or critical: false), or promise what the chain allows.`,
            }
          : {
              zh: `${label.zh} 承诺可用性 ${promised}，但${scope.zh}最多只允许 ${atMost}（${weakestTag.zh}）。请提高依赖的可用性、把依赖改为异步或可降级（在 dependsOn 中写明 mode: async 或 critical: false），或如实降低承诺。`,
              en: `${label.en} promises ${promised} availability, but ${scope.en} ${ceiling.count === 1 && ceiling.exact ? 'allows' : 'allow'} at most ${atMost} (${weakestTag.en}). Raise the dependencies, make them non-blocking (and say so in dependsOn: mode: async or critical: false), or promise what the chain allows.`,
            },
        allowed > 0
          ? [replaceValue(system.availability, String(allowed), { zh: `将可用性承诺改为 ${atMost}`, en: `Promise ${atMost} instead` })]
          : undefined,
      );
      out.push(withinEach ? { ...raw, severity: 'info' } : raw);
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
    zh: '一级业务系统必须写明恢复时间目标（rto）和恢复点目标（rpo）：容灾架构、复制方式和演练都以它们为准。无状态系统（不写 data、没有 database、transactions: none）没有可丢的数据，只要求 rto。天弘基金的规划按业务等级区分容灾能力，在线类业务的目标是极低的 RTO 和 RPO。',
    en: 'A tier-1 system must state its recovery time objective (rto) and recovery point objective (rpo): the DR design, replication mode and drills are all measured against them. A stateless system (no data, no database, transactions: none) has nothing to lose and needs only an rto. Tianhong Fund plans DR capability by business tier, aiming at a very low RTO and RPO for online business.',
  },
  patterns: ['two-regions-three-dcs'],
  cases: ['tianhong-fund'],
  quotes: [TIANHONG_ONLINE, TIANHONG_BATCH],
  check({ model, library }) {
    const out: RawFinding[] = [];
    for (const system of model.systems) {
      if (system.tier?.value !== 1) continue;
      // A present but malformed value is validation's to report, not a missing objective.
      // A stateless system (no data, no database, no transactions) has nothing to lose: only its rto applies.
      const stateless = !system.data?.value.length && !entryOf(system.node, 'database') && system.transactions?.value === 'none';
      const missing = (stateless ? (['rto'] as const) : (['rto', 'rpo'] as const)).filter((key) => !entryOf(system.node, key));
      if (missing.length === 0) continue;
      const label = opening(systemLabel(system));
      const refs = cites(library, [TIANHONG_ONLINE, TIANHONG_BATCH]);
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

export const CONSISTENCY_RULES: CasebookRule[] = [
  rpoZeroAsyncReplication,
  recoveryPointUnreachable,
  availabilityExceedsDependencies,
  tier1MissingRecoveryObjectives,
];
