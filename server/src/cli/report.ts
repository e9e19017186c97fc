/**
 * `casebook report <files|dirs> [--format html|md] [--locale zh-CN|en] [-o FILE]`:
 * the review dossier of one or more proposals, each analysed with its own
 * `.casebook.yaml` (rules) against one case library, rendered by the pure
 * `service/report` module.
 */
import path from 'node:path';
import { getLanguageService, type ReportEntry } from '../service/languageService';
import type { Locale, Localized } from '../service/locale';
import type { ReportFormat } from '../service/report';
import type { CaseLibrary } from '../service/types';
import { ConfigResolver } from '../node/config';
import { expandOperands } from '../node/files';
import { readProposal } from './proposalFile';
import { displayPath } from './paths';

export interface ReportOptions {
  operands: string[];
  format: ReportFormat;
  locale: Locale;
  cwd: string;
  today: string;
  library: CaseLibrary;
  /** `--config FILE` for every file instead of each file's nearest `.casebook.yaml`. */
  configFile?: string;
}

export type ReportResult = { text: string; files: number; errors: Localized[] } | { error: Localized; errors: Localized[] };

export function reportFiles(options: ReportOptions): ReportResult {
  const expanded = expandOperands(options.operands, options.cwd);
  const errors: Localized[] = expanded.problems.map((p) => p.message);
  const configs = new ConfigResolver(options.cwd);
  const service = getLanguageService({ library: () => options.library });
  const entries: ReportEntry[] = [];
  for (const absolute of expanded.files) {
    const file = displayPath(absolute, options.cwd);
    const read = readProposal(service, absolute, { shown: file });
    if ('error' in read) {
      errors.push(read.error);
      continue;
    }
    const config = options.configFile ? configs.load(path.resolve(options.cwd, options.configFile)) : configs.forFile(absolute);
    entries.push({ document: read.document, file, settings: { locale: options.locale, rules: config.config.rules, today: options.today } });
  }
  if (entries.length === 0)
    return { error: { zh: '没有可生成评审材料的方案文件。', en: 'No proposal to build a review dossier from.' }, errors };
  const text = service.report(entries, { locale: options.locale, today: options.today, format: options.format });
  return { text, files: entries.length, errors };
}
