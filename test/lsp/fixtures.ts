/** Fixture paths and small helpers shared by the LSP tests. */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { ROOT, fileUri } from './harness';

export const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'lsp');
export const WORKSPACE = path.join(FIXTURES, 'workspace');
export const CORE_PATH = path.join(WORKSPACE, 'core.arch.yaml');
export const CORE_TEXT = readFileSync(CORE_PATH, 'utf8');

/** A uri in the fixture workspace that no test shares with another. */
let counter = 0;
export function freshUri(name = 'doc.arch.yaml'): string {
  return fileUri(path.join(WORKSPACE, `t${++counter}-${name}`));
}

export function rules(params: PublishDiagnosticsParams): string[] {
  return params.diagnostics.map((d) => String(d.code));
}

/** The range of the first occurrence of `needle` (after `after`, when given). */
export function rangeOf(text: string, needle: string, after = '') {
  const from = after ? text.indexOf(after) : 0;
  const offset = text.indexOf(needle, from);
  assert.ok(offset >= 0, `${needle} not in the text`);
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  const character = offset - (before.lastIndexOf('\n') + 1);
  return { start: { line, character }, end: { line, character: character + needle.length } };
}
