/**
 * Hover on a system's `tier` key or value: what the tier requires, the cases
 * that show it (with figures) and whether this system meets it.
 */
import { t, pick, type Locale } from '../../locale';
import type { ProposalModel, SystemModel } from '../../model';
import type { CaseLibrary } from '../../types';
import type { JsonPath } from '../../yamlNodes';
import { code, colon, md, TIER_LABELS } from '../labels';
import { tierRequirement, tierVerdict } from '../tiers';
import { markdown, type HoverAt, type HoverSource } from './at';
import { caseFigure, caseLink, deploymentSummary, heading } from './text';

/** The system a `systems[i].tier` path belongs to. */
function systemOf(model: ProposalModel, path: JsonPath): SystemModel | undefined {
  return path[0] === 'systems' && typeof path[1] === 'number' ? model.systems.find((s) => s.index === path[1]) : undefined;
}

/** On the `tier` key of a system. */
export const tierKeyHover: HoverSource = ({ key, model, library, locale }) => {
  if (!key || key.path[key.path.length - 1] !== 'tier') return undefined;
  const system = systemOf(model, key.path);
  return system ? markdown(tierHover(model, library, system, locale), key.range) : undefined;
};

/** On the value of a system's `tier`. */
export const tierValueHover: HoverSource = (at: HoverAt) => {
  const { hit, model, library, locale } = at;
  if (!hit || hit.node.kind !== 'scalar' || hit.entry?.key !== 'tier') return undefined;
  const system = systemOf(model, hit.node.path);
  return system ? markdown(tierHover(model, library, system, locale), hit.node.range) : undefined;
};

function tierHover(model: ProposalModel, library: CaseLibrary, system: SystemModel, locale: Locale): string {
  const tier = system.tier?.value;
  const label = tier !== undefined ? TIER_LABELS[tier] : undefined;
  const lines = [`**tier ${tier ?? '?'}**${label ? ` · ${pick(label, locale)}` : ''}`, ''];
  const requirement = tier !== undefined ? tierRequirement(tier) : undefined;
  if (!requirement) {
    lines.push(
      t(
        locale,
        '分级：1 = 一级（两地三中心或同城 + 异地灾备），2 = 二级（同城灾备），3 = 三级（无容灾要求）。',
        'Tiers: 1 = tier 1 (two regions, three DCs, or same-city + remote DR), 2 = tier 2 (same-city DR), 3 = tier 3 (no DR requirement).',
      ),
    );
    return lines.join('\n');
  }
  lines.push(`${t(locale, '**要求**', '**Requires**')}${colon(locale)}${pick(requirement.text, locale)}`);
  const cases = requirement.pattern ? (library.patterns.get(requirement.pattern)?.cases ?? []) : [];
  if (cases.length > 0) {
    // "Cases", not "who did it": several of them state this as a goal, and the evidence line says so.
    lines.push('', `${t(locale, '**案例**', '**Cases**')}${heading(locale)}`);
    for (const caseId of cases.slice(0, 4))
      lines.push(`- ${caseLink(library, caseId, locale)}${caseFigure(library, caseId, locale, requirement.pattern)}`);
  }
  const verdict = tierVerdict(model, system);
  const where = deploymentSummary(system, locale);
  const name = system.id ? code(system.id.value) : t(locale, '本系统', 'This system');
  if (verdict) {
    const reason = md(pick(verdict.reason, locale));
    lines.push(
      '',
      verdict.ok
        ? t(locale, `✓ ${name} 满足要求：${where}。${reason}`, `✓ ${name} meets it: ${where}; ${reason}`)
        : t(locale, `✗ ${name} 尚不满足：${reason}部署：${where}`, `✗ ${name} does not meet it yet: ${reason} Deployed: ${where}`),
    );
  } else lines.push('', t(locale, `${name} 部署：${where}`, `${name} is deployed: ${where}`));
  return lines.join('\n');
}
