/**
 * The machine format of `casebook check --format json`. The shape is a
 * contract (zero-based ranges, exactly these keys), so it is built field by
 * field rather than by dumping the internal Finding.
 */
import type { Finding } from '../service/types';
import type { CheckReport, FileReport } from './checkFile';

/** Exactly the contract's keys of a finding (`regulations` is issue 11's extension: clause refs, `<doc-id>#<article>`). */
export type JsonFinding = Pick<
  Finding,
  'rule' | 'severity' | 'message' | 'range' | 'path' | 'patterns' | 'cases' | 'regulations' | 'suppressed'
>;

export interface JsonReport {
  version: 1;
  files: { file: string; findings: JsonFinding[] }[];
}

export function toJsonReport(report: CheckReport): JsonReport {
  return { version: 1, files: report.files.map(toJsonFile) };
}

export function toJsonFile(file: FileReport): JsonReport['files'][number] {
  return {
    file: file.file,
    findings: file.findings.map((f): JsonFinding => ({
      rule: f.rule,
      severity: f.severity,
      message: f.message,
      range: {
        start: { line: f.range.start.line, character: f.range.start.character },
        end: { line: f.range.end.line, character: f.range.end.character },
      },
      path: [...f.path],
      patterns: [...f.patterns],
      cases: [...f.cases],
      regulations: [...f.regulations],
      suppressed: f.suppressed,
    })),
  };
}

export function formatJson(report: CheckReport): string {
  return JSON.stringify(toJsonReport(report), null, 2) + '\n';
}
