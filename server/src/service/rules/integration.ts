/**
 * Integration: how systems talk (ESB vs service mesh) and whether a call
 * across many services can still be followed (full-link tracing).
 */
import type { RawFinding } from '../types';
import { appendToList, cite, fig, figureOf, finding, on, replaceValue, opening, systemLabel, type CasebookRule } from './helpers';

const FAMILY = 'integration';

const JIANGXI_ESB_AGE = fig('jiangxi-rcu', 'esb-age');
const JIANGXI_NON_INTRUSIVE = fig('jiangxi-rcu', 'non-intrusive');
const JIANGXI_OBSERVABILITY = fig('jiangxi-rcu', 'observability');
const JIANGXI_INTEROPERABILITY = fig('jiangxi-rcu', 'interoperability');

/** How Chinese prose names the architectures that spread a request across services (never the raw enum value). */
const DISTRIBUTED_LABELS: Record<string, string> = { microservices: '微服务', unitized: '单元化', 'service-mesh': '服务网格' };

export const esbToServiceMesh: CasebookRule = {
  id: 'esb-to-service-mesh',
  family: FAMILY,
  defaultSeverity: 'info',
  title: { zh: 'ESB 集成可演进为服务网格', en: 'ESB integration can move to a service mesh' },
  description: {
    zh: '集中式 ESB 是所有调用的单点与瓶颈，也难以做细粒度治理。江西农信的服务网格方案列出的优势：无侵入平滑上云，同时兼容 ESB 服务、新老应用互通。',
    en: 'A central ESB is a single point and bottleneck for every call and hard to govern finely. Jiangxi RCU’s service-mesh solution lists as its advantages a non-intrusive move to the cloud, compatible with ESB services, old and new applications interoperating.',
  },
  patterns: ['service-mesh'],
  cases: ['jiangxi-rcu'],
  quotes: [JIANGXI_ESB_AGE, JIANGXI_NON_INTRUSIVE, JIANGXI_INTEROPERABILITY],
  check({ model, library }) {
    const out: RawFinding[] = [];
    for (const system of model.systems) {
      if (system.integration?.value !== 'esb') continue;
      const label = opening(systemLabel(system));
      const age = cite(library, JIANGXI_ESB_AGE);
      const mesh = figureOf(library, JIANGXI_NON_INTRUSIVE);
      const interop = figureOf(library, JIANGXI_INTEROPERABILITY);
      out.push(
        finding(
          esbToServiceMesh,
          on(system.integration, true),
          {
            zh: `${label.zh} 通过集中式 ESB 集成：ESB 是所有调用的单点和瓶颈。参考：${age.zh}；为它提出的 Service Mesh 方案（${mesh.zh}；${interop.zh}）。建议采用服务网格（service-mesh）。`,
            en: `${label.en} integrates through a central ESB, a single point and bottleneck for every call. For reference: ${age.en}; the service-mesh solution proposed for it (${mesh.en}; ${interop.en}). Use a service mesh.`,
          },
          [replaceValue(system.integration, 'service-mesh', { zh: '改为服务网格（service-mesh）', en: 'Use a service mesh' })],
        ),
      );
    }
    return out;
  },
};

export const distributedWithoutTracing: CasebookRule = {
  id: 'distributed-without-tracing',
  family: FAMILY,
  defaultSeverity: 'warning',
  title: { zh: '分布式系统缺少全链路跟踪', en: 'Distributed system without full-link tracing' },
  description: {
    zh: '微服务、单元化或服务网格系统的一次请求穿过许多服务，只有指标和日志无法定位慢在哪里、错在哪里。江西农信的服务网格方案以全链路跟踪和立体化监控提升可观测性。一级系统上报警告（故障定位的快慢直接决定恢复时间）；其他系统作为提示（info）。',
    en: 'In a microservices, unitized or service-mesh system one request crosses many services; metrics and logs alone cannot tell where it slowed down or failed. Jiangxi RCU’s service mesh brought full-link tracing and layered monitoring. A warning on tier-1 systems (how fast a fault is located decides how fast it recovers); a note (info) on the others.',
  },
  patterns: ['full-link-tracing'],
  cases: ['jiangxi-rcu'],
  quotes: [JIANGXI_OBSERVABILITY],
  check({ model, library }) {
    const out: RawFinding[] = [];
    for (const system of model.systems) {
      const architecture = system.architecture?.value;
      const distributed = architecture === 'microservices' || architecture === 'unitized' || system.integration?.value === 'service-mesh';
      if (!distributed) continue;
      if (system.observability?.value.some((o) => o.value === 'tracing')) continue;
      const cause = architecture === 'microservices' || architecture === 'unitized' ? system.architecture! : system.integration!;
      const what = cause === system.architecture ? architecture! : 'service-mesh';
      const label = opening(systemLabel(system));
      const ref = cite(library, JIANGXI_OBSERVABILITY);
      const edit = appendToList(model, system.node, 'observability', system.observability, ['tracing']);
      // Locating a fault fast is what a tier-1 recovery objective rests on; elsewhere tracing is good practice.
      const tier1 = system.tier?.value === 1;
      out.push({
        ...finding(
          distributedWithoutTracing,
          on(system.observability ?? cause, !system.observability),
          {
            zh: `${label.zh} 是${DISTRIBUTED_LABELS[what] ?? what}架构，可观测性却没有全链路跟踪（tracing）：一次请求跨越多个服务，出了问题无法定位到具体环节。参考：${ref.zh}。请在 observability 中加入 tracing。`,
            en: `${label.en} is ${what} yet its observability has no tracing: a request crosses many services and a failure cannot be pinned to one. For reference: ${ref.en}. Add tracing to observability.`,
          },
          edit ? [{ title: { zh: '在 observability 中加入 tracing', en: 'Add tracing to observability' }, edits: [edit] }] : undefined,
        ),
        ...(tier1 ? {} : { severity: 'info' as const }),
      });
    }
    return out;
  },
};

export const INTEGRATION_RULES: CasebookRule[] = [esbToServiceMesh, distributedWithoutTracing];
