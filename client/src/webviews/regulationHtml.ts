/**
 * The bodies of the clause page and the compliance page, as HTML built from
 * the server's DTOs (shared/src/protocol.ts). Every text from the library or
 * the proposal is escaped; links are http(s) only; nothing here adds script
 * (the page's only script is media/dist/staticPage.js, with the render's
 * nonce, which turns `data-line` / `data-clause` / `data-action` clicks into
 * messages). The strings come in localised, so this module is unit-tested in
 * plain Node.
 */
import type { ClauseDetail, ComplianceResult, ComplianceRowView, ComplianceStatus } from '../../../shared/src/protocol';
import { escapeHtml as e } from './html';

export interface ClausePageStrings {
  verified: string;
  unverified: string;
  /** What unverified means, after the word itself. */
  unverifiedMeaning: string;
  issuer: string;
  year: string;
  status: string;
  requirement: string;
  noText: string;
  summary: string;
  note: string;
  source: string;
  noSource: string;
  /** "Read on {0}". */
  readOn: string;
  appliesTo: string;
  grounds: string;
  noGrounds: string;
  openFile: string;
}

export interface CompliancePageStrings {
  /** "{0} rows: {1} met, {2} not met, {3} not stated, {4} unverified, {5} definitions". */
  counts: string;
  none: string;
  status: string;
  clause: string;
  system: string;
  reason: string;
  line: string;
  /** "Line {0}". */
  lineN: string;
  wholeProposal: string;
  unverifiedClause: string;
}

const format = (template: string, ...args: (string | number)[]): string =>
  template.replace(/\{(\d+)\}/g, (whole, i: string) => {
    const arg = args[Number(i)];
    return arg === undefined ? whole : String(arg);
  });

const safeUrl = (url: string | undefined): string | undefined => (url && /^https?:\/\/[^\s"'<>]+$/i.test(url) ? url : undefined);

const section = (title: string, body: string): string => `<section><h2>${e(title)}</h2>${body}</section>`;

/** A clause page: title, number, issuer, year, status, the quoted text, the summary, where it was found, its checks. */
export function clausePageBody(detail: ClauseDetail, s: ClausePageStrings): string {
  const status = detail.verified
    ? `<p class="clause-status verified">${e(s.verified)}</p>`
    : `<p class="clause-status unverified"><strong>${e(s.unverified)}</strong> ${e(s.unverifiedMeaning)}</p>`;
  const facts = [
    `<dt>${e(s.issuer)}</dt><dd>${e(detail.issuer || '—')}</dd>`,
    `<dt>${e(s.year)}</dt><dd>${detail.year !== undefined ? e(String(detail.year)) : '—'}</dd>`,
    `<dt>${e(s.status)}</dt><dd>${e(detail.documentStatus)}</dd>`,
  ].join('');
  const text = detail.text
    ? `<blockquote class="clause-text" lang="zh-CN">${e(detail.text)}</blockquote>`
    : `<p class="clause-text missing">${e(s.noText)}</p>`;
  const url = safeUrl(detail.source.url);
  const source = [
    url ? `<li><a href="${e(url)}">${e(url)}</a></li>` : `<li>${e(s.noSource)}</li>`,
    detail.source.also ? `<li>${e(detail.source.also)}</li>` : '',
    detail.source.read ? `<li>${e(format(s.readOn, detail.source.read))}</li>` : '',
  ].join('');
  const grounds =
    detail.grounds.length > 0
      ? `<ul>${detail.grounds.map((g) => `<li><code>${e(g.id)}</code> ${e(g.name)}</li>`).join('')}</ul>`
      : `<p>${e(s.noGrounds)}</p>`;
  return [
    `<header class="case-header"><h1>${e(detail.title)}</h1><p class="meta">${e(`${detail.documentTitle} · ${detail.number}`)}</p></header>`,
    status,
    `<dl class="clause-facts">${facts}</dl>`,
    section(s.requirement, text),
    section(s.summary, `<p>${e(detail.summary)}</p>`),
    detail.note ? section(s.note, `<p>${e(detail.note)}</p>`) : '',
    section(s.source, `<ul>${source}</ul>`),
    section(s.appliesTo, `<ul>${detail.appliesTo.map((l) => `<li>${e(l)}</li>`).join('')}</ul>`),
    section(s.grounds, grounds),
    `<p class="source-document"><code>${e(detail.ref)}</code> · <a href="#" data-action="openFile">${e(s.openFile)}</a></p>`,
  ]
    .filter(Boolean)
    .join('\n');
}

const STATUSES: readonly ComplianceStatus[] = ['not-met', 'not-stated', 'met', 'unverified', 'informative'];

/** Rows worst first (not met, not stated, met, unverified, definitions), then by line: what to fix comes first. */
export function sortComplianceRows(rows: readonly ComplianceRowView[]): ComplianceRowView[] {
  return [...rows].sort((a, b) => STATUSES.indexOf(a.status) - STATUSES.indexOf(b.status) || a.line - b.line);
}

export function complianceCounts(rows: readonly ComplianceRowView[]): Record<ComplianceStatus, number> {
  const counts: Record<ComplianceStatus, number> = { met: 0, 'not-met': 0, 'not-stated': 0, unverified: 0, informative: 0 };
  for (const r of rows) counts[r.status]++;
  return counts;
}

/** The compliance matrix: a count line, then one table row per clause (and system), each clause opening its page, each line revealed. */
export function compliancePageBody(result: ComplianceResult, title: string, s: CompliancePageStrings): string {
  const header = `<header class="case-header"><h1>${e(title)}</h1></header>`;
  if (result.rows.length === 0) return `${header}\n<p class="status">${e(s.none)}</p>`;
  const c = complianceCounts(result.rows);
  const summary = `<p class="meta">${e(format(s.counts, result.rows.length, c.met, c['not-met'], c['not-stated'], c.unverified, c.informative))}</p>`;
  const row = (r: ComplianceRowView): string =>
    [
      `<tr class="row-${e(r.status)}">`,
      `<td><span class="compliance-status status-${e(r.status)}">${e(r.statusLabel)}</span></td>`,
      `<td><a href="#" data-clause="${e(r.ref)}">${e(r.title)}</a>${r.verified ? '' : ` <em class="unverified">${e(s.unverifiedClause)}</em>`}</td>`,
      `<td>${r.system !== undefined ? `<code>${e(r.system)}</code>` : e(s.wholeProposal)}</td>`,
      `<td>${e(r.reason)}${r.rules.length > 0 ? ` ${r.rules.map((id) => `<code>${e(id)}</code>`).join(' ')}` : ''}</td>`,
      `<td><a href="#" data-line="${r.line}">${e(format(s.lineN, r.line + 1))}</a></td>`,
      '</tr>',
    ].join('');
  const head = [s.status, s.clause, s.system, s.reason, s.line].map((h) => `<th scope="col">${e(h)}</th>`).join('');
  return [
    header,
    summary,
    `<table class="compliance"><thead><tr>${head}</tr></thead><tbody>`,
    ...sortComplianceRows(result.rows).map(row),
    '</tbody></table>',
  ].join('\n');
}
