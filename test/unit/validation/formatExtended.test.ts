/**
 * The format additions of issue 9: region, lag, cityLoss, mlps, capacityTps,
 * batchWindow, internetFacing, `dependsOn` items as maps, and `x-` keys on
 * every map. Each is read without findings when right and gets a located
 * zh/en finding when wrong.
 */
import * as assert from 'node:assert/strict';
import { applyEdits, assertMessage, check, findingAtMark } from './helpers';

const HEAD = `casebook: proposal/v1
sites:
  - id: sz-1
    city: 深圳
    region: 华南区
    role: primary
  - id: sz-2
    city: 深圳
    role: hot-standby
  - id: sh-1
    city: 上海
    role: cold-standby
links:
  - { from: sz-1, to: sz-2, mode: sync }
  - { from: sz-1, to: sh-1, mode: async, lag: 30s }
`;

/** A valid proposal with the systems given (indented two spaces, as items of `systems`). */
const withSystems = (systems: string) => `${HEAD}systems:\n${systems}`;

const rules = (text: string) => check(text).map((f) => f.rule);

describe('format additions: valid uses', () => {
  it('reads every new field without findings', () => {
    const text = withSystems(`  - id: core
    tier: 1
    kind: online
    rto: 5m
    rpo: 0
    cityLoss:
      rto: 2h
      rpo: 30s
    mlps: 4
    batchWindow: "22:00-06:00"
    internetFacing: false
    database: { engine: db2, mode: centralized, capacityTps: 6000 }
    sites: [sz-1, sz-2, sh-1]
    dependsOn:
      - user
      - { id: notify, mode: async, critical: false }
      - id: user-profile
        mode: sync
        critical: true
  - { id: user, sites: [sz-1] }
  - { id: notify, sites: [sz-1] }
  - { id: user-profile, sites: [sz-1] }
`);
    assert.deepEqual(check(text), []);
  });

  it('allows and ignores `x-` keys on every map, not only the top level', () => {
    const text = `casebook: proposal/v1
x-notes: 顶层
compliance: { mlps: 3, x-source: 等保测评报告 }
sites:
  - { id: a, city: 成都, x-rack: B2 }
links:
  - { from: a, to: a, x-carrier: 电信 }
systems:
  - id: core
    x-owner: 核心组
    load: { peakTps: 100, x-measured: 2024 }
    database: { engine: db2, x-version: "11.5" }
    cityLoss: { rpo: 30s, x-agreed: 2024-05 }
    dependsOn:
      - { id: core2, x-why: 记账 }
  - id: core2
`;
    // The one finding is about the link going nowhere, not about any `x-` key.
    const findings = check(text);
    assert.deepEqual(
      findings.map((f) => f.rule),
      ['self-link'],
      JSON.stringify(findings.map((f) => f.message.en)),
    );
  });
});

describe('format additions: wrong values', () => {
  it('suggests the key meant inside cityLoss, and says `x-` keys work in any map', () => {
    const { finding } = findingAtMark(withSystems('  - id: core\n    cityLoss:\n      ⟦rpoo⟧: 30s\n'), 'unknown-key');
    assertMessage(finding, ['rpoo', 'rpo']);
    assert.deepEqual(finding.path, ['systems', 0, 'cityLoss', 'rpoo']);
    const { finding: other } = findingAtMark(withSystems('  - id: core\n    ⟦owner⟧: 核心组\n'), 'unknown-key');
    assert.match(other.message.en, /`x-`, in any map/);
    assert.match(other.message.zh, /`x-` 开头的键，任何映射中都可以写/);
  });

  it('reports durations that are not durations in lag and cityLoss, with the unit meant', () => {
    const lag = findingAtMark(`casebook: proposal/v1\nlinks:\n  - { from: a, to: b, mode: async, lag: ⟦30⟧ }\n`, 'invalid-duration');
    assert.deepEqual(lag.finding.path, ['links', 0, 'lag']);
    assertMessage(lag.finding, ['lag', '30s']);
    const { finding, text } = findingAtMark(
      withSystems('  - id: core\n    cityLoss: { rto: 2h, rpo: ⟦30 seconds⟧ }\n'),
      'invalid-duration',
    );
    assertMessage(finding, ['rpo', '30s']);
    assert.deepEqual(check(applyEdits(text, finding.fixes![0]!.edits)), []);
  });

  it('checks mlps, capacityTps, batchWindow, internetFacing and region by type and range', () => {
    const mlps = findingAtMark(withSystems('  - id: core\n    mlps: ⟦6⟧\n'), 'value-out-of-range');
    assertMessage(mlps.finding, ['mlps', '1', '5']);
    const quoted = findingAtMark(withSystems('  - id: core\n    mlps: ⟦"3"⟧\n'), 'wrong-type');
    assert.equal(quoted.finding.fixes?.[0]?.edits[0]?.newText, '3');
    const capacity = findingAtMark(withSystems('  - id: core\n    database: { capacityTps: ⟦-1⟧ }\n'), 'value-out-of-range');
    assertMessage(capacity.finding, ['capacityTps', '0']);
    const facing = findingAtMark(withSystems('  - id: core\n    internetFacing: ⟦yes⟧\n'), 'wrong-type');
    assertMessage(facing.finding, ['internetFacing', 'true']);
    const window = findingAtMark(withSystems('  - id: core\n    batchWindow: ⟦[22, 6]⟧\n'), 'wrong-type');
    assertMessage(window.finding, ['batchWindow']);
    const region = findingAtMark(`casebook: proposal/v1\nsites:\n  - { id: a, city: 成都, region: ⟦""⟧ }\n`, 'empty-value');
    assertMessage(region.finding, ['region']);
  });

  it('reports an unknown mode in a dependsOn map on its value, and nothing about the item being a map', () => {
    const text = withSystems('  - id: core\n    dependsOn:\n      - { id: user, mode: ⟦asyn⟧ }\n  - id: user\n');
    const { finding, all } = findingAtMark(text, 'unknown-value');
    assert.deepEqual(
      all.map((f) => f.rule),
      ['unknown-value'],
    );
    assertMessage(finding, ['asyn', 'async']);
    assert.deepEqual(finding.path, ['systems', 0, 'dependsOn', 0, 'mode']);
  });

  it('reports a wrong critical, an unknown key and a missing id in dependsOn maps', () => {
    const critical = findingAtMark(
      withSystems('  - id: core\n    dependsOn: [{ id: user, critical: ⟦"no"⟧ }]\n  - id: user\n'),
      'wrong-type',
    );
    assertMessage(critical.finding, ['critical']);
    const key = findingAtMark(
      withSystems('  - id: core\n    dependsOn:\n      - id: user\n        ⟦mdoe⟧: async\n  - id: user\n'),
      'unknown-key',
    );
    assertMessage(key.finding, ['mdoe', 'mode']);
    const missing = findingAtMark(withSystems('  - id: core\n    dependsOn:\n      - ⟦mode⟧: async\n'), 'missing-required');
    assertMessage(missing.finding, ['`id`']);
    assert.match(missing.finding.message.en, /^A dependency needs `id`/);
    assert.match(missing.finding.message.zh, /^依赖项缺少必填的 `id`/);
  });

  it('says what a dependsOn item may be when it is neither an id nor a map', () => {
    const { finding } = findingAtMark(withSystems('  - id: core\n    dependsOn: [⟦true⟧]\n'), 'wrong-type');
    assert.match(finding.message.en, /a system id, or a map `\{ id, mode, critical \}`/);
    assert.match(finding.message.zh, /系统 id，或映射/);
  });
});

describe('format additions: references through dependsOn maps', () => {
  it('reports an unknown system named by a map, on its id, with the fix', () => {
    const text = withSystems('  - id: core\n    dependsOn:\n      - { id: ⟦user-centre⟧, mode: async }\n  - id: user-center\n');
    const { finding, text: clean } = findingAtMark(text, 'unknown-system');
    assert.deepEqual(finding.path, ['systems', 0, 'dependsOn', 0, 'id']);
    assertMessage(finding, ['user-centre', 'user-center']);
    assert.deepEqual(check(applyEdits(clean, finding.fixes![0]!.edits)), []);
  });

  it('reports a self-dependency written as a map, and the fix removes the whole item', () => {
    const { finding, text } = findingAtMark(
      withSystems('  - id: core\n    dependsOn:\n      - user\n      - id: ⟦core⟧\n        mode: sync\n  - id: user\n'),
      'self-dependency',
    );
    const fixed = applyEdits(text, finding.fixes![0]!.edits);
    assert.ok(!fixed.includes('        mode: sync'), fixed);
    assert.deepEqual(rules(fixed), []);
  });

  it('reports a cycle through dependsOn maps, but not one closed by an async or non-critical dependency', () => {
    const cycle = (last: string) =>
      withSystems(`  - { id: a, dependsOn: [b] }\n  - { id: b, dependsOn: [{ id: c }] }\n  - { id: c, dependsOn: [${last}] }\n`);
    const { finding } = findingAtMark(cycle('{ id: ⟦a⟧, mode: sync }'), 'dependency-cycle');
    assertMessage(finding, ['a → b → c → a']);
    assert.deepEqual(finding.path, ['systems', 2, 'dependsOn', 0, 'id']);
    assert.deepEqual(rules(cycle('{ id: a, mode: async }')), []);
    assert.deepEqual(rules(cycle('{ id: a, critical: false }')), []);
  });

  it('reports the same system twice in dependsOn whatever the form, once', () => {
    const { finding, text } = findingAtMark(
      withSystems('  - id: core\n    dependsOn:\n      - user\n      - { id: ⟦user⟧, mode: async }\n  - id: user\n'),
      'duplicate-item',
    );
    assertMessage(finding, ['user', 'dependsOn']);
    assert.deepEqual(check(applyEdits(text, finding.fixes![0]!.edits)), []);
    const bare = check(withSystems('  - id: core\n    dependsOn: [user, user]\n  - id: user\n'));
    assert.deepEqual(
      bare.map((f) => [f.rule, f.range.start.character]),
      [['duplicate-item', 22]],
    );
  });
});

describe('format additions: YAML merge keys', () => {
  const DEFAULTS = `casebook: proposal/v1
x-defaults: &defaults
  tier: 2
  kind: online
  runtime: container
sites:
  - { id: a, city: 成都, role: primary }
systems:
  - <<: *defaults
    id: core
    tier: 1
    sites: [a]
  - id: web
    <<: [*defaults]
    sites: [a]
`;

  it('reads shared defaults without findings: no unknown `<<`, no duplicate for an overriding key', () => {
    assert.deepEqual(check(DEFAULTS), []);
  });

  it('locates a finding about a merged value where it is written, on the anchor', () => {
    const text = DEFAULTS.replace('  runtime: container\n', '  runtime: ⟦containr⟧\n').replace(
      '  - id: web\n    <<: [*defaults]\n    sites: [a]\n',
      '',
    );
    const { finding } = findingAtMark(text, 'unknown-value');
    assert.deepEqual(finding.path, ['systems', 0, 'runtime']);
    assertMessage(finding, ['containr', 'container']);
    const typo = DEFAULTS.replace('  kind: online\n', '  ⟦knd⟧: online\n').replace(
      '  - id: web\n    <<: [*defaults]\n    sites: [a]\n',
      '',
    );
    assert.deepEqual(findingAtMark(typo, 'unknown-key').finding.path, ['systems', 0, 'knd']);
  });

  it('reports a wrong value merged into several systems once, on the anchor', () => {
    const text = DEFAULTS.replace('  runtime: container\n', '  runtime: ⟦containr⟧\n');
    const { finding } = findingAtMark(text, 'unknown-value');
    assert.deepEqual(finding.path, ['systems', 0, 'runtime'], 'the first system that merges it');
  });

  it('reports a merge of a value that is not a map as a located error', () => {
    const { finding } = findingAtMark('casebook: proposal/v1\nsystems:\n  - id: a\n    <<: ⟦3⟧\n', 'yaml-bad-merge');
    assert.match(finding.message.en, /merge key `<<`/);
    assert.match(finding.message.zh, /合并键 `<<`/);
  });
});
