import * as assert from 'node:assert/strict';
import { YamlTreeParser, parseYamlTree } from '../../server/src/service/yamlTree';
import { toPlain, nodeAtPath } from '../../server/src/service/yamlNodes';
import * as YAML from 'yaml';

const PROPOSAL = `# comment
casebook: proposal/v1
name: 测试
sites:
  - id: a
    city: 成都
    role: primary
  - id: b
    city: 重庆
    role: cold-standby
systems:
  # first
  - id: core
    tier: 1
    sites: [a, b]
    desc: |
      multi
      line
  - id: web
    dependsOn:
      - core
`;

describe('yamlTree', () => {
  it('chunked parse equals the plain value of a full parse', () => {
    const tree = parseYamlTree(PROPOSAL);
    assert.equal(tree.stats.mode, 'chunked');
    assert.deepEqual(toPlain(tree.root), YAML.parse(PROPOSAL));
  });

  it('parses a CRLF proposal in chunks too, with no \r left in its values', () => {
    const windows = PROPOSAL.replace(/\n/g, '\r\n');
    const tree = parseYamlTree(windows);
    assert.equal(tree.stats.mode, 'chunked');
    assert.deepEqual(toPlain(tree.root), YAML.parse(windows));
    assert.deepEqual(nodeAtPath(tree.root, ['systems', 0, 'tier'])!.range, {
      start: { line: 13, character: 10 },
      end: { line: 13, character: 11 },
    });
  });

  it('keeps exact ranges and paths across chunks', () => {
    const tree = parseYamlTree(PROPOSAL);
    const tier = nodeAtPath(tree.root, ['systems', 0, 'tier'])!;
    assert.deepEqual(tier.path, ['systems', 0, 'tier']);
    assert.deepEqual(tier.range, { start: { line: 13, character: 10 }, end: { line: 13, character: 11 } });
    const dep = nodeAtPath(tree.root, ['systems', 1, 'dependsOn', 0])!;
    assert.deepEqual(dep.range.start, { line: 20, character: 8 });
  });

  it('re-parses only the chunk an edit touched', () => {
    const parser = new YamlTreeParser();
    parser.parse(PROPOSAL);
    const edited = parser.parse(PROPOSAL.replace('tier: 1', 'tier: 2'));
    assert.equal(edited.stats.mode, 'chunked');
    assert.equal(edited.stats.reparsed, 1);
    assert.equal(
      nodeAtPath(edited.root, ['systems', 0, 'tier'])!.kind === 'scalar' &&
        (nodeAtPath(edited.root, ['systems', 0, 'tier']) as { value: unknown }).value,
      2,
    );
  });

  it('falls back to a full parse for anchors and reports duplicate keys located', () => {
    assert.equal(parseYamlTree('a: &x 1\nb: *x\n').stats.mode, 'full');
    const dup = parseYamlTree('name: a\nname: b\n');
    assert.equal(dup.stats.mode, 'full');
    assert.equal(dup.problems[0]!.code, 'yaml-duplicate-key');
    assert.equal(dup.problems[0]!.range.start.line, 1);
  });

  it('stops an alias bomb with a located problem instead of hanging', () => {
    let text = 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n';
    for (let i = 1; i < 12; i++)
      text += `a${i}: &a${i} [${Array(10)
        .fill(`*a${i - 1}`)
        .join(', ')}]\n`;
    const started = Date.now();
    const tree = parseYamlTree(text);
    assert.ok(Date.now() - started < 5000);
    assert.ok(tree.problems.some((p) => p.code === 'yaml-too-large'));
  });

  it('reports a syntax error in zh and en with a location', () => {
    const tree = parseYamlTree('systems:\n  - id: a\n   tier: [1,\n');
    assert.ok(tree.problems.length > 0);
    const p = tree.problems[0]!;
    assert.match(p.message.zh, /YAML 语法错误/);
    assert.match(p.message.en, /YAML syntax error/);
  });
});

describe('yamlTree incremental reuse', () => {
  it('hands back the very same nodes for chunks an edit did not touch', () => {
    const parser = new YamlTreeParser();
    const before = parser.parse(PROPOSAL);
    const after = parser.parse(PROPOSAL.replace('id: web', 'id: www'));
    assert.equal(nodeAtPath(after.root, ['systems', 0]), nodeAtPath(before.root, ['systems', 0]), 'the untouched system is reused');
    assert.notEqual(nodeAtPath(after.root, ['systems', 1]), nodeAtPath(before.root, ['systems', 1]), 'the edited system is rebuilt');
    assert.deepEqual(toPlain(after.root), YAML.parse(PROPOSAL.replace('id: web', 'id: www')));
  });

  it('rebuilds the chunks below an inserted line at their new lines', () => {
    const parser = new YamlTreeParser();
    parser.parse(PROPOSAL);
    const text = PROPOSAL.replace('name: 测试\n', 'name: 测试\ncustomer: x\n');
    const after = parser.parse(text);
    assert.deepEqual(nodeAtPath(after.root, ['systems', 0, 'tier'])!.range.start, { line: 14, character: 10 });
    assert.deepEqual(toPlain(after.root), YAML.parse(text));
  });
});

describe('yamlTree while typing', () => {
  it('keeps chunked parsing for a half-typed line and locates its problem', () => {
    const parser = new YamlTreeParser();
    parser.parse(PROPOSAL);
    const typing = PROPOSAL.replace('    tier: 1\n', '    ti\n    tier: 1\n');
    const tree = parser.parse(typing);
    assert.equal(tree.stats.mode, 'chunked');
    assert.equal(tree.stats.reparsed, 1);
    assert.equal(tree.problems.length, 1);
    assert.equal(tree.problems[0]!.range.start.line, 13);
    assert.deepEqual(nodeAtPath(tree.root, ['systems', 1, 'id'])!.range.start.line, 19, 'later systems are still read, at their lines');
  });

  it('parses a list spread across chunks as a whole', () => {
    const text = 'casebook: proposal/v1\nzones: [dmz,\n  intranet]\nname: x\n';
    const tree = parseYamlTree(text);
    assert.deepEqual(toPlain(tree.root), YAML.parse(text));
  });
});

describe('yamlTree merge keys (YAML 1.1 `<<`)', () => {
  const MERGES = `casebook: proposal/v1
x-base: &base
  tier: 1
  kind: online
x-dr: &dr
  tier: 2
  rto: 5m
systems:
  - id: a
    <<: [*base, *dr]
    kind: batch
  - <<: *base
    id: b
  - { <<: { tier: 3 }, id: c }
`;

  it('merges as yaml does with YAML 1.1 merge keys: explicit keys win, earlier sources win', () => {
    const tree = parseYamlTree(MERGES);
    assert.deepEqual(tree.problems, []);
    assert.deepEqual(toPlain(tree.root), YAML.parse(MERGES, { merge: true }));
    assert.deepEqual(toPlain(nodeAtPath(tree.root, ['systems', 0])), { tier: 1, rto: '5m', id: 'a', kind: 'batch' });
  });

  it('gives merged entries the paths of the map they join and the ranges where they are written', () => {
    const tree = parseYamlTree(MERGES);
    const tier = nodeAtPath(tree.root, ['systems', 0, 'tier'])!;
    assert.deepEqual(tier.path, ['systems', 0, 'tier']);
    assert.deepEqual(tier.range.start, { line: 2, character: 8 }, 'on the anchor’s `tier: 1`');
    assert.deepEqual(nodeAtPath(tree.root, ['systems', 0, 'rto'])!.range.start, { line: 6, character: 7 });
    const system = nodeAtPath(tree.root, ['systems', 0])!;
    assert.ok(system.kind === 'map');
    // Entries stay sorted by where they are written: lookups by position binary-search them.
    const starts = system.entries.map((e) => e.keyRange.start.line);
    assert.deepEqual(
      starts,
      [...starts].sort((x, y) => x - y),
    );
    assert.ok(!system.entries.some((e) => e.key === '<<'), 'the merge key itself is not an entry');
  });

  it('treats a quoted "<<" as an ordinary key', () => {
    const tree = parseYamlTree('a:\n  "<<": { b: 1 }\n');
    assert.deepEqual(toPlain(tree.root), { a: { '<<': { b: 1 } } });
  });

  it('reports a merge of something that is not a map, located on it', () => {
    for (const [text, line, character] of [
      ['a:\n  <<: 3\n  b: 1\n', 1, 6],
      ['x: &x [1]\na:\n  <<: [*x]\n', 2, 7],
      ['x: &x { k: 1 }\na:\n  <<: [*x, 2]\n', 2, 11],
    ] as const) {
      const tree = parseYamlTree(text);
      const bad = tree.problems.filter((p) => p.code === 'yaml-bad-merge');
      assert.equal(bad.length, 1, text);
      assert.deepEqual(bad[0]!.range.start, { line, character }, text);
      assert.match(bad[0]!.message.zh, /合并键/);
    }
    assert.deepEqual(toPlain(parseYamlTree('x: &x { k: 1 }\na:\n  <<: [*x, 2]\n').root), { x: { k: 1 }, a: { k: 1 } });
  });

  it('stops a merge that reaches back into itself, and a merge bomb', () => {
    const self = parseYamlTree('a: &a\n  b: 1\n  <<: *a\n');
    assert.ok(self.problems.some((p) => p.code === 'yaml-bad-alias'));
    let text = 'm0: &m0 { k: 1 }\n';
    for (let i = 1; i < 14; i++)
      text += `m${i}: &m${i} { <<: [${Array(8)
        .fill(`*m${i - 1}`)
        .join(', ')}], k${i}: 1 }\n`;
    const started = Date.now();
    const bomb = parseYamlTree(text);
    assert.ok(Date.now() - started < 5000);
    assert.ok(bomb.problems.some((p) => p.code === 'yaml-too-large'));
  });

  it('reads a top-level merge key in one whole parse, so keys of other chunks win', () => {
    const text = '<<: { name: a, customer: c }\nname: b\n';
    const tree = parseYamlTree(text);
    assert.equal(tree.stats.mode, 'full');
    assert.deepEqual(toPlain(tree.root), { name: 'b', customer: 'c' });
    assert.deepEqual(tree.problems, []);
  });
});
