/**
 * Data: where the load lands (database mode, architecture), how consistency
 * across systems is kept (transactions), and who owns which data.
 */
import { isHardDependency, type Located, type SystemModel } from '../model';
import type { RawFinding } from '../types';
import { cityName } from '../geo';
import { zhId } from '../locale';
import {
  HEAVY_DAILY_TRANSACTIONS,
  HEAVY_PEAK_TPS,
  cites,
  fig,
  finding,
  formatCount,
  heavyLoad,
  nameOf,
  on,
  replaceValue,
  opening,
  systemLabel,
  type CasebookRule,
} from './helpers';

const FAMILY = 'data';

const NANJING_ORDERS = fig('nanjing-bank', 'daily-orders');
const PICC_PEAK = fig('picc-health', 'daily-peak');
const PICC_ISSUANCE = fig('picc-health', 'issuance');
const ZHESHANG_SINGLE = fig('zheshang-securities', 'single-source');
const ZHESHANG_IDENTITY = fig('zheshang-securities', 'unified-identity');

const LOAD_THRESHOLDS = {
  zh: `峰值 ≥ ${HEAVY_PEAK_TPS} TPS 或日交易量 ≥ ${HEAVY_DAILY_TRANSACTIONS / 10_000} 万笔`,
  en: `peak ≥ ${HEAVY_PEAK_TPS} TPS or ≥ ${HEAVY_DAILY_TRANSACTIONS.toLocaleString('en-US')} transactions a day`,
};

/** Below this share of the tested capacity a centralized database has headroom for the stated peak. */
const CAPACITY_HEADROOM = 0.8;

export const heavyLoadCentralizedDatabase: CasebookRule = {
  id: 'heavy-load-centralized-database',
  family: FAMILY,
  defaultSeverity: 'warning',
  title: { zh: '高负载系统使用集中式数据库', en: 'Heavy load on a centralized database' },
  description: {
    zh: `写明了数据库压测容量（database.capacityTps）时，以它为准：峰值 TPS 达到容量的 ${CAPACITY_HEADROOM * 100}% 即余量不足（警告），低于则不报告。没有写明容量时，负载达到${LOAD_THRESHOLDS.zh}只给提示：请写明压测容量，集中式数据库只能纵向扩容。南京银行、人保健康、网商银行以分布式数据库承载高并发与海量数据。`,
    en: `Where the database’s tested capacity is stated (database.capacityTps), it is the measure: a peak at ${CAPACITY_HEADROOM * 100}% of it or more leaves too little headroom (warning); below, nothing is reported. Without a stated capacity, a load of ${LOAD_THRESHOLDS.en} gets advice only: state the tested capacity, since a centralized database can only scale up. Bank of Nanjing, PICC Health and MYbank carry high concurrency and data volume on a distributed database.`,
  },
  patterns: ['distributed-database'],
  cases: ['nanjing-bank', 'picc-health', 'mybank'],
  quotes: [NANJING_ORDERS, PICC_PEAK],
  check({ model, library }) {
    const out: RawFinding[] = [];
    for (const system of model.systems) {
      if (system.databaseMode?.value !== 'centralized') continue;
      const capacity = system.databaseCapacityTps;
      const label = opening(systemLabel(system));
      const refs = cites(library, [NANJING_ORDERS, PICC_PEAK]);
      const mybank = nameOf(library, 'mybank');
      const fix = [
        replaceValue(system.databaseMode, 'distributed', { zh: '改为分布式数据库（distributed）', en: 'Use a distributed database' }),
      ];
      if (capacity) {
        const peak = system.peakTps?.value;
        if (peak === undefined || capacity.value <= 0 || peak < capacity.value * CAPACITY_HEADROOM) continue;
        const share = Math.round((peak / capacity.value) * 100);
        const p = formatCount(peak);
        const c = formatCount(capacity.value);
        out.push(
          finding(
            heavyLoadCentralizedDatabase,
            on(system.databaseMode, true),
            {
              zh: `${label.zh} 峰值 ${p.zh} TPS，${share > 100 ? `超过集中式数据库压测容量 ${c.zh} TPS（为其 ${share}%）：容量不足` : `已达集中式数据库压测容量 ${c.zh} TPS 的 ${share}%：余量不足`}，而集中式数据库只能换更大的机器。参考：${refs.zh}；${mybank.zh}同样基于分布式数据库处理高并发交易。建议扩容评估或采用分布式数据库。`,
              en: `${label.en} peaks at ${p.en} TPS, ${share > 100 ? `above its centralized database’s tested ${c.en} TPS (${share}% of it): not enough capacity` : `${share}% of its centralized database’s tested ${c.en} TPS: too little headroom`}, and a centralized database can only scale up. For reference: ${refs.en}; ${mybank.en} also runs high-concurrency transactions on a distributed database. Re-assess capacity or use a distributed database.`,
            },
            fix,
          ),
        );
        continue;
      }
      const load = heavyLoad(system);
      if (!load) continue;
      out.push({
        ...finding(
          heavyLoadCentralizedDatabase,
          on(system.databaseMode, true),
          {
            zh: `${label.zh} 负载为${load.what.zh}，使用集中式数据库，但没有写明它的压测容量（database.capacityTps）：无法判断余量，而集中式数据库只能纵向扩容。参考：${refs.zh}；${mybank.zh}同样基于分布式数据库处理高并发交易。请写明压测容量，或评估分布式数据库。`,
            en: `${label.en} carries ${load.what.en} on a centralized database whose tested capacity is not stated (database.capacityTps), so its headroom cannot be judged, and it can only scale up. For reference: ${refs.en}; ${mybank.en} also runs high-concurrency transactions on a distributed database. State the tested capacity, or assess a distributed database.`,
          },
          fix,
        ),
        severity: 'info',
      });
    }
    return out;
  },
};

export const heavyLoadMonolith: CasebookRule = {
  id: 'heavy-load-monolith',
  family: FAMILY,
  defaultSeverity: 'info',
  title: { zh: '高负载系统采用单体架构', en: 'Heavy load on a monolith' },
  description: {
    zh: `负载达到${LOAD_THRESHOLDS.zh}的单体系统扩展成本高、响应慢。写明了数据库压测容量、且峰值低于容量的 ${CAPACITY_HEADROOM * 100}% 时，方案已证明能承载该负载，不报告。南京银行把单体架构扩展成本高列为问题；人保健康的新平台承载高并发出单。`,
    en: `A monolith with ${LOAD_THRESHOLDS.en} is costly and slow to scale. Where a load-tested database capacity is stated and the peak stays below ${CAPACITY_HEADROOM * 100}% of it, the proposal shows it carries the load, and nothing is reported. Bank of Nanjing names a monolith’s scaling cost as its problem; PICC Health’s new platform carries high-concurrency policy issuance.`,
  },
  patterns: ['microservices'],
  cases: ['nanjing-bank', 'picc-health'],
  quotes: [PICC_ISSUANCE, PICC_PEAK],
  check({ model, library }) {
    const out: RawFinding[] = [];
    for (const system of model.systems) {
      if (system.architecture?.value !== 'monolith') continue;
      const load = heavyLoad(system);
      if (!load) continue;
      // A stated, load-tested capacity with headroom shows the monolith carries this load: no advice to give.
      const capacity = system.databaseCapacityTps?.value;
      const peak = system.peakTps?.value;
      if (capacity && peak !== undefined && peak < capacity * CAPACITY_HEADROOM) continue;
      const label = opening(systemLabel(system));
      const refs = cites(library, [PICC_ISSUANCE, PICC_PEAK]);
      out.push(
        finding(
          heavyLoadMonolith,
          on(system.architecture, true),
          {
            zh: `${label.zh} 负载为${load.what.zh}，却是单体架构：只能整体扩容，每次变更都要整体发布。参考：${refs.zh}。建议拆分为微服务，按业务域独立扩展和发布。`,
            en: `${label.en} carries ${load.what.en} as a monolith: it scales only as a whole and every change ships the whole. For reference: ${refs.en}. Split it into microservices that scale and release per business domain.`,
          },
          [replaceValue(system.architecture, 'microservices', { zh: '改为微服务（microservices）', en: 'Use microservices' })],
        ),
      );
    }
    return out;
  },
};

export const crossSystemTransactionsSaga: CasebookRule = {
  id: 'cross-system-transactions-saga',
  family: FAMILY,
  defaultSeverity: 'warning',
  title: { zh: '跨系统写入应使用 Saga 或 TCC', en: 'Cross-system writes belong in a saga or TCC' },
  description: {
    zh: '只看跨系统写入：系统用 XA 两阶段提交并同步依赖其他系统时，所有参与方的数据库在提交前一直被锁住、一起变慢；系统自己拥有数据（data）、又同步依赖另一个拥有数据的系统，却不做分布式事务（none）时，一方失败另一方不会回滚；只用本地事务（local）的系统在依赖项写明 writes: true（如入账、扣款）时同样报告，写明 writes: false（只读）时不报告。只读或只被调用的系统不报告。顺德农商以分布式事务 Saga 编排原子服务；资源可预留时也可用 TCC。',
    en: 'Only cross-system writes count: a system on XA two-phase commit that calls other systems synchronously keeps every participant database locked until commit, so they slow down together; a system that owns data (data) and synchronously depends on another system that owns data, with no distributed transactions (none), leaves one side uncompensated when the other fails; a system on local transactions is reported too where a dependency says writes: true (posting, debiting), and a dependency that says writes: false (reads only) never counts. Read-only or only-called systems are not reported. Shunde RCB orchestrates atomic services with sagas; TCC fits where resources can be reserved.',
  },
  patterns: ['saga'],
  cases: ['shunde-rcb'],
  quotes: [],
  check({ model, library }) {
    const out: RawFinding[] = [];
    for (const system of model.systems) {
      const mode = system.transactions?.value;
      // `local` and `none` alike leave a write into another system's data uncompensated.
      if (mode !== 'xa' && mode !== 'none' && mode !== 'local') continue;
      const partners = system.dependencies
        .filter(isHardDependency)
        .map((d) => model.systemById.get(d.id.value))
        .filter((s): s is NonNullable<typeof s> => !!s && s !== system);
      const ownsData = (s: SystemModel) => (s.data?.value.length ?? 0) > 0;
      // Without `writes`, a data owner on `none` is taken to write into the data owners it calls, one on `local` to read them.
      const writesAcross =
        mode === 'xa'
          ? partners.length > 0
          : ownsData(system) &&
            system.dependencies.some((d) => {
              const partner = isHardDependency(d) ? model.systemById.get(d.id.value) : undefined;
              return !!partner && partner !== system && ownsData(partner) && (d.writes ?? mode === 'none');
            });
      if (!writesAcross) continue;
      const label = opening(systemLabel(system));
      const shunde = nameOf(library, 'shunde-rcb');
      // XA between systems whose main sites are in different cities: each of the two phases crosses the distance.
      const home = system.topology;
      const remote =
        mode === 'xa' && home.primaryCity !== undefined
          ? partners.find((p) => p.topology.primaryCity !== undefined && p.topology.primaryCityKey !== home.primaryCityKey)
          : undefined;
      const across =
        remote && home.primaryCity !== undefined && remote.topology.primaryCity !== undefined
          ? {
              zh: `；参与方 ${zhId(remote.id?.value ?? '?')} 的主中心在${cityName(remote.topology.primaryCity).zh}，本系统在${cityName(home.primaryCity).zh}：两个阶段都要跨城往返，锁住的时间随之变长`,
              en: `; its participant ${remote.id?.value ?? '?'} has its main site in ${remote.topology.primaryCity} and this system in ${home.primaryCity}, so both phases cross cities and the locks are held longer`,
            }
          : { zh: '', en: '' };
      const problem =
        mode === 'xa'
          ? {
              zh: `使用 XA 两阶段提交并同步调用其他系统：参与方的数据库在提交前一直被锁住，任一方变慢全链路变慢${across.zh}`,
              en: `uses XA two-phase commit across the systems it calls: every participant database stays locked until commit, so one slow participant slows them all${across.en}`,
            }
          : {
              zh: `自己拥有数据、又同步写入其他拥有数据的系统，却${mode === 'local' ? '只用本地事务' : '不做分布式事务'}：一方失败时另一方的数据不会回滚`,
              en: `owns data and writes synchronously to other systems that own data, with ${mode === 'local' ? 'local transactions only' : 'no distributed transactions'}: when one side fails the other is not compensated`,
            };
      out.push(
        finding(
          crossSystemTransactionsSaga,
          on(system.transactions!, true),
          {
            zh: `${label.zh} ${problem.zh}。${shunde.zh}以分布式事务 Saga 编排原子服务。建议改为 Saga（正向服务 + 补偿）；资源可以预留时也可用 TCC（预留、确认、取消）。`,
            en: `${label.en} ${problem.en}. ${shunde.en} orchestrates atomic services with sagas. Use a saga (forward services plus compensations), or TCC (try, confirm, cancel) where resources can be reserved.`,
          },
          [
            replaceValue(system.transactions!, 'saga', { zh: '改为 Saga 分布式事务', en: 'Use a saga' }),
            replaceValue(system.transactions!, 'tcc', { zh: '改为 TCC 分布式事务', en: 'Use TCC' }),
          ],
        ),
      );
    }
    return out;
  },
};

export const duplicateDataOwner: CasebookRule = {
  id: 'duplicate-data-owner',
  family: FAMILY,
  defaultSeverity: 'warning',
  title: { zh: '同一数据域有多个主系统', en: 'One data domain, several owners' },
  description: {
    zh: '两个以上系统都声明自己是同一数据域（data，如 customer）的主系统时，数据有在系统间不一致的风险。浙商证券建设用户中心，作为用户信息唯一、权威的数据来源，统一认证和接入。',
    en: 'When two or more systems each claim to own the same data domain (`data`, e.g. customer), the copies risk drifting apart. Zheshang Securities built a user centre as the single authoritative source of user data, with unified identification and access.',
  },
  patterns: ['unified-user-center'],
  cases: ['zheshang-securities'],
  quotes: [ZHESHANG_SINGLE, ZHESHANG_IDENTITY],
  check({ model, library }) {
    const claimants = new Map<string, { system: SystemModel; item: Located<string> }[]>();
    for (const system of model.systems) {
      const seenHere = new Set<string>();
      for (const item of system.data?.value ?? []) {
        if (seenHere.has(item.value)) continue;
        seenHere.add(item.value);
        const list = claimants.get(item.value);
        if (list) list.push({ system, item });
        else claimants.set(item.value, [{ system, item }]);
      }
    }
    const out: RawFinding[] = [];
    for (const [domain, list] of claimants) {
      const last = list.at(-1);
      if (!last || list.length < 2) continue;
      const names = list.map(({ system }) => system.id?.value ?? `#${system.index + 1}`);
      const refs = cites(library, [ZHESHANG_SINGLE, ZHESHANG_IDENTITY]);
      // One finding per domain, on the last claim: the line whose writing made the domain contested.
      out.push(
        finding(duplicateDataOwner, on(last.item), {
          zh: `数据域“${domain}”有 ${list.length} 个系统声明为主系统：${names.map(zhId).join('、')}。多份主数据有彼此不一致的风险。参考：${refs.zh}。请确定唯一的主系统（如用户中心），其他系统通过 dependsOn 读取。`,
          en: `The "${domain}" data domain is claimed as master by ${list.length} systems: ${names.join(', ')}. Several masters risk drifting apart. For reference: ${refs.en}. Choose one owner (a user centre, say) and have the others read it through dependsOn.`,
        }),
      );
    }
    return out;
  },
};

/**
 * A stated peak above the database's own tested capacity, whatever the database: the test does not reach the load.
 * A centralized database is heavy-load-centralized-database's (with its headroom); this is every other mode.
 */
export const peakAboveTestedCapacity: CasebookRule = {
  id: 'peak-above-tested-capacity',
  family: FAMILY,
  defaultSeverity: 'warning',
  title: { zh: '峰值超过数据库压测容量', en: 'Peak above the database’s tested capacity' },
  description: {
    zh: '系统的峰值 TPS（load.peakTps）超过它写明的数据库压测容量（database.capacityTps），而数据库不是集中式（集中式数据库由 heavy-load-centralized-database 报告，含余量不足）：压测没有覆盖峰值。分布式数据库可以横向扩展，但要按峰值扩容并重新压测，方案才算证明了能承载。',
    en: 'A system’s peak TPS (load.peakTps) is above the tested capacity it states for its database (database.capacityTps), and the database is not centralized (a centralized one is heavy-load-centralized-database’s, headroom included): the load test does not reach the peak. A distributed database can scale out, but it must be sized for the peak and tested again before the proposal shows it carries the load.',
  },
  patterns: ['distributed-database'],
  cases: [],
  quotes: [],
  check({ model }) {
    const out: RawFinding[] = [];
    for (const system of model.systems) {
      const capacity = system.databaseCapacityTps;
      const peak = system.peakTps?.value;
      if (!capacity || capacity.value <= 0 || peak === undefined || peak <= capacity.value) continue;
      if (system.databaseMode?.value === 'centralized') continue;
      const label = opening(systemLabel(system));
      const share = Math.round((peak / capacity.value) * 100);
      const p = formatCount(peak);
      const c = formatCount(capacity.value);
      out.push(
        finding(peakAboveTestedCapacity, on(capacity, true), {
          zh: `${label.zh} 峰值 ${p.zh} TPS，超过数据库压测容量 ${c.zh} TPS（为其 ${share}%）：压测没有覆盖峰值。请按峰值扩容并重新压测，再写明压测容量。`,
          en: `${label.en} peaks at ${p.en} TPS, above its database’s tested ${c.en} TPS (${share}% of it): the load test does not reach the peak. Size it for the peak, test again, and state the tested capacity.`,
        }),
      );
    }
    return out;
  },
};

export const DATA_RULES: CasebookRule[] = [
  heavyLoadCentralizedDatabase,
  peakAboveTestedCapacity,
  heavyLoadMonolith,
  crossSystemTransactionsSaga,
  duplicateDataOwner,
];
