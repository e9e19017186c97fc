/**
 * The review dossier (方案评审材料, issue 12): proposals, their findings, the
 * case library, the locale and today's date in, one HTML or Markdown document
 * out. Pure: no file system, no clock, no network.
 */
import { buildDossier, type ReportInput } from './dossier';
import { renderHtml } from './html';
import { renderMarkdown } from './markdown';

export type ReportFormat = 'html' | 'md';
export const REPORT_FORMATS: readonly ReportFormat[] = ['html', 'md'];

export type { ReportInput, ReportProposal } from './dossier';

export function renderReport(input: ReportInput, format: ReportFormat): string {
  const dossier = buildDossier(input);
  return format === 'md' ? renderMarkdown(dossier) : renderHtml(dossier);
}
