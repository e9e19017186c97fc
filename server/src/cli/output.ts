/**
 * Writes `casebook check`'s report as the files come out of the check, so
 * that memory stays flat in the number of files: text, json, github and
 * gitlab are written file by file and each file's findings are dropped once
 * written. SARIF and JUnit put totals (the rules a run used, the failure
 * counts) before the results, so they keep the findings (never the documents)
 * until the end.
 */
import type { Locale } from '../service/locale';
import { RANK, type CheckReport, type FailOn, type FileReport } from './check';
import { formatGithubFile } from './github';
import { toGitlabIssues } from './gitlab';
import { toJsonFile } from './json';
import { formatJunit } from './junit';
import { formatSarif } from './sarif';
import { formatTextFile, formatTextSummary, newTally, type Style } from './text';

export type OutputFormat = 'text' | 'json' | 'sarif' | 'github' | 'gitlab' | 'junit';

export interface OutputContext {
  write(text: string): void;
  locale: Locale;
  cwd: string;
  style: Style;
  failOn: FailOn;
}

export class ReportWriter {
  private failed = false;
  private files = 0;
  private issues = 0;
  private readonly kept: FileReport[] = [];
  private readonly tally = newTally();

  constructor(
    private readonly format: OutputFormat,
    private readonly ctx: OutputContext,
  ) {
    if (format === 'json') ctx.write('{\n  "version": 1,\n  "files": [');
    else if (format === 'gitlab') ctx.write('[');
  }

  /** One checked file: written now, or kept for formats that need every file first. */
  file(file: FileReport): void {
    const { failOn } = this.ctx;
    if (failOn !== 'none' && file.findings.some((f) => !f.suppressed && RANK[f.severity] >= RANK[failOn])) this.failed = true;
    const first = this.files === 0;
    this.files++;
    switch (this.format) {
      case 'text': {
        const lines = formatTextFile(file, this.ctx.locale, this.ctx.style, this.tally);
        if (lines.length) this.ctx.write(lines.join('\n') + '\n');
        break;
      }
      case 'json':
        this.ctx.write((first ? '\n' : ',\n') + indent(JSON.stringify(toJsonFile(file), null, 2), '    '));
        break;
      case 'github':
        this.ctx.write(formatGithubFile(file));
        break;
      case 'gitlab':
        for (const issue of toGitlabIssues(file)) {
          this.ctx.write((this.issues++ === 0 ? '\n' : ',\n') + indent(JSON.stringify(issue, null, 2), '  '));
        }
        break;
      default:
        this.kept.push(file);
    }
  }

  /** Closes the report; `report` carries the errors and notices (its files were streamed). */
  end(report: CheckReport): void {
    const { ctx } = this;
    const all: CheckReport = { ...report, files: this.kept };
    if (this.format === 'json') ctx.write(this.files ? '\n  ]\n}\n' : ']\n}\n');
    else if (this.format === 'gitlab') ctx.write(this.issues ? '\n]\n' : ']\n');
    else if (this.format === 'sarif') ctx.write(formatSarif(all, ctx.locale, ctx.cwd));
    else if (this.format === 'junit') ctx.write(formatJunit(all, ctx.failOn));
    // A text summary of zero files would read as a pass; the errors on stderr say what happened.
    else if (this.format === 'text' && (this.files > 0 || report.errors.length === 0))
      ctx.write(formatTextSummary(this.tally, ctx.locale, ctx.style) + '\n');
  }

  /** True when an unsuppressed finding reached --fail-on. */
  get failing(): boolean {
    return this.failed;
  }
}

function indent(text: string, by: string): string {
  return by + text.replace(/\n/g, '\n' + by);
}
