/**
 * Deep nesting is measured before the `yaml` parser sees the text: ~1,000+
 * levels, flow or block, give one located nesting-limit problem, never
 * "Maximum call stack size exceeded", and the incremental (chunked) path and a
 * fresh full parse agree.
 */
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { MAX_PARSE_DEPTH, tooDeepAt } from '../../server/src/service/yamlDepth';
import { YamlTreeParser, parseYamlTree } from '../../server/src/service/yamlTree';
import { fixture, service, settings } from './features/helpers';

const HEAD = 'casebook: proposal/v1\nname: deep\nsystems:\n  - id: a\n    tier: 1\n';

function shapes(n: number): Record<string, string> {
  let block = 'x-deep:\n';
  for (let i = 1; i <= n; i++) block += `${' '.repeat(i)}a:\n`;
  return {
    flowSeq: `x-deep: ${'['.repeat(n)}${']'.repeat(n)}\n`,
    flowMap: `x-deep: ${'{a: '.repeat(n)}1${'}'.repeat(n)}\n`,
    unclosedFlow: `x-deep: ${'['.repeat(n)}\n`,
    blockMap: block,
    compactSeq: `x-deep:\n  ${'- '.repeat(n)}1\n`,
    multiLineFlow: `x-deep:\n${Array.from({ length: n }, (_, i) => `${' '.repeat(2 + (i % 10))}[`).join('\n')}\n`,
  };
}

describe('YAML nesting depth, before parsing', () => {
  for (const n of [1_000, 5_000]) {
    for (const [shape, tail] of Object.entries(shapes(n))) {
      it(`${shape} ${n} levels deep: one located nesting-limit problem, on the full and the incremental path alike`, () => {
        const text = HEAD + tail;
        const full = parseYamlTree(text);
        const messages = full.problems.map((p) => p.message.en);
        assert.ok(!messages.some((m) => /call stack/i.test(m)), messages.join('\n'));
        const deep = full.problems.filter((p) => p.code === 'yaml-too-deep');
        assert.equal(deep.length, 1, messages.join('\n'));
        assert.ok(deep[0]!.range.start.line >= 5, 'located at the nesting, not at the top of the file');
        assert.match(deep[0]!.message.zh, /嵌套/);
        // The incremental path: a parser that saw the shallow text first, then the edit.
        const parser = new YamlTreeParser();
        parser.parse(`${HEAD}x-deep: 1\n`);
        const incremental = parser.parse(text);
        assert.deepEqual(incremental.problems, full.problems);
        assert.deepEqual(incremental.root, full.root);
      });
    }
  }

  it('diagnostics of a deep document through the language service: located, bilingual, no stack overflow', () => {
    const text = HEAD + shapes(2_000).flowSeq!;
    const svc = service();
    const first = svc.doValidation(TextDocument.create('file:///deep.arch.yaml', 'yaml', 1, `${HEAD}x-deep: 1\n`), settings());
    assert.ok(Array.isArray(first));
    const incremental = svc.doValidation(TextDocument.create('file:///deep.arch.yaml', 'yaml', 2, text), settings());
    const fresh = service().doValidation(TextDocument.create('file:///deep.arch.yaml', 'yaml', 2, text), settings());
    assert.deepEqual(incremental, fresh);
    assert.ok(incremental.some((d) => d.code === 'yaml-too-deep' && d.range.start.line === 5));
    assert.ok(!incremental.some((d) => /call stack/i.test(d.message)));
  });

  it('does not count what only looks like nesting: comments, quotes, block scalars, real proposals', () => {
    const brackets = '['.repeat(MAX_PARSE_DEPTH * 2);
    const text = [
      'casebook: proposal/v1',
      `# ${brackets}`,
      `name: "${brackets}"`,
      `customer: '${brackets}'`,
      'description: |- # a comment after the indicator',
      ...Array.from({ length: MAX_PARSE_DEPTH * 2 }, (_, i) => `${' '.repeat(2 + i)}${brackets}`),
      'systems: []',
    ].join('\n');
    assert.equal(tooDeepAt(text), undefined);
    assert.equal(tooDeepAt(fixture('bank.arch.yaml')), undefined);
    assert.equal(tooDeepAt(fixture('findings.arch.yaml')), undefined);
    assert.equal(tooDeepAt(`x: ${'['.repeat(MAX_PARSE_DEPTH - 2)}`), undefined);
    assert.notEqual(tooDeepAt(`x: ${'['.repeat(MAX_PARSE_DEPTH + 1)}`), undefined);
  });
});
