/**
 * Findings → LSP diagnostics. Each diagnostic links its rule's documentation
 * and points, through relatedInformation, at the exact place in each cited
 * case file that shows the recommended pattern working.
 */
import { URI } from 'vscode-uri';
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic, type DiagnosticRelatedInformation, type TextEdit } from 'vscode-languageserver-types';
import type { FeatureContext } from '../languageService';
import { pick, type Locale } from '../locale';
import type { CaseLibrary, Finding, Severity } from '../types';
import { colon } from './labels';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Rules whose findings mark text that can go (shown faded). */
const UNNECESSARY = new Set(['waiver-unused']);

/** What a diagnostic carries for the code actions: the finding's fixes and cited cases. */
export interface DiagnosticData {
  rule: string;
  fixes: { title: string; edits: TextEdit[] }[];
  cases: string[];
  patterns: string[];
}

export function isDiagnosticData(data: unknown): data is DiagnosticData {
  const d = data as Partial<DiagnosticData> | null | undefined;
  return !!d && typeof d.rule === 'string' && Array.isArray(d.fixes) && Array.isArray(d.cases) && Array.isArray(d.patterns);
}

export function doValidation(context: FeatureContext): Diagnostic[] {
  const { library, settings, ruleDocsBase } = context;
  return context
    .analysis()
    .findings.filter((f) => !f.suppressed)
    .map((finding) => toDiagnostic(finding, library, settings.locale, ruleDocsBase));
}

export function toDiagnostic(finding: Finding, library: CaseLibrary, locale: Locale, ruleDocsBase?: string): Diagnostic {
  const data: DiagnosticData = { rule: finding.rule, fixes: finding.fixes, cases: finding.cases, patterns: finding.patterns };
  const related = relatedInformation(finding, library, locale);
  return {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    code: finding.rule,
    ...(ruleDocsBase ? { codeDescription: { href: `${ruleDocsBase}#${finding.rule}` } } : {}),
    source: 'casebook',
    message: finding.message,
    ...(related.length > 0 ? { relatedInformation: related } : {}),
    ...(UNNECESSARY.has(finding.rule) ? { tags: [DiagnosticTag.Unnecessary] } : {}),
    data,
  };
}

/**
 * For each cited case: where its file shows one of the recommended patterns
 * ("天弘基金：<evidence>"), else where the case names its customer.
 */
function relatedInformation(finding: Finding, library: CaseLibrary, locale: Locale): DiagnosticRelatedInformation[] {
  const out: DiagnosticRelatedInformation[] = [];
  for (const caseId of finding.cases) {
    const record = library.cases.get(caseId);
    if (!record) continue;
    const customer = pick(record.customer, locale);
    const evidence = finding.patterns.map((p) => record.patterns.find((e) => e.pattern === p)).find((e) => e !== undefined);
    const source = evidence?.source ?? record.source;
    const text = evidence ? pick(evidence.evidence, locale) : pick(record.title, locale);
    out.push({ location: { uri: URI.file(source.file).toString(), range: source.range }, message: `${customer}${colon(locale)}${text}` });
  }
  return out;
}
