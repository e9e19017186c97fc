/**
 * The syntax-tree reader: what it reads itself (and reads exactly as yaml
 * composes it), and where it gives up and lets yaml compose the chunk.
 */
import * as assert from 'node:assert/strict';
import * as YAML from 'yaml';
import { YamlTreeParser, type YamlTree } from '../../server/src/service/yamlTree';
import { toPlain } from '../../server/src/service/yamlNodes';

const both = (text: string): { read: YamlTree; composed: YamlTree } => ({
  read: new YamlTreeParser().parse(text),
  composed: new YamlTreeParser({ readSyntaxTree: false }).parse(text),
});
const same = (a: YamlTree, b: YamlTree) => assert.deepEqual({ root: a.root, problems: a.problems }, { root: b.root, problems: b.problems });

describe('yamlCst: reading chunks from the syntax tree', () => {
  it('resolves plain scalars as the core schema does, and keeps quoted ones as text', () => {
    const text =
      'a: 0x1F\nb: 0o17\nc: 1.50\nd: .inf\ne: ~\nf: True\ng: "1"\nh: \'it\'\'s\'\ni: 12 # twelve\nj:\nk: [1, "x", null]\nl: { p: 1, q: r }\n';
    const { read, composed } = both(text);
    assert.equal(read.stats.composed, 0, 'every chunk read from the syntax tree');
    same(read, composed);
    assert.deepEqual(toPlain(read.root), YAML.parse(text));
  });

  it('reads a list item with nested maps, block lists and comments', () => {
    const text =
      'systems:\n  # core first\n  - id: core\n    load:\n      peakTps: 3000   # 峰值\n    dependsOn:\n      - web\n      -\n    sites: []\n  - id: web\n';
    const { read, composed } = both(text);
    assert.equal(read.stats.composed, 0);
    same(read, composed);
  });

  for (const [what, text, isError] of [
    ['a block scalar', 'a: |\n  text\n', false],
    ['a multi-line plain scalar', 'a: one\n  two\n', false],
    ['a flow list over two lines', 'a: [1,\n  2]\n', false],
    ['an explicit key', '? a\n: 1\n', false],
    ['a duplicate key', 'a:\n  b: 1\n  b: 2\n', true],
    ['a comment glued to a quoted value', 'a: "x"#c\n', true],
    ['an unclosed flow list', 'a: [1, 2\n', true],
    ['an empty flow item', 'a: [1, , 2]\n', true],
    ['a bad escape', 'a: "\\q"\n', true],
  ] as const) {
    it(`gives ${what} to yaml, which composes it the same way${isError ? ' and reports the error' : ''}`, () => {
      const { read, composed } = both(text);
      assert.ok(read.stats.composed >= 1, 'composed by yaml');
      same(read, composed);
      assert.equal(read.problems.length > 0, isError);
    });
  }
});

describe('yamlCst: merge keys', () => {
  for (const [what, text] of [
    ['a merge key in a block item', 'systems:\n  - <<: { tier: 1, kind: online }\n    id: a\n    tier: 2\n'],
    ['a merge key in a flow item', 'systems:\n  - { <<: { tier: 1 }, id: a }\n'],
    ['a merge key of a list of maps', 'systems:\n  - id: a\n    load:\n      <<: [{ peakTps: 1 }, { peakTps: 2, dailyTransactions: 3 }]\n'],
    ['a bad merge', 'systems:\n  - id: a\n    <<: 3\n'],
  ] as const) {
    it(`gives ${what} to yaml, and both paths read it the same way`, () => {
      const { read, composed } = both(text);
      assert.equal(read.stats.mode, 'chunked');
      assert.ok(read.stats.composed >= 1, 'composed by yaml');
      same(read, composed);
      const full = new YamlTreeParser().parse(`# a comment glued to no key\n&unused x: 1\n${text}`);
      assert.equal(full.stats.mode, 'full');
      assert.deepEqual(toPlain(nodeAt(full.root, 'systems')), toPlain(nodeAt(read.root, 'systems')), 'a whole parse reads it the same');
    });
  }

  it('reads the merges of a chunk as yaml merges them', () => {
    const text = 'systems:\n  - <<: { tier: 1, kind: online }\n    id: a\n    tier: 2\n';
    assert.deepEqual(toPlain(new YamlTreeParser().parse(text).root), YAML.parse(text, { merge: true }));
  });
});

function nodeAt(root: YamlTree['root'], key: string) {
  return root?.kind === 'map' ? root.entries.find((e) => e.key === key)?.value : undefined;
}
