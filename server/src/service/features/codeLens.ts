/**
 * Code lenses above each system: the reference cases that fit it, and the
 * topology word it has ("两地三中心 ✓") or, for tier 1, needs and lacks ("✗").
 */
import type { CodeLens } from 'vscode-languageserver-types';
import type { FeatureContext } from '../featureContext';
import { t, pick, type Locale } from '../locale';
import { topologyWords, type ProposalModel, type SystemModel } from '../model';
import type { CaseLibrary, Finding } from '../types';
import { customerLabel, OPEN_CASE, patternName, plain, SHOW_MATCHING_CASES, SHOW_TOPOLOGY, TOPOLOGY_LABELS } from './labels';
import { tierRequirement, tierVerdict, verdictTitle } from './tiers';

const MAX_CASES = 3;

export function getCodeLenses(context: FeatureContext): CodeLens[] {
  const { model, uri } = context.proposal;
  const { library, settings } = context;
  const locale = settings.locale;
  const findingsBySystem = groupBySystem(context.analysis().findings);
  const lenses: CodeLens[] = [];
  for (const system of model.systems) {
    if (!system.id) continue;
    const at = system.node.range.start;
    const range = { start: at, end: at };
    const cases = referenceCases(system, findingsBySystem.get(system.index) ?? [], library);
    const names = cases.slice(0, MAX_CASES).map((id) => plain(customerLabel(library, id, locale)));
    lenses.push({
      range,
      command:
        cases.length > 0
          ? {
              title: `${t(locale, '参考案例：', 'Reference cases: ')}${names.join(' · ')}${cases.length > MAX_CASES ? ' …' : ''}`,
              command: OPEN_CASE,
              arguments: [cases[0]],
            }
          : { title: t(locale, '查找参考案例', 'Find reference cases'), command: SHOW_MATCHING_CASES, arguments: [uri, system.id.value] },
    });
    lenses.push({
      range,
      command: { title: plain(topologyTitle(model, system, library, locale)), command: SHOW_TOPOLOGY, arguments: [uri, system.id.value] },
    });
  }
  return lenses;
}

function groupBySystem(findings: Finding[]): Map<number, Finding[]> {
  const map = new Map<number, Finding[]>();
  for (const finding of findings) {
    if (finding.suppressed || finding.path[0] !== 'systems' || typeof finding.path[1] !== 'number') continue;
    const list = map.get(finding.path[1]);
    if (list) list.push(finding);
    else map.set(finding.path[1], [finding]);
  }
  return map;
}

/**
 * The cases to look at for this system: those its findings cite (they show
 * what it lacks), then those showing the topology its tier needs, then those
 * showing the strongest topology it already has.
 */
function referenceCases(system: SystemModel, findings: Finding[], library: CaseLibrary): string[] {
  const ids: string[] = [];
  const add = (id: string) => {
    if (library.cases.has(id) && !ids.includes(id)) ids.push(id);
  };
  for (const finding of findings) finding.cases.forEach(add);
  const requirement = system.tier ? tierRequirement(system.tier.value) : undefined;
  if (requirement?.pattern) library.patterns.get(requirement.pattern)?.cases.forEach(add);
  const strongest = topologyWords(system.topology)[0];
  if (strongest) library.patterns.get(strongest)?.cases.forEach(add);
  return ids;
}

function topologyTitle(model: ProposalModel, system: SystemModel, library: CaseLibrary, locale: Locale): string {
  const verdict = tierVerdict(model, system);
  if (verdict) return verdictTitle(library, verdict, locale);
  const strongest = topologyWords(system.topology)[0];
  if (strongest)
    return `${library.patterns.has(strongest) ? patternName(library, strongest, locale) : pick(TOPOLOGY_LABELS[strongest], locale)} ✓`;
  const { sites, cities } = system.topology;
  if (sites.length === 0) return t(locale, '未部署 ✗', 'not deployed ✗');
  if (sites.length === 1) return t(locale, '单中心', 'single site');
  // Two or more sites without a stronger word: same-city (or cross-city) recovery.
  return cities.length === 1
    ? t(locale, '同城灾备 ✓', 'same-city DR ✓')
    : t(locale, `${cities.length} 城 ${sites.length} 中心`, `${sites.length} sites in ${cities.length} cities`);
}
