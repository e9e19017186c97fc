/**
 * The proposal grammar: generated from cases/ and up to date, and — with
 * VS Code's own TextMate engine and YAML grammar (from the code-server the
 * end-to-end tests install) — colouring pattern words and case names inside
 * YAML values and comments, but not keys.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const GRAMMAR = path.join(ROOT, 'syntaxes', 'casebook.tmLanguage.json');
const VSCODE = path.join(ROOT, '.cache', 'workbench', 'node_modules', 'code-server', 'lib', 'vscode');

/** The little of vscode-textmate / vscode-oniguruma used here (they are the workbench's, not project dependencies). */
interface TextMate {
  INITIAL: unknown;
  parseRawGrammar(content: string, file: string): unknown;
  Registry: new (options: {
    onigLib: Promise<{ createOnigScanner(sources: string[]): unknown; createOnigString(text: string): unknown }>;
    loadGrammar(scope: string): Promise<unknown>;
  }) => { loadGrammar(scope: string): Promise<TmGrammar | null> };
}
/** The part of a TextMate grammar file read here. */
interface RawGrammar {
  scopeName: string;
  patterns: unknown;
  repository: Record<string, { match: string }>;
}
interface TmGrammar {
  tokenizeLine(line: string, state: unknown): { tokens: { startIndex: number; endIndex: number; scopes: string[] }[]; ruleStack: unknown };
}
interface Oniguruma {
  loadWASM(data: ArrayBuffer): Promise<void>;
  OnigScanner: new (sources: string[]) => unknown;
  OnigString: new (text: string) => unknown;
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

  describe('tokenized by vscode-textmate', function () {
    type Token = { text: string; scopes: string[] };
    let tokenize: (text: string) => Token[][];

    before(async function () {
      if (!existsSync(path.join(VSCODE, 'node_modules', 'vscode-textmate'))) this.skip(); // no workbench installed here
      // VS Code's own TextMate engine, from the workbench's copy.
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- CommonJS at a path known only at run time
      const load = (name: string): unknown => require(path.join(VSCODE, 'node_modules', name));
      const textmate = load('vscode-textmate') as TextMate;
      const onig = load('vscode-oniguruma') as Oniguruma;
      const wasm = readFileSync(path.join(VSCODE, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
      await onig.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
      const yamlDir = path.join(VSCODE, 'extensions', 'yaml', 'syntaxes');
      const grammars = new Map<string, string>([['source.casebook', GRAMMAR]]);
      for (const f of readdirSync(yamlDir))
        grammars.set((JSON.parse(readFileSync(path.join(yamlDir, f), 'utf8')) as RawGrammar).scopeName, path.join(yamlDir, f));
      const registry = new textmate.Registry({
        onigLib: Promise.resolve({ createOnigScanner: (s) => new onig.OnigScanner(s), createOnigString: (s) => new onig.OnigString(s) }),
        loadGrammar: (scope) => {
          const file = grammars.get(scope);
          return Promise.resolve(file ? textmate.parseRawGrammar(readFileSync(file, 'utf8'), file) : null);
        },
      });
      const grammar = (await registry.loadGrammar('source.casebook'))!;
      tokenize = (text) => {
        let state = textmate.INITIAL;
        return text.split('\n').map((line) => {
          const r = grammar.tokenizeLine(line, state);
          state = r.ruleStack;
          return r.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
        });
      };
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
