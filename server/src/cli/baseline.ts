/**
 * The baseline: how a team adopts Casebook on a repository that already has
 * findings. `casebook baseline <paths> -o FILE` records today's unsuppressed
 * findings by fingerprint; `casebook check --baseline FILE` then reports (and
 * fails on) only the findings that are not in it.
 *
 *   { "version": 1, "findings": [{ "fingerprint": "…", "rule": "…", "file": "…" }] }
 */
import { readFileSync } from 'node:fs';
import type { Localized } from '../service/locale';
import type { CheckReport } from './checkFile';
import { dropBaselined } from './fileOutput';

export interface BaselineEntry {
  fingerprint: string;
  rule: string;
  file: string;
}

export interface Baseline {
  version: 1;
  tool: 'casebook';
  findings: BaselineEntry[];
}

export function toBaseline(report: CheckReport): Baseline {
  const findings: BaselineEntry[] = [];
  for (const file of report.files) {
    file.findings.forEach((f, i) => {
      if (!f.suppressed) findings.push({ fingerprint: file.fingerprints[i]!, rule: f.rule, file: file.file });
    });
  }
  return { version: 1, tool: 'casebook', findings };
}

/** The baseline's fingerprints, or why the file cannot be used. */
export function readBaseline(file: string): { fingerprints: Set<string> } | { error: Localized } {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { error: { zh: `无法读取基线文件 ${file}：${detail}`, en: `Cannot read the baseline ${file}: ${detail}` } };
  }
  const findings = (data as Partial<Baseline> | null)?.findings;
  if ((data as Partial<Baseline> | null)?.version !== 1 || !Array.isArray(findings)) {
    return {
      error: {
        zh: `${file} 不是 Casebook 基线文件（需要 version: 1 和 findings 数组；用 casebook baseline 生成）。`,
        en: `${file} is not a Casebook baseline (it needs version 1 and a findings array; write one with casebook baseline).`,
      },
    };
  }
  const fingerprints = new Set<string>();
  for (const entry of findings) {
    const fp = (entry as Partial<BaselineEntry> | null)?.fingerprint;
    if (typeof fp === 'string') fingerprints.add(fp);
  }
  return { fingerprints };
}

/** Drops the findings the baseline holds, in place; returns how many. */
export function applyBaseline(report: CheckReport, fingerprints: ReadonlySet<string>): number {
  let matched = 0;
  for (const file of report.files) matched += dropBaselined(file, fingerprints);
  return matched;
}

export function baselineNotice(matched: number, file: string): Localized {
  return {
    zh: `基线 ${file} 匹配了 ${matched} 条已有问题（未报告）。`,
    en: `The baseline ${file} matched ${matched} existing finding${matched === 1 ? '' : 's'} (not reported).`,
  };
}
