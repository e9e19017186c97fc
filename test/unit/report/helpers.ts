/** Fixtures for the dossier tests: proposals analysed the way `casebook report` does, against the built-in library. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analyzeProposal } from '../../../server/src/service/analyze';
import type { Locale } from '../../../server/src/service/locale';
import { buildModel } from '../../../server/src/service/model';
import { renderReport, type ReportFormat, type ReportProposal } from '../../../server/src/service/report';
import type { CaseLibrary } from '../../../server/src/service/types';
import { parseYamlTree } from '../../../server/src/service/yamlTree';
import { realLibrary } from '../../fixtures/library';

export const ROOT = path.resolve(__dirname, '../../..');
export const TODAY = '2026-12-02';

let library: CaseLibrary | undefined;
export function builtInLibrary(): CaseLibrary {
  library ??= realLibrary();
  return library;
}

export function proposal(rel: string, locale: Locale, today = TODAY): ReportProposal {
  const text = readFileSync(path.join(ROOT, rel), 'utf8');
  const model = buildModel(parseYamlTree(text));
  const { findings } = analyzeProposal(model, builtInLibrary(), { locale, rules: {}, today });
  return { file: rel, model, findings };
}

export function report(files: string[], format: ReportFormat, locale: Locale, today = TODAY): string {
  return renderReport({ proposals: files.map((f) => proposal(f, locale, today)), library: builtInLibrary(), locale, today }, format);
}

export const BANK = 'examples/bank-core.arch.yaml';
export const XSS = 'examples/xss.arch.yaml';
export const WAIVERS = 'test/fixtures/report/waivers.arch.yaml';
