/**
 * How the Case Browser groups cases: by industry (the fixed order architects
 * expect: 银行/农信/农商/保险/证券/基金/其他), by pattern or by product.
 * Pure, so the tree logic is tested without VS Code.
 */
import type { CaseSummary, IndustryId, NamedRef } from '../../../shared/src/protocol';

export type CaseGrouping = 'industry' | 'pattern' | 'product';

export const CASE_GROUPINGS: readonly CaseGrouping[] = ['industry', 'pattern', 'product'];

const INDUSTRY_ORDER: readonly IndustryId[] = ['bank', 'rural-credit', 'rural-commercial-bank', 'insurance', 'securities', 'fund', 'other'];

export interface CaseGroup {
  /** Stable key: `industry:bank`, `pattern:saga`, `product:(none)`. */
  key: string;
  label: string;
  cases: CaseSummary[];
}

/** Built-in cases and the enterprise's own cases, grouped separately. */
export interface CaseForest {
  builtIn: CaseGroup[];
  enterprise: CaseGroup[];
}

export interface GroupingLabels {
  /** Label of the group for cases that name no pattern / product. */
  ungrouped: string;
}

const UNGROUPED = '(none)';

export function groupCases(cases: readonly CaseSummary[], grouping: CaseGrouping, labels: GroupingLabels): CaseForest {
  return {
    builtIn: groupOne(
      cases.filter((c) => c.builtIn),
      grouping,
      labels,
    ),
    enterprise: groupOne(
      cases.filter((c) => !c.builtIn),
      grouping,
      labels,
    ),
  };
}

function groupOne(cases: readonly CaseSummary[], grouping: CaseGrouping, labels: GroupingLabels): CaseGroup[] {
  if (grouping === 'industry') return byIndustry(cases);
  return byRefs(cases, grouping, grouping === 'pattern' ? (c) => c.patterns : (c) => c.products, labels);
}

function byIndustry(cases: readonly CaseSummary[]): CaseGroup[] {
  const groups = new Map<IndustryId, CaseGroup>();
  for (const c of cases) {
    // An industry the client does not know yet still gets shown, under "other"'s position.
    const group = groups.get(c.industry) ?? { key: `industry:${c.industry}`, label: c.industryLabel, cases: [] };
    group.cases.push(c);
    groups.set(c.industry, group);
  }
  const rank = (id: IndustryId) => {
    const i = INDUSTRY_ORDER.indexOf(id);
    return i < 0 ? INDUSTRY_ORDER.length : i;
  };
  return [...groups.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([, g]) => ({ ...g, cases: sortCases(g.cases) }));
}

function byRefs(
  cases: readonly CaseSummary[],
  kind: 'pattern' | 'product',
  refsOf: (c: CaseSummary) => readonly NamedRef[],
  labels: GroupingLabels,
): CaseGroup[] {
  const groups = new Map<string, CaseGroup>();
  const add = (id: string, label: string, c: CaseSummary) => {
    const group = groups.get(id) ?? { key: `${kind}:${id}`, label, cases: [] };
    if (!group.cases.includes(c)) group.cases.push(c);
    groups.set(id, group);
  };
  for (const c of cases) {
    const refs = refsOf(c);
    if (refs.length === 0) add(UNGROUPED, labels.ungrouped, c);
    for (const ref of refs) add(ref.id, ref.name, c);
  }
  // Most-used first (the patterns that carry the library), the catch-all last.
  return [...groups.entries()]
    .sort(
      ([ia, a], [ib, b]) =>
        Number(ia === UNGROUPED) - Number(ib === UNGROUPED) || b.cases.length - a.cases.length || a.label.localeCompare(b.label, 'zh-CN'),
    )
    .map(([, g]) => ({ ...g, cases: sortCases(g.cases) }));
}

/** Newest first, then by customer in pinyin order. */
export function sortCases(cases: readonly CaseSummary[]): CaseSummary[] {
  return [...cases].sort(
    (a, b) => (b.year ?? 0) - (a.year ?? 0) || a.customer.localeCompare(b.customer, 'zh-CN') || a.id.localeCompare(b.id),
  );
}
