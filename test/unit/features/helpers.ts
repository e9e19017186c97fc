import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range, TextEdit } from 'vscode-languageserver-types';
import { getLanguageService, type LanguageService, type LanguageServiceOptions } from '../../../server/src/service/languageService';
import type { Locale } from '../../../server/src/service/locale';
import type { AnalysisSettings, CaseLibrary } from '../../../server/src/service/types';
import { testLibrary } from '../../fixtures/library';

export const FIXTURES = path.join(__dirname, '../../fixtures/features');

export function fixture(name: string): string {
  return fs.readFileSync(path.join(FIXTURES, name), 'utf8');
}

/** Strips the `|` cursor marker from a test text and returns the text and the position it marked. */
export function withCursor(marked: string): { text: string; position: Position } {
  const offset = marked.indexOf('|');
  if (offset < 0) throw new Error('no | cursor marker in the test text');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const before = text.slice(0, offset).split('\n');
  return { text, position: { line: before.length - 1, character: before[before.length - 1]!.length } };
}

let counter = 0;
export function doc(text: string, uri = `file:///test/p${++counter}.arch.yaml`, version = 1): TextDocument {
  return TextDocument.create(uri, 'yaml', version, text);
}

export function settings(locale: Locale = 'en', rules: AnalysisSettings['rules'] = {}): AnalysisSettings {
  return { locale, rules, today: '2025-01-01' };
}

/** A service over the test library that fails the test on any swallowed exception. */
export function service(options: Partial<LanguageServiceOptions> & { lib?: CaseLibrary } = {}): LanguageService {
  const library = options.lib ?? testLibrary();
  return getLanguageService({
    library: () => library,
    onError: (feature, error) => {
      throw new Error(`${feature} threw: ${error instanceof Error ? error.stack : String(error)}`);
    },
    ...options,
  });
}

/** Applies text edits (non-overlapping) to a text. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const document = TextDocument.create('file:///x', 'yaml', 1, text);
  return TextDocument.applyEdits(document, edits);
}

export function rangeText(text: string, range: Range): string {
  return TextDocument.create('file:///x', 'yaml', 1, text).getText(range);
}
