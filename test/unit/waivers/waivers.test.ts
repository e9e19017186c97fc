import * as assert from 'node:assert/strict';

import { analyzeProposal } from '../../../server/src/service/analyze';
import { buildModel } from '../../../server/src/service/model';
import type { AnalysisSettings, RawFinding } from '../../../server/src/service/types';
import { WAIVER_RULES, applyWaivers, parseWaivers } from '../../../server/src/service/waivers';
import { parseYamlTree } from '../../../server/src/service/yamlTree';
import { nodeAtPath, type JsonPath } from '../../../server/src/service/yamlNodes';
import { realLibrary } from '../../fixtures/library';

/** A fake rule set: the waiver engine only needs ids. */
const KNOWN = new Set(['tier-rule', 'db-rule', ...WAIVER_RULES.map((r) => r.id)]);
const SETTINGS: AnalysisSettings = { locale: 'en', rules: {}, today: '2026-01-15' };

function proposal(systemLines: string): string {
  return `casebook: proposal/v1
name: 测试
systems:
  - id: core
${systemLines}`;
}

/** Runs the waivers over fake findings placed on the values at the given paths. */
function run(text: string, at: { rule: string; path: JsonPath }[], settings: AnalysisSettings = SETTINGS) {
  const model = buildModel(parseYamlTree(text));
  const raw: RawFinding[] = at.map(({ rule, path }) => {
    const node = nodeAtPath(model.tree.root, path);
    assert.ok(node, `no node at ${path.join('.')}`);
    return { rule, path, range: node.range, message: { zh: '问题', en: 'problem' } };
  });
  const out = applyWaivers(model, raw, settings, { knownRules: KNOWN });
  const byRule = (rule: string) => out.filter((o) => o.finding.rule === rule);
  return { out, byRule, model };
}

const TIER = { rule: 'tier-rule', path: ['systems', 0, 'tier'] };
const DB = { rule: 'db-rule', path: ['systems', 0, 'database', 'engine'] };

describe('waivers', () => {
  it('a waiver at the end of the line suppresses and carries the reason', () => {
    const { byRule } = run(proposal('    tier: 1 # casebook-ignore tier-rule: 同城已有灾备，异地在二期建设\n'), [TIER]);
    const [tier] = byRule('tier-rule');
    assert.equal(tier!.suppression?.reason, '同城已有灾备，异地在二期建设');
    assert.deepEqual(tier!.suppression?.range.start, { line: 4, character: 12 });
    assert.equal(byRule('waiver-unused').length, 0);
  });

  it('a waiver on the line before suppresses; blank and comment lines between are skipped', () => {
    const text = proposal('    # casebook-ignore tier-rule: accepted by the review board\n    # another note\n\n    tier: 1\n');
    const { byRule } = run(text, [TIER]);
    assert.equal(byRule('tier-rule')[0]!.suppression?.reason, 'accepted by the review board');
  });

  it('does not reach past the next YAML line', () => {
    const text = proposal('    # casebook-ignore tier-rule: reason\n    name: 核心\n    tier: 1\n');
    const { byRule } = run(text, [TIER]);
    assert.equal(byRule('tier-rule')[0]!.suppression, undefined);
    assert.equal(byRule('waiver-unused').length, 1);
  });

  it('only suppresses the rules it names', () => {
    const { byRule } = run(proposal('    tier: 1 # casebook-ignore db-rule: reason\n'), [TIER]);
    assert.equal(byRule('tier-rule')[0]!.suppression, undefined);
    assert.equal(byRule('waiver-unused').length, 1, 'db-rule waived nothing on that line');
  });

  it('waives several comma-separated rules (ASCII and full-width commas)', () => {
    const text = proposal(
      '    # casebook-ignore tier-rule，db-rule , tier-rule: 一期范围\n    tier: 1\n    database: { engine: oracle }\n',
    );
    const model = buildModel(parseYamlTree(text));
    assert.deepEqual(
      parseWaivers(model)[0]!.rules.map((r) => r.id),
      ['tier-rule', 'db-rule', 'tier-rule'],
    );
    const both = proposal('    tier: 1 # casebook-ignore tier-rule, db-rule: 一期范围\n');
    const tierOnLine = { rule: 'db-rule', path: ['systems', 0, 'tier'] };
    const { out } = run(both, [TIER, tierOnLine]);
    assert.ok(out.filter((o) => !o.finding.rule.startsWith('waiver-')).every((o) => o.suppression?.reason === '一期范围'));
    assert.equal(out.length, 2);
  });

  it('reads owner and expiry in both spellings, ASCII or full-width', () => {
    for (const trailer of [
      '(owner: 张三, until 2027-06-30)',
      '(owner: 张三, until: 2027-06-30)',
      '（owner：张三，until：2027-06-30）',
      '(until 2027-06-30, owner: 张三)',
    ]) {
      const { byRule } = run(proposal(`    tier: 1 # casebook-ignore tier-rule: 二期整改 ${trailer}\n`), [TIER]);
      const s = byRule('tier-rule')[0]!.suppression;
      assert.deepEqual(
        { reason: s?.reason, owner: s?.owner, until: s?.until },
        { reason: '二期整改', owner: '张三', until: '2027-06-30' },
        trailer,
      );
    }
  });

  it('reads a trailer padded with a long run of spaces in one pass (a backtracking pattern took 33 s on 160,000)', () => {
    const pad = ' '.repeat(200_000);
    const { byRule } = run(
      proposal(`    tier: 1 # casebook-ignore tier-rule: 二期整改 (owner:${pad}张三${pad}, until${pad}2027-06-30${pad})\n`),
      [TIER],
    );
    const s = byRule('tier-rule')[0]!.suppression;
    assert.deepEqual({ owner: s?.owner, until: s?.until }, { owner: '张三', until: '2027-06-30' });
  });

  it('a reason with a colon or parentheses that are not a trailer stays whole', () => {
    const { byRule } = run(proposal('    tier: 1 # casebook-ignore tier-rule: 见评审纪要: 第 3 条 (二期)\n'), [TIER]);
    assert.equal(byRule('tier-rule')[0]!.suppression?.reason, '见评审纪要: 第 3 条 (二期)');
  });

  it('a waiver without a reason is a finding and suppresses nothing', () => {
    for (const comment of ['# casebook-ignore tier-rule', '# casebook-ignore tier-rule:', '# casebook-ignore tier-rule:   (owner: 张三)']) {
      const { byRule } = run(proposal(`    tier: 1 ${comment}\n`), [TIER]);
      assert.equal(byRule('tier-rule')[0]!.suppression, undefined, comment);
      const [missing] = byRule('waiver-missing-reason');
      assert.ok(missing, comment);
      assert.equal(missing.finding.range.start.line, 4);
      assert.match(missing.finding.message.zh, /缺少理由/);
      assert.match(missing.finding.message.en, /no reason/);
      assert.equal(byRule('waiver-unused').length, 0, 'already reported as missing a reason');
    }
  });

  it('an expired waiver stops suppressing and is reported on its date', () => {
    const text = proposal('    tier: 1 # casebook-ignore tier-rule: 临时 (owner: 李四, until 2025-12-31)\n');
    const { byRule } = run(text, [TIER]);
    assert.equal(byRule('tier-rule')[0]!.suppression, undefined);
    const [expired] = byRule('waiver-expired');
    assert.ok(expired);
    const line = text.split('\n')[4]!;
    assert.equal(line.slice(expired.finding.range.start.character, expired.finding.range.end.character), '2025-12-31');
    assert.match(expired.finding.message.en, /李四/);
  });

  it('a waiver holds through its until date', () => {
    const text = proposal('    tier: 1 # casebook-ignore tier-rule: 临时 (until 2026-01-15)\n');
    assert.ok(run(text, [TIER]).byRule('tier-rule')[0]!.suppression);
    assert.equal(run(text, [TIER], { ...SETTINGS, today: '2026-01-16' }).byRule('tier-rule')[0]!.suppression, undefined);
  });

  it('an impossible date is malformed and does not suppress', () => {
    const { byRule } = run(proposal('    tier: 1 # casebook-ignore tier-rule: 临时 (until 2026-02-30)\n'), [TIER]);
    assert.equal(byRule('tier-rule')[0]!.suppression, undefined);
    assert.equal(byRule('waiver-malformed').length, 1);
  });

  it('an unknown rule is located on its id; the known ids of the same waiver still apply', () => {
    const text = proposal('    tier: 1 # casebook-ignore tier-rul, tier-rule: 理由\n');
    const { byRule } = run(text, [TIER]);
    const [unknown] = byRule('waiver-unknown-rule');
    assert.ok(unknown);
    const line = text.split('\n')[4]!;
    assert.equal(line.slice(unknown.finding.range.start.character, unknown.finding.range.end.character), 'tier-rul');
    assert.deepEqual(unknown.finding.path, ['systems', 0, 'tier']);
    assert.ok(byRule('tier-rule')[0]!.suppression);
    assert.equal(byRule('waiver-unused').length, 0, 'an unknown rule is not also reported unused');
  });

  it('reports an unused waiver as a hint-level finding on the rule id', () => {
    const text = proposal('    tier: 1 # casebook-ignore tier-rule: 理由\n');
    const { byRule } = run(text, []);
    const [unused] = byRule('waiver-unused');
    assert.ok(unused);
    assert.equal(text.split('\n')[4]!.slice(unused.finding.range.start.character, unused.finding.range.end.character), 'tier-rule');
    assert.equal(WAIVER_RULES.find((r) => r.id === 'waiver-unused')!.defaultSeverity, 'hint');
  });

  it('a waiver of a rule switched off in settings is not unused', () => {
    const { byRule } = run(proposal('    tier: 1 # casebook-ignore tier-rule: 理由\n'), [], { ...SETTINGS, rules: { 'tier-rule': 'off' } });
    assert.equal(byRule('waiver-unused').length, 0);
  });

  it('ignores comments that only mention casebook-ignore, and `#` inside values', () => {
    const text = proposal('    name: "核心 # casebook-ignore tier-rule: 不是注释"\n    tier: 1 # see casebook-ignore docs\n');
    const { out } = run(text, [TIER]);
    assert.equal(out.length, 1);
    assert.equal(out[0]!.suppression, undefined);
  });

  it('a waiver naming no rule, or a reason without a colon, is malformed and suppresses nothing', () => {
    for (const comment of ['# casebook-ignore', '# casebook-ignore: 理由', '# casebook-ignore tier-rule 因为二期']) {
      const { byRule } = run(proposal(`    tier: 1 ${comment}\n`), [TIER]);
      assert.equal(byRule('waiver-malformed').length, 1, comment);
      assert.equal(byRule('tier-rule')[0]!.suppression, undefined, comment);
    }
  });

  it('never waives findings about waivers', () => {
    const model = buildModel(parseYamlTree(proposal('    tier: 1 # casebook-ignore waiver-unused: 理由\n')));
    const raw: RawFinding[] = [
      { rule: 'waiver-unused', path: [], range: nodeAtPath(model.tree.root, TIER.path)!.range, message: { zh: '', en: '' } },
    ];
    const out = applyWaivers(model, raw, SETTINGS, { knownRules: KNOWN });
    assert.equal(out.find((o) => o.finding === raw[0])!.suppression, undefined);
  });

  it('every waiver rule has bilingual titles and descriptions', () => {
    for (const rule of WAIVER_RULES) {
      assert.ok(rule.title.zh && rule.title.en && rule.description.zh && rule.description.en, rule.id);
      assert.match(rule.title.zh, /[\u4e00-\u9fff]/, rule.id);
    }
  });

  it('leaves findings untouched when the file has no waivers', () => {
    const { out } = run(proposal('    tier: 1\n'), [TIER, DB].slice(0, 1));
    assert.equal(out.length, 1);
    assert.equal(out[0]!.suppression, undefined);
  });
});

describe('waivers with the real engine', () => {
  const library = realLibrary();
  const analyze = (text: string, today = '2026-01-15') =>
    analyzeProposal(buildModel(parseYamlTree(text)), library, { locale: 'zh-CN', rules: {}, today }).findings;
  const ONE_CITY = (tierLine: string) => `casebook: proposal/v1
name: 单城核心
industry: rural-credit
sites:
  - { id: a, city: 成都, role: primary }
  - { id: b, city: 成都, role: hot-standby }
systems:
  - id: core
    name: 核心
${tierLine}
    rto: 30m
    rpo: 0
    sites: [a, b]
`;

  it('suppresses a real rule, keeps the finding with its reason, and reports nothing about the waiver', () => {
    const findings = analyze(
      ONE_CITY('    tier: 1 # casebook-ignore tier1-two-regions-three-dcs: 异地中心二期建设 (owner: 张三, until 2027-06-30)'),
    );
    const tier1 = findings.find((f) => f.rule === 'tier1-two-regions-three-dcs');
    assert.ok(tier1?.suppressed);
    assert.deepEqual(
      { ...tier1.suppression, range: undefined },
      { reason: '异地中心二期建设', owner: '张三', until: '2027-06-30', range: undefined },
    );
    assert.ok(!findings.some((f) => f.rule.startsWith('waiver-')));
  });

  it('an expired waiver lets the real finding through, with a Chinese waiver-expired note', () => {
    const findings = analyze(ONE_CITY('    tier: 1 # casebook-ignore tier1-two-regions-three-dcs: 临时 (until 2025-12-31)'));
    assert.equal(findings.find((f) => f.rule === 'tier1-two-regions-three-dcs')?.suppressed, false);
    const expired = findings.find((f) => f.rule === 'waiver-expired');
    assert.equal(expired?.severity, 'info');
    assert.match(expired.message, /已于 2025-12-31 到期/);
  });

  it('knows every rule of the engine: a real id is never "unknown", a typo is', () => {
    const findings = analyze(ONE_CITY('    tier: 1 # casebook-ignore tier1-two-region-three-dcs, security-zones-incomplete: 理由'));
    const unknown = findings.filter((f) => f.rule === 'waiver-unknown-rule');
    assert.equal(unknown.length, 1);
    assert.match(unknown[0]!.message, /tier1-two-region-three-dcs/);
    assert.equal(unknown[0]!.severity, 'warning');
  });
});
