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
