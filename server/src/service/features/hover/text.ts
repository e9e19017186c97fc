/** Markdown pieces several hovers share: a case link and figure, where a system runs, a list of systems. */
import { t, listOf, pick, type Locale } from '../../locale';
import { topologyWords, type ProposalModel, type SystemModel } from '../../model';
import { keyFigures } from '../../caseViews';
import { kindPrefix } from '../../library/figures';
import type { CaseLibrary } from '../../types';
import { code, commandUri, customerLabel, md, OPEN_CASE, TOPOLOGY_LABELS } from '../labels';

/** The colon ending a label that a list follows (no trailing space before the line break). */
export const heading = (locale: Locale) => (locale === 'zh-CN' ? '：' : ':');

export function caseLink(library: CaseLibrary, caseId: string, locale: Locale): string {
  return `[${md(customerLabel(library, caseId, locale))}](${commandUri(OPEN_CASE, [caseId])})`;
}

/**
 * " — 目标：从同城主备向两地三中心迈进": how the case shows the pattern (its
 * evidence), else its headline figure, labelled by kind unless it is a result.
 */
export function caseFigure(library: CaseLibrary, caseId: string, locale: Locale, patternId?: string): string {
  const record = library.cases.get(caseId);
  if (!record) return '';
  const evidence = patternId ? record.patterns.find((p) => p.pattern === patternId) : undefined;
  if (evidence && evidence.evidence.zh) return ` — ${md(`${pick(kindPrefix(evidence.kind), locale)}${pick(evidence.evidence, locale)}`)}`;
  const headline = keyFigures(record, locale)[0];
  return headline ? ` — ${md(headline)}` : '';
}

/** "成都（cd-1、cd-2）、重庆（cq-1）→ 两地三中心、同城双活" */
export function deploymentSummary(system: SystemModel, locale: Locale): string {
  const { topology } = system;
  if (topology.sites.length === 0) return t(locale, '未部署到任何已声明的站点', 'deployed to no declared site');
  const byCity = new Map<string, string[]>();
  for (const site of topology.sites) {
    const city = site.city?.value ?? '?';
    byCity.set(city, [...(byCity.get(city) ?? []), site.id?.value ?? '?']);
  }
  const cities = [...byCity].map(([city, ids]) =>
    locale === 'zh-CN' ? `${md(city)}（${ids.map(md).join('、')}）` : `${md(city)} (${ids.map(md).join(', ')})`,
  );
  const words = topologyWords(topology).map((w) => pick(TOPOLOGY_LABELS[w], locale));
  const list = locale === 'zh-CN' ? cities.join('、') : cities.join(', ');
  return words.length > 0 ? `${list} → ${listOf(words, locale)}` : list;
}

/** A hover lists this many systems at most: in a 1,000-system proposal, a shared one has hundreds of dependents. */
const LISTED_SYSTEMS = 12;

export function systemList(model: ProposalModel, ids: readonly string[], locale: Locale): string {
  return `${listOf(ids.slice(0, LISTED_SYSTEMS).map(systemLabel(model)), locale)}${ids.length > LISTED_SYSTEMS ? ' …' : ''}`;
}

const systemLabel = (model: ProposalModel) => (id: string) => {
  const name = model.systemById.get(id)?.name?.value;
  return name ? `${code(id)} ${md(name)}` : code(id);
};
