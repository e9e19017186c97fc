/**
 * Data: where the load lands (database mode, architecture), how consistency
 * across systems is kept (transactions), and who owns which data.
 */
import type { RawFinding } from '../types';
import {
  HEAVY_DAILY_TRANSACTIONS,
  HEAVY_PEAK_TPS,
  cites,
  dependedOnIds,
  fig,
  finding,
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
const NANJING_LOAN = fig('nanjing-bank', 'loan-time');
const PICC_CAPACITY = fig('picc-health', 'capacity');
const PICC_SETTLEMENT = fig('picc-health', 'settlement');
const PICC_TIME_TO_MARKET = fig('picc-health', 'time-to-market');
const ZHESHANG_SINGLE = fig('zheshang-securities', 'single-source');
const ZHESHANG_IDENTITY = fig('zheshang-securities', 'unified-identity');

const LOAD_THRESHOLDS = {
  zh: `峰值 ≥ ${HEAVY_PEAK_TPS} TPS 或日交易量 ≥ ${HEAVY_DAILY_TRANSACTIONS / 10_000} 万笔`,
  en: `peak ≥ ${HEAVY_PEAK_TPS} TPS or ≥ ${HEAVY_DAILY_TRANSACTIONS.toLocaleString('en-US')} transactions a day`,
};

export const heavyLoadCentralizedDatabase: CasebookRule = {
  id: 'heavy-load-centralized-database',
  family: FAMILY,
  defaultSeverity: 'warning',
  title: { zh: '高负载系统使用集中式数据库', en: 'Heavy load on a centralized database' },
  description: {
    zh: `负载达到${LOAD_THRESHOLDS.zh}的系统，集中式数据库会成为扩展瓶颈。南京银行（鑫云+）、人保健康、网商银行都以分布式数据库（OceanBase）承载高并发与海量数据。`,
    en: `For a system with ${LOAD_THRESHOLDS.en}, a centralized database becomes the scaling bottleneck. Bank of Nanjing (鑫云+), PICC Health and MYbank carry high concurrency and data volume on a distributed database (OceanBase).`,
  },
  patterns: ['distributed-database'],
  cases: ['nanjing-bank', 'picc-health', 'mybank'],
  quotes: [NANJING_ORDERS, PICC_CAPACITY, PICC_SETTLEMENT],
  check({ model, library }) {
    const out: RawFinding[] = [];
    for (const system of model.systems) {
      if (system.databaseMode?.value !== 'centralized') continue;
      const load = heavyLoad(system);
      if (!load) continue;
      const label = opening(systemLabel(system));
      const refs = cites(library, [NANJING_ORDERS, PICC_CAPACITY, PICC_SETTLEMENT]);
      const mybank = nameOf(library, 'mybank');
      out.push(
        finding(
          heavyLoadCentralizedDatabase,
          on(system.databaseMode, true),
          {
            zh: `${label.zh} 负载为${load.what.zh}，却使用集中式数据库：扩容只能换更大的机器，数据库会成为瓶颈。参考：${refs.zh}；${mybank.zh}同样基于分布式数据库处理高并发交易。建议采用分布式数据库。`,
            en: `${label.en} carries ${load.what.en} on a centralized database: it can only scale up, and the database becomes the bottleneck. For reference: ${refs.en}; ${mybank.en} also runs high-concurrency transactions on a distributed database. Use a distributed database.`,
          },
          [replaceValue(system.databaseMode, 'distributed', { zh: '改为分布式数据库（distributed）', en: 'Use a distributed database' })],
        ),
      );
    }
    return out;
  },
};

export const heavyLoadMonolith: CasebookRule = {
  id: 'heavy-load-monolith',
  family: FAMILY,
  defaultSeverity: 'warning',
  title: { zh: '高负载系统采用单体架构', en: 'Heavy load on a monolith' },
  description: {
    zh: `负载达到${LOAD_THRESHOLDS.zh}的单体系统扩展成本高、响应慢。南京银行指出单体架构扩展成本高，转向分布式微服务；人保健康以微服务支撑高并发与快速迭代。`,
    en: `A monolith with ${LOAD_THRESHOLDS.en} is costly and slow to scale. Bank of Nanjing moved off a monolith for exactly that reason; PICC Health runs high concurrency and fast iteration on microservices.`,
  },
  patterns: ['microservices'],
  cases: ['nanjing-bank', 'picc-health'],
  quotes: [NANJING_LOAN, PICC_TIME_TO_MARKET],
  check({ model, library }) {
    const out: RawFinding[] = [];
    for (const system of model.systems) {
      if (system.architecture?.value !== 'monolith') continue;
      const load = heavyLoad(system);
      if (!load) continue;
      const label = opening(systemLabel(system));
      const refs = cites(library, [NANJING_LOAN, PICC_TIME_TO_MARKET]);
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
  title: { zh: '跨系统事务应使用 Saga', en: 'Cross-system transactions belong in a saga' },
  description: {
    zh: '与其他系统相互调用的系统，如果用 XA 两阶段提交，所有参与方的数据库被锁住、一起变慢；如果不做事务（none），失败时数据不一致。顺德农商用分布式事务 Saga 编排原子服务；南京银行不再让事务 ACID 过度依赖数据库。',
    en: 'For a system that calls or is called by others, XA two-phase commit locks every participant database and slows them together, and no transactions (none) leaves data inconsistent on failure. Shunde RCB orchestrates atomic services with sagas; Bank of Nanjing stopped leaning on the database for cross-service ACID.',
  },
  patterns: ['saga'],
  cases: ['shunde-rcb', 'nanjing-bank'],
  quotes: [NANJING_ORDERS],
  check({ model, library }) {
    const dependedOn = dependedOnIds(model);
    const out: RawFinding[] = [];
    for (const system of model.systems) {
      const mode = system.transactions?.value;
      if (mode !== 'xa' && mode !== 'none') continue;
      const callsOthers = (system.dependsOn?.value ?? []).some((d) => d.value !== system.id?.value);
      const calledByOthers = system.id !== undefined && dependedOn.has(system.id.value);
      if (!callsOthers && !calledByOthers) continue;
      const label = opening(systemLabel(system));
      const shunde = nameOf(library, 'shunde-rcb');
      const nanjing = cites(library, [NANJING_ORDERS]);
      const problem =
        mode === 'xa'
          ? {
              zh: '使用 XA 两阶段提交：参与方的数据库在提交前一直被锁住，任一方变慢全链路变慢',
              en: 'uses XA two-phase commit: every participant database stays locked until commit, so one slow participant slows them all',
            }
          : {
              zh: '不做分布式事务（none）：一方失败时其他系统的数据不会回滚，数据不一致',
              en: 'runs no distributed transactions (none): when one side fails the others are not compensated and data diverges',
            };
      out.push(
        finding(
          crossSystemTransactionsSaga,
          on(system.transactions!, true),
          {
            zh: `${label.zh} 与其他系统存在调用关系，却${problem.zh}。${shunde.zh}用分布式事务 Saga 编排原子服务；${nanjing.zh}不再让事务依赖单一数据库。建议改为 Saga（正向服务 + 补偿）。`,
            en: `${label.en} calls or is called by other systems but ${problem.en}. ${shunde.en} orchestrates atomic services with sagas; ${nanjing.en} stopped leaning on one database for transactions. Use a saga (forward services plus compensations).`,
          },
          [replaceValue(system.transactions!, 'saga', { zh: '改为 Saga 分布式事务', en: 'Use a saga' })],
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
    zh: '两个以上系统都声明自己是同一数据域（data，如 customer）的主系统时，数据会在系统间不一致。浙商证券建设用户中心，作为用户信息唯一、权威的数据来源，统一认证和接入。',
    en: 'When two or more systems each claim to own the same data domain (`data`, e.g. customer), the copies drift apart. Zheshang Securities built a user centre as the single authoritative source of user data, with unified identification and access.',
  },
  patterns: ['unified-user-center'],
  cases: ['zheshang-securities'],
  quotes: [ZHESHANG_SINGLE, ZHESHANG_IDENTITY],
  check({ model, library }) {
    const owners = new Map<string, string>();
    const out: RawFinding[] = [];
    for (const system of model.systems) {
      const self = opening(systemLabel(system));
      const seenHere = new Set<string>();
      for (const item of system.data?.value ?? []) {
        const domain = item.value;
        if (seenHere.has(domain)) continue;
        seenHere.add(domain);
        const first = owners.get(domain);
        if (first === undefined) {
          owners.set(domain, system.id?.value ?? `#${system.index + 1}`);
          continue;
        }
        const refs = cites(library, [ZHESHANG_SINGLE, ZHESHANG_IDENTITY]);
        out.push(
          finding(duplicateDataOwner, on(item), {
            zh: `${self.zh} 声明拥有数据域「${domain}」，但 ${first} 已是它的主系统：两份主数据必然不一致。参考：${refs.zh}。建议由一个系统（如用户中心）统一管理「${domain}」，其他系统通过 dependsOn 读取。`,
            en: `${self.en} claims the "${domain}" data domain, which ${first} already owns: two masters drift apart. For reference: ${refs.en}. Let one system (a user centre) own "${domain}" and have the others read it through dependsOn.`,
          }),
        );
      }
    }
    return out;
  },
};

export const DATA_RULES: CasebookRule[] = [
  heavyLoadCentralizedDatabase,
  heavyLoadMonolith,
  crossSystemTransactionsSaga,
  duplicateDataOwner,
];
