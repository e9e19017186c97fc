/**
 * Sizes past which the server refuses work rather than freezing the editor.
 * A refused document gets one clear diagnostic instead of findings.
 */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { pick, type Locale } from '../service/locale';

/** 2 MiB of UTF-8: a proposal of 1,000 systems is about 500 KB. */
export const MAX_DOCUMENT_BYTES = 2 * 1024 * 1024;
export const TOO_LARGE_CODE = 'document-too-large';

/** Decides on the UTF-8 size, encoding only when the length alone cannot (a character is 1–3 bytes). */
function exceedsByteLimit(text: string, limit = MAX_DOCUMENT_BYTES): boolean {
  if (text.length > limit) return true;
  if (text.length * 3 <= limit) return false;
  return Buffer.byteLength(text, 'utf8') > limit;
}

export function isTooLarge(document: TextDocument): boolean {
  return exceedsByteLimit(document.getText());
}

export function tooLargeDiagnostic(document: TextDocument, locale: Locale): Diagnostic {
  const size = (Buffer.byteLength(document.getText(), 'utf8') / (1024 * 1024)).toFixed(1);
  const limit = MAX_DOCUMENT_BYTES / (1024 * 1024);
  const message = pick(
    {
      zh: `文档过大（${size} MB，上限 ${limit} MB），Casebook 不检查此文件。请把方案拆分为多个 *.arch.yaml 文件。`,
      en: `This document is too large (${size} MB; the limit is ${limit} MB), so Casebook does not check it. Split the proposal into several *.arch.yaml files.`,
    },
    locale,
  );
  return {
    range: {
      start: { line: 0, character: 0 },
      end: {
        line: 0,
        character: Math.min(
          document.getText({ start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }).replace(/\r?\n$/, '').length,
          200,
        ),
      },
    },
    severity: DiagnosticSeverity.Error,
    code: TOO_LARGE_CODE,
    source: 'casebook',
    message,
  };
}

/** Past this many diagnostics a document publishes the most severe ones and a summary: 36,000 of them are 37 MB of JSON per keystroke, and no one reads past the first screens. */
export const MAX_PUBLISHED_DIAGNOSTICS = 500;
export const DIAGNOSTICS_CAPPED_CODE = 'diagnostics-capped';

/**
 * What the server publishes for a document: every diagnostic up to `max`;
 * past it the `max` most severe (errors, then warnings, information, hints;
 * within one severity, the first in the document), in document order, and one
 * summary diagnostic at the top of the file saying how many were left out. The
 * CLI reports all of them.
 */
export function capDiagnostics(diagnostics: Diagnostic[], locale: Locale, max = MAX_PUBLISHED_DIAGNOSTICS): Diagnostic[] {
  if (diagnostics.length <= max) return diagnostics;
  const rank = (d: Diagnostic): number => d.severity ?? DiagnosticSeverity.Error;
  const order = diagnostics.map((_, i) => i);
  // Stable: within a severity, the original (document) order decides.
  order.sort((a, b) => rank(diagnostics[a]!) - rank(diagnostics[b]!) || a - b);
  const kept = order.slice(0, max).sort((a, b) => a - b);
  const left = diagnostics.length - max;
  const counts = { errors: 0, warnings: 0, others: 0 };
  for (const i of order.slice(max)) {
    const severity = rank(diagnostics[i]!);
    if (severity === DiagnosticSeverity.Error) counts.errors++;
    else if (severity === DiagnosticSeverity.Warning) counts.warnings++;
    else counts.others++;
  }
  const summary: Diagnostic = {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Warning,
    code: DIAGNOSTICS_CAPPED_CODE,
    source: 'casebook',
    message: pick(
      {
        zh: `此文件共有 ${diagnostics.length} 条问题，编辑器只显示最严重的 ${max} 条；其余 ${left} 条（错误 ${counts.errors}、警告 ${counts.warnings}、其他 ${counts.others}）未显示。运行 \`casebook check\` 查看全部。`,
        en: `This file has ${diagnostics.length} problems; the editor shows the ${max} most severe, and ${left} more (${counts.errors} errors, ${counts.warnings} warnings, ${counts.others} others) are left out. Run \`casebook check\` to see them all.`,
      },
      locale,
    ),
  };
  return [summary, ...kept.map((i) => diagnostics[i]!)];
}
