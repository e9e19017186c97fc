/**
 * Availability: where a system's copies live (两地三中心, 同城容灾, cold vs
 * hot standby) measured against its tier, promise and compliance level.
 */
import type { RawFinding, RuleFix } from '../types';
import type { SiteModel, SystemModel } from '../model';
import {
  FAST_RTO_SECONDS,
  HIGH_AVAILABILITY,
  cite,
  cites,
  fig,
  finding,
  formatPercent,
  nameOf,
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
function footprint(system: SystemModel) {
  const { sites, cities } = system.topology;
  const where = cities.filter((c) => !c.startsWith('?'));
  return {
    zh: `${sites.length} 个中心、${cities.length} 个城市${where.length ? `（${where.join('、')}）` : ''}`,
    en: `${sites.length} site${sites.length === 1 ? '' : 's'} in ${cities.length} cit${cities.length === 1 ? 'y' : 'ies'}${where.length ? ` (${where.join(', ')})` : ''}`,
  };
}

export const tier1TwoRegionsThreeDcs: CasebookRule = {
  id: 'tier1-two-regions-three-dcs',
  family: FAMILY,
  defaultSeverity: 'warning',
  title: { zh: '一级系统应部署两地三中心', en: 'Tier-1 systems belong in two regions, three DCs' },
  description: {
    zh: '一级业务系统需要同城和异地两级容灾：至少 3 个中心、跨 2 个城市、其中一城至少 2 个中心（或三地五中心）。天弘基金要求一级系统具备同城、异地容灾能力；浙江农信从同城主备迈向两地三中心；四川农信在两地三中心之上建设异地多活。',
    en: 'A tier-1 system needs both same-city and out-of-city recovery: at least 3 sites across 2 cities with 2 in one city (or three regions, five DCs). Tianhong Fund requires same-city and remote DR for tier-1 systems; Zhejiang RCU moved from same-city standby to 2R3DC; Sichuan RCU builds active-active on top of 2R3DC.',
  },
  patterns: ['two-regions-three-dcs', 'three-regions-five-dcs'],
  cases: ['tianhong-fund', 'zhejiang-rcu', 'sichuan-rcu'],
  quotes: [TIANHONG_DR, ZHEJIANG_HA],
  check({ model, library }) {
    const out: RawFinding[] = [];
    for (const system of model.systems) {
      if (system.tier?.value !== 1) continue;
      const t = system.topology;
      if (t.twoRegionsThreeDcs || t.threeRegionsFiveDcs) continue;
      const label = opening(systemLabel(system));
      const where = footprint(system);
      const refs = cites(library, [TIANHONG_DR, ZHEJIANG_HA]);
      const sichuan = nameOf(library, 'sichuan-rcu');
      out.push(
        finding(tier1TwoRegionsThreeDcs, on(system.tier), {
          zh: `${label.zh} 是一级业务系统，却只部署在 ${where.zh}，达不到两地三中心（≥3 个中心、跨 2 个城市、同城至少 2 个）。参考：${refs.zh}；${sichuan.zh}也以两地三中心为基础建设异地多活。`,
          en: `${label.en} is tier 1 but runs in only ${where.en}, short of two regions, three DCs (≥3 sites across 2 cities, 2 of them in one city). For reference: ${refs.en}; ${sichuan.en} also builds active-active on a 2R3DC base.`,
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
  title: { zh: '二级系统至少同城容灾', en: 'Tier-2 systems need same-city DR' },
  description: {
    zh: '二级业务系统只需同城容灾，但不能只有一个中心：至少部署 2 个中心（同城即可）。天弘基金要求二级业务系统具备同城容灾能力。',
    en: 'A tier-2 system needs only same-city recovery, but not a single site: deploy it to at least 2 sites (one city is enough). Tianhong Fund requires same-city DR for tier-2 systems.',
  },
  patterns: ['same-city-active-active'],
  cases: ['tianhong-fund'],
  quotes: [TIANHONG_DR],
  check({ model, library }) {
    const out: RawFinding[] = [];
    for (const system of model.systems) {
      if (system.tier?.value !== 2 || system.topology.sites.length >= 2) continue;
      const label = opening(systemLabel(system));
      const ref = cite(library, TIANHONG_DR);
      const where = footprint(system);
      out.push(
        finding(tier2SameCityDr, on(system.tier), {
          zh: `${label.zh} 是二级业务系统，只部署在 ${where.zh}，没有同城容灾：一个机房故障即全部中断。参考：${ref.zh}。建议在同城再部署一个中心（同城双活或热备）。`,
          en: `${label.en} is tier 2 but runs in only ${where.en}, with no same-city DR: one data-centre failure takes it down. For reference: ${ref.en}. Add a second site in the same city (active-active or hot standby).`,
        }),
      );
    }
    return out;
  },
};

/** The cold-standby sites that hold a system's only out-of-city copy. */
function coldSitesOf(system: SystemModel): SiteModel[] {
  const primary = system.topology.primaryCity;
  return system.topology.sites.filter((s) => s.role?.value === 'cold-standby' && s.city?.value !== primary);
}

/** Turns the cold copies hot; the site roles are shared, so the title says which sites change. */
function warmUpFix(sites: SiteModel[]): RuleFix | undefined {
  const roles = sites.map((s) => s.role).filter((r): r is NonNullable<typeof r> => !!r);
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
  title: { zh: '高可用承诺不能依赖冷备', en: 'A high availability promise cannot rest on a cold standby' },
  description: {
    zh: `可用性 ≥ ${HIGH_AVAILABILITY}% 或 RTO ≤ 30 分钟的系统，异地副本只有冷备时：冷备要启动、校验、切换，做不到承诺，且资源平时闲置。四川农信指出冷备等待容灾有效性低、成本高，转向异地多活；网商银行以三地五中心多活做到 99.99%。`,
    en: `A system promising ≥ ${HIGH_AVAILABILITY}% availability or an RTO ≤ 30 minutes whose only out-of-city copy is a cold standby: a cold copy must be started, checked and switched to, so the promise cannot hold, and it idles in between. Sichuan RCU found cold standby ineffective and costly and moved to active-active; MYbank reaches 99.99% with three regions, five DCs active-active.`,
  },
  patterns: ['multi-site-active-active', 'three-regions-five-dcs'],
  cases: ['sichuan-rcu', 'mybank'],
  quotes: [SICHUAN_DR_COST, MYBANK_AVAILABILITY, MYBANK_3R5DC],
  check({ model, library }) {
    const out: RawFinding[] = [];
    for (const system of model.systems) {
      if (!system.topology.coldStandby) continue;
      const highAvailability = system.availability && system.availability.value >= HIGH_AVAILABILITY ? system.availability : undefined;
      const fastRto = system.rto && system.rto.value.seconds <= FAST_RTO_SECONDS ? system.rto : undefined;
      const trigger = highAvailability ?? fastRto;
      if (!trigger) continue;
      const promise = highAvailability
        ? { zh: `可用性 ${formatPercent(highAvailability.value)}`, en: `${formatPercent(highAvailability.value)} availability` }
        : { zh: `RTO ${fastRto!.value.text}`, en: `an RTO of ${fastRto!.value.text}` };
      const cold = coldSitesOf(system);
      const coldIds = cold.map((s) => s.id?.value ?? '?').join('、');
      const label = opening(systemLabel(system));
      const sichuan = cite(library, SICHUAN_DR_COST);
      const mybank = cites(library, [MYBANK_AVAILABILITY, MYBANK_3R5DC]);
      const fix = warmUpFix(cold);
      out.push(
        finding(
          highAvailabilityColdStandby,
          on(trigger),
          {
            zh: `${label.zh} 承诺${promise.zh}，但异地唯一副本 ${coldIds} 是冷备，切换需要启动和校验，做不到该承诺。${sichuan.zh}：冷备等待、容灾有效性低，因而建设异地多活；${mybank.zh}。建议异地中心改为热备或多活。`,
            en: `${label.en} promises ${promise.en}, but its only out-of-city copy (${cold.map((s) => s.id?.value ?? '?').join(', ')}) is a cold standby that must be started and checked before it serves. ${sichuan.en}: cold standby was slow and risky to fail over to, so they built multi-site active-active; ${mybank.en}. Make the remote site hot or active.`,
          },
          fix ? [fix] : undefined,
        ),
      );
    }
    return out;
  },
};

export const batchDrMlps3: CasebookRule = {
  id: 'batch-dr-mlps3',
  family: FAMILY,
  defaultSeverity: 'warning',
  title: { zh: '等保三级下的批处理系统需要容灾', en: 'Batch systems under MLPS level 3 need DR' },
  description: {
    zh: '等保三级（compliance.mlps ≥ 3）要求重要数据有备份场地；批处理系统只部署在一个中心时没有任何容灾。天弘基金将批处理类业务的容灾指标对齐等保三级。',
    en: 'MLPS level 3 (compliance.mlps ≥ 3) requires a backup site for important data; a batch system deployed to one site has no DR at all. Tianhong Fund aligns the DR targets of its batch workloads with MLPS level 3.',
  },
  patterns: ['two-regions-three-dcs'],
  cases: ['tianhong-fund'],
  quotes: [TIANHONG_BATCH],
  check({ model, library }) {
    const mlps = model.mlps?.value;
    if (mlps === undefined || mlps < 3) return [];
    const out: RawFinding[] = [];
    for (const system of model.systems) {
      if (system.kind?.value !== 'batch' || system.topology.sites.length >= 2) continue;
      const label = opening(systemLabel(system));
      const ref = cite(library, TIANHONG_BATCH);
      out.push(
        finding(batchDrMlps3, on(system.sites ?? system.kind), {
          zh: `${label.zh} 是批处理系统，只部署在 ${system.topology.sites.length} 个中心，而方案要求等保 ${mlps} 级：没有备份场地。参考：${ref.zh}。建议至少再部署一个中心并复制批处理数据。`,
          en: `${label.en} is a batch system on ${system.topology.sites.length} site${system.topology.sites.length === 1 ? '' : 's'} while the proposal targets MLPS level ${mlps}: there is no backup site. For reference: ${ref.en}. Deploy it to a second site and replicate its data.`,
        }),
      );
    }
    return out;
  },
};

export const AVAILABILITY_RULES: CasebookRule[] = [tier1TwoRegionsThreeDcs, tier2SameCityDr, highAvailabilityColdStandby, batchDrMlps3];
