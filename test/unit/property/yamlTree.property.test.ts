/**
 * Property: the incremental parser, fed one version after another, builds
 * exactly the tree a fresh parse of the same text builds — every value,
 * range, path and problem — however lines and list items move. Chunks that
 * only moved are shifted rather than re-parsed, so this is what keeps the
 * shifting honest.
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import * as YAML from 'yaml';
import { YamlTreeParser, parseYamlTree } from '../../../server/src/service/yamlTree';
import { toPlain } from '../../../server/src/service/yamlNodes';
import { applyLineEdit, content, crlf, lineEdit } from './lineEdits';

const EXAMPLES = path.resolve(__dirname, '..', '..', '..', 'examples');
const SOURCES = readdirSync(EXAMPLES)
  .filter((f) => f.endsWith('.arch.yaml'))
  .map((f) => readFileSync(path.join(EXAMPLES, f), 'utf8'));

describe('yamlTree incremental parse (property)', function () {
  this.timeout(60_000);
  it('equals a fresh parse after any sequence of line edits', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SOURCES, ...SOURCES.map(crlf)),
        fc.array(lineEdit, { minLength: 1, maxLength: 12 }),
        (source, edits) => {
          const parser = new YamlTreeParser();
          let text = source;
          parser.parse(text);
          for (const edit of edits) {
            text = applyLineEdit(text, edit);
            const incremental = parser.parse(text);
            const fresh = parseYamlTree(text);
            assert.deepEqual(content(incremental), content(fresh));
            // And a clean chunked parse reads the values `yaml` reads.
            if (fresh.stats.mode === 'chunked' && fresh.problems.length === 0) assert.deepEqual(toPlain(fresh.root), YAML.parse(text));
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

/** Fragments that reach every corner of the fast reader: scalar forms, flow collections, comments, empty values, errors. */
const TYPED = [
  '~',
  'null',
  'Null',
  'NULL',
  'true',
  'True',
  'FALSE',
  '0x1F',
  '0o17',
  '-0',
  '+12',
  '1e3',
  '1.50',
  '.inf',
  '-.Inf',
  '.nan',
  '1_000',
  '012',
  '"1"',
  "'x'",
  '"a\\tb"',
  '"\\q"',
  "'it''s'",
  ' # c',
  '#c',
  '  ',
  '',
  '[a, b]',
  '[a,b,]',
  '[ ]',
  '{ a: 1, b: "2" }',
  '{a: 1, a: 2}',
  '{ a }',
  '[a, [b]]',
  '[a',
  '{ a: [1] }',
  '|\n  text',
  '>-\n  folded',
  'a: b',
  '- x',
  '"open',
  '&x y',
  '!str 1',
  '*x',
  ': x',
  '\t1',
];

const valueEdit = fc.record({ line: fc.nat(), value: fc.constantFrom(...TYPED) });

/** Replaces the value after the first `: ` on a line (or appends one), keeping the key. */
function setValue(text: string, edit: { line: number; value: string }): string {
  const lines = text.split('\n');
  const at = edit.line % Math.max(1, lines.length);
  const line = lines[at]!;
  const colon = line.indexOf(': ');
  lines[at] = colon >= 0 ? `${line.slice(0, colon + 2)}${edit.value}` : `${line}${edit.value}`;
  return lines.join('\n');
}

describe('yamlTree chunks read from the syntax tree (property)', function () {
  this.timeout(60_000);

  it('build exactly the tree and the problems that composing them with yaml gives', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SOURCES, ...SOURCES.map(crlf)),
        fc.array(
          fc.oneof(
            valueEdit.map((e) => (t: string) => setValue(t, e)),
            lineEdit.map((e) => (t: string) => applyLineEdit(t, e)),
          ),
          { minLength: 1, maxLength: 6 },
        ),
        (source, edits) => {
          let text = source;
          for (const edit of edits) text = edit(text);
          assert.deepEqual(content(parseYamlTree(text)), content(new YamlTreeParser({ readSyntaxTree: false }).parse(text)));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('read the example proposals without composing a chunk', () => {
    // Each example in full: the fast reader must take it all, or the speed is lost on real files.
    for (const source of [...SOURCES, ...SOURCES.map(crlf)]) {
      const read = new YamlTreeParser().parse(source);
      const composed = new YamlTreeParser({ readSyntaxTree: false }).parse(source);
      assert.deepEqual(content(read), content(composed));
      assert.equal(read.stats.mode, 'chunked');
      assert.equal(read.stats.composed, 0, `${read.stats.composed} of ${read.stats.chunks} chunks composed`);
      assert.equal(composed.stats.composed, composed.stats.chunks);
    }
  });
});
