/**
 * Legacy: systems still on a mainframe (主机下移 / 去 IOE).
 */
import type { RawFinding } from '../types';
import { cite, fig, finding, nameOf, on, opening, systemLabel, type CasebookRule } from './helpers';

const FAMILY = 'legacy';

const CHINA_UNITED_IOE = fig('china-united-insurance', 'leave-ioe');

export const mainframeDownsizing: CasebookRule = {
  id: 'mainframe-downsizing',
  family: FAMILY,
  defaultSeverity: 'info',
  title: { zh: '主机系统可下移到分布式平台', en: 'Mainframe systems can move to a distributed platform' },
  description: {
    zh: '运行在大型主机上的系统扩展成本高、依赖单一厂商。四川农信通过分布式云平台实现核心系统大机下移；顺德农商把核心业务从 IOE 架构迁到金融云；中华财险从 IOE 走向全分布式核心。',
    en: 'A system on a mainframe is costly to scale and tied to one vendor. Sichuan RCU moved its core off the mainframe onto a distributed cloud platform; Shunde RCB migrated core business from IOE to a financial cloud; China United Insurance went from IOE to a fully distributed core.',
  },
  patterns: ['mainframe-downsizing', 'distributed-database'],
  cases: ['sichuan-rcu', 'shunde-rcb', 'china-united-insurance'],
  quotes: [CHINA_UNITED_IOE],
  check({ model, library }) {
    const out: RawFinding[] = [];
    for (const system of model.systems) {
      if (system.runtime?.value !== 'mainframe') continue;
      const label = opening(systemLabel(system));
      const sichuan = nameOf(library, 'sichuan-rcu');
      const shunde = nameOf(library, 'shunde-rcb');
      const cui = cite(library, CHINA_UNITED_IOE);
      out.push(
        finding(mainframeDownsizing, on(system.runtime, true), {
          zh: `${label.zh} 运行在大型主机上：扩容昂贵、依赖单一厂商。${sichuan.zh}通过分布式云平台实现核心系统大机下移，${shunde.zh}把核心业务从 IOE 迁到金融云，${cui.zh}。建议规划主机下移到分布式架构（容器 + 分布式数据库）。`,
          en: `${label.en} runs on a mainframe: costly to scale and tied to one vendor. ${sichuan.en} moved its core off the mainframe onto a distributed cloud, ${shunde.en} migrated core business off IOE, and ${cui.en}. Plan a move to a distributed platform (containers + a distributed database).`,
        }),
      );
    }
    return out;
  },
};

export const LEGACY_RULES: CasebookRule[] = [mainframeDownsizing];
