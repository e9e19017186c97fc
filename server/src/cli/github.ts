/**
 * `casebook check --format github`: GitHub Actions workflow commands, which
 * the runner turns into annotations on the pull request's changed lines:
 *
 *   ::error file=a.arch.yaml,line=14,col=5,endLine=14,endColumn=9,title=tier1-two-regions-three-dcs::系统 core…
 *
 * Escaping as the runner reads it (actions/toolkit `command.ts`): `%`, CR and
 * LF in the message; those and `:` `,` in property values. Suppressed
 * findings are not annotated.
 */
import type { Severity } from '../service/types';
import type { CheckReport, FileReport } from './checkFile';

const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatGithub(report: CheckReport): string {
  return report.files.map(formatGithubFile).join('');
}

/** One file's workflow commands, each line ending in a newline. */
export function formatGithubFile(file: FileReport): string {
  let out = '';
  for (const f of file.findings) {
    if (f.suppressed) continue;
    const { start, end } = f.range;
    const props = [
      `file=${escapeProperty(file.file)}`,
      `line=${start.line + 1}`,
      `col=${start.character + 1}`,
      `endLine=${end.line + 1}`,
      `endColumn=${end.character + 1}`,
      `title=${escapeProperty(f.rule)}`,
    ];
    out += `::${COMMAND[f.severity]} ${props.join(',')}::${escapeData(f.message)}\n`;
  }
  return out;
}
