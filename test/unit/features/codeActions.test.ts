import * as assert from 'node:assert/strict';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { parseWaivers } from '../../../server/src/service/waivers';
import { applyEdits, doc, fixture, service, settings } from './helpers';
import { realLibrary } from '../../fixtures/library';

const TEXT = fixture('findings.arch.yaml');
const ls = service({ lib: realLibrary() });

function actionsFor(text: string, rule: string, locale: 'en' | 'zh-CN' = 'en'): { diagnostic: Diagnostic; actions: CodeAction[] } {
  const document = doc(text);
  const diagnostic = ls.doValidation(document, settings(locale)).find((d) => d.code === rule);
  assert.ok(diagnostic, `no ${rule}`);
  return { diagnostic, actions: ls.getCodeActions(document, diagnostic.range, { diagnostics: [diagnostic] }, settings(locale)) };
}

function edited(text: string, action: CodeAction): string {
  const changes = action.edit?.changes;
  assert.ok(changes);
  const edits = Object.values(changes)[0] as TextEdit[];
  return applyEdits(text, edits);
}

describe('features/codeActions', () => {
  it('offers the rule’s fix as the preferred quick fix, and applying it clears the finding', () => {
    const { diagnostic, actions } = actionsFor(TEXT, 'high-availability-cold-standby', 'zh-CN');
    const fix = actions[0]!;
    assert.equal(fix.kind, 'quickfix');
    assert.equal(fix.isPreferred, true);
    assert.equal(fix.title, '将 cq-1 改为热备（hot-standby）');
    assert.deepEqual(fix.diagnostics, [diagnostic]);
    const after = edited(TEXT, fix);
    assert.match(after, /id: cq-1\n    city: 重庆\n    role: hot-standby/);
    assert.ok(!ls.doValidation(doc(after), settings()).some((d) => d.code === 'high-availability-cold-standby'));
  });

  it('fixes every finding that carries fixes (each re-check loses that finding)', () => {
    const document = doc(TEXT);
    const diagnostics = ls.doValidation(document, settings());
    const findings = ls.analyze(document, settings()).findings.filter((f) => !f.suppressed);
    const withFixes = diagnostics.filter((_, i) => findings[i]!.fixes.length > 0);
    assert.ok(withFixes.length >= 2);
    for (const diagnostic of withFixes) {
      const actions = ls.getCodeActions(doc(TEXT), diagnostic.range, { diagnostics: [diagnostic] }, settings());
      const after = edited(
        TEXT,
        actions.find((a) => a.isPreferred)!,
      );
      const again = ls.doValidation(doc(after), settings());
      assert.ok(
        !again.some((d) => d.code === diagnostic.code && d.range.start.line === diagnostic.range.start.line),
        `${diagnostic.code} still reported`,
      );
    }
  });

  it('offers no fix that would rewrite a field merged in from an anchor: every system sharing it would change', () => {
    const text = `casebook: proposal/v1
sites:
  - { id: a, city: 成都, role: primary }
  - { id: b, city: 成都, role: hot-standby }
x-defaults: &defaults
  tier: 2
  release: downtime
systems:
  - id: one
    <<: *defaults
    sites: [a, b]
  - id: two
    <<: *defaults
    sites: [a, b]
  - id: three
    tier: 2
    release: downtime
    sites: [a, b]
`;
    const document = doc(text);
    const findings = ls.analyze(document, settings()).findings.filter((f) => f.rule === 'downtime-release');
    assert.deepEqual(
      findings.map((f) => [f.path[1], f.fixes.length]),
      [
        [0, 0],
        [1, 0],
        [2, 1],
      ],
      'the merged ones keep their finding, without the fix; the system’s own field keeps its fix',
    );
    const own = ls.doValidation(document, settings()).find((d) => d.code === 'downtime-release' && d.range.start.line === 16)!;
    const actions = ls.getCodeActions(document, own.range, { diagnostics: [own] }, settings());
    assert.match(
      edited(
        text,
        actions.find((a) => a.isPreferred)!,
      ),
      /id: three\n    tier: 2\n    release: gray/,
    );
  });

  it('inserts a waiver with a reason to fill in, on the line before, indented like it', () => {
    const { actions } = actionsFor(TEXT, 'tier1-two-regions-three-dcs', 'zh-CN');
    const waive = actions.find((a) => a.title.startsWith('豁免'))!;
    assert.equal(waive.title, '豁免 tier1-two-regions-three-dcs（需写明理由）');
    const after = edited(TEXT, waive);
    const lines = after.split('\n');
    assert.equal(lines[22], '    # casebook-ignore tier1-two-regions-three-dcs: 请说明原因');
    assert.equal(lines[23], '    tier: 1');
    const waiver = parseWaivers(ls.parse(doc(after)).model).find((w) => w.rules[0]?.id === 'tier1-two-regions-three-dcs')!;
    assert.equal(waiver.targetLine, 23, 'the waiver covers the finding’s line');
    // Until the placeholder is replaced, nothing is waived and the waiver asks for its reason.
    const pending = ls.doValidation(doc(after), settings());
    assert.ok(pending.some((d) => d.code === 'tier1-two-regions-three-dcs'));
    assert.equal(pending.find((d) => d.code === 'waiver-missing-reason')?.range.start.line, 22);
    const reasoned = after.replace('请说明原因', '试点系统，2026 年迁入两地三中心');
    const waived = ls.doValidation(doc(reasoned), settings());
    assert.ok(!waived.some((d) => d.code === 'tier1-two-regions-three-dcs' || d.code === 'waiver-missing-reason'));
    const en = actionsFor(TEXT, 'tier1-two-regions-three-dcs', 'en').actions.find((a) => a.title.startsWith('Waive'))!;
    assert.match(edited(TEXT, en), /    # casebook-ignore tier1-two-regions-three-dcs: explain why\n    tier: 1/);
  });

  it('offers to open each cited case, once per case', () => {
    const { actions } = actionsFor(TEXT, 'tier1-two-regions-three-dcs', 'zh-CN');
    const open = actions.filter((a) => a.command?.command === 'casebook.openCase');
    assert.deepEqual(
      open.map((a) => [a.title, a.command!.arguments]),
      [
        ['打开案例：天弘基金', ['tianhong-fund']],
        ['打开案例：浙江农信', ['zhejiang-rcu']],
        ['打开案例：网商银行', ['mybank']],
      ],
    );
  });

  it('filters by `only`, and works from the findings when the client sends no diagnostics', () => {
    const { diagnostic } = actionsFor(TEXT, 'high-availability-cold-standby');
    const onlyFixes = ls.getCodeActions(
      doc(TEXT),
      diagnostic.range,
      { diagnostics: [diagnostic], only: ['quickfix.casebook.openCase'] },
      settings(),
    );
    assert.ok(onlyFixes.length > 0 && onlyFixes.every((a) => a.command?.command === 'casebook.openCase'));
    const fromRange = ls.getCodeActions(doc(TEXT), diagnostic.range, { diagnostics: [] }, settings());
    assert.ok(fromRange.some((a) => a.title === 'Make cq-1 a hot standby'));
    const nothing = ls.getCodeActions(
      doc(TEXT),
      { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      { diagnostics: [] },
      settings(),
    );
    assert.deepEqual(nothing, []);
  });

  it('does not offer to waive a finding about a waiver', () => {
    const text = TEXT.replace('name: 核心账务', 'name: 核心账务 # casebook-ignore tier1-two-regions-three-dcs:');
    const { actions } = actionsFor(text, 'waiver-missing-reason');
    assert.ok(!actions.some((a) => a.title.startsWith('Waive')));
  });
});

describe('features/codeActions: finding lookup from the lean diagnostic data', () => {
  const uri = 'file:///test/lookup.arch.yaml';
  const rule = 'high-availability-cold-standby';
  const published = (text: string, version: number) => ls.doValidation(doc(text, uri, version), settings()).find((d) => d.code === rule)!;
  const fixTitles = (actions: CodeAction[]) => actions.filter((a) => a.edit && !a.title.startsWith('Waive')).map((a) => a.title);

  it('finds the fix through data of the same version, even when the index points elsewhere', () => {
    const diagnostic = published(TEXT, 1);
    const tampered: Diagnostic = { ...diagnostic, data: { rule, version: 1, index: 0 } };
    for (const sent of [diagnostic, tampered]) {
      const actions = ls.getCodeActions(doc(TEXT, uri, 1), sent.range, { diagnostics: [sent] }, settings());
      assert.deepEqual(fixTitles(actions), ['Make cq-1 a hot standby']);
    }
  });

  it('after an edit elsewhere, a diagnostic of the older version still finds its fix by rule and range', () => {
    const diagnostic = published(TEXT, 1);
    const edited = TEXT.replace('name: 网贷', 'name: 网贷平台'); // below the finding: its range is unchanged
    const actions = ls.getCodeActions(doc(edited, uri, 2), diagnostic.range, { diagnostics: [diagnostic] }, settings());
    const fix = actions.find((a) => a.isPreferred)!;
    assert.equal(fix.title, 'Make cq-1 a hot standby');
    assert.match(applyEdits(edited, Object.values(fix.edit!.changes!)[0]!), /role: hot-standby\nsystems:/);
  });

  it('when the finding moved, offers no fix for the old text, but still the waiver and the cases', () => {
    const diagnostic = published(TEXT, 1);
    const shifted = TEXT.replace('sites:\n', '# 站点\nsites:\n'); // one line above: the finding is now a line lower
    const actions = ls.getCodeActions(doc(shifted, uri, 2), diagnostic.range, { diagnostics: [diagnostic] }, settings());
    assert.ok(!actions.some((a) => a.isPreferred), 'no edit computed for another version of the text');
    assert.ok(actions.some((a) => a.title === `Waive ${rule} (with a reason)`));
    assert.ok(actions.some((a) => a.command?.command === 'casebook.openCase'));
  });

  it('ignores Casebook diagnostics of no known rule (e.g. a refused document)', () => {
    const foreign: Diagnostic = {
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } },
      message: 'too large',
      source: 'casebook',
      code: 'document-too-large',
    };
    assert.deepEqual(ls.getCodeActions(doc(TEXT, uri, 3), foreign.range, { diagnostics: [foreign] }, settings()), []);
  });
});
