/** Shared by the rule tests: run rules on text, locate needles, apply fixes. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-types';
import { buildModel, type ProposalModel } from '../../../server/src/service/model';
import type { CasebookRule } from '../../../server/src/service/rules';
import type { CaseLibrary, RawFinding, RuleFix } from '../../../server/src/service/types';
import { parseYamlTree } from '../../../server/src/service/yamlTree';
import { fixtureLibrary } from '../../fixtures/library';

export const library: CaseLibrary = fixtureLibrary();
export const FIXTURES = path.resolve(__dirname, '../../fixtures/proposals');

export function modelOf(text: string): ProposalModel {
  return buildModel(parseYamlTree(text));
}

export function run(rule: CasebookRule, text: string, lib: CaseLibrary = library): RawFinding[] {
  return rule.check({ model: modelOf(text), library: lib });
}

export function fixture(name: string): string {
  return fs.readFileSync(path.join(FIXTURES, name), 'utf8');
}

/** The range of the `occurrence`-th (0-based) match of `needle` in `text`; fails when absent. */
export function rangeOf(text: string, needle: string, occurrence = 0): Range {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    assert.notEqual(at, -1, `"${needle}" (#${occurrence}) not in the text`);
  }
  const doc = TextDocument.create('file:///t.arch.yaml', 'yaml', 1, text);
  return { start: doc.positionAt(at), end: doc.positionAt(at + needle.length) };
}

export function applyFix(text: string, fix: RuleFix): string {
  return TextDocument.applyEdits(TextDocument.create('file:///t.arch.yaml', 'yaml', 1, text), fix.edits);
}

/**
 * The finding's fixes each give valid YAML on which the rule no longer
 * reports that node. Returns the fixed texts for further checks.
 */
export function assertFixesWork(rule: CasebookRule, text: string, found: RawFinding): string[] {
  assert.ok(found.fixes && found.fixes.length > 0, `${rule.id}: expected a quick fix`);
  return found.fixes.map((fix) => {
    assert.ok(fix.title.zh && fix.title.en, `${rule.id}: the fix title is bilingual`);
    const fixed = applyFix(text, fix);
    const tree = parseYamlTree(fixed);
    assert.deepEqual(tree.problems, [], `${rule.id}: "${fix.title.en}" gives invalid YAML:\n${fixed}`);
    const after = rule.check({ model: buildModel(tree), library });
    assert.ok(
      !after.some((f) => JSON.stringify(f.path) === JSON.stringify(found.path)),
      `${rule.id}: "${fix.title.en}" leaves the finding at ${JSON.stringify(found.path)}:\n${fixed}`,
    );
    return fixed;
  });
}

/** Both languages name the customer and quote the figure, straight from the library. */
export function assertQuotes(found: RawFinding, caseId: string, outcomeId: string, lib: CaseLibrary = library): void {
  const record = lib.cases.get(caseId);
  assert.ok(record, `no case ${caseId}`);
  const outcome = record.outcomes.find((o) => o.id === outcomeId);
  assert.ok(outcome, `no outcome ${caseId}/${outcomeId}`);
  for (const lang of ['zh', 'en'] as const) {
    assert.ok(
      found.message[lang].includes(record.customer[lang]),
      `${found.rule} (${lang}) names ${record.customer[lang]}: ${found.message[lang]}`,
    );
    assert.ok(
      found.message[lang].includes(outcome.value[lang]),
      `${found.rule} (${lang}) quotes "${outcome.value[lang]}": ${found.message[lang]}`,
    );
  }
}

/** Exactly one finding, with the rule's id. */
export function single(rule: CasebookRule, findings: RawFinding[]): RawFinding {
  assert.equal(findings.length, 1, `${rule.id}: expected one finding, got ${JSON.stringify(findings.map((f) => f.path))}`);
  assert.equal(findings[0]!.rule, rule.id);
  return findings[0]!;
}

/** A proposal around some systems: two Chengdu sites, one cold Chongqing site. */
export function proposal(systems: string, extra = ''): string {
  return `casebook: proposal/v1
name: 测试方案
industry: rural-credit
compliance:
  mlps: 3
sites:
  - id: cd-1
    city: 成都
    role: primary
  - id: cd-2
    city: 成都
    role: active
  - id: cq-1
    city: 重庆
    role: cold-standby
zones: [dev-test, dmz, intranet]
${extra}systems:
${systems}`;
}
