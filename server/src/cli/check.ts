/**
 * `casebook check`: expands operands, reads each file with its
 * `.casebook.yaml`, analyses it against the case library, and hands the
 * findings to a formatter. Runs the same pure engine as the language server.
 */
import path from 'node:path';
import type { Localized } from '../service/locale';
import type { CaseLibrary, Severity } from '../service/types';
import { ConfigResolver, type LoadedConfig } from '../node/config';
import { expandOperands } from '../node/files';
import { builtInCasesPath, loadLibrary } from '../node/libraryLoader';
import { checkFile, type CheckOptions, type CheckReport, type FileReport } from './checkFile';
import { displayPath } from './paths';
import { selectShard } from './shard';
import { CheckPool, workerCount } from './workers';
import { DEFAULT_EXPIRY_DAYS, localToday, type WaiverPolicy } from './waiverPolicy';

export type { CheckOptions, CheckReport, FileCheckOptions, FileOutcome, FileReport } from './checkFile';

export type FailOn = Severity | 'none';
export const RANK: Record<Severity, number> = { hint: 0, info: 1, warning: 2, error: 3 };

/** True when an unsuppressed finding is at least as severe as `failOn`. */
export function fails(report: CheckReport, failOn: FailOn): boolean {
  if (failOn === 'none') return false;
  return report.files.some((f) => f.findings.some((x) => !x.suppressed && RANK[x.severity] >= RANK[failOn]));
}

export function runCheck(options: CheckOptions): CheckReport {
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
      ? new CheckPool(files, jobs, {
          locale: options.locale,
          cwd: options.cwd,
          policy,
          ...(options.today ? { today: options.today } : {}),
          ...(options.configFile ? { configFile: options.configFile } : {}),
        })
      : undefined;
  const configs = new ConfigResolver(options.cwd);
  const libraries = new Map<string, CaseLibrary>();
  const reportedConfigs = new Set<string>();
  const libraryFor = (config: LoadedConfig): CaseLibrary => {
    const key = [...config.caseFolders, '#', ...config.regulationFolders].join('\n');
    let library = libraries.get(key);
    if (!library) {
      library = loadLibrary({ builtInPath: builtInCasesPath(), extraPaths: config.caseFolders, regulationPaths: config.regulationFolders });
      libraries.set(key, library);
      report.notices.push(...libraryNotices(library, config.caseFolders, options.cwd));
    }
    return library;
  };

  for (const absolute of files) {
    const config = options.configFile ? configs.load(path.resolve(options.cwd, options.configFile)) : configs.forFile(absolute);
    if (config.file && !reportedConfigs.has(config.file)) {
      reportedConfigs.add(config.file);
      for (const p of config.problems) report.notices.push(located(p.file, p.range.start, p.message, options.cwd));
    }
    const library = libraryFor(config);
    const file = displayPath(absolute, options.cwd);
    const outcome = pool ? pool.next() : checkFile(absolute, file, config, library, options, policy);
    report.notices.push(...outcome.notices);
    if (outcome.error) report.errors.push(outcome.error);
    else {
      const checked: FileReport = { file, absolute, findings: outcome.findings, fingerprints: outcome.fingerprints, library };
      if (options.onFile) options.onFile(checked);
      else report.files.push(checked);
    }
  }
  pool?.close();
  return report;
}

/**
 * Problems in enterprise case folders are the user's to fix: each is listed.
 * Problems in the built-in library are a packaging fault: one line says so.
 */
export function libraryNotices(library: CaseLibrary, extraFolders: string[], cwd: string): Localized[] {
  const notices: Localized[] = [];
  let builtIn = 0;
  for (const p of library.problems) {
    if (extraFolders.some((folder) => isInside(p.file, folder))) notices.push(located(p.file, p.range.start, p.message, cwd));
    else builtIn++;
  }
  // The regulation library: built-in and enterprise problems alike are listed, each where it is written.
  for (const p of library.regulations?.problems ?? []) notices.push(located(p.file, p.range.start, p.message, cwd));
  if (builtIn > 0) {
    notices.push({
      zh: `内置案例库有 ${builtIn} 处问题（部分案例或模式可能缺失），请升级或重新安装 Casebook。`,
      en: `The built-in case library has ${builtIn} problem${builtIn === 1 ? '' : 's'} (some cases or patterns may be missing); update or reinstall Casebook.`,
    });
  }
  return notices;
}

function isInside(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return !relative.startsWith('..') && !path.isAbsolute(relative);
}

function located(file: string, at: { line: number; character: number }, message: Localized, cwd: string): Localized {
  const where = `${displayPath(file, cwd)}:${at.line + 1}:${at.character + 1}`;
  return { zh: `${where} ${message.zh}`, en: `${where} ${message.en}` };
}
