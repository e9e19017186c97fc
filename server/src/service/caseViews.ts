/**
 * Library records → the DTOs the client shows (case tree, case pages, pattern
 * lists), localised. Every string a view needs is computed here, so the
 * client only lays it out.
 */
import type { CaseDetail, CaseSummary, IndustryId, NamedRef, PatternSummary, ReferenceTopology } from '../../../shared/src/protocol';
import { pick, type Locale } from './locale';
import { buildModel, type ProposalModel } from './model';
import { renderTopology } from './topology';
import { figurePhrase, KIND_LABELS, kindPrefix, productName } from './library/figures';
import type { CaseLibrary, CaseRecord, EvidenceKind, OutcomeFigure, PatternRecord } from './types';
import { parseYamlTree } from './yamlTree';
import { INDUSTRIES, industryLabel, patternName } from './vocabulary';

export { industryLabel, patternName } from './vocabulary';

/** The id a view can rely on: one of the contract's industries, else `other`. */
function industryId(industry: string): IndustryId {
  return industry in INDUSTRIES ? (industry as IndustryId) : 'other';
}

const KEY_FIGURES = 3;

/** "平均每位客户放款只需 1 秒" / "目标：两地三中心异地多活": the figure's phrase, labelled unless it is a result. */
function outcomeText(outcome: OutcomeFigure, locale: Locale): string {
  return `${pick(kindPrefix(outcome.kind), locale)}${pick(figurePhrase(outcome), locale)}`;
}

/**
 * The headline figures: up to three outcomes — reported results before goals,
 * advantages, testimonials and anecdotes, and among each those with a number
 * first (a figure is what makes a case convincing), otherwise in the library's order.
 */
export function keyFigures(record: CaseRecord, locale: Locale): string[] {
  const hasNumber = (o: OutcomeFigure) => o.after !== undefined || o.before !== undefined || /\d/.test(o.value.en);
  const isResult = (o: OutcomeFigure) => !o.kind || o.kind === 'result';
  const rank = (o: OutcomeFigure) => (isResult(o) ? 0 : 2) + (hasNumber(o) ? 0 : 1);
  const ranked = record.outcomes.map((o, i) => ({ o, i })).sort((a, b) => rank(a.o) - rank(b.o) || a.i - b.i);
  return ranked.slice(0, KEY_FIGURES).map(({ o }) => outcomeText(o, locale));
}

/** The kind, its label and the source sentence of one claim, for the case page. */
function provenance(
  claim: { kind?: EvidenceKind; seedSentence?: string },
  locale: Locale,
): { kind?: EvidenceKind; kindLabel?: string; source?: string } {
  const out: { kind?: EvidenceKind; kindLabel?: string; source?: string } = {};
  if (claim.kind) {
    out.kind = claim.kind;
    out.kindLabel = pick(KIND_LABELS[claim.kind], locale);
  }
  if (claim.seedSentence) out.source = claim.seedSentence;
  return out;
}

/** The document the built-in cases are written from. */
const SEED_DOCUMENT = '典型客户案例 — SOFAStack 助力金融机构完成数字化转型';

/** Where a case's claims come from, as the case page and `casebook cases show` say it. */
export function sourceDocument(record: CaseRecord, locale: Locale): string {
  if (record.builtIn) {
    return locale === 'zh-CN'
      ? `案例文档《${SEED_DOCUMENT}》；每项数据和依据都附有它所依据的原文句子。`
      : `The customer-case document "${SEED_DOCUMENT}"; every figure and piece of evidence carries the sentence it rests on.`;
  }
  return locale === 'zh-CN'
    ? '企业自己的资料；未附原文的数据和依据无法对照来源核实。'
    : "The enterprise's own documents; figures and evidence without a source sentence cannot be checked against a source.";
}

function patternRefs(record: CaseRecord, library: CaseLibrary, locale: Locale): NamedRef[] {
  const ids = [...new Set(record.patterns.map((p) => p.pattern))];
  return ids.map((id) => ({ id, name: patternName(library, id, locale) }));
}

function productRefs(record: CaseRecord, library: CaseLibrary, locale: Locale): NamedRef[] {
  return [...new Set(record.products)].map((id) => {
    const product = library.products.get(id);
    return { id, name: product ? productName(product, locale) : id };
  });
}

export function caseSummary(record: CaseRecord, library: CaseLibrary, locale: Locale): CaseSummary {
  const summary: CaseSummary = {
    id: record.id,
    customer: pick(record.customer, locale),
    title: pick(record.title, locale),
    industry: industryId(record.industry),
    industryLabel: industryLabel(record.industry, locale),
    builtIn: record.builtIn,
    patterns: patternRefs(record, library, locale),
    products: productRefs(record, library, locale),
    keyFigures: keyFigures(record, locale),
  };
  if (record.year !== undefined) summary.year = record.year;
  return summary;
}

/**
 * The full case page. `topologyMermaid` is the caller's (it may come from a
 * cache); when it is not given and the case has a reference topology, it is
 * rendered here.
 */
export function caseDetail(record: CaseRecord, library: CaseLibrary, locale: Locale, topologyMermaid?: string): CaseDetail {
  const detail: CaseDetail = {
    ...caseSummary(record, library, locale),
    challenge: pick(record.challenge, locale),
    solution: pick(record.solution, locale),
    outcomes: record.outcomes.map((o) => ({
      id: o.id,
      metric: pick(o.metric, locale),
      value: pick(o.value, locale),
      phrase: pick(figurePhrase(o), locale),
      ...provenance(o, locale),
    })),
    patternEvidence: record.patterns.map((p) => ({
      id: p.pattern,
      name: patternName(library, p.pattern, locale),
      evidence: pick(p.evidence, locale),
      ...provenance(p, locale),
    })),
    sourceDocument: sourceDocument(record, locale),
    file: record.source.file || record.file,
    line: record.source.range.start.line,
  };
  if (record.illustrative && record.topology) detail.illustrative = pick(record.illustrative, locale);
  const model = referenceModel(record);
  const mermaid = topologyMermaid ?? (model ? renderTopology(model, { locale }).mermaid : undefined);
  if (mermaid !== undefined) detail.topologyMermaid = mermaid;
  const reference = model ? referenceTopology(model) : undefined;
  if (reference) detail.referenceTopology = reference;
  return detail;
}

const REFERENCE_MODELS = new WeakMap<CaseRecord, ProposalModel | null>();

/** The case's reference topology parsed as a proposal (cached per record), or undefined when it has none. */
export function referenceModel(record: CaseRecord): ProposalModel | undefined {
  if (!record.topology) return undefined;
  let model = REFERENCE_MODELS.get(record);
  if (model === undefined) {
    model = buildModel(parseYamlTree(record.topology.text));
    REFERENCE_MODELS.set(record, model);
  }
  return model ?? undefined;
}

/** The sites and links of a reference topology, as a proposal writes them; only complete sites and links. */
function referenceTopology(model: ProposalModel): ReferenceTopology | undefined {
  const sites: ReferenceTopology['sites'] = [];
  for (const site of model.sites) {
    if (!site.id || !site.city || !site.role) continue;
    const entry: ReferenceTopology['sites'][number] = { id: site.id.value, city: site.city.value, role: site.role.value };
    if (site.platform) entry.platform = site.platform.value;
    sites.push(entry);
  }
  const links: ReferenceTopology['links'] = [];
  for (const link of model.links) {
    if (link.from && link.to && link.mode) links.push({ from: link.from.value, to: link.to.value, mode: link.mode.value });
  }
  return sites.length ? { sites, links } : undefined;
}

/** The cases that show a pattern: the pattern's own list first, then cases citing it, existing cases only. */
function casesOfPattern(pattern: PatternRecord, library: CaseLibrary): CaseRecord[] {
  const ids = new Set(pattern.cases);
  for (const record of library.cases.values()) if (record.patterns.some((p) => p.pattern === pattern.id)) ids.add(record.id);
  return [...ids].map((id) => library.cases.get(id)).filter((c): c is CaseRecord => !!c);
}

export function patternSummary(pattern: PatternRecord, library: CaseLibrary, locale: Locale): PatternSummary {
  return {
    id: pattern.id,
    name: pick(pattern.name, locale),
    aliases: pattern.aliases,
    summary: pick(pattern.summary, locale),
    cases: casesOfPattern(pattern, library).map((c) => ({ id: c.id, name: pick(c.customer, locale) })),
  };
}

const compareIds = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Every case, built-in first, then by id: the answer to `casebook/listCases`. */
export function caseSummaries(library: CaseLibrary, locale: Locale): CaseSummary[] {
  return [...library.cases.values()]
    .sort((a, b) => Number(b.builtIn) - Number(a.builtIn) || compareIds(a.id, b.id))
    .map((record) => caseSummary(record, library, locale));
}

/** Every pattern by id: the answer to `casebook/listPatterns`. */
export function patternSummaries(library: CaseLibrary, locale: Locale): PatternSummary[] {
  return [...library.patterns.values()].sort((a, b) => compareIds(a.id, b.id)).map((p) => patternSummary(p, library, locale));
}
