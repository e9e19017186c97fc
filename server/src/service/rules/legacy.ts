/**
 * Legacy: systems still on a mainframe (主机下移 / 去 IOE).
 */
import type { RawFinding } from '../types';
import { cites, fig, finding, on, opening, systemLabel, type CasebookRule } from './helpers';

const FAMILY = 'legacy';

// Sichuan's move off the mainframe is a goal in the source (希望通过本项目实现主机下移); Shunde's and China United's are results.
const SICHUAN_MAINFRAME = fig('sichuan-rcu', 'mainframe-target');
const SHUNDE_CORE_MIGRATION = fig('shunde-rcb', 'core-migration');
const CHINA_UNITED_IOE = fig('china-united-insurance', 'leave-ioe');
const EVIDENCE = [SICHUAN_MAINFRAME, SHUNDE_CORE_MIGRATION, CHINA_UNITED_IOE];

export const mainframeDownsizing: CasebookRule = {
  id: 'mainframe-downsizing',
  family: FAMILY,
  defaultSeverity: 'info',
  title: { zh: '主机系统可下移到分布式平台', en: 'Mainframe systems can move to a distributed platform' },
  description: {
    zh: '运行在大型主机上的系统扩展成本高、依赖单一厂商。四川农信的目标是通过建设分布式云平台实现主机下移；顺德农商以低成本完成核心业务系统迁移上云；中华财险从传统 IOE 架构走向全分布式核心。',
    en: 'A system on a mainframe is costly to scale and tied to one vendor. Sichuan RCU aims to move off the mainframe by building a distributed cloud platform; Shunde RCB moved its core systems to the cloud at low cost; China United Insurance went from the traditional IOE architecture to a fully distributed core.',
  },
  patterns: ['mainframe-downsizing', 'distributed-database'],
  cases: ['sichuan-rcu', 'shunde-rcb', 'china-united-insurance'],
  quotes: EVIDENCE,
  check({ model, library }) {
    const out: RawFinding[] = [];
    for (const system of model.systems) {
      if (system.runtime?.value !== 'mainframe') continue;
      const label = opening(systemLabel(system));
      const refs = cites(library, EVIDENCE);
      out.push(
        finding(mainframeDownsizing, on(system.runtime, true), {
          zh: `${label.zh} 运行在大型主机上：扩容昂贵、依赖单一厂商。参考：${refs.zh}。建议规划主机下移到分布式架构（容器 + 分布式数据库）。`,
          en: `${label.en} runs on a mainframe: costly to scale and tied to one vendor. For reference: ${refs.en}. Plan a move to a distributed platform (containers + a distributed database).`,
        }),
      );
    }
    return out;
  },
};

export const LEGACY_RULES: CasebookRule[] = [mainframeDownsizing];
