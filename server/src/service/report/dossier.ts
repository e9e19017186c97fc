/**
 * The review dossier (方案评审材料) as data: what the HTML and Markdown
 * renderers draw, gathered once from the engine's own parts — the model and
 * its topology words, the findings of `analyzeProposal`, the failure-scenario
 * table, the waivers, the matching cases and the library's figures. Every
 * string here is plain text from the proposal or the library; the renderers
 * escape it for their format.
 */
import type { MatchingCase } from '../../../../shared/src/protocol';
import { INDUSTRY_LABELS, ROLE_LABELS, TOPOLOGY_LABELS } from '../features/labels';
import { figurePhrase, KIND_LABELS } from '../library/figures';
import { pick, type Locale } from '../locale';
import { matchingCases } from '../matching';
import { topologyWords, type Industry, type ProposalModel, type TopologyWord } from '../model';
import { scenarioTable, type ScopeScenario } from '../scenarioText';
import { scopesOf } from '../scenarios';
import type { CaseLibrary, EvidenceKind, Finding, Severity } from '../types';
import { parseWaivers } from '../waivers';

/** One proposal as the report gets it. */
export interface ReportProposal {
  /** As shown to the reader (a relative path, or the document's name). */
  file: string;
  model: ProposalModel;
  /** `analyzeProposal(model, library, settings).findings`. */
  findings: Finding[];
}

export interface ReportInput {
  proposals: ReportProposal[];
  library: CaseLibrary;
  locale: Locale;
  /** YYYY-MM-DD: waivers expire against it, and the report is dated by it. */
  today: string;
}

export interface SystemRow {
  id: string;
  name?: string;
  tier?: number;
  availability?: number;
  rto?: string;
  rpo?: string;
  sites: string[];
  words: string[];
}

export interface CitedFigure {
  kind: EvidenceKind;
  kindLabel: string;
  text: string;
}

export interface CitedCase {
  id: string;
  customer: string;
  figures: CitedFigure[];
}

export interface FindingRow {
  rule: string;
  severity: Severity;
  message: string;
  /** 1-based. */
  line: number;
  cases: CitedCase[];
  /** The waiver's reason, when one covers the finding. */
  waived?: string;
}

export type WaiverStatus = 'active' | 'expiring' | 'expired' | 'invalid' | 'open-ended';

export interface WaiverRow {
  rules: string[];
  reason?: string;
  owner?: string;
  until?: string;
  /** 1-based. */
  line: number;
  status: WaiverStatus;
}

export interface SiteBox {
  id: string;
  role?: string;
  roleLabel?: string;
  systems: { id: string; name?: string }[];
}

export interface CityGroup {
  name: string;
  sites: SiteBox[];
}

export interface LinkLine {
  from: string;
  to: string;
  mode?: 'sync' | 'async';
  lag?: string;
}

export interface ProposalDossier {
  file: string;
  name?: string;
  customer?: string;
  industry?: string;
  mlps?: number;
  systems: SystemRow[];
  /** The topology words any system earns, strongest first. */
  words: string[];
  cities: CityGroup[];
  links: LinkLine[];
  model: ProposalModel;
  /** The findings as analysed (the Mermaid drawing marks what they flag). */
  analysis: Finding[];
  scenarios: ScopeScenario[];
  /** Every finding, grouped by severity, most severe first; empty groups left out. */
  findings: { severity: Severity; rows: FindingRow[] }[];
  waivers: WaiverRow[];
  matches: MatchingCase[];
}

export interface Dossier {
  locale: Locale;
  today: string;
  proposals: ProposalDossier[];
}

/** A waiver that ends within this many days is marked as expiring. */
export const EXPIRING_DAYS = 30;
/** Reference cases shown per proposal. */
export const MAX_MATCHES = 5;

const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'info', 'hint'];
const WORD_ORDER = Object.keys(TOPOLOGY_LABELS) as TopologyWord[];

/** YYYY-MM-DD plus n days, in UTC (a date has no time zone here). */
export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const date = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1) + days * 86_400_000);
  return date.toISOString().slice(0, 10);
}

export function waiverStatus(until: string | undefined, invalid: boolean, today: string): WaiverStatus {
  if (invalid) return 'invalid';
  if (!until) return 'open-ended';
  if (until < today) return 'expired';
  return until <= addDays(today, EXPIRING_DAYS) ? 'expiring' : 'active';
}

const shown = (located: { value: string } | undefined): string | undefined =>
  located && located.value.trim() !== '' ? located.value : undefined;

export function buildDossier(input: ReportInput): Dossier {
  return { locale: input.locale, today: input.today, proposals: input.proposals.map((p) => proposalDossier(p, input)) };
}

function proposalDossier(proposal: ReportProposal, input: ReportInput): ProposalDossier {
  const { model, findings } = proposal;
  const { library, locale, today } = input;
  const t = (text: { zh: string; en: string }) => pick(text, locale);
  const industry = shown(model.industry);
  const allWords = new Set<TopologyWord>();
  const systems: SystemRow[] = model.systems.map((system, i) => {
    const words = topologyWords(system.topology);
    for (const w of words) allWords.add(w);
    return {
      id: shown(system.id) ?? `#${i + 1}`,
      ...(shown(system.name) ? { name: system.name!.value } : {}),
      ...(system.tier ? { tier: system.tier.value } : {}),
      ...(system.availability ? { availability: system.availability.value } : {}),
      ...(system.rto ? { rto: system.rto.value.text } : {}),
      ...(system.rpo ? { rpo: system.rpo.value.text } : {}),
      sites: (system.sites?.value ?? []).map((s) => s.value),
      words: words.map((w) => t(TOPOLOGY_LABELS[w])),
    };
  });

  return {
    file: proposal.file,
    ...(shown(model.name) ? { name: model.name!.value } : {}),
    ...(shown(model.customer) ? { customer: model.customer!.value } : {}),
    ...(industry ? { industry: INDUSTRY_LABELS[industry as Industry] ? t(INDUSTRY_LABELS[industry as Industry]) : industry } : {}),
    ...(model.mlps ? { mlps: model.mlps.value } : {}),
    systems,
    words: WORD_ORDER.filter((w) => allWords.has(w)).map((w) => t(TOPOLOGY_LABELS[w])),
    ...drawing(model, locale),
    model,
    analysis: findings,
    scenarios: scenarioTable(model, scopesOf(model)),
    findings: SEVERITY_ORDER.map((severity) => ({
      severity,
      rows: findings.filter((f) => f.severity === severity).map((f) => findingRow(f, library, locale)),
    })).filter((g) => g.rows.length > 0),
    waivers: parseWaivers(model).map((w) => ({
      rules: w.rules.map((r) => r.id),
      ...(w.reason ? { reason: w.reason } : {}),
      ...(w.owner ? { owner: w.owner } : {}),
      ...(w.until ? { until: w.until } : {}),
      line: w.range.start.line + 1,
      status: waiverStatus(w.until, !!w.untilInvalid, today),
    })),
    matches: matchingCases(model, findings, library, locale).slice(0, MAX_MATCHES),
  };
}

/** Cities (one per city identity, as first written) holding their sites, each with its systems; the replication links. */
function drawing(model: ProposalModel, locale: Locale): { cities: CityGroup[]; links: LinkLine[] } {
  const byCity = new Map<string, CityGroup>();
  for (const site of model.sites) {
    const id = shown(site.id);
    if (!id) continue;
    let group = byCity.get(site.cityKey);
    if (!group)
      byCity.set(site.cityKey, (group = { name: shown(site.city)?.trim() ?? (locale === 'zh-CN' ? '未指定城市' : 'No city'), sites: [] }));
    if (group.sites.some((s) => s.id === id)) continue;
    const role = shown(site.role);
    const roleLabel = role && ROLE_LABELS[role] ? pick(ROLE_LABELS[role], locale) : role;
    group.sites.push({
      id,
      ...(role ? { role } : {}),
      ...(roleLabel ? { roleLabel } : {}),
      systems: model.systems
        .filter((s) => s.sites?.value.some((ref) => ref.value === id))
        .map((s, i) => ({ id: shown(s.id) ?? `#${i + 1}`, ...(shown(s.name) ? { name: s.name!.value } : {}) })),
    });
  }
  const links: LinkLine[] = [];
  for (const link of model.links) {
    const from = shown(link.from);
    const to = shown(link.to);
    if (!from || !to) continue;
    const mode = link.mode?.value === 'sync' || link.mode?.value === 'async' ? link.mode.value : undefined;
    links.push({ from, to, ...(mode ? { mode } : {}), ...(link.lag ? { lag: link.lag.value.text } : {}) });
  }
  return { cities: [...byCity.values()], links };
}

/** A finding with the customers its rule cites, and the figures of theirs it quotes (else their first figures), labelled by kind. */
function findingRow(finding: Finding, library: CaseLibrary, locale: Locale): FindingRow {
  const cases: CitedCase[] = [];
  for (const id of finding.cases) {
    const record = library.cases.get(id);
    if (!record) {
      cases.push({ id, customer: id, figures: [] });
      continue;
    }
    const labelled = (kind: EvidenceKind | undefined, text: string): CitedFigure => ({
      kind: kind ?? 'result',
      kindLabel: pick(KIND_LABELS[kind ?? 'result'], locale),
      text,
    });
    const phrases = record.outcomes.map((o) => labelled(o.kind, pick(figurePhrase(o), locale)));
    const quoted = phrases.filter((p) => p.text && finding.message.includes(p.text));
    // Not quoted in the message: how the customer shows the pattern the finding recommends, else its headline figure.
    const evidence = record.patterns
      .filter((e) => finding.patterns.includes(e.pattern))
      .map((e) => labelled(e.kind, pick(e.evidence, locale)));
    const figures = quoted.length > 0 ? quoted : evidence.length > 0 ? evidence.slice(0, 2) : phrases.slice(0, 1);
    cases.push({ id, customer: pick(record.customer, locale), figures });
  }
  return {
    rule: finding.rule,
    severity: finding.severity,
    message: finding.message,
    line: finding.range.start.line + 1,
    cases,
    ...(finding.suppressed ? { waived: finding.suppression?.reason ?? '' } : {}),
  };
}
