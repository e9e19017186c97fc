/**
 * `casebook check --format gitlab`: a GitLab Code Quality report (the
 * `artifacts:reports:codequality` JSON), an array of
 * `{ description, check_name, fingerprint, severity, location: { path, lines: { begin } } }`.
 * The fingerprint is the finding's stable one, so GitLab tells new findings
 * from old across merge requests. Suppressed findings are left out.
 */
import type { Severity } from '../service/types';
import type { CheckReport, FileReport } from './checkFile';

export type CodeQualitySeverity = 'info' | 'minor' | 'major' | 'critical' | 'blocker';
const SEVERITY: Record<Severity, CodeQualitySeverity> = { error: 'critical', warning: 'major', info: 'minor', hint: 'info' };

export interface CodeQualityIssue {
  type: 'issue';
  description: string;
  check_name: string;
  fingerprint: string;
  severity: CodeQualitySeverity;
  location: { path: string; lines: { begin: number; end: number } };
}

export function toGitlab(report: CheckReport): CodeQualityIssue[] {
  return report.files.flatMap(toGitlabIssues);
}

export function toGitlabIssues(file: FileReport): CodeQualityIssue[] {
  const issues: CodeQualityIssue[] = [];
  file.findings.forEach((f, i) => {
    if (f.suppressed) return;
    issues.push({
      type: 'issue',
      description: f.message,
      check_name: f.rule,
      fingerprint: file.fingerprints[i]!,
      severity: SEVERITY[f.severity],
      location: { path: file.file, lines: { begin: f.range.start.line + 1, end: f.range.end.line + 1 } },
    });
  });
  return issues;
}

export function formatGitlab(report: CheckReport): string {
  return JSON.stringify(toGitlab(report), null, 2) + '\n';
}
