/**
 * One checked file's share of `casebook check`'s output, rendered where the
 * file was checked: in this thread, or in the worker that checked it (so the
 * main thread of `--jobs N` only writes bytes in file order, and a file's
 * findings never cross threads as objects). What joins the files (the JSON
 * array's commas, the text summary, SARIF's and JUnit's totals) stays with
 * the ReportWriter (output.ts).
 */
import type { Locale } from '../service/locale';
import type { CaseLibrary, Finding, Severity } from '../service/types';
import type { FileReport } from './checkFile';
import { toGitlabIssues } from './gitlab';
import { formatGithubFile } from './github';
import { toJsonFile } from './json';
import { formatTextFile, newTally, styleOf } from './text';

export type OutputFormat = 'text' | 'json' | 'sarif' | 'github' | 'gitlab' | 'junit';
export type FailOn = Severity | 'none';
export const RANK: Record<Severity, number> = { hint: 0, info: 1, warning: 2, error: 3 };

/** How each file is rendered: plain data, so a worker can be given it. */
export interface OutputSpec {
  format: OutputFormat;
  locale: Locale;
  /** ANSI colour in the text format. */
  color: boolean;
  failOn: FailOn;
  /** `--baseline`: the fingerprints whose findings are dropped before rendering. */
  baseline?: readonly string[];
}

export interface RenderedFile {
  /**
   * What to write for the file: json, the file's object (indented for its place in the array, no separator);
   * gitlab, its issues joined by `,\n` (the writer adds the separator before the first); text and github, its lines.
   * Empty for sarif and junit, which write everything at the end.
   */
  body: string;
  /** gitlab: how many issues `body` holds. */
  items: number;
  /** Unsuppressed findings per severity, and suppressed ones (the text summary). */
  counts: Record<Severity, number>;
  suppressed: number;
  /** An unsuppressed finding reaches --fail-on. */
  failed: boolean;
  /** Findings the baseline held (dropped). */
  baselineMatched: number;
  /** sarif and junit: the findings kept for the end (without their fixes, which neither format writes). */
  kept?: { findings: Finding[]; fingerprints: string[] };
}

/** Which file a rendered part belongs to (the library only where SARIF and JUnit keep the findings). */
export interface RenderedWhere {
  file: string;
  absolute: string;
  library: () => CaseLibrary;
}

/** A RenderedFile whose body may come from a worker as UTF-8 bytes. */
export type WrittenFile = Omit<RenderedFile, 'body'> & { body: string | Uint8Array };

/** Formats that need every file before they write anything. */
export function keepsFindings(format: OutputFormat): boolean {
  return format === 'sarif' || format === 'junit';
}

/** Drops the findings the baseline holds, in place; returns how many. */
export function dropBaselined(file: Pick<FileReport, 'findings' | 'fingerprints'>, fingerprints: ReadonlySet<string>): number {
  const keep = file.findings.map((f, i) => f.suppressed || !fingerprints.has(file.fingerprints[i]!));
  const matched = keep.filter((k) => !k).length;
  if (matched > 0) {
    file.findings = file.findings.filter((_f, i) => keep[i]);
    file.fingerprints = file.fingerprints.filter((_f, i) => keep[i]);
  }
  return matched;
}

/** A reusable renderer for `spec` (the baseline's fingerprints as a set once). */
export function fileRenderer(spec: OutputSpec): (file: FileReport) => RenderedFile {
  const baseline = spec.baseline ? new Set(spec.baseline) : undefined;
  const style = styleOf(spec.color);
  return (file) => {
    const baselineMatched = baseline ? dropBaselined(file, baseline) : 0;
    const { failOn } = spec;
    const failed = failOn !== 'none' && file.findings.some((f) => !f.suppressed && RANK[f.severity] >= RANK[failOn]);
    const tally = newTally();
    let body = '';
    let items = 0;
    let kept: RenderedFile['kept'];
    switch (spec.format) {
      case 'text': {
        const lines = formatTextFile(file, spec.locale, style, tally);
        if (lines.length) body = lines.join('\n') + '\n';
        break;
      }
      case 'json':
        body = nested(toJsonFile(file));
        break;
      case 'github':
        body = formatGithubFile(file);
        break;
      case 'gitlab': {
        const issues = toGitlabIssues(file);
        items = issues.length;
        // The array's items, each indented by two and joined by `,\n`: the array's text without its brackets.
        if (items > 0) body = JSON.stringify(issues, null, 2).slice(2, -2);
        break;
      }
      default:
        kept = { findings: file.findings.map((f) => ({ ...f, fixes: [] })), fingerprints: file.fingerprints };
    }
    if (spec.format !== 'text') {
      for (const f of file.findings) {
        if (f.suppressed) tally.suppressed++;
        else tally.counts[f.severity]++;
      }
    }
    return { body, items, counts: tally.counts, suppressed: tally.suppressed, failed, baselineMatched, ...(kept ? { kept } : {}) };
  };
}

const NEST_HEAD = '{\n  "files": [\n';
const NEST_TAIL = '\n  ]\n}';

/**
 * `value` pretty-printed at its depth in `{ "files": [ … ] }` (every line indented by four): printed inside that
 * shape and cut out, rather than printed alone and re-indented line by line.
 */
function nested(value: unknown): string {
  const text = JSON.stringify({ files: [value] }, null, 2);
  return text.slice(NEST_HEAD.length, text.length - NEST_TAIL.length);
}
