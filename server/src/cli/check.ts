/**
 * `casebook check`: expands operands, reads each file with its
 * `.casebook.yaml`, analyses it against the case library, and hands the
 * findings to a formatter. Runs the same pure engine as the language server.
 */
import path from 'node:path';
import type { Localized } from '../service/locale';
import type { CaseLibrary } from '../service/types';
import { ConfigResolver, type LoadedConfig } from '../node/config';
import { expandOperands } from '../node/files';
import { checkFile, type CheckOptions, type CheckReport, type FileOutcome, type FileReport } from './checkFile';
import { RANK, fileRenderer, type FailOn, type OutputSpec, type RenderedWhere, type WrittenFile } from './fileOutput';
import { Libraries, libraryKey, libraryNotices, located } from './libraries';
import { displayPath } from './paths';
import { selectShard } from './shard';
import { CheckPool, workerCount } from './workers';
import { DEFAULT_EXPIRY_DAYS, localToday, type WaiverPolicy } from './waiverPolicy';

export type { CheckOptions, CheckReport, FileCheckOptions, FileOutcome, FileReport } from './checkFile';
export { RANK, type FailOn } from './fileOutput';
export { libraryNotices } from './libraries';

/** True when an unsuppressed finding is at least as severe as `failOn`. */
export function fails(report: CheckReport, failOn: FailOn): boolean {
  if (failOn === 'none') return false;
  return report.files.some((f) => f.findings.some((x) => !x.suppressed && RANK[x.severity] >= RANK[failOn]));
}

/**
 * Streamed output: each checked file rendered for `spec` where it was checked (its worker, or this thread) and
 * handed to `onRendered` in file order; `report.files` stays empty.
 */
export interface CheckStream {
  spec: OutputSpec;
  onRendered(rendered: WrittenFile, where: RenderedWhere): void;
}

export function runCheck(options: CheckOptions, stream?: CheckStream): CheckReport {
  const report: CheckReport = { files: [], notices: [], errors: [] };
  const expanded = expandOperands(options.operands, options.cwd);
  for (const problem of expanded.problems) report.errors.push(problem.message);
  const files = options.shard ? selectShard(expanded.files, options.cwd, options.shard) : expanded.files;
  const policy: WaiverPolicy = {
    inline: options.inlineWaivers ?? true,
    expiryDays: options.waiverExpiryDays ?? DEFAULT_EXPIRY_DAYS,
    today: options.today ?? localToday(),
  };

  const jobs = workerCount(options.jobs, files.length);
  // Workers check the files in parallel; their results are taken back in file order, so the output is the same.
  const pool =
    jobs > 1
      ? new CheckPool(
          files,
          jobs,
          {
            locale: options.locale,
            cwd: options.cwd,
            policy,
            ...(options.today ? { today: options.today } : {}),
            ...(options.configFile ? { configFile: options.configFile } : {}),
          },
          stream?.spec,
        )
      : undefined;
  const render = stream && !pool ? fileRenderer(stream.spec) : undefined;
  const configs = new ConfigResolver(options.cwd);
  // With workers this thread loads a library only where a file's findings come back (SARIF, JUnit, baseline).
  const libraries = new Libraries();
  const libraryOf = (config: LoadedConfig): CaseLibrary => libraries.for(config).library;
  const reportedConfigs = new Set<string>();
  const reportedLibraries = new Set<string>();
  const reportLibrary = (key: string, notices: () => readonly Localized[]) => {
    if (reportedLibraries.has(key)) return;
    reportedLibraries.add(key);
    report.notices.push(...notices());
  };

  for (const absolute of files) {
    const config = options.configFile ? configs.load(path.resolve(options.cwd, options.configFile)) : configs.forFile(absolute);
    if (config.file && !reportedConfigs.has(config.file)) {
      reportedConfigs.add(config.file);
      for (const p of config.problems) report.notices.push(located(p.file, p.range.start, p.message, options.cwd));
    }
    const file = displayPath(absolute, options.cwd);
    const where: RenderedWhere = { file, absolute, library: () => libraryOf(config) };
    let outcome: Pick<FileOutcome, 'notices' | 'error'>;
    let rendered: WrittenFile | undefined;
    let checked: Pick<FileReport, 'findings' | 'fingerprints'> | undefined;
    if (pool) {
      const reply = pool.next();
      // The first file (in order) of each library is the first its worker checked with it: it carries the notices.
      const notices = reply.libraryNotices;
      if (notices) reportLibrary(libraryKey(config), () => notices);
      outcome = reply;
      rendered = reply.rendered;
      if (reply.findings && reply.fingerprints) checked = { findings: reply.findings, fingerprints: reply.fingerprints };
    } else {
      const library = libraryOf(config);
      reportLibrary(libraryKey(config), () => libraryNotices(library, config.caseFolders, options.cwd));
      const result = checkFile(absolute, file, config, library, options, policy);
      options.afterCheckedHere?.();
      outcome = result;
      if (!result.error) {
        if (render) rendered = render({ file, absolute, findings: result.findings, fingerprints: result.fingerprints, library });
        else checked = result;
      }
    }
    report.notices.push(...outcome.notices);
    if (outcome.error) report.errors.push(outcome.error);
    else if (stream && rendered) stream.onRendered(rendered, where);
    else if (checked) {
      const full: FileReport = { file, absolute, findings: checked.findings, fingerprints: checked.fingerprints, library: where.library() };
      if (options.onFile) options.onFile(full);
      else report.files.push(full);
    }
  }
  pool?.close();
  return report;
}
