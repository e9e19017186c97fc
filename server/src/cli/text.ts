/**
 * The human format of `casebook check`:
 *
 *   examples/bank-core.arch.yaml:14:5 warning tier1-two-regions-three-dcs 系统 core 是一级系统…
 *       案例：天弘基金、浙江农信、四川农信
 *   ✖ 1 个错误、3 个警告（2 个文件，1 条已豁免）
 *
 * 1-based lines and columns, as editors and terminals expect; suppressed
 * findings are counted, not listed.
 */
import { customerName } from '../service/library/figures';
import { listOf, pick, type Locale } from '../service/locale';
import type { Severity } from '../service/types';
import type { CheckReport, FileReport } from './checkFile';

export interface Style {
  severity(severity: Severity, text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

const plain: Style = { severity: (_s, t) => t, dim: (t) => t, bold: (t) => t };
const SEVERITY_COLOUR: Record<Severity, string> = { error: '31', warning: '33', info: '36', hint: '90' };
const ansi: Style = {
  severity: (s, t) => `\x1b[${SEVERITY_COLOUR[s]}m${t}\x1b[39m`,
  dim: (t) => `\x1b[2m${t}\x1b[22m`,
  bold: (t) => `\x1b[1m${t}\x1b[22m`,
};

/** Colour on a terminal only; NO_COLOR (any value) turns it off, FORCE_COLOR on. */
export function colorFor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return stream.isTTY === true;
}

export function styleFor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): Style {
  return styleOf(colorFor(stream, env));
}

/** ANSI colour or none (what a worker is told, since a Style does not cross threads). */
export function styleOf(color: boolean): Style {
  return color ? ansi : plain;
}

const SEVERITY_WORD: Record<Severity, { zh: string; en: string }> = {
  error: { zh: '错误', en: 'error' },
  warning: { zh: '警告', en: 'warning' },
  info: { zh: '信息', en: 'info' },
  hint: { zh: '提示', en: 'hint' },
};

/**
 * Control characters (C0, DEL, C1) and bidirectional overrides from a proposal would reach the terminal raw: an
 * ESC in a key can clear the screen and print a fake "no findings". They are shown as visible escapes instead.
 */
// Matching control characters is the point.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);
}

/** The same, line by line, for multi-line output. */
export function terminalSafeLines(text: string): string {
  return text.split('\n').map(terminalSafe).join('\n');
}

/** Counts a text report's summary needs, kept as files stream past. */
export interface TextTally {
  counts: Record<Severity, number>;
  suppressed: number;
  files: number;
}

export function newTally(): TextTally {
  return { counts: { error: 0, warning: 0, info: 0, hint: 0 }, suppressed: 0, files: 0 };
}

export function formatText(report: CheckReport, locale: Locale, style: Style = plain): string {
  const tally = newTally();
  const lines: string[] = [];
  for (const file of report.files) lines.push(...formatTextFile(file, locale, style, tally));
  lines.push(formatTextSummary(tally, locale, style));
  return lines.join('\n') + '\n';
}

/** One file's lines (unsuppressed findings, each with its cases); counts them into `tally`. */
export function formatTextFile(file: FileReport, locale: Locale, style: Style, tally: TextTally): string[] {
  const lines: string[] = [];
  tally.files++;
  for (const f of file.findings) {
    if (f.suppressed) {
      tally.suppressed++;
      continue;
    }
    tally.counts[f.severity]++;
    const where = `${terminalSafe(file.file)}:${f.range.start.line + 1}:${f.range.start.character + 1}`;
    lines.push(
      `${style.bold(where)} ${style.severity(f.severity, pick(SEVERITY_WORD[f.severity], locale))} ${style.dim(f.rule)} ${terminalSafe(f.message)}`,
    );
    if (f.cases.length > 0) {
      const names = f.cases.map((id) => pick(customerName(file.library, id), locale));
      lines.push(style.dim(`    ${locale === 'zh-CN' ? '案例：' : 'cases: '}${terminalSafe(listOf(names, locale))}`));
    }
  }
  return lines;
}

export function formatTextSummary(tally: TextTally, locale: Locale, style: Style = plain): string {
  return summary(tally.counts, tally.suppressed, tally.files, locale, style);
}

function summary(counts: Record<Severity, number>, suppressed: number, files: number, locale: Locale, style: Style): string {
  const total = counts.error + counts.warning + counts.info + counts.hint;
  const zh = locale === 'zh-CN';
  const fileWord = zh ? `${files} 个文件` : `${files} file${files === 1 ? '' : 's'}`;
  const waived = suppressed === 0 ? '' : zh ? `，${suppressed} 条已豁免` : `, ${suppressed} suppressed`;
  if (total === 0) return zh ? `✔ 未发现问题（${fileWord}${waived}）` : `✔ No findings (${fileWord}${waived})`;
  const parts = (['error', 'warning', 'info', 'hint'] as const)
    .filter((s) => counts[s] > 0)
    .map((s) => style.severity(s, zh ? `${counts[s]} 个${SEVERITY_WORD[s].zh}` : `${counts[s]} ${plural(s, counts[s])}`));
  const head = counts.error > 0 ? '✖' : '⚠';
  return zh ? `${head} ${parts.join('、')}（${fileWord}${waived}）` : `${head} ${parts.join(', ')} (${fileWord}${waived})`;
}

function plural(severity: Severity, n: number): string {
  if (n === 1 || severity === 'info') return severity;
  return `${severity}s`;
}
