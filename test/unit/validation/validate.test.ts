import * as assert from 'node:assert/strict';
import { VALIDATION_RULES } from '../../../server/src/service/validation';
import { applyEdits, assertMessage, check, findingAtMark, fixture } from './helpers';

const SITES = `sites:
  - id: cd-1
    city: 成都
    role: primary
  - id: cd-2
    city: 成都
    role: active
`;

/** A valid proposal around one system body (indented four spaces). */
const withSystem = (body: string) => `casebook: proposal/v1\n${SITES}systems:\n  - id: core\n${body}`;

function fixOf(finding: { fixes?: { edits: { newText: string }[] }[] }): string | undefined {
  return finding.fixes?.[0]?.edits[0]?.newText;
}

describe('validation: a valid proposal', () => {
  it('gives no findings for the full example', () => {
    assert.deepEqual(check(fixture('full.arch.yaml')), []);
  });

  it('registers every rule id it reports, once', () => {
    const ids = VALIDATION_RULES.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const rule of VALIDATION_RULES) {
      assert.equal(rule.family, 'format');
      assert.ok(rule.title.zh && rule.title.en && rule.description.zh && rule.description.en, rule.id);
      assert.match(rule.id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
    }
  });
});

describe('validation: the document and the marker', () => {
  it('reports an empty file once, at 0:0, with a fix that writes the marker', () => {
    for (const text of ['', '\n\n', '# only a comment\n']) {
      const findings = check(text);
      assert.equal(findings.length, 1, JSON.stringify(findings));
      const [finding] = findings;
      assert.equal(finding!.rule, 'empty-proposal');
      assert.deepEqual(finding!.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
      assertMessage(finding!, ['casebook: proposal/v1']);
      assert.deepEqual(check(applyEdits(text, finding!.fixes![0]!.edits)), []);
    }
  });

  it('reports a missing marker on the first key, and the fix inserts it above', () => {
    const { finding, text } = findingAtMark(`# 方案\n⟦name⟧: x\n`, 'missing-marker');
    assert.deepEqual(finding.path, []);
    assertMessage(finding, ['casebook: proposal/v1']);
    const fixed = applyEdits(text, finding.fixes![0]!.edits);
    assert.equal(fixed, '# 方案\ncasebook: proposal/v1\nname: x\n');
    assert.deepEqual(check(fixed), []);
  });

  it('reports a wrong marker version on the value', () => {
    const { finding, text } = findingAtMark(`casebook: ⟦proposal/v2⟧\n`, 'unsupported-marker');
    assert.deepEqual(finding.path, ['casebook']);
    assertMessage(finding, ['proposal/v2', 'casebook: proposal/v1']);
    assert.deepEqual(check(applyEdits(text, finding.fixes![0]!.edits)), []);
  });

  it('reports a file that is a list instead of a mapping', () => {
    const { finding } = findingAtMark(`⟦- a\n- b\n⟧`, 'wrong-type');
    assert.deepEqual(finding.path, []);
    assert.match(finding.message.en, /mapping/);
    assert.match(finding.message.zh, /映射/);
  });
});

describe('validation: YAML problems', () => {
  it('turns parser problems into findings with their codes as rule ids', () => {
    const duplicate = check('casebook: proposal/v1\nname: a\nname: b\n').filter((f) => f.rule === 'yaml-duplicate-key');
    assert.equal(duplicate.length, 1);
    assert.equal(duplicate[0]!.range.start.line, 2);
    const syntax = check('casebook: proposal/v1\nname: "unclosed\n').filter((f) => f.rule === 'yaml-syntax');
    assert.ok(syntax.length >= 1);
    assert.match(syntax[0]!.message.zh, /YAML 语法错误/);
    const documents = check('casebook: proposal/v1\n---\nname: b\n').filter((f) => f.rule === 'yaml-multiple-documents');
    assert.equal(documents.length, 1);
    assert.equal(documents[0]!.range.start.line, 1);
  });

  it('describes every parser code as a rule', () => {
    const ids = new Set(VALIDATION_RULES.map((r) => r.id));
    for (const code of [
      'yaml-syntax',
      'yaml-duplicate-key',
      'yaml-multiple-documents',
      'yaml-too-deep',
      'yaml-too-large',
      'yaml-bad-alias',
      'yaml-complex-key',
    ]) {
      assert.ok(ids.has(code), code);
    }
  });
});

describe('validation: unknown keys', () => {
  it('suggests `tier` for `tire`, on the key, with a fix', () => {
    const { finding, text } = findingAtMark(withSystem('    ⟦tire⟧: 1\n'), 'unknown-key');
    assert.deepEqual(finding.path, ['systems', 0, 'tire']);
    assertMessage(finding, ['tire', 'tier']);
    assert.equal(fixOf(finding), 'tier');
    assert.deepEqual(check(applyEdits(text, finding.fixes![0]!.edits)), []);
  });

  it('suggests `dependsOn` for `dependOn`', () => {
    const { finding } = findingAtMark(withSystem('    ⟦dependOn⟧: []\n'), 'unknown-key');
    assertMessage(finding, ['dependOn', 'dependsOn']);
    assert.equal(fixOf(finding), 'dependsOn');
  });

  it('suggests inside nested maps (`load.peaktps` → `peakTps`)', () => {
    const { finding } = findingAtMark(withSystem('    load:\n      ⟦peaktps⟧: 10\n'), 'unknown-key');
    assert.deepEqual(finding.path, ['systems', 0, 'load', 'peaktps']);
    assert.equal(fixOf(finding), 'peakTps');
  });

  it('names the existing key instead of offering a duplicate', () => {
    const { finding } = findingAtMark(withSystem('    tier: 1\n    ⟦tire⟧: 1\n'), 'unknown-key');
    assertMessage(finding, ['tire', 'tier']);
    assert.match(finding.message.en, /already set on line 11/);
    assert.deepEqual(finding.fixes, []);
  });

  it('lists the known keys when nothing is close', () => {
    const { finding } = findingAtMark(`casebook: proposal/v1\n⟦budget⟧: 100\n`, 'unknown-key');
    assertMessage(finding, ['budget', 'systems', 'industry']);
    assert.deepEqual(finding.fixes, []);
  });
});

describe('validation: types, ranges and enumerations', () => {
  it('reports `tier: "one"` as a wrong type and says the range', () => {
    const { finding } = findingAtMark(withSystem('    tier: ⟦"one"⟧\n'), 'wrong-type');
    assert.deepEqual(finding.path, ['systems', 0, 'tier']);
    assertMessage(finding, ['tier', '"one"', '1', '3']);
    assert.equal(finding.fixes, undefined);
  });

  it('offers to unquote `tier: "1"`', () => {
    const { finding, text } = findingAtMark(withSystem('    tier: ⟦"1"⟧\n'), 'wrong-type');
    assert.equal(fixOf(finding), '1');
    assert.deepEqual(check(applyEdits(text, finding.fixes![0]!.edits)), []);
  });

  it('reports `sites: cd-1` instead of a list, and offers `[cd-1]`', () => {
    const { finding, text } = findingAtMark(withSystem('    sites: ⟦cd-1⟧\n'), 'wrong-type');
    assert.deepEqual(finding.path, ['systems', 0, 'sites']);
    assertMessage(finding, ['sites', 'cd-1']);
    assert.match(finding.message.en, /a list/);
    assert.match(finding.message.zh, /列表/);
    assert.deepEqual(check(applyEdits(text, finding.fixes![0]!.edits)), []);
  });

  it('reports an empty value where text belongs', () => {
    const { finding } = findingAtMark(`casebook: proposal/v1\nsites:\n  - id: a\n    city:⟦⟧\n`, 'wrong-type');
    assert.deepEqual(finding.path, ['sites', 0, 'city']);
    assert.match(finding.message.en, /empty value/);
    assert.match(finding.message.zh, /空值/);
  });

  const ranges: [string, string, string[]][] = [
    ['    availability: ⟦0⟧\n', 'availability', ['(0, 100]', '0']],
    ['    availability: ⟦100.5⟧\n', 'availability', ['(0, 100]', '100.5']],
    ['    tier: ⟦4⟧\n', 'tier', ['1', '3', '4']],
    ['    load:\n      peakTps: ⟦-5⟧\n', 'peakTps', ['0', '-5']],
  ];
  for (const [body, field, fragments] of ranges) {
    it(`reports ${body.trim().replace(/[⟦⟧]/g, '')} as out of range, saying the range`, () => {
      const { finding } = findingAtMark(withSystem(body), 'value-out-of-range');
      assert.equal(finding.path[finding.path.length - 1], field);
      assertMessage(finding, [field, ...fragments]);
    });
  }

  it('reports `mlps: 6` as out of range 1..5', () => {
    const { finding } = findingAtMark(`casebook: proposal/v1\ncompliance:\n  mlps: ⟦6⟧\n`, 'value-out-of-range');
    assert.deepEqual(finding.path, ['compliance', 'mlps']);
    assertMessage(finding, ['mlps', '1', '5', '6']);
  });

  it('reports an enum value not allowed, with did-you-mean and a fix', () => {
    const { finding, text } = findingAtMark(
      `casebook: proposal/v1\nsites:\n  - id: a\n    city: 成都\n    role: ⟦primray⟧\n`,
      'unknown-value',
    );
    assert.deepEqual(finding.path, ['sites', 0, 'role']);
    assertMessage(finding, ['primray', 'primary', 'hot-standby', 'cold-standby']);
    assert.equal(fixOf(finding), 'primary');
    assert.deepEqual(check(applyEdits(text, finding.fixes![0]!.edits)), []);
  });

  it('reports an enum value inside a list', () => {
    const { finding } = findingAtMark(`casebook: proposal/v1\nzones: [dev-test, ⟦dnz⟧]\n`, 'unknown-value');
    assert.deepEqual(finding.path, ['zones', 1]);
    assertMessage(finding, ['dnz', 'dmz', 'intranet']);
    assert.equal(fixOf(finding), 'dmz');
  });

  it('accepts any text as a site platform but not a number', () => {
    assert.deepEqual(check(`casebook: proposal/v1\nsites:\n  - id: a\n    city: 成都\n    platform: 自建\n`), []);
    const { finding } = findingAtMark(`casebook: proposal/v1\nsites:\n  - id: a\n    city: 成都\n    platform: ⟦5⟧\n`, 'wrong-type');
    assertMessage(finding, ['platform', '5']);
  });
});

describe('validation: durations', () => {
  it('reports `rto: 2 hours`, says the accepted forms and fixes it to `2h`', () => {
    const { finding, text } = findingAtMark(withSystem('    rto: ⟦2 hours⟧\n'), 'invalid-duration');
    assert.deepEqual(finding.path, ['systems', 0, 'rto']);
    assertMessage(finding, ['rto', '2 hours', '30s', '5m', '2h', '1d']);
    assert.equal(fixOf(finding), '2h');
    assert.deepEqual(check(applyEdits(text, finding.fixes![0]!.edits)), []);
  });

  it('reports `rto: 90` as a number without a unit', () => {
    const { finding } = findingAtMark(withSystem('    rto: ⟦90⟧\n'), 'invalid-duration');
    assertMessage(finding, ['rto', '90s', '90m', '0']);
  });

  it('fixes Chinese units (`30分钟` → `30m`) and gives no fix for nonsense', () => {
    assert.equal(fixOf(findingAtMark(withSystem('    rpo: ⟦30分钟⟧\n'), 'invalid-duration').finding), '30m');
    const { finding } = findingAtMark(withSystem('    rpo: ⟦soon⟧\n'), 'invalid-duration');
    assert.equal(finding.fixes, undefined);
    assertMessage(finding, ['rpo', 'soon']);
  });

  it('accepts 0, "0" and every unit', () => {
    for (const value of ['0', '"0"', '30s', '5m', '2h', '1d', '1.5h'])
      assert.deepEqual(check(withSystem(`    rto: ${value}\n`)), [], value);
  });
});

describe('validation: ids and references', () => {
  it('reports an unknown site in a system, with did-you-mean and a fix', () => {
    const { finding, text } = findingAtMark(withSystem('    sites: [cd-1, ⟦cd-3⟧]\n'), 'unknown-site');
    assert.deepEqual(finding.path, ['systems', 0, 'sites', 1]);
    assertMessage(finding, ['cd-3', 'cd-2']);
    assert.equal(fixOf(finding), 'cd-2', 'suggests a site the system is not in yet');
    assert.deepEqual(check(applyEdits(text, finding.fixes![0]!.edits)), []);
  });

  it('reports unknown link ends', () => {
    const { finding } = findingAtMark(`casebook: proposal/v1\n${SITES}links:\n  - { from: cd-1, to: ⟦cq-1⟧ }\n`, 'unknown-site');
    assert.deepEqual(finding.path, ['links', 0, 'to']);
    assertMessage(finding, ['cq-1']);
  });

  it('reports an unknown system in dependsOn, with did-you-mean', () => {
    const text = `casebook: proposal/v1\nsystems:\n  - id: core\n    dependsOn:\n      - ⟦user-centre⟧\n  - id: user-center\n`;
    const { finding } = findingAtMark(text, 'unknown-system');
    assert.deepEqual(finding.path, ['systems', 0, 'dependsOn', 0]);
    assertMessage(finding, ['user-centre', 'user-center']);
    assert.equal(fixOf(finding), 'user-center');
  });

  it('reports a duplicate site id on the second one, naming the first line', () => {
    const text = `casebook: proposal/v1\nsites:\n  - id: a\n    city: 成都\n  - id: ⟦a⟧\n    city: 重庆\n`;
    const { finding } = findingAtMark(text, 'duplicate-id');
    assert.deepEqual(finding.path, ['sites', 1, 'id']);
    assertMessage(finding, ['`a`', '3']);
  });

  it('reports a duplicate system id', () => {
    const { finding } = findingAtMark(`casebook: proposal/v1\nsystems:\n  - id: core\n  - id: web\n  - id: ⟦core⟧\n`, 'duplicate-id');
    assert.deepEqual(finding.path, ['systems', 2, 'id']);
    assertMessage(finding, ['core', '3']);
  });

  it('reports a cycle on the dependsOn item that closes it, showing the cycle', () => {
    const text = `casebook: proposal/v1
systems:
  - id: a
    dependsOn: [b]
  - id: b
    dependsOn: [c]
  - id: c
    dependsOn: [⟦a⟧]
`;
    const { finding } = findingAtMark(text, 'dependency-cycle');
    assert.deepEqual(finding.path, ['systems', 2, 'dependsOn', 0]);
    assertMessage(finding, ['a → b → c → a']);
  });

  it('reports each cycle once, and none for a diamond', () => {
    const diamond = `casebook: proposal/v1\nsystems:\n  - { id: a, dependsOn: [b, c] }\n  - { id: b, dependsOn: [d] }\n  - { id: c, dependsOn: [d] }\n  - { id: d }\n`;
    assert.deepEqual(check(diamond), []);
    const twoCycles = `casebook: proposal/v1\nsystems:\n  - { id: a, dependsOn: [b] }\n  - { id: b, dependsOn: [a, c] }\n  - { id: c, dependsOn: [b] }\n`;
    const cycles = check(twoCycles)
      .filter((f) => f.rule === 'dependency-cycle')
      .map((f) => f.message.en);
    assert.equal(cycles.length, 2, JSON.stringify(cycles));
    assert.ok(cycles.some((m) => m.includes('a → b → a')));
    assert.ok(cycles.some((m) => m.includes('b → c → b')));
  });

  it('finds a cycle through a long chain without overflowing the stack', () => {
    const n = 2000;
    const lines = ['casebook: proposal/v1', 'systems:'];
    for (let i = 0; i < n; i++) lines.push(`  - { id: s${i}, dependsOn: [s${(i + 1) % n}] }`);
    const cycles = check(lines.join('\n')).filter((f) => f.rule === 'dependency-cycle');
    assert.equal(cycles.length, 1);
    assert.deepEqual(cycles[0]!.path, ['systems', n - 1, 'dependsOn', 0]);
  });

  it('reports a system depending on itself, with a fix removing the item', () => {
    const { finding, text } = findingAtMark(withSystem('    dependsOn: [⟦core⟧]\n'), 'self-dependency');
    assertMessage(finding, ['core']);
    assert.deepEqual(check(applyEdits(text, finding.fixes![0]!.edits)), []);
  });

  it('reports a link to itself', () => {
    const { finding } = findingAtMark(`casebook: proposal/v1\n${SITES}links:\n  - { from: cd-1, to: ⟦cd-1⟧ }\n`, 'self-link');
    assertMessage(finding, ['cd-1']);
  });
});

describe('validation: required keys, ids and lists', () => {
  it('reports a site without a city on its first key', () => {
    const { finding } = findingAtMark(`casebook: proposal/v1\nsites:\n  - ⟦id⟧: a\n    role: primary\n`, 'missing-required');
    assert.deepEqual(finding.path, ['sites', 0]);
    assertMessage(finding, ['city']);
  });

  it('reports a system without an id', () => {
    const { finding } = findingAtMark(`casebook: proposal/v1\nsystems:\n  - ⟦name⟧: 核心\n`, 'missing-required');
    assert.deepEqual(finding.path, ['systems', 0]);
    assertMessage(finding, ['id']);
  });

  it('reports a link without `to`', () => {
    const { finding } = findingAtMark(`casebook: proposal/v1\n${SITES}links:\n  - { ⟦from⟧: cd-1 }\n`, 'missing-required');
    assertMessage(finding, ['to']);
  });

  it('reports an id with a space', () => {
    const { finding } = findingAtMark(`casebook: proposal/v1\nsystems:\n  - id: ⟦"core banking"⟧\n`, 'invalid-id');
    assert.deepEqual(finding.path, ['systems', 0, 'id']);
    assertMessage(finding, ['core banking']);
  });

  it('reports empty text', () => {
    const { finding } = findingAtMark(`casebook: proposal/v1\nsites:\n  - id: a\n    city: ⟦""⟧\n`, 'empty-value');
    assertMessage(finding, ['city']);
  });

  it('reports a duplicate list item on the second one and removes it', () => {
    const { finding, text } = findingAtMark(withSystem('    sites: [cd-1, cd-2, ⟦cd-1⟧]\n'), 'duplicate-item');
    assert.deepEqual(finding.path, ['systems', 0, 'sites', 2]);
    assertMessage(finding, ['cd-1', 'sites']);
    const fixed = applyEdits(text, finding.fixes![0]!.edits);
    assert.match(fixed, /sites: \[cd-1, cd-2\]\n/);
    assert.deepEqual(check(fixed), []);
  });

  it('removes a duplicate block item with its line', () => {
    const { finding, text } = findingAtMark(`casebook: proposal/v1\nzones:\n  - dmz\n  - ⟦dmz⟧\n`, 'duplicate-item');
    assert.equal(applyEdits(text, finding.fixes![0]!.edits), 'casebook: proposal/v1\nzones:\n  - dmz\n');
  });
});

describe('validation: ranges point at what was written', () => {
  it('puts a finding on an alias, and offers no fix that would rewrite the alias', () => {
    const text = `casebook: proposal/v1\nx-role: &r primray\nsites:\n  - id: a\n    city: 成都\n    role: ⟦*r⟧\n`;
    const { finding } = findingAtMark(text, 'unknown-value');
    assert.deepEqual(finding.fixes, []);
  });
});
