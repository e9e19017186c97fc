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
    assert.equal(nodeAtPath(edited.root, ['systems', 0, 'tier'])!.kind === 'scalar' && (nodeAtPath(edited.root, ['systems', 0, 'tier']) as { value: unknown }).value, 2);
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
    for (let i = 1; i < 12; i++) text += `a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]\n`;
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
