/**
 * Hover on a site or system id, where it is declared or referenced: where the
 * site is and what runs there; where the system runs, whether it meets its
 * tier, what a loss does to it, what depends on it and what it depends on.
 */
import { t, pick, type Locale } from '../../locale';
import type { ProposalModel, SystemModel } from '../../model';
import type { CaseLibrary } from '../../types';
import { outcomeText, outcomesOf, scopeName } from '../../scenarioText';
import { scenariosOf } from '../../scenarios';
import { dependents, idAt, systemsAtSite } from '../indexes';
import { code, colon, md, ROLE_LABELS, TIER_LABELS } from '../labels';
import { tierVerdict, verdictTitle } from '../tiers';
import { markdown, type HoverSource } from './at';
import { deploymentSummary, heading, systemList } from './text';

/** An id answers, or stops the chain: nothing else explains a word that is an id. */
export const idHover: HoverSource = ({ model, library, locale, position }) => {
  const id = idAt(model, position);
  if (!id) return undefined;
  const text = id.kind === 'site' ? siteHover(model, id.id, locale) : systemHover(model, library, id.id, locale);
  return text ? markdown(text, id.range) : null;
};

function siteHover(model: ProposalModel, siteId: string, locale: Locale): string | undefined {
  const site = model.siteById.get(siteId);
  if (!site)
    return t(locale, `**${md(siteId)}**：未在 \`sites\` 中声明的站点。`, `**${md(siteId)}**: a site not declared under \`sites\`.`);
  const role = site.role?.value;
  const roleLabel = role ? ROLE_LABELS[role] : undefined;
  const facts = [
    site.city ? md(site.city.value) : t(locale, '城市未填写', 'no city'),
    role ? (roleLabel ? `${pick(roleLabel, locale)} (${code(role)})` : code(role)) : t(locale, '角色未填写', 'no role'),
    ...(site.platform ? [code(site.platform.value)] : []),
  ];
  const systems = systemsAtSite(model, siteId);
  const lines = [`**${md(siteId)}** · ${facts.join(' · ')}`, ''];
  lines.push(
    systems.length > 0
      ? `${t(locale, `部署的系统（${systems.length}）`, `Systems deployed here (${systems.length})`)}${colon(locale)}${systemList(model, systems, locale)}`
      : t(locale, '尚无系统部署在此站点。', 'No system is deployed here yet.'),
  );
  return lines.join('\n');
}

function systemHover(model: ProposalModel, library: CaseLibrary, systemId: string, locale: Locale): string | undefined {
  const system = model.systemById.get(systemId);
  if (!system)
    return t(
      locale,
      `**${md(systemId)}**：未在 \`systems\` 中声明的系统。`,
      `**${md(systemId)}**: a system not declared under \`systems\`.`,
    );
  const tier = system.tier?.value;
  const tierLabel = tier !== undefined ? TIER_LABELS[tier] : undefined;
  const head = [`**${md(systemId)}**`, ...(system.name ? [md(system.name.value)] : []), ...(tierLabel ? [pick(tierLabel, locale)] : [])];
  const lines = [head.join(' · '), '', `${t(locale, '部署', 'Deployed')}${colon(locale)}${deploymentSummary(system, locale)}`];
  const verdict = tierVerdict(model, system);
  if (verdict) lines.push('', `${md(verdictTitle(library, verdict, locale))}`);
  lines.push(...scenarioLines(model, system, locale));
  const users = dependents(model, systemId);
  if (users.length > 0)
    lines.push(
      '',
      `${t(locale, `被依赖（${users.length}）`, `Depended on by (${users.length})`)}${colon(locale)}${systemList(model, users, locale)}`,
    );
  const deps = system.dependsOn?.value.map((d) => d.value) ?? [];
  if (deps.length > 0) lines.push('', `${t(locale, '依赖', 'Depends on')}${colon(locale)}${systemList(model, deps, locale)}`);
  return lines.join('\n');
}

/** A hover lists this many failure scenarios at most; `casebook simulate` prints them all. */
const LISTED_SCENARIOS = 6;

/** "失去 机房 cd-1：降级接管：cd-2 分钟级（热备）接管，不丢数据", for each loss that touches the system. */
function scenarioLines(model: ProposalModel, system: SystemModel, locale: Locale): string[] {
  const touching = outcomesOf(scenariosOf(model), system).filter(({ outcome }) => outcome.hit || outcome.lostDependencies.length > 0);
  if (touching.length === 0) return [];
  const lines = ['', `${t(locale, '**故障场景**', '**If a loss happens**')}${heading(locale)}`];
  for (const { scope, outcome } of touching.slice(0, LISTED_SCENARIOS)) {
    const lost = pick(scopeName(scope), locale);
    lines.push(`- ${t(locale, `失去${md(lost)}`, `lose ${md(lost)}`)}${colon(locale)}${md(pick(outcomeText(outcome), locale))}`);
  }
  if (touching.length > LISTED_SCENARIOS)
    lines.push(
      t(
        locale,
        `- …（共 ${touching.length} 种，运行 casebook simulate 查看全部）`,
        `- … (${touching.length} in all; casebook simulate lists them)`,
      ),
    );
  return lines;
}
