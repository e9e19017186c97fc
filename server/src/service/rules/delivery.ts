/**
 * Delivery: what systems run on (containers vs VMs), how they are released
 * (gray vs downtime), and whether capacity follows the load (elasticity).
 */
import { zhJoin } from '../locale';
import type { SystemModel } from '../model';
import { tierWord } from '../vocabulary';
import type { RawFinding } from '../types';
import {
  HIGH_AVAILABILITY,
  PEAK_DAY_RATIO,
  cite,
  fig,
  figureOf,
  finding,
  formatCount,
  nameOf,
  on,
  replaceValue,
  setEntry,
  opening,
  systemLabel,
  type CasebookRule,
} from './helpers';

const FAMILY = 'delivery';

const SHUNDE_RELEASE = fig('shunde-rcb', 'release-time');
const PICC_PEAK = fig('picc-health', 'daily-peak');
const PICC_AVERAGE = fig('picc-health', 'daily-average');

/**
 * Below high availability (and at tier 3 or below) a release in a maintenance window is ordinary practice: 99.9% still
 * allows hours a year, which monthly releases of half an hour fit in (blind batch 7: a tier-3 warehouse at 99.9%).
 */
const LOW_TIER_AVAILABILITY = HIGH_AVAILABILITY;

const CONTAINER_FIX = { zh: '改为容器运行（container）', en: 'Run it in containers' };

export const vmRuntimeContainers: CasebookRule = {
  id: 'vm-runtime-containers',
  family: FAMILY,
  defaultSeverity: 'info',
  title: { zh: '虚拟机/物理机部署可改为容器', en: 'VMs and physical hosts can move to containers' },
  description: {
    zh: '运行在虚拟机或物理机上的系统发布慢、扩容慢。顺德农商利用容器服务，发布速度从基于虚拟机的五分钟降到十数秒；浙江农信以容器与经典应用双模发布平稳过渡。',
    en: 'Systems on VMs or physical hosts release and scale slowly. Shunde RCB cut release time from five minutes on VMs to ten-odd seconds with containers; Zhejiang RCU eased the move with dual-mode (container + classic) release.',
  },
  patterns: ['containers', 'dual-mode-release'],
  cases: ['shunde-rcb', 'zhejiang-rcu'],
  quotes: [SHUNDE_RELEASE],
  check({ model, library }) {
    const out: RawFinding[] = [];
    for (const system of model.systems) {
      const runtime = system.runtime?.value;
      if (runtime !== 'vm' && runtime !== 'physical') continue;
      const label = opening(systemLabel(system));
      const shunde = cite(library, SHUNDE_RELEASE);
      const zhejiang = nameOf(library, 'zhejiang-rcu');
      const host = runtime === 'vm' ? { zh: '虚拟机', en: 'VMs' } : { zh: '物理机', en: 'physical hosts' };
      out.push(
        finding(
          vmRuntimeContainers,
          on(system.runtime!, true),
          {
            zh: `${label.zh} 运行在${host.zh}上，发布和扩容都慢。参考：${shunde.zh}；${zhejiang.zh}以容器与经典应用双模发布平稳过渡。建议改为容器部署。`,
            en: `${label.en} runs on ${host.en}, so it releases and scales slowly. For reference: ${shunde.en}; ${zhejiang.en} moved over gradually with dual-mode (container + classic) release. Run it in containers.`,
          },
          [replaceValue(system.runtime!, 'container', CONTAINER_FIX)],
        ),
      );
    }
    return out;
  },
};

export const downtimeRelease: CasebookRule = {
  id: 'downtime-release',
  family: FAMILY,
  defaultSeverity: 'warning',
  title: { zh: '停机发布应改为灰度发布', en: 'Downtime releases should become gray releases' },
  description: {
    zh: '停机发布让每次升级都中断业务。写明批处理窗口（batchWindow）的系统在窗口内停机不算中断，不报告；批处理系统（kind: batch）没写窗口时只提示写明窗口（info）；三级及以下、承诺可用性低于 99.99%（或不写）的系统在维护窗口内停机发布是常见做法，也只提示（info）。案例库中没有直接对应灰度发布成效的客户数字，这里只引用灰度发布模式。',
    en: 'Downtime releases interrupt the business at every upgrade. A system that states a batch window (batchWindow) may stop inside it, and is not reported; a batch system (kind: batch) without one only gets advice to state it (info), and so does a system of tier 3 or below promising under 99.99% availability (or nothing), for which stopping in a maintenance window is common practice. The case library has no customer figure that bears on gray releases directly; the rule cites the pattern only.',
  },
  patterns: ['gray-release'],
  cases: [],
  quotes: [],
  check({ model }) {
    const out: RawFinding[] = [];
    for (const system of model.systems) {
      if (system.release?.value !== 'downtime') continue;
      // Stopping inside the window the system may stop in anyway is no outage.
      if (system.batchWindow) continue;
      const label = opening(systemLabel(system));
      const fix = [replaceValue(system.release, 'gray', { zh: '改为灰度发布（gray）', en: 'Use gray releases' })];
      if (system.kind?.value === 'batch') {
        // A batch stops between runs anyway: releasing then interrupts nothing, so only ask for the window.
        out.push({
          ...finding(
            downtimeRelease,
            on(system.release, true),
            {
              zh: `${label.zh} 是批处理系统、采用停机发布：在两次批处理之间发布并不中断业务，但方案没有写明批处理窗口。请写明 batchWindow（如 "22:00-06:00"），说明发布落在窗口内。`,
              en: `${label.en} is a batch system released with downtime: releasing between runs interrupts nothing, but the proposal states no batch window. State batchWindow (e.g. "22:00-06:00") so the release is seen to fall inside it.`,
            },
            fix,
          ),
          severity: 'info',
        });
        continue;
      }
      const tier = system.tier?.value;
      const availability = system.availability?.value;
      if (tier !== undefined && tier >= 3 && (availability === undefined || availability < LOW_TIER_AVAILABILITY)) {
        // A low-tier system may stop for an upgrade in a maintenance window; a reviewer asks only that it be planned.
        out.push({
          ...finding(
            downtimeRelease,
            on(system.release, true),
            {
              zh: zhJoin(
                `${label.zh} 是`,
                tierWord(tier).zh,
                '业务系统、采用停机发布：在维护窗口内停机升级对它是常见做法，但每次升级仍会中断使用它的业务。请在方案中写明维护窗口并通知使用方；有条件时改为灰度发布（gray）。',
              ),
              en: `${label.en} is a tier-${tier} system released with downtime: stopping for upgrades in a maintenance window is common practice at its tier, but each upgrade still interrupts whoever uses it. State the maintenance window in the proposal and tell its users; release gradually (gray) where you can.`,
            },
            fix,
          ),
          severity: 'info',
        });
        continue;
      }
      out.push(
        finding(
          downtimeRelease,
          on(system.release, true),
          {
            zh: `${label.zh} 采用停机发布，又没有写明可以停机的窗口（batchWindow）：每次升级都要中断业务。建议灰度发布（gray）；若业务确有可停机的时段，请写明 batchWindow。`,
            en: `${label.en} is released with downtime and states no window it may stop in (batchWindow), so every upgrade stops the business. Release gradually (gray); if the business does have hours it may stop in, state them as batchWindow.`,
          },
          fix,
        ),
      );
    }
    return out;
  },
};

/** How far the peak stands above the average, by the strongest measure the proposal gives. */
function peakRatio(system: SystemModel): { ratio: number; text: { zh: string; en: string } } | undefined {
  const average = system.averageDailyTransactions?.value;
  if (!average || average <= 0) return undefined;
  const daily = system.dailyTransactions?.value;
  if (daily !== undefined && daily / average >= PEAK_DAY_RATIO) {
    const ratio = daily / average;
    const d = formatCount(daily);
    const a = formatCount(average);
    return {
      ratio,
      text: {
        zh: zhJoin('峰值日交易量 ', d.zh, '笔是日均 ', a.zh, `笔的 ${ratio.toFixed(1)} 倍`),
        en: `its peak day (${d.en}) is ${ratio.toFixed(1)}× the average day (${a.en})`,
      },
    };
  }
  return undefined;
}

export const peakLoadWithoutElasticity: CasebookRule = {
  id: 'peak-load-without-elasticity',
  family: FAMILY,
  defaultSeverity: 'info',
  title: { zh: '峰谷差大却不能弹性扩容', en: 'Spiky load without elastic capacity' },
  description: {
    zh: `峰值日交易量（dailyTransactions）达到日均（averageDailyTransactions）的 ${PEAK_DAY_RATIO} 倍，而系统不在容器上运行时，只能按峰值常备资源。只比较同类数字：峰值秒级 TPS 不与全天平均比较（白天的系统天然高于 24 小时平均）。人保健康新一代电商平台采用微服务、分布式数据库、容器等技术，满足了高并发、弹性扩展的需求，日均近 80 万笔、峰值 150 万笔/日。`,
    en: `When the peak day (dailyTransactions) reaches ${PEAK_DAY_RATIO}× the average day (averageDailyTransactions) and the system does not run in containers, capacity must be kept at peak size all the time. Only like is compared with like: a peak second is never compared with the 24-hour average (any daytime system stands far above it). PICC Health’s new e-commerce platform, built on microservices, a distributed database and containers, met its high-concurrency and elastic-scaling needs at about 800,000 transactions a day on average and 1.5 million at peak.`,
  },
  patterns: ['elastic-scaling', 'containers'],
  cases: ['picc-health'],
  quotes: [PICC_PEAK, PICC_AVERAGE],
  check({ model, library }) {
    const out: RawFinding[] = [];
    for (const system of model.systems) {
      if (system.runtime?.value === 'container') continue;
      const peak = peakRatio(system);
      if (!peak) continue;
      const label = systemLabel(system);
      const picc = cite(library, PICC_PEAK);
      const average = figureOf(library, PICC_AVERAGE);
      const edit = system.runtime
        ? { range: system.runtime.range, newText: 'container' }
        : setEntry(model, system.node, 'runtime', 'container');
      out.push(
        finding(
          peakLoadWithoutElasticity,
          on(system.runtime ?? system.averageDailyTransactions!, !!system.runtime),
          {
            zh: `${label.zh} ${peak.text.zh}，却不能弹性扩容，只能按峰值常备资源。参考：${picc.zh}，${average.zh}；其平台采用容器等技术，满足了弹性扩展的需求。建议容器化并按负载自动扩缩容。`,
            en: `For ${label.en}, ${peak.text.en}, yet it cannot scale elastically and must keep peak capacity all the time. For reference: ${picc.en}, ${average.en}; its platform, on containers among other technology, met its elastic-scaling needs. Containerise it and scale with the load.`,
          },
          edit ? [{ title: CONTAINER_FIX, edits: [edit] }] : undefined,
        ),
      );
    }
    return out;
  },
};

export const DELIVERY_RULES: CasebookRule[] = [vmRuntimeContainers, downtimeRelease, peakLoadWithoutElasticity];
