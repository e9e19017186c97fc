import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Range, TextEdit } from 'vscode-languageserver-types';
import { LineIndex } from '../../../server/src/service/lineIndex';
import { buildModel } from '../../../server/src/service/model';
import type { RawFinding } from '../../../server/src/service/types';
import { validate } from '../../../server/src/service/validation';
import { parseYamlTree } from '../../../server/src/service/yamlTree';

export const FIXTURES = path.join(__dirname, '../../fixtures/validation');

export function fixture(name: string): string {
  return fs.readFileSync(path.join(FIXTURES, name), 'utf8');
}

export function check(text: string): RawFinding[] {
  return validate(buildModel(parseYamlTree(text)));
}

/**
 * Strips the `⟦` `⟧` marks from a test text and returns the text and the range
 * they enclosed: `    ⟦tire⟧: 1` marks the key.
 */
export function marked(text: string): { text: string; range: Range } {
  const open = text.indexOf('⟦');
  const close = text.indexOf('⟧');
  assert.ok(open >= 0 && close > open, 'the test text marks a range with ⟦ ⟧');
  const clean = text.slice(0, open) + text.slice(open + 1, close) + text.slice(close + 1);
  const index = new LineIndex(clean);
  return { text: clean, range: index.rangeOf(open, close - 1) };
}

/** The one finding of a rule in a marked text, asserting it sits exactly on the mark. */
export function findingAtMark(markedText: string, rule: string): { finding: RawFinding; text: string; all: RawFinding[] } {
  const { text, range } = marked(markedText);
  const all = check(text);
  const ofRule = all.filter((f) => f.rule === rule);
  assert.equal(ofRule.length, 1, `one ${rule} finding expected, got: ${JSON.stringify(all.map((f) => [f.rule, f.message.en]))}`);
  const finding = ofRule[0]!;
  assert.deepEqual(finding.range, range, `range of ${rule}`);
  return { finding, text, all };
}

export function applyEdits(text: string, edits: TextEdit[]): string {
  const index = new LineIndex(text);
  const sorted = [...edits].sort((a, b) => index.offsetAt(b.range.start) - index.offsetAt(a.range.start));
  let out = text;
  for (const edit of sorted)
    out = out.slice(0, index.offsetAt(edit.range.start)) + edit.newText + out.slice(index.offsetAt(edit.range.end));
  return out;
}

/** Asserts both languages' messages contain every given fragment, and the zh one is Chinese. */
export function assertMessage(finding: RawFinding, fragments: string[]): void {
  for (const fragment of fragments) {
    assert.ok(finding.message.en.includes(fragment), `en message "${finding.message.en}" mentions ${fragment}`);
    assert.ok(finding.message.zh.includes(fragment), `zh message "${finding.message.zh}" mentions ${fragment}`);
  }
  assert.match(finding.message.zh, /[\u4e00-\u9fff]/, 'the zh message is written in Chinese');
  assert.notEqual(finding.message.zh, finding.message.en);
}
