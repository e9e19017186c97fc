import * as assert from 'node:assert/strict';
import { YamlTreeParser, parseYamlTree, toPlain, nodeAtPath } from '../../server/src/service/yamlTree';
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
