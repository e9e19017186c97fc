/**
 * The regulation library → the DTOs the client shows (issue 11): the
 * Regulations view (documents → clauses, with how many findings of the
 * active proposal cite each), clause pages and the compliance page's rows,
 * localised. Pure, like caseViews.ts: the client only lays them out (its
 * pages escape every text, client/src/webviews/regulationHtml.ts).
 */
import type { ClauseDetail, ComplianceRowView, RegulationDocumentSummary } from '../../../shared/src/protocol';
import { COMPLIANCE_LABELS, type ComplianceRow } from './compliance';
import { pick, t, type Locale, type Localized } from './locale';
import { clauseTitle } from './regulations';
import { RULES } from './rules';
import type { ClauseRequirement, Finding, InstitutionProfile, RegulationClause, RegulationDocument, RegulationLibrary } from './types';

/** institution.type values as regulation scopes name them (the schema's value docs say the same). */
const INSTITUTION_LABELS: Record<string, Localized> = {
  'state-owned': { zh: '国有商业银行', en: 'state-owned commercial banks' },
  'joint-stock': { zh: '股份制商业银行', en: 'joint-stock commercial banks' },
  'city-commercial': { zh: '城市商业银行', en: 'city commercial banks' },
  'rural-commercial': { zh: '农村商业银行', en: 'rural commercial banks' },
  'rural-credit-union': { zh: '省级农村信用联合社', en: 'provincial rural credit unions' },
  insurer: { zh: '保险公司', en: 'insurers' },
  securities: { zh: '证券公司', en: 'securities firms' },
  fund: { zh: '基金公司', en: 'fund managers' },
  other: { zh: '其他', en: 'other institutions' },
};

const STATUS: Record<string, Localized> = {
  'in-force': { zh: '现行有效', en: 'in force' },
  replaced: { zh: '已被替代', en: 'replaced' },
  unverified: { zh: '现行状态未核实', en: 'status unverified' },
};

export function documentStatus(doc: RegulationDocument, locale: Locale): string {
  const label = pick(STATUS[doc.status] ?? { zh: doc.status, en: doc.status }, locale);
  return doc.replacedBy ? `${label}${t(locale, `（由 ${doc.replacedBy} 替代）`, ` (by ${doc.replacedBy})`)}` : label;
}

/** How many unsuppressed findings cite each clause ref. */
export function citationCounts(findings: readonly Finding[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const f of findings) {
    if (f.suppressed) continue;
    for (const ref of new Set(f.regulations)) counts.set(ref, (counts.get(ref) ?? 0) + 1);
  }
  return counts;
}

/** Documents → clauses, in library order (built-in first, then enterprise folders). */
export function regulationTree(
  library: RegulationLibrary | undefined,
  findings: readonly Finding[],
  locale: Locale,
): RegulationDocumentSummary[] {
  if (!library) return [];
  const counts = citationCounts(findings);
  return [...library.documents.values()].map((doc) => ({
    id: doc.id,
    title: pick(doc.title, locale),
    number: doc.number,
    status: documentStatus(doc, locale),
    builtIn: doc.builtIn,
    clauses: doc.clauses.map((c) => ({
      ref: c.ref,
      article: c.article,
      summary: pick(c.summary, locale),
      verified: c.verified,
      findings: counts.get(c.ref) ?? 0,
    })),
  }));
}

const REQUIREMENT_WORDS: Record<ClauseRequirement, Localized> = {
  'remote-dr-centre': { zh: '异地模式灾备中心', en: 'A remote-mode DR centre' },
  'offsite-backup': { zh: '异地实时备份', en: 'Real-time off-site backup' },
  'remote-dr-realtime-switch': { zh: '异地灾难备份中心及实时切换', en: 'An off-site DR centre with real-time switchover' },
};

function appliesToLines(clause: RegulationClause, locale: Locale): string[] {
  const sep = t(locale, '、', ', ');
  const names = (types: readonly string[]) => types.map((i) => pick(INSTITUTION_LABELS[i] ?? { zh: i, en: i }, locale)).join(sep);
  const a = clause.appliesTo;
  const lines: string[] = [];
  if (a.institutions) lines.push(t(locale, `机构：${names(a.institutions)}`, `Institutions: ${names(a.institutions)}`));
  const profile = (p: InstitutionProfile) =>
    [
      p.institutions ? names(p.institutions) : '',
      p.minTotalAssets !== undefined ? t(locale, `资产总额 ≥ ${p.minTotalAssets} 亿元`, `total assets ≥ ${p.minTotalAssets} 亿元`) : '',
      p.crossProvince === true ? t(locale, '跨省设立分支机构', 'branches in more than one province') : '',
      p.crossProvince === false ? t(locale, '未跨省设立分支机构', 'no branches outside one province') : '',
    ]
      .filter(Boolean)
      .join(t(locale, '，', ', '));
  for (const p of a.profiles ?? []) lines.push(t(locale, `其中须满足：${profile(p)}`, `Where: ${profile(p)}`));
  for (const p of clause.requiresWhen ?? [])
    lines.push(
      t(
        locale,
        `${REQUIREMENT_WORDS[clause.requires!].zh}要求适用于：${profile(p)}`,
        `${REQUIREMENT_WORDS[clause.requires!].en} required of: ${profile(p)}`,
      ),
    );
  for (const f of clause.drLevelFloor ?? [])
    lines.push(t(locale, `灾难恢复等级第${f.level}级（含）以上：${profile(f)}`, `DR level ${f.level} or above: ${profile(f)}`));
  if (a.important) lines.push(t(locale, '重要系统（important: true）', 'Important systems (important: true)'));
  if (a.drLevel) lines.push(t(locale, '声称灾难恢复等级的系统（drLevel）', 'Systems claiming a DR level (drLevel)'));
  if (a.mlps) lines.push(t(locale, `等保级别：${a.mlps.join(sep)}`, `MLPS levels: ${a.mlps.join(sep)}`));
  if (lines.length === 0) lines.push(t(locale, '所有方案', 'Every proposal'));
  return lines;
}

/** One clause page; undefined when the ref names no clause. */
export function clauseDetail(library: RegulationLibrary | undefined, ref: string, locale: Locale): ClauseDetail | undefined {
  const clause = library?.clauses.get(ref);
  const doc = clause ? library?.documents.get(clause.docId) : undefined;
  if (!library || !clause || !doc) return undefined;
  const rules = new Map(RULES.map((r) => [r.id, r]));
  const note = clause.note ? pick(clause.note, locale) : undefined;
  return {
    ref: clause.ref,
    docId: doc.id,
    title: pick(clauseTitle(library, clause), locale),
    documentTitle: pick(doc.title, locale),
    number: doc.number,
    issuer: pick(doc.issuer, locale),
    ...(doc.year !== undefined ? { year: doc.year } : {}),
    article: clause.article,
    documentStatus: documentStatus(doc, locale),
    text: clause.text,
    summary: pick(clause.summary, locale),
    verified: clause.verified,
    ...(note ? { note } : {}),
    source: { ...clause.source },
    appliesTo: appliesToLines(clause, locale),
    grounds: clause.grounds.map((id) => ({ id, name: rules.has(id) ? pick(rules.get(id)!.title, locale) : id })),
    file: clause.location.file,
    line: clause.location.range.start.line,
  };
}

/** The compliance matrix as the compliance page shows it, localised. */
export function complianceRowViews(rows: readonly ComplianceRow[], locale: Locale): ComplianceRowView[] {
  return rows.map((r) => ({
    ref: r.clause.ref,
    title: pick(r.title, locale),
    ...(r.system !== undefined ? { system: r.system } : {}),
    status: r.status,
    statusLabel: pick(COMPLIANCE_LABELS[r.status], locale),
    line: r.line,
    reason: pick(r.reason, locale),
    rules: [...r.rules],
    verified: r.clause.verified,
  }));
}
