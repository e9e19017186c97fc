/**
 * Writes `casebook check`'s report as the files come out of the check, so
 * that memory stays flat in the number of files: text, json, github and
 * gitlab are written file by file and each file's findings are dropped once
 * written. SARIF and JUnit put totals (the rules a run used, the failure
 * counts) before the results, so they keep the findings (never the documents)
 * until the end.
 */
import type { CheckReport, FileReport } from './checkFile';
import type { OutputSpec, RenderedWhere, WrittenFile } from './fileOutput';
import { formatJunit } from './junit';
import { formatSarif } from './sarif';
import { formatTextSummary, newTally, styleOf } from './text';

export type { OutputFormat } from './fileOutput';

export interface OutputContext {
  /** Text, or a worker's text already encoded as UTF-8. */
  write(text: string | Uint8Array): void;
  cwd: string;
}

export class ReportWriter {
  private failed = false;
  private files = 0;
  private issues = 0;
  private matched = 0;
  private readonly kept: FileReport[] = [];
  private readonly tally = newTally();

  constructor(
    private readonly spec: OutputSpec,
    private readonly ctx: OutputContext,
  ) {
    if (spec.format === 'json') ctx.write('{\n  "version": 1,\n  "files": [');
    else if (spec.format === 'gitlab') ctx.write('[');
  }

  /** One checked file, rendered (fileOutput.ts): written now, or kept for formats that need every file first. */
  add(rendered: WrittenFile, where: RenderedWhere): void {
    if (rendered.failed) this.failed = true;
    this.matched += rendered.baselineMatched;
    const first = this.files === 0;
    this.files++;
    this.tally.files++;
    this.tally.suppressed += rendered.suppressed;
    for (const s of ['error', 'warning', 'info', 'hint'] as const) this.tally.counts[s] += rendered.counts[s];
    const { body } = rendered;
    switch (this.spec.format) {
      case 'json':
        this.ctx.write(first ? '\n' : ',\n');
        this.ctx.write(body);
        break;
      case 'gitlab':
        if (rendered.items > 0) {
          this.ctx.write(this.issues === 0 ? '\n' : ',\n');
          this.ctx.write(body);
          this.issues += rendered.items;
        }
        break;
      case 'text':
      case 'github':
        if (body.length > 0) this.ctx.write(body);
        break;
      default:
        if (rendered.kept) this.kept.push({ file: where.file, absolute: where.absolute, ...rendered.kept, library: where.library() });
    }
  }

  /** Closes the report; `report` carries the errors and notices (its files were streamed). */
  end(report: CheckReport): void {
    const { ctx, spec } = this;
    const all: CheckReport = { ...report, files: this.kept };
    if (spec.format === 'json') ctx.write(this.files ? '\n  ]\n}\n' : ']\n}\n');
    else if (spec.format === 'gitlab') ctx.write(this.issues ? '\n]\n' : ']\n');
    else if (spec.format === 'sarif') ctx.write(formatSarif(all, spec.locale, ctx.cwd));
    else if (spec.format === 'junit') ctx.write(formatJunit(all, spec.failOn));
    // A text summary of zero files would read as a pass; the errors on stderr say what happened.
    else if (spec.format === 'text' && (this.files > 0 || report.errors.length === 0))
      ctx.write(formatTextSummary(this.tally, spec.locale, styleOf(spec.color)) + '\n');
  }

  /** True when an unsuppressed finding reached --fail-on. */
  get failing(): boolean {
    return this.failed;
  }

  /** Findings the baseline held, over every file. */
  get baselineMatched(): number {
    return this.matched;
  }
}
