/**
 * Checking one file, and the shapes of a check's results: what `casebook
 * check` runs for each file, in this thread or in a worker (workers.ts), so
 * both give the same findings.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { getLanguageService, type LanguageService } from '../service/languageService';
import type { Locale, Localized } from '../service/locale';
import type { CaseLibrary, Finding } from '../service/types';
import type { LoadedConfig } from '../node/config';
import { readProposalFile } from '../node/files';
import { fingerprintFindings } from './fingerprint';
import type { Shard } from './shard';
import { applyWaiverPolicy, expiringWaivers, type WaiverPolicy } from './waiverPolicy';

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
  /** Called after each file checked in this thread, none checked by a worker (the CLI sizes this thread's heap there). */
  afterCheckedHere?: () => void;
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
  if (read.kind === 'unreadable') return { findings: [], fingerprints: [], notices: [], error: unreadable(file, read) };
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
      regulations: [],
      suppressed: false,
      fixes: [],
    };
    return { findings: [finding], fingerprints: fingerprintFindings(file, [finding], undefined), notices: [] };
  }
  const document = TextDocument.create(URI.file(absolute).toString(), 'yaml', 1, read.text);
  const settings = { locale: options.locale, rules: config.config.rules, ...(options.today ? { today: options.today } : {}) };
  // Once: the file is parsed and analysed by the façade, and nothing of it stays cached after this call.
  const { proposal, analysis } = serviceFor(library).analyzeOnce(document, settings);
  const { model } = proposal;
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

/** One language service per library (a run checks against one library per config): creating it is cheap, it caches nothing here. */
const services = new WeakMap<CaseLibrary, LanguageService>();

function serviceFor(library: CaseLibrary): LanguageService {
  let service = services.get(library);
  if (!service) services.set(library, (service = getLanguageService({ library: () => library })));
  return service;
}

/** Why a file was not read, named as the user sees it; a FIFO, device or socket is skipped (reading could block), a link loop too. */
function unreadable(file: string, read: Extract<ReturnType<typeof readProposalFile>, { kind: 'unreadable' }>): Localized {
  if (read.reason === 'link-loop')
    return {
      zh: `${file}：已跳过，是循环的符号链接，指不到任何文件。`,
      en: `${file}: skipped, a symbolic link that loops and never reaches a file.`,
    };
  if (read.reason !== 'not-regular') return read.message;
  return {
    zh: `${file}：已跳过，不是普通文件（FIFO、设备或套接字），未读取。`,
    en: `${file}: skipped, not a regular file (a FIFO, a device or a socket); it is not read.`,
  };
}
