/**
 * `casebook check`: expands operands, reads each file with its
 * `.casebook.yaml`, analyses it against the case library, and hands the
 * findings to a formatter. Runs the same pure engine as the language server.
 */
import path from 'node:path';
import { analyzeProposal } from '../service/analyze';
import type { Locale, Localized } from '../service/locale';
import { buildModel } from '../service/model';
import type { CaseLibrary, Finding, Severity } from '../service/types';
import { parseYamlTree } from '../service/yamlTree';
import { ConfigResolver, type LoadedConfig } from '../node/config';
import { expandOperands, readProposalFile } from '../node/files';
import { builtInCasesPath, loadLibrary } from '../node/libraryLoader';
import { fingerprintFindings } from './fingerprint';
import { selectShard, type Shard } from './shard';
import { CheckPool, workerCount } from './workers';
import { DEFAULT_EXPIRY_DAYS, applyWaiverPolicy, expiringWaivers, localToday, type WaiverPolicy } from './waiverPolicy';

export interface FileReport {
  /** As shown to the user: relative to the working directory when inside it, with `/`. */
  file: string;
  absolute: string;
  findings: Finding[];
  /** One stable fingerprint per finding, same order (see fingerprint.ts). */
  fingerprints: string[];
  /** The library the file was checked against (its config may add enterprise cases). */
  library: CaseLibrary;
}

export interface CheckReport {
  files: FileReport[];
  /** Problems that are not findings: config and library problems, crashed rules (stderr). */
  notices: Localized[];
  /** Operands naming nothing and unreadable files (exit 2). */
  errors: Localized[];
}

export interface CheckOptions {
  operands: string[];
  locale: Locale;
  /** `--config FILE`: one config for every file instead of the nearest `.casebook.yaml`. */
  configFile?: string;
  cwd: string;
  /** ISO date waivers are compared to (tests); today by default. */
  today?: string;
  /** False: ignore `# casebook-ignore` waivers in the files (`--no-inline-waivers`). */
  inlineWaivers?: boolean;
  /** Warn about waivers expiring within this many days (default 30). */
  waiverExpiryDays?: number;
  /** `--shard i/n`: check only this runner's part of the files. */
  shard?: Shard;
  /** `--jobs N`: worker threads (default: the CPU count; 1 checks in this thread). */
  jobs?: number;
  /** Receives each file's report in order instead of `report.files` keeping it (streamed output). */
  onFile?: (file: FileReport) => void;
}

/** What checking one file gives: its findings, or the reason it could not be read. */
export interface FileOutcome {
  findings: Finding[];
  fingerprints: string[];
  notices: Localized[];
  error?: Localized;
}

/** The options a worker needs to check a file exactly as this thread would. */
export type FileCheckOptions = Pick<CheckOptions, 'locale' | 'today'> & { policy: WaiverPolicy };

/** Read, parse, analyse, fingerprint one file; the document and its model are dropped on return. */
export function checkFile(
  absolute: string,
  file: string,
  config: LoadedConfig,
  library: CaseLibrary,
  options: Pick<CheckOptions, 'locale' | 'today'>,
  policy: WaiverPolicy,
): FileOutcome {
  const read = readProposalFile(absolute);
  if (read.kind === 'unreadable') return { findings: [], fingerprints: [], notices: [], error: read.message };
  if (read.kind === 'refused') {
    const at = { line: read.line, character: read.character };
    const finding: Finding = {
      rule: read.rule,
      severity: 'error',
      message: options.locale === 'zh-CN' ? read.message.zh : read.message.en,
      range: { start: at, end: at },
      path: [],
      patterns: [],
      cases: [],
      suppressed: false,
      fixes: [],
    };
    return { findings: [finding], fingerprints: fingerprintFindings(file, [finding], undefined), notices: [] };
  }
  const model = buildModel(parseYamlTree(read.text));
  const settings = { locale: options.locale, rules: config.config.rules, ...(options.today ? { today: options.today } : {}) };
  const analysis = analyzeProposal(model, library, settings);
  const findings = applyWaiverPolicy(analysis.findings, policy);
  const notices = expiringWaivers(file, model, policy);
  for (const { rule, error } of analysis.internalErrors) {
    const detail = error instanceof Error ? error.message : String(error);
    notices.push({
      zh: `${file}：规则 ${rule} 内部出错（已跳过）：${detail}`,
      en: `${file}: rule ${rule} failed internally (skipped): ${detail}`,
    });
  }
  return { findings, fingerprints: fingerprintFindings(file, findings, model), notices };
}

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
    const key = config.caseFolders.join('\n');
    let library = libraries.get(key);
    if (!library) {
      library = loadLibrary({ builtInPath: builtInCasesPath(), extraPaths: config.caseFolders });
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

/** `a/b.arch.yaml` inside the working directory, the absolute path outside it; always `/`. */
export function displayPath(absolute: string, cwd: string): string {
  const relative = path.relative(cwd, absolute);
  const shown = relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : absolute;
  return shown.split(path.sep).join('/');
}

function located(file: string, at: { line: number; character: number }, message: Localized, cwd: string): Localized {
  const where = `${displayPath(file, cwd)}:${at.line + 1}:${at.character + 1}`;
  return { zh: `${where} ${message.zh}`, en: `${where} ${message.en}` };
}
