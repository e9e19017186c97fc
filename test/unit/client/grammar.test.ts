/**
 * The proposal grammar: generated from cases/ and up to date, and — with
 * VS Code's own TextMate engine (vscode-textmate, vscode-oniguruma:
 * devDependencies, no workbench needed) — colouring pattern words and case
 * names inside YAML values and comments, but not keys. The YAML underneath is
 * a minimal grammar with VS Code's YAML scope names (test/fixtures/grammars/);
 * where the workbench is installed (.cache/workbench), the same checks also
 * run over VS Code's real YAML grammar.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as onig from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';

const ROOT = path.resolve(__dirname, '../../..');
const GRAMMAR = path.join(ROOT, 'syntaxes', 'casebook.tmLanguage.json');
const MINIMAL_YAML = path.join(ROOT, 'test', 'fixtures', 'grammars', 'yaml-minimal.tmLanguage.json');
const WORKBENCH_YAML = path.join(
  ROOT,
  '.cache',
  'workbench',
  'node_modules',
  'code-server',
  'lib',
  'vscode',
  'extensions',
  'yaml',
  'syntaxes',
);

/** The part of a TextMate grammar file read here. */
interface RawGrammar {
  scopeName: string;
  patterns: unknown;
  repository: Record<string, { match: string }>;
}

let onigLoaded: Promise<void> | undefined;
function onigLib(): Promise<textmate.IOnigLib> {
  onigLoaded ??= (async () => {
    const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await onig.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  })();
  return onigLoaded.then(() => ({ createOnigScanner: (s) => new onig.OnigScanner(s), createOnigString: (s) => new onig.OnigString(s) }));
}

type Token = { text: string; scopes: string[] };

/** A tokenizer of the casebook grammar over the YAML grammar files given. */
async function tokenizer(yamlFiles: string[]): Promise<(text: string) => Token[][]> {
  const grammars = new Map<string, string>([['source.casebook', GRAMMAR]]);
  for (const f of yamlFiles) grammars.set((JSON.parse(readFileSync(f, 'utf8')) as RawGrammar).scopeName, f);
  const registry = new textmate.Registry({
    onigLib: onigLib(),
    loadGrammar: (scope) => {
      const file = grammars.get(scope);
      return Promise.resolve(file ? textmate.parseRawGrammar(readFileSync(file, 'utf8'), file) : null);
    },
  });
  const grammar = await registry.loadGrammar('source.casebook');
  assert.ok(grammar, 'the casebook grammar loads');
  return (text) => {
    let state = textmate.INITIAL;
    return text.split('\n').map((line) => {
      const r = grammar.tokenizeLine(line, state);
      state = r.ruleStack;
      return r.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
    });
  };
}

const PATTERN = 'support.constant.pattern.casebook';
const CASE = 'entity.name.type.case.casebook';

describe('casebook grammar', () => {
  it('is the one scripts/grammar.mjs generates from cases/', () => {
    execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'grammar.mjs'), '--check'], { stdio: 'pipe' });
  });

  it('builds on the YAML grammar and lists the contract words', () => {
    const grammar = JSON.parse(readFileSync(GRAMMAR, 'utf8')) as RawGrammar;
    assert.equal(grammar.scopeName, 'source.casebook');
    assert.deepEqual(grammar.patterns, [{ include: 'source.yaml' }]);
    const words = grammar.repository['pattern-words']?.match ?? '';
    for (const w of ['两地三中心', '同城双活', '异地多活', '三地五中心', '单元化', 'Saga', 'two-regions-three-dcs'])
      assert.ok(words.includes(w), w);
    const cases = grammar.repository['case-words']?.match ?? '';
    for (const w of ['nanjing-bank', 'mybank', 'tianhong-fund', '南京银行', '浙江农信']) assert.ok(cases.includes(w), w);
  });

  const yamlGrammars: [string, () => string[] | undefined][] = [
    ['a minimal YAML grammar', () => [MINIMAL_YAML]],
    [
      "VS Code's YAML grammar (from the workbench)",
      () => (existsSync(WORKBENCH_YAML) ? readdirSync(WORKBENCH_YAML).map((f) => path.join(WORKBENCH_YAML, f)) : undefined),
    ],
  ];
  for (const [name, files] of yamlGrammars)
    describe(`tokenized by vscode-textmate over ${name}`, function () {
      let tokenize: (text: string) => Token[][];

      before(async function () {
        const found = files();
        if (!found) this.skip(); // no workbench installed here: the browser stage installs it
        tokenize = await tokenizer(found);
      });

      const scopesOf = (lines: Token[][], text: string) => lines.flat().find((t) => t.text === text)?.scopes ?? [];

      it('colours pattern words and case names in values and comments, and keeps YAML scopes', () => {
        const lines = tokenize(
          [
            'casebook: proposal/v1',
            '# 参考浙江农信的两地三中心',
            'name: 某行 同城双活 方案',
            'systems:',
            '  - id: core',
            '    transactions: saga   # 参考 nanjing-bank',
          ].join('\n'),
        );
        assert.ok(scopesOf(lines, 'proposal/v1').includes('keyword.other.marker.casebook'));
        assert.ok(scopesOf(lines, '浙江农信').includes(CASE));
        assert.ok(scopesOf(lines, '两地三中心').includes(PATTERN));
        assert.ok(
          scopesOf(lines, '两地三中心').some((s) => s.startsWith('comment.')),
          'still a YAML comment',
        );
        assert.ok(scopesOf(lines, '同城双活').includes(PATTERN));
        assert.ok(scopesOf(lines, 'saga').includes(PATTERN));
        assert.ok(scopesOf(lines, 'nanjing-bank').includes(CASE));
        assert.ok(
          scopesOf(lines, 'systems').some((s) => s.startsWith('entity.name.tag')),
          'keys stay keys',
        );
      });

      it('does not colour a word inside a longer identifier', () => {
        const lines = tokenize('casebook: proposal/v1\nname: mybank-like-system\n');
        assert.ok(!lines.flat().some((t) => t.scopes.includes(CASE)), JSON.stringify(lines[1]));
      });
    });
});
