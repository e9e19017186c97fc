/**
 * `casebook report <files|dirs> [--format html|md] [--locale zh-CN|en] [-o FILE]`:
 * the review dossier of one or more proposals, each analysed with its own
 * `.casebook.yaml` (rules) against one case library, rendered by the pure
 * `service/report` module.
 */
import path from 'node:path';
import { analyzeProposal } from '../service/analyze';
import type { Locale, Localized } from '../service/locale';
import { buildModel } from '../service/model';
import { renderReport, type ReportFormat, type ReportProposal } from '../service/report';
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
  const proposals: ReportProposal[] = [];
  for (const absolute of expanded.files) {
    const file = displayPath(absolute, options.cwd);
    const read = readProposal(absolute, { shown: file });
    if ('error' in read) {
      errors.push(read.error);
      continue;
    }
    const config = options.configFile ? configs.load(path.resolve(options.cwd, options.configFile)) : configs.forFile(absolute);
    const model = buildModel(read.tree);
    const { findings } = analyzeProposal(model, options.library, {
      locale: options.locale,
      rules: config.config.rules,
      today: options.today,
    });
    proposals.push({ file, model, findings });
  }
  if (proposals.length === 0)
    return { error: { zh: '没有可生成评审材料的方案文件。', en: 'No proposal to build a review dossier from.' }, errors };
  const text = renderReport({ proposals, library: options.library, locale: options.locale, today: options.today }, options.format);
  return { text, files: proposals.length, errors };
}
