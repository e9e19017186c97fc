/**
 * Findings → LSP diagnostics. Each diagnostic links its rule's documentation
 * and points, through relatedInformation, at the exact place in each cited
 * case file that shows the recommended pattern working.
 *
 * A 1,000-system proposal publishes thousands of diagnostics on every edit,
 * so a diagnostic carries only what the editor shows: its `data` names the
 * finding (rule, document version, index) and the code actions look the
 * fixes up in the cached analysis; relatedInformation says "customer: pattern"
 * and its entries are built once per library and shared.
 */
import { URI } from 'vscode-uri';
import { clauseTitle } from '../regulations';
import {
  DiagnosticSeverity,
  DiagnosticTag,
  type CodeDescription,
  type Diagnostic,
  type DiagnosticRelatedInformation,
} from 'vscode-languageserver-types';
import type { FeatureContext } from '../featureContext';
import { pick, type Locale } from '../locale';
import type { CaseLibrary, Finding, Severity } from '../types';
import { colon, patternName } from './labels';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Rules whose findings mark text that can go (shown faded). */
const UNNECESSARY = new Set(['waiver-unused']);

/**
 * What a diagnostic carries back to the code actions: which finding it is.
 * `index` is the finding's place among the published (unsuppressed) findings
 * of document version `version`.
 */
export interface DiagnosticData {
  rule: string;
  version: number;
  index: number;
}

export function isDiagnosticData(data: unknown): data is DiagnosticData {
  const d = data as Partial<DiagnosticData> | null | undefined;
  return !!d && typeof d.rule === 'string' && Number.isInteger(d.version) && Number.isInteger(d.index);
}

/** The findings a document's diagnostics show, in order: `DiagnosticData.index` counts in this list. */
export function publishedFindings(findings: readonly Finding[]): Finding[] {
  let list = published.get(findings);
  if (!list) published.set(findings, (list = findings.filter((f) => !f.suppressed)));
  return list;
}
const published = new WeakMap<readonly Finding[], Finding[]>();

export function doValidation(context: FeatureContext): Diagnostic[] {
  const { library, settings, ruleDocsBase } = context;
  const version = context.document.version;
  return publishedFindings(context.analysis().findings).map((finding, index) =>
    toDiagnostic(finding, { rule: finding.rule, version, index }, library, settings.locale, ruleDocsBase),
  );
}

export function toDiagnostic(
  finding: Finding,
  data: DiagnosticData,
  library: CaseLibrary,
  locale: Locale,
  ruleDocsBase?: string,
): Diagnostic {
  const related = relatedInformation(finding, library, locale);
  return {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    code: finding.rule,
    ...(ruleDocsBase ? { codeDescription: codeDescription(ruleDocsBase, finding.rule) } : {}),
    source: 'casebook',
    message: finding.message,
    ...(related.length > 0 ? { relatedInformation: related } : {}),
    ...(UNNECESSARY.has(finding.rule) ? { tags: [DiagnosticTag.Unnecessary] } : {}),
    data,
  };
}

const descriptions = new Map<string, CodeDescription>();
/** One shared `{href}` per rule: thousands of diagnostics, a few dozen rules. */
function codeDescription(base: string, rule: string): CodeDescription {
  const href = `${base}#${rule}`;
  let description = descriptions.get(href);
  if (!description) descriptions.set(href, (description = Object.freeze({ href })));
  return description;
}

/** Entries by library, then by locale + case + recommended patterns; frozen, since diagnostics share them. */
const relatedCache = new WeakMap<CaseLibrary, Map<string, DiagnosticRelatedInformation | null>>();

/**
 * For each cited case: where its file shows one of the recommended patterns
 * ("天弘基金：两地三中心"), else where the case names its customer.
 */
function relatedInformation(finding: Finding, library: CaseLibrary, locale: Locale): DiagnosticRelatedInformation[] {
  let cache = relatedCache.get(library);
  if (!cache) relatedCache.set(library, (cache = new Map<string, DiagnosticRelatedInformation | null>()));
  const patterns = finding.patterns.join(',');
  const out: DiagnosticRelatedInformation[] = [];
  for (const caseId of finding.cases) {
    const key = `${locale}\u0001${caseId}\u0001${patterns}`;
    let entry = cache.get(key);
    if (entry === undefined) cache.set(key, (entry = relatedEntry(library, caseId, finding.patterns, locale)));
    if (entry) out.push(entry);
  }
  // Each cited clause opens where its regulation file records it (regulations/…yaml).
  const regs = library.regulations;
  for (const ref of finding.regulations) {
    const clause = regs?.clauses.get(ref);
    if (!regs || !clause) continue;
    out.push({
      location: { uri: URI.file(clause.location.file).toString(), range: clause.location.range },
      message: `${pick(clauseTitle(regs, clause), locale)}${clause.verified ? '' : locale === 'zh-CN' ? '（未核实）' : ' (unverified)'}`,
    });
  }
  return out;
}

function relatedEntry(
  library: CaseLibrary,
  caseId: string,
  patterns: readonly string[],
  locale: Locale,
): DiagnosticRelatedInformation | null {
  const record = library.cases.get(caseId);
  if (!record) return null;
  const customer = pick(record.customer, locale);
  const evidence = patterns.map((p) => record.patterns.find((e) => e.pattern === p)).find((e) => e !== undefined);
  const source = evidence?.source ?? record.source;
  const message = evidence ? `${customer}${colon(locale)}${patternName(library, evidence.pattern, locale)}` : customer;
  return Object.freeze({ location: Object.freeze({ uri: URI.file(source.file).toString(), range: source.range }), message });
}
