/**
 * Availability: what each system keeps when a site, a city or a region is
 * lost (the failure scenarios), measured against its tier, promise and
 * compliance level. A topology passes by surviving, not by its site count.
 */
import type { RawFinding, RuleFix } from '../types';
import { zhId, zhJoin, zhNamed, type Localized } from '../locale';
import { isLiveFor, roleFor, type ProposalModel, type SiteModel, type SystemModel } from '../model';
import { requiredScopeKinds, scenariosOf, type Scope, type SystemOutcome } from '../scenarios';
import { cityName } from '../geo';
import { anyOfScopes, outcomesOf, scopeName } from '../scenarioText';
import {
  FAST_RTO_SECONDS,
  HIGH_AVAILABILITY,
  cite,
  cites,
  fig,
  finding,
  formatPercent,
  mlpsLevel,
  on,
  opening,
  systemLabel,
  type CasebookRule,
} from './helpers';

const FAMILY = 'availability';

const TIANHONG_DR = fig('tianhong-fund', 'dr-policy');
const ZHEJIANG_HA = fig('zhejiang-rcu', 'ha-upgrade');
const SICHUAN_DR_COST = fig('sichuan-rcu', 'dr-cost');
const MYBANK_AVAILABILITY = fig('mybank', 'availability');
const MYBANK_3R5DC = fig('mybank', 'three-regions-five-dcs');
const TIANHONG_BATCH = fig('tianhong-fund', 'batch-dr');

/** "2 个中心、1 个城市（成都）" / "2 sites in 1 city (成都)". */
function footprint(system: SystemModel): Localized {
  const { sites, cities } = system.topology;
  const where = cities.filter((c) => !c.startsWith('?')).map(cityName);
  return {
    zh: `${sites.length} 个中心、${cities.length} 个城市${where.length ? `（${where.map((c) => c.zh).join('、')}）` : ''}`,
    en: `${sites.length} site${sites.length === 1 ? '' : 's'} in ${cities.length} cit${cities.length === 1 ? 'y' : 'ies'}${where.length ? ` (${where.map((c) => c.en).join(', ')})` : ''}`,
  };
}

/** The first scope of the kinds a system must survive in which its own copies are all lost; cities before sites. */
function ownLossIn(model: ProposalModel, system: SystemModel): Scope | undefined {
  const kinds = requiredScopeKinds(system);
  const failing = outcomesOf(scenariosOf(model), system).filter(
    ({ scope, outcome }) => kinds.includes(scope.kind) && outcome.hit && !outcome.ownSurvives,
  );
  return (failing.find((f) => f.scope.kind === 'city') ?? failing[0])?.scope;
}

/**
 * A site whose loss leaves the system only a cold standby to take over its writes: for tier 1 every single machine-room
 * failure would then wait on a cold start. (A city whose loss falls to a remote cold copy is 2R3DC's accepted case.)
 */
function coldOnlySiteLoss(model: ProposalModel, system: SystemModel): { scope: Scope; takeover: SiteModel } | undefined {
  for (const { scope, outcome } of outcomesOf(scenariosOf(model), system)) {
    const cold = scope.kind === 'site' ? coldTakeover(system, outcome) : undefined;
    if (cold) return { scope, takeover: cold };
  }
  return undefined;
}

/** The cold standby that takes over the system's writes in this loss, if that is what serves after it. */
function coldTakeover(system: SystemModel, outcome: SystemOutcome): SiteModel | undefined {
  if (!outcome.hit || !outcome.ownSurvives || !outcome.takeoverSite) return undefined;
  if (outcome.dataLoss === undefined) return undefined; // no writer lost: the cold copy is not what serves
  return roleFor(system, outcome.takeoverSite)?.value === 'cold-standby' ? outcome.takeoverSite : undefined;
}

/** Where a finding about the tier's promise goes: the tier line, which is what sets the requirement. */
function deploymentAnchor(system: SystemModel) {
  return on(system.tier!);
}

export const tier1TwoRegionsThreeDcs: CasebookRule = {
  id: 'tier1-two-regions-three-dcs',
  family: FAMILY,
  defaultSeverity: 'warning',
  title: { zh: '一级系统应能承受任一城市的整体损失', en: 'A tier-1 system must survive losing any one city' },
  description: {
    zh: '一级业务系统在失去任一机房、也在失去任一整座城市后，都要有可接管的副本（主、双活、热备或冷备中心）；失去单个机房时，接管的不能只是冷备（否则任一机房故障都要等冷备启动）。任何做得到的部署都通过：两地三中心、三城各一中心（多数派同步）、三地五中心。做不到时指出是失去哪个城市（或机房）后没有副本，或只有冷备。天弘基金的容灾规划要求一级系统具备同城、异地容灾能力；浙江农信正从同城主备迈向两地三中心。',
    en: 'A tier-1 system must have a copy that can take over (primary, active, hot or cold standby) after losing any one site and after losing any one whole city; after losing a single site, that copy must not be only a cold standby (or every site failure waits on a cold start). Any deployment that does so passes: two regions, three DCs; one site in each of three cities (majority sync); three regions, five DCs. When it cannot, the finding names the city (or site) whose loss leaves no copy, or only a cold one. Tianhong Fund plans same-city and remote DR for tier-1 systems; Zhejiang RCU is moving from same-city standby towards 2R3DC.',
  },
  patterns: ['two-regions-three-dcs', 'three-regions-five-dcs'],
  cases: ['tianhong-fund', 'zhejiang-rcu', 'mybank'],
  quotes: [TIANHONG_DR, ZHEJIANG_HA, MYBANK_3R5DC],
  check({ model, library }) {
    const out: RawFinding[] = [];
    for (const system of model.systems) {
      if (system.tier?.value !== 1) continue;
      const label = opening(systemLabel(system));
      const refs = cites(library, [TIANHONG_DR, ZHEJIANG_HA, MYBANK_3R5DC]);
      if (system.topology.sites.length === 0) {
        out.push(
          finding(tier1TwoRegionsThreeDcs, on(system.tier), {
            zh: `${label.zh} 是一级业务系统，却没有写明部署在哪些中心（sites），无法判断它能否承受机房或城市级故障。参考：${refs.zh}。`,
            en: `${label.en} is tier 1 but states no sites, so whether it survives losing a site or a city cannot be told. For reference: ${refs.en}.`,
          }),
        );
        continue;
      }
      const scope = ownLossIn(model, system);
      if (!scope) {
        const cold = coldOnlySiteLoss(model, system);
        if (!cold) continue;
        const lost = scopeName(cold.scope);
        const standby = cold.takeover.id?.value ?? '?';
        const where = footprint(system);
        out.push(
          finding(tier1TwoRegionsThreeDcs, deploymentAnchor(system), {
            zh: `${label.zh} 是一级业务系统，部署在 ${where.zh}：失去${zhJoin(lost.zh, '后')}只能由冷备 ${zhId(standby)} 接管，要先启动、校验再切换（通常以小时计，Casebook 的估计）。一级系统的单个机房故障应由热备或双活的中心接管，例如两地三中心（同城两个中心 + 异地一个）。参考：${refs.zh}。`,
            en: `${label.en} is tier 1 and runs in ${where.en}: if ${lost.en} is lost, only the cold standby ${standby} can take over, once started, checked and switched to (typically hours, Casebook’s estimate). A tier-1 system’s single site failure should be taken over by a hot or active site, e.g. two regions, three DCs (two sites in one city plus one in another). For reference: ${refs.en}.`,
          }),
        );
        continue;
      }
      const lost = scopeName(scope);
      const where = footprint(system);
      out.push(
        finding(tier1TwoRegionsThreeDcs, deploymentAnchor(system), {
          zh: `${label.zh} 是一级业务系统，部署在 ${where.zh}：失去${zhJoin(lost.zh, '后')}没有任何副本可以接管。一级系统应能承受任一城市的整体损失，例如两地三中心（同城两个中心 + 异地一个）或三个城市各一个中心。参考：${refs.zh}。`,
          en: `${label.en} is tier 1 and runs in ${where.en}: if ${lost.en} is lost, no copy is left to take over. A tier-1 system must survive losing any one city, e.g. two regions, three DCs (two sites in one city plus one in another) or one site in each of three cities. For reference: ${refs.en}.`,
        }),
      );
    }
    return out;
  },
};

export const tier2SameCityDr: CasebookRule = {
  id: 'tier2-same-city-dr',
  family: FAMILY,
  defaultSeverity: 'warning',
  title: { zh: '二级系统应能承受任一机房故障', en: 'A tier-2 system must survive losing any one site' },
  description: {
    zh: '二级业务系统在失去任一机房后要有可接管的副本：同城第二个中心即可，不要求异地。天弘基金的容灾规划要求二级业务系统具备同城容灾能力。',
    en: 'A tier-2 system must have a copy that can take over after losing any one site; a second site in the same city is enough. Tianhong Fund plans same-city DR for tier-2 systems.',
  },
  patterns: ['same-city-active-active'],
  cases: ['tianhong-fund'],
  quotes: [TIANHONG_DR],
  check({ model, library }) {
    const out: RawFinding[] = [];
    for (const system of model.systems) {
      if (system.tier?.value !== 2 || system.topology.sites.length === 0) continue;
      const scope = ownLossIn(model, system);
      if (!scope) continue;
      const label = opening(systemLabel(system));
      const ref = cite(library, TIANHONG_DR);
      const where = footprint(system);
      out.push(
        finding(tier2SameCityDr, deploymentAnchor(system), {
          zh: `${label.zh} 是二级业务系统，只部署在 ${where.zh}：失去${zhJoin(scopeName(scope).zh, '后')}全部中断，没有同城容灾。参考：${ref.zh}。建议在同城再部署一个中心（双活或热备）。`,
          en: `${label.en} is tier 2 but runs in only ${where.en}: losing ${scopeName(scope).en} stops it, with no same-city DR. For reference: ${ref.en}. Add a second site in the same city (active-active or hot standby).`,
        }),
      );
    }
    return out;
  },
};

/** Turns the cold copies hot: the system's own siteRoles entry where it has one, else the shared site role (the title says which sites change). */
function warmUpFix(system: SystemModel, sites: SiteModel[]): RuleFix | undefined {
  const roles = sites.map((s) => roleFor(system, s)).filter((r): r is NonNullable<typeof r> => !!r);
  if (roles.length === 0) return undefined;
  const ids = sites.map((s) => s.id?.value ?? `#${s.index + 1}`).join(', ');
  return {
    title: { zh: `将 ${ids} 改为热备（hot-standby）`, en: `Make ${ids} a hot standby` },
    edits: roles.map((r) => ({ range: r.range, newText: 'hot-standby' })),
  };
}

export const highAvailabilityColdStandby: CasebookRule = {
  id: 'high-availability-cold-standby',
  family: FAMILY,
  defaultSeverity: 'warning',
  title: { zh: '高可用或快速恢复的承诺不能依赖冷备接管', en: 'A high availability or fast recovery promise cannot rest on a cold standby' },
  description: {
    zh: `冷备中心接管要启动、校验、切换，按小时计（本工具按 30 分钟以上估计）。以下情况报告：失去任一机房后只能由冷备接管，而系统承诺可用性 ≥ ${HIGH_AVAILABILITY}% 或 RTO ≤ 30 分钟；或失去整座城市后只能由冷备接管，而 cityLoss.rto ≤ 30 分钟。同城有热备、异地冷备而只承诺机房级 RTO 的两地三中心不报告。四川农信把冷备的等待和低有效性列为挑战，目标是异地多活。`,
    en: `A cold standby must be started, checked and switched to: hours, counted here as more than 30 minutes. Reported when, after losing any one site, only a cold standby can take over while the system promises ≥ ${HIGH_AVAILABILITY}% availability or an RTO ≤ 30 minutes; or when, after losing its whole city, only a cold standby can take over while cityLoss.rto ≤ 30 minutes. 2R3DC with a same-city hot standby and a remote cold copy, promising only the site-loss RTO, is not reported. Sichuan RCU names the wait and low effectiveness of cold standby as a challenge and targets multi-site active-active.`,
  },
  patterns: ['multi-site-active-active', 'three-regions-five-dcs'],
  cases: ['sichuan-rcu', 'mybank'],
  quotes: [SICHUAN_DR_COST, MYBANK_AVAILABILITY, MYBANK_3R5DC],
  check({ model, library }) {
    const out: RawFinding[] = [];
    for (const system of model.systems) {
      if (!system.topology.sites.some((s) => roleFor(system, s)?.value === 'cold-standby')) continue;
      const highAvailability = system.availability && system.availability.value >= HIGH_AVAILABILITY ? system.availability : undefined;
      let hit:
        | {
            scope: Scope;
            outcome: SystemOutcome;
            promise: Localized;
            field: NonNullable<SystemModel['rto']> | NonNullable<SystemModel['availability']>;
          }
        | undefined;
      for (const { scope, outcome } of outcomesOf(scenariosOf(model), system)) {
        if (!coldTakeover(system, outcome)) continue;
        if (scope.kind === 'site') {
          const fastRto = system.rto && system.rto.value.seconds <= FAST_RTO_SECONDS ? system.rto : undefined;
          if (highAvailability)
            hit = {
              scope,
              outcome,
              field: highAvailability,
              promise: {
                zh: `可用性 ${formatPercent(highAvailability.value)}`,
                en: `${formatPercent(highAvailability.value)} availability`,
              },
            };
          else if (fastRto)
            hit = { scope, outcome, field: fastRto, promise: { zh: `RTO ${fastRto.value.text}`, en: `an RTO of ${fastRto.value.text}` } };
        } else if (scope.kind === 'city') {
          const cityRto = system.cityLossRto && system.cityLossRto.value.seconds <= FAST_RTO_SECONDS ? system.cityLossRto : undefined;
          if (cityRto)
            hit = {
              scope,
              outcome,
              field: cityRto,
              promise: { zh: `城市级故障 RTO ${cityRto.value.text}`, en: `a city-loss RTO of ${cityRto.value.text}` },
            };
        }
        if (hit) break;
      }
      if (!hit) continue;
      const cold = hit.outcome.takeoverSite!;
      const label = opening(systemLabel(system));
      const sichuan = cite(library, SICHUAN_DR_COST);
      const mybank = cites(library, [MYBANK_AVAILABILITY, MYBANK_3R5DC]);
      const fix = warmUpFix(system, [cold]);
      const coldId = cold.id?.value ?? '?';
      const lost = scopeName(hit.scope);
      out.push(
        finding(
          highAvailabilityColdStandby,
          on(hit.field),
          {
            zh: `${label.zh} ${zhJoin('承诺', hit.promise.zh)}，但失去${zhJoin(lost.zh, '后')}只能由冷备中心 ${coldId} 接管：冷备要启动、校验、切换，通常以小时计（Casebook 的估计），做不到该承诺。参考：${sichuan.zh}；${mybank.zh}。建议把 ${coldId} 改为热备或多活，或如实放宽承诺。`,
            en: `${label.en} promises ${hit.promise.en}, but if ${lost.en} is lost only the cold standby ${coldId} can take over, and a cold copy must be started, checked and switched to, which typically takes hours (Casebook's estimate). For reference: ${sichuan.en}; ${mybank.en}. Make ${coldId} a hot standby or active, or promise what it can do.`,
          },
          fix ? [fix] : undefined,
        ),
      );
    }
    return out;
  },
};

/** The 等保 level that binds a system: its own, else the proposal's. */
function mlpsOf(model: ProposalModel, system: SystemModel): number | undefined {
  return system.mlps?.value ?? model.mlps?.value;
}

export const batchDrMlps3: CasebookRule = {
  id: 'batch-dr-mlps3',
  family: FAMILY,
  defaultSeverity: 'warning',
  title: { zh: '等保三级下的批处理系统需要容灾', en: 'Batch systems under MLPS level 3 need DR' },
  description: {
    zh: '等保三级及以上（系统的 mlps，未写时取 compliance.mlps）的批处理系统只部署在一个中心时，没有任何备份场地。一级、二级系统的单中心部署已由等级规则报告，这里不重复。天弘基金的容灾规划将批处理类业务的容灾指标对齐等保三级。',
    en: 'A batch system at MLPS level 3 or above (the system’s mlps, else compliance.mlps) deployed to one site has no backup site at all. Tier-1 and tier-2 systems on one site are reported by the tier rules, not again here. Tianhong Fund plans DR targets for its batch workloads aligned with MLPS level 3.',
  },
  patterns: ['two-regions-three-dcs'],
  cases: ['tianhong-fund'],
  quotes: [TIANHONG_BATCH],
  check({ model, library }) {
    const out: RawFinding[] = [];
    for (const system of model.systems) {
      const mlps = mlpsOf(model, system);
      if (mlps === undefined || mlps < 3) continue;
      if (system.kind?.value !== 'batch' || system.topology.sites.length >= 2) continue;
      if (system.tier?.value === 1 || system.tier?.value === 2) continue;
      const label = opening(systemLabel(system));
      const ref = cite(library, TIANHONG_BATCH);
      const n = system.topology.sites.length;
      out.push(
        finding(batchDrMlps3, on(system.sites ?? system.kind), {
          zh: `${label.zh} 是批处理系统，只部署在 ${n} 个中心，而它适用${mlpsLevel(mlps).zh}：没有备份场地。参考：${ref.zh}。建议至少再部署一个中心并复制批处理数据。`,
          en: `${label.en} is a batch system on ${n} site${n === 1 ? '' : 's'} under MLPS level ${mlps}: there is no backup site. For reference: ${ref.en}. Deploy it to a second site and replicate its data.`,
        }),
      );
    }
    return out;
  },
};

export const dependencyLostInScope: CasebookRule = {
  id: 'dependency-lost-in-scope',
  family: FAMILY,
  defaultSeverity: 'warning',
  title: { zh: '容灾副本依赖的系统在同一场景下不可用', en: 'A dependency does not survive the loss the system is built to survive' },
  description: {
    zh: '系统自己的副本能承受它的等级要求的故障（一级：任一机房、任一城市；二级：任一机房），但它强依赖（同步、关键）的系统在同一故障下没有副本：副本接管了也无法工作。依赖的依赖同样计算。标在 dependsOn 中对应的依赖上。异步或非关键依赖（mode: async / critical: false）不计。',
    en: 'The system’s own copies survive what its tier requires (tier 1: any site and any city; tier 2: any site), but a system it depends on synchronously and critically has no copy left in the same loss, so the surviving copy cannot work. Dependencies of dependencies count. Placed on the dependsOn item. Async or non-critical dependencies (mode: async / critical: false) do not count.',
  },
  patterns: ['two-regions-three-dcs', 'multi-site-active-active'],
  cases: [],
  quotes: [],
  check({ model }) {
    const out: RawFinding[] = [];
    const scenarios = scenariosOf(model);
    for (const system of model.systems) {
      const kinds = requiredScopeKinds(system);
      if (kinds.length === 0 || system.topology.sites.length === 0) continue;
      const byDependency = new Map<SystemOutcome['lostDependencies'][number]['dependency'], { scopes: Scope[]; chain: string[] }>();
      for (const { scope, outcome } of outcomesOf(scenarios, system)) {
        if (!kinds.includes(scope.kind) || !outcome.ownSurvives) continue;
        for (const lost of outcome.lostDependencies) {
          const entry = byDependency.get(lost.dependency);
          if (entry) entry.scopes.push(scope);
          else byDependency.set(lost.dependency, { scopes: [scope], chain: lost.chain });
        }
      }
      const label = systemLabel(system); // mid-sentence in English: "If 成都 is lost, system "app" still has…"
      for (const [dependency, { scopes, chain }] of byDependency) {
        // Name the widest loss first: a city says more than the site inside it.
        const shown = [...scopes].sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'city' ? -1 : 1)).slice(0, 3);
        const names = shown.map(scopeName);
        const lostScopes = anyOfScopes(names, scopes.length);
        const id = dependency.id.value;
        // Through a chain, the system left without a copy is the last one: that is what to deploy elsewhere.
        const culprit = chain.length > 1 ? (chain.at(-1) ?? id) : id;
        const lost: Localized =
          culprit === id
            ? { zh: `它强依赖的 ${zhId(id)} 没有可用副本`, en: `${id}, which it cannot work without, has none left` }
            : {
                zh: `它强依赖的 ${zhId(id)} 所依赖的 ${zhId(culprit)}（${chain.join(' → ')}）没有可用副本`,
                en: `${id}, which it cannot work without, depends on ${culprit} (${chain.join(' → ')}), which has none left`,
              };
        // Through finding(), which closes the spaces around a quoted Han id (系统“核心”自己仍有副本).
        out.push(
          finding(
            dependencyLostInScope,
            { range: dependency.id.range, path: dependency.id.path },
            {
              zh: `如果失去${lostScopes.zh}，${label.zh} 自己仍有副本，但${lost.zh}：接管后也无法工作。请把 ${zhId(culprit)} 部署到能承受同样故障的中心，或把这项依赖改为异步/非关键（mode: async 或 critical: false）并说明降级方式。`,
              en: `If ${lostScopes.en} lost, ${label.en} still has a copy, but ${lost.en}, so the surviving copy cannot work. Deploy ${culprit} where it survives the same loss, or make the dependency async or non-critical (mode: async or critical: false) and state how it degades.`,
            },
          ),
        );
      }
    }
    return out;
  },
};

export const availabilitySingleSite: CasebookRule = {
  id: 'availability-single-site',
  family: FAMILY,
  defaultSeverity: 'warning',
  title: { zh: '单中心承诺高可用', en: 'High availability promised on a single site' },
  description: {
    zh: `承诺可用性 ≥ ${HIGH_AVAILABILITY}%（每年停机约 53 分钟以内）却只部署在一个中心：机房断电、断网或火灾一次就会用完多年的停机预算。一级、二级系统由等级规则报告，这里只看其余系统。`,
    en: `A promise of ≥ ${HIGH_AVAILABILITY}% availability (about 53 minutes of downtime a year) on a single site: one power, network or fire incident in that data centre uses up years of the budget. Tier-1 and tier-2 systems are reported by the tier rules; this rule covers the rest.`,
  },
  patterns: ['same-city-active-active'],
  cases: [],
  quotes: [],
  check({ model }) {
    const out: RawFinding[] = [];
    for (const system of model.systems) {
      if (!system.availability || system.availability.value < HIGH_AVAILABILITY) continue;
      const [only, ...others] = system.topology.sites;
      if (system.tier?.value === 1 || system.tier?.value === 2 || !only || others.length > 0) continue;
      const label = opening(systemLabel(system));
      const site = only.id?.value ?? '?';
      out.push(
        finding(availabilitySingleSite, on(system.availability), {
          zh: `${label.zh} 承诺可用性 ${formatPercent(system.availability.value)}，却只部署在${zhNamed('机房', site)}：一次机房级故障就会中断它。请在同城再部署一个中心（双活或热备），或如实降低承诺。`,
          en: `${label.en} promises ${formatPercent(system.availability.value)} availability on the single site ${site}: one data-centre incident stops it. Add a second site in the same city (active or hot standby), or promise what one site can do.`,
        }),
      );
    }
    return out;
  },
};

export const activeActiveSingleDatabase: CasebookRule = {
  id: 'active-active-single-database',
  family: FAMILY,
  defaultSeverity: 'warning',
  title: { zh: '异地多活建立在集中式数据库上', en: 'Multi-city active-active on one centralized database' },
  description: {
    zh: '系统在两个以上城市都有主中心或双活中心（primary / active），数据库却是集中式（单主实例）：只有主库所在城市能就近写入，另一城的每次写都要跨城，主库城市故障时两城都要等数据库切换，实际是主备而不是多活。网商银行实现了全业务三地五中心多活、数据单元化。同城两个以上中心共用集中式数据库时给出提示（info）：跨机房时延很小，但失去主库所在中心时各中心都要等数据库切换。',
    en: 'The system has primary or active sites in two or more cities but a centralized database (one primary instance): only the primary’s city writes locally, every write from the other city crosses the distance, and when the primary’s city fails both cities wait for the database to fail over. That is primary/standby, not active-active. MYbank runs every business active across three regions and five data centres, with unitized data. Two or more live sites in one city on one centralized database get advice (info): the distance costs little, but losing the database’s site makes every site wait for its failover.',
  },
  patterns: ['unitization', 'distributed-database', 'multi-site-active-active'],
  cases: ['mybank'],
  quotes: [MYBANK_3R5DC],
  check({ model, library }) {
    const out: RawFinding[] = [];
    for (const system of model.systems) {
      if (system.databaseMode?.value !== 'centralized') continue;
      const liveSites = system.topology.sites.filter((site) => isLiveFor(system, site) && site.city);
      const liveCities = new Map<string, string>();
      for (const site of liveSites) liveCities.set(site.cityKey, site.city!.value.trim());
      const label = opening(systemLabel(system));
      const ref = cite(library, MYBANK_3R5DC);
      if (liveCities.size === 1 && liveSites.length >= 2) {
        // Within one city the distance costs little; what remains is that losing the database's site stops every site.
        const ids = liveSites.map((s) => s.id?.value ?? '?');
        const city = [...liveCities.values()][0]!;
        out.push({
          ...finding(activeActiveSingleDatabase, on(system.databaseMode, true), {
            zh: `${label.zh} ${zhJoin(`在${city}的`, ids.map(zhId).join('、'), '同时承载业务')}，但共用一个集中式数据库：这是应用双活、数据库主备。失去主库所在中心时，所有中心都要等数据库切换完成，机房级 RTO 取决于数据库切换时间。请按数据库切换时间写 rto，或采用分布式数据库。`,
            en: `${label.en} serves from ${ids.join(', ')} in ${city} at once, on one centralized database: active-active applications over a primary/standby database. When the site holding the primary is lost, every site waits for the database to fail over, so the site-loss RTO is the database's failover time. State rto accordingly, or use a distributed database.`,
          }),
          severity: 'info',
        });
        continue;
      }
      if (liveCities.size < 2) continue;
      const cities = [...liveCities.values()];
      out.push(
        finding(activeActiveSingleDatabase, on(system.databaseMode, true), {
          zh: `${label.zh} ${zhJoin('在', cities.join('、'), '同时承载业务')}，却使用集中式数据库：只有主库所在城市能就近写入，其他城市的每次写都要跨城，主库城市故障时各城都要等数据库切换。参考：${ref.zh}。建议数据单元化（按客户分片、单元内读写）或分布式数据库；否则把非主库城市的中心如实标为热备（hot-standby）。`,
          en: `${label.en} serves from ${cities.join(', ')} at once on a centralized database: only the city holding the primary writes locally, every write from the others crosses the distance, and when that city fails all of them wait for the database to fail over. For reference: ${ref.en}. Unitize the data (shard by customer, read and write within a unit) or use a distributed database; otherwise mark the other cities’ sites as hot standby.`,
        }),
      );
    }
    return out;
  },
};

export const AVAILABILITY_RULES: CasebookRule[] = [
  tier1TwoRegionsThreeDcs,
  tier2SameCityDr,
  highAvailabilityColdStandby,
  batchDrMlps3,
  dependencyLostInScope,
  availabilitySingleSite,
  activeActiveSingleDatabase,
];
