/**
 * `casebook compliance <file> [--format text|json]`: every clause of the
 * regulation library that applies to the proposal and its institution, with
 * met / not met / not stated (or unverified, or a definition) and the line.
 * The matrix itself is service/compliance.ts.
 */
import { COMPLIANCE_LABELS, type ComplianceRow } from '../service/compliance';
import { getLanguageService } from '../service/languageService';
import { pick, type Locale, type Localized } from '../service/locale';
import type { CaseLibrary } from '../service/types';
import { readProposal } from './proposalFile';
import { terminalSafe } from './text';

export type ComplianceResult = { rows: ComplianceRow[] } | { error: Localized };

export function complianceOf(file: string, library: CaseLibrary, locale: Locale): ComplianceResult {
  const service = getLanguageService({ library: () => library });
  const read = readProposal(service, file, { requireSoundYaml: true });
  if ('error' in read) return read;
  return { rows: service.compliance(read.document, { locale, rules: {} }) };
}

export function formatComplianceText(file: string, rows: readonly ComplianceRow[], locale: Locale): string {
  const zh = locale === 'zh-CN';
  if (rows.length === 0) return zh ? '没有适用于本方案的条款。\n' : 'No clause applies to this proposal.\n';
  const out: string[] = [];
  for (const r of rows) {
    const who = r.system ? (zh ? `（系统 ${r.system}）` : ` (system ${r.system})`) : '';
    out.push(`${file}:${r.line + 1}  ${pick(COMPLIANCE_LABELS[r.status], locale)}  ${pick(r.title, locale)}${who}  [${r.clause.ref}]`);
    out.push(`    ${pick(r.reason, locale)}`);
  }
  const count = (s: ComplianceRow['status']) => rows.filter((r) => r.status === s).length;
  out.push(
    zh
      ? `${rows.length} 条：满足 ${count('met')}，不满足 ${count('not-met')}，未写明 ${count('not-stated')}，条款未核实 ${count('unverified')}，定义/范围 ${count('informative')}。`
      : `${rows.length} rows: ${count('met')} met, ${count('not-met')} not met, ${count('not-stated')} not stated, ${count('unverified')} unverified, ${count('informative')} definitions.`,
  );
  return out.map(terminalSafe).join('\n') + '\n';
}

export interface ComplianceJson {
  version: 1;
  file: string;
  rows: {
    clause: string;
    document: string;
    article: string;
    title: string;
    system: string | null;
    status: ComplianceRow['status'];
    /** Zero-based, like the check JSON's ranges. */
    line: number;
    reason: string;
    rules: string[];
    verified: boolean;
    text: string;
    source: { url?: string; read?: string };
  }[];
}

export function formatComplianceJson(file: string, rows: readonly ComplianceRow[], locale: Locale): string {
  const json: ComplianceJson = {
    version: 1,
    file,
    rows: rows.map((r) => ({
      clause: r.clause.ref,
      document: r.clause.docId,
      article: r.clause.article,
      title: pick(r.title, locale),
      system: r.system ?? null,
      status: r.status,
      line: r.line,
      reason: pick(r.reason, locale),
      rules: [...r.rules],
      verified: r.clause.verified,
      text: r.clause.text,
      source: {
        ...(r.clause.source.url ? { url: r.clause.source.url } : {}),
        ...(r.clause.source.read ? { read: r.clause.source.read } : {}),
      },
    })),
  };
  return JSON.stringify(json, null, 2) + '\n';
}
