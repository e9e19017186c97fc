/**
 * How a failure scenario is said, in both languages: the scope lost, what a
 * system does in it (status, takeover, data loss), and whether the system
 * survives every loss its tier requires. Hover, code lens, the rules and
 * `casebook simulate` all speak through here, so they never disagree.
 */
import { cityKey, cityName } from './geo';
import { zhNamed, type Localized } from './locale';
import type { ProposalModel, SystemModel } from './model';
import {
  defaultRegion,
  requiredScopeKinds,
  scenariosOf,
  type DataLoss,
  type Scenario,
  type Scope,
  type SystemOutcome,
  type Takeover,
} from './scenarios';

/** "机房 cd-1" / "site cd-1"; "成都"; "广东省（整个区域）" / "the region 广东省". */
export function scopeName(scope: Scope): Localized {
  switch (scope.kind) {
    case 'site':
      return { zh: zhNamed('机房', scope.label), en: `site ${scope.label}` };
    case 'city':
      // A city written "Tianjin" reads 天津 in Chinese text.
      return cityName(scope.label);
    case 'region':
      return { zh: `${scope.label}（整个区域）`, en: `the region ${scope.label}` };
  }
}

/**
 * unaffected: the scope holds none of its sites; survives: it serves at once
 * with nothing lost; degraded: it serves after a takeover that takes time or
 * loses data (or both are unknown); down: no copy, or a hard dependency, is left.
 */
/**
 * Scopes lost one at a time are alternatives: "成都或机房 a" / "成都 or site a is", never "成都, site a are".
 * `total` counts the scopes behind the names shown; the English carries the verb so the number agrees.
 */
export function anyOfScopes(names: readonly Localized[], total: number): Localized {
  const last = names.at(-1);
  if (!last) return { zh: '', en: '' };
  const head = names.slice(0, -1);
  if (total > names.length)
    return {
      zh: `${names.map((n) => n.zh).join('、')} 等 ${total} 种情况中的任何一种`,
      en: `any of ${names.map((n) => n.en).join(', ')} and ${total - names.length} more is`,
    };
  if (head.length === 0) return { zh: last.zh, en: `${last.en} is` };
  return {
    zh: `${head.map((n) => n.zh).join('、')}或${last.zh}`,
    en: `${head.map((n) => n.en).join(', ')} or ${last.en} is`,
  };
}

export type SystemStatus = 'unaffected' | 'survives' | 'degraded' | 'down';

export function statusOf(outcome: SystemOutcome): SystemStatus {
  if (!outcome.survives) return 'down';
  const loses = outcome.dataLoss !== undefined && outcome.dataLoss.kind !== 'none';
  if (!outcome.hit && outcome.lostDependencies.length === 0 && (outcome.takeover ?? 'none') === 'none') return 'unaffected';
  return (outcome.takeover ?? 'none') === 'none' && !loses ? 'survives' : 'degraded';
}

export const STATUS_LABELS: Record<SystemStatus, Localized> = {
  unaffected: { zh: '不受影响', en: 'unaffected' },
  survives: { zh: '存活', en: 'survives' },
  degraded: { zh: '降级接管', en: 'degraded' },
  down: { zh: '中断', en: 'down' },
};

export const TAKEOVER_LABELS: Record<Takeover, Localized> = {
  none: { zh: '即时', en: 'immediate' },
  minutes: { zh: '分钟级（热备）', en: 'minutes (hot standby)' },
  hours: { zh: '小时级（冷备）', en: 'hours (cold standby)' },
  unknown: { zh: '未知（站点未写角色）', en: 'unknown (the site has no role)' },
};

export function dataLossText(loss: DataLoss | undefined): Localized {
  switch (loss?.kind) {
    case undefined:
    case 'none':
      return { zh: '不丢数据', en: 'no data lost' };
    case 'lag':
      return { zh: `最多丢失 ${loss.text}`, en: `up to ${loss.text} lost` };
    case 'some':
      return { zh: '会丢数据（异步复制，未写 lag）', en: 'some data lost (async, no lag stated)' };
    case 'unknown':
      return { zh: '未知（没有写明复制链路）', en: 'unknown (no replication link stated)' };
  }
}

/** One line for one system in one scope: "降级接管：cd-2 分钟级（热备）接管，不丢数据". */
export function outcomeText(outcome: SystemOutcome): Localized {
  const status = STATUS_LABELS[statusOf(outcome)];
  if (!outcome.survives) {
    const chain = outcome.lostDependencies[0]?.chain;
    if (outcome.ownSurvives && chain)
      return {
        zh: `${status.zh}：依赖的 ${chain.join(' → ')} 没有副本`,
        en: `${status.en}: its dependency ${chain.join(' → ')} has no copy left`,
      };
    return { zh: `${status.zh}：没有可接管的副本`, en: `${status.en}: no copy left to take over` };
  }
  if (statusOf(outcome) === 'unaffected') return status;
  const site = outcome.takeoverSite?.id?.value;
  // No writer was lost (a standby or a second active copy went): the serving copy carries on.
  if (outcome.dataLoss === undefined && (outcome.takeover ?? 'none') === 'none')
    return site ? { zh: `${status.zh}：${site} 继续服务`, en: `${status.en}: ${site} keeps serving` } : status;
  const takeover = TAKEOVER_LABELS[outcome.takeover ?? 'none'];
  const loss = dataLossText(outcome.dataLoss);
  return {
    zh: `${status.zh}：${site ? `${site} ` : ''}${takeover.zh}接管，${loss.zh}`,
    en: `${status.en}: ${site ? `${site} takes over, ` : ''}${takeover.en}, ${loss.en}`,
  };
}

/** The outcome of one system in every scenario, in scope order. */
export function outcomesOf(scenarios: readonly Scenario[], system: SystemModel): { scope: Scope; outcome: SystemOutcome }[] {
  const out: { scope: Scope; outcome: SystemOutcome }[] = [];
  for (const scenario of scenarios) {
    const direct = scenario.outcomes[system.index];
    const outcome = direct?.system === system ? direct : scenario.outcomes.find((o) => o.system === system);
    if (outcome) out.push({ scope: scenario.scope, outcome });
  }
  return out;
}

export interface Survival {
  /** The kinds of loss the tier requires the system to survive (none below tier 2). */
  required: readonly ScopeKind[];
  /** The first required loss that stops it, a city before a site; undefined when it survives them all. */
  broken?: { scope: Scope; outcome: SystemOutcome };
}

type ScopeKind = Scope['kind'];

/** Whether the system survives every loss its tier requires: its own copies and its hard dependencies. */
export function survivalOf(model: ProposalModel, system: SystemModel): Survival {
  const required = requiredScopeKinds(system);
  if (required.length === 0) return { required };
  const failing = outcomesOf(scenariosOf(model), system).filter(({ scope, outcome }) => required.includes(scope.kind) && !outcome.survives);
  const broken = failing.find((f) => f.scope.kind === 'city') ?? failing[0];
  return broken ? { required, broken } : { required };
}

/* ------------------------------------------------------------------------ */
/* The whole table, for `casebook simulate` and the review report            */
/* ------------------------------------------------------------------------ */

export interface SystemScenario {
  id: string;
  name?: string;
  tier?: number;
  status: SystemStatus;
  /** The copy that serves after the loss. */
  takeoverSite?: string;
  takeover?: Takeover;
  dataLoss?: DataLoss;
  /** Each hard dependency that stops, with the chain that stops it. */
  lostDependencies: string[][];
  /** The loss is one the tier requires the system to survive, and it does not. */
  breaksTier: boolean;
  text: Localized;
}

export interface ScopeScenario {
  kind: Scope['kind'];
  key: string;
  label: string;
  name: Localized;
  sites: string[];
  /** Systems the loss touches (their own sites, or a hard dependency); the rest are counted. */
  systems: SystemScenario[];
  unaffected: number;
}

/**
 * The scope `lose` names: a site id, a city (上海 = 上海市 = Shanghai) or a
 * region (广东 = 广东省). A city with one site is that site's scope, since
 * scopes never repeat; all scopes when `lose` is undefined.
 */
export function matchScopes(scopes: readonly Scope[], lose: string | undefined): Scope[] {
  if (lose === undefined) return [...scopes];
  const text = lose.trim();
  const all = [...new Set(scopes.flatMap((s) => [...s.sites]))];
  const bare = (region: string) => region.replace(/(省|市|自治区|壮族自治区|回族自治区|维吾尔自治区|特别行政区)$/, '');
  const named =
    [all.filter((s) => s.id?.value === text), all.filter((s) => s.city && s.cityKey === cityKey(text))].find((l) => l.length > 0) ??
    all.filter((s) => {
      const region = defaultRegion(s);
      return region !== undefined && (region === text || bare(region) === bare(text));
    });
  if (named.length === 0) return [];
  const same = (scope: Scope) => scope.sites.size === named.length && named.every((s) => scope.sites.has(s));
  const found = scopes.find(same);
  return found ? [found] : [];
}

/** The table for the given scopes (from scopesOf on the same model), in scope order. */
export function scenarioTable(model: ProposalModel, scopes: readonly Scope[]): ScopeScenario[] {
  const wanted = new Set(scopes.map((s) => `${s.kind}\u0000${s.key}`));
  return scenariosOf(model)
    .filter(({ scope }) => wanted.has(`${scope.kind}\u0000${scope.key}`))
    .map(({ scope, outcomes }) => {
      const systems: SystemScenario[] = [];
      let unaffected = 0;
      for (const outcome of outcomes) {
        const status = statusOf(outcome);
        if (status === 'unaffected' || !outcome.system.id) {
          unaffected++;
          continue;
        }
        const system = outcome.system;
        systems.push({
          id: system.id!.value,
          ...(system.name ? { name: system.name.value } : {}),
          ...(system.tier ? { tier: system.tier.value } : {}),
          status,
          ...(outcome.takeoverSite?.id ? { takeoverSite: outcome.takeoverSite.id.value } : {}),
          ...(outcome.survives && outcome.takeover ? { takeover: outcome.takeover } : {}),
          ...(outcome.dataLoss ? { dataLoss: outcome.dataLoss } : {}),
          lostDependencies: outcome.lostDependencies.map((d) => d.chain),
          breaksTier: !outcome.survives && requiredScopeKinds(system).includes(scope.kind),
          text: outcomeText(outcome),
        });
      }
      return {
        kind: scope.kind,
        key: scope.key,
        label: scope.label,
        name: scopeName(scope),
        sites: [...scope.sites].map((s) => s.id?.value ?? '?'),
        systems,
        unaffected,
      };
    });
}
