import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { builtInCasesPath, loadLibrary } from '../../../server/src/node/libraryLoader';
import type { CaseLibrary } from '../../../server/src/service/types';

const FIXTURES = path.resolve(__dirname, '../../fixtures/library');
const ENTERPRISE = path.join(FIXTURES, 'enterprise');
const FLAT = path.join(FIXTURES, 'flat');

function problemsOf(library: CaseLibrary, file: string): { line: number; en: string; zh: string }[] {
  return library.problems.filter((p) => p.file === file).map((p) => ({ line: p.range.start.line + 1, en: p.message.en, zh: p.message.zh }));
}

describe('libraryLoader', () => {
  it('finds the repository cases/ folder from the sources', () => {
    assert.equal(builtInCasesPath(), path.resolve(__dirname, '../../../cases'));
    assert.ok(fs.existsSync(path.join(builtInCasesPath(), 'cases', 'mybank.yaml')));
  });

  describe('an enterprise folder with broken files', () => {
    let library: CaseLibrary;
    before(() => {
      library = loadLibrary({ builtInPath: builtInCasesPath(), extraPaths: [ENTERPRISE, FLAT] });
    });

    it('loads the good enterprise case with its own pattern and topology, next to the built-in ones', () => {
      const acme = library.cases.get('acme-bank')!;
      assert.equal(acme.builtIn, false);
      assert.equal(acme.file, path.join(ENTERPRISE, 'cases', 'acme-bank.yaml'));
      assert.equal(acme.topology?.file, path.join(ENTERPRISE, 'topologies', 'acme-bank.arch.yaml'));
      assert.deepEqual(
        acme.patterns.map((p) => p.pattern),
        ['two-regions-three-dcs', 'acme-branch-cutover'],
      );
      assert.deepEqual(library.patterns.get('acme-branch-cutover')!.cases, ['acme-bank']);
      assert.ok(library.patterns.get('two-regions-three-dcs')!.cases.includes('acme-bank'));
      assert.deepEqual(acme.outcomes[0]!.before, { amount: 4, unit: 'h' });
      assert.equal(library.cases.size, 11 + 3, 'built-in + acme-bank + wrong-types + acme-insurer');
      assert.ok(library.cases.has('acme-insurer'), 'a flat folder of case files loads too');
      assert.ok(library.products.has('acme-gateway'));
    });

    it('does not load a case with YAML errors, and names its file and line', () => {
      assert.ok(!library.cases.has('broken-yaml'));
      const problems = problemsOf(library, path.join(ENTERPRISE, 'cases', 'broken-yaml.yaml'));
      assert.ok(problems.length > 0);
      assert.ok(
        problems.every((p) => p.line >= 2 && /YAML/.test(p.en) && /YAML/.test(p.zh)),
        JSON.stringify(problems),
      );
    });

    it('loads a case with wrong field types, each problem at its own line', () => {
      const record = library.cases.get('wrong-types')!;
      const problems = problemsOf(library, path.join(ENTERPRISE, 'cases', 'wrong-types.yaml'));
      const lines = (pattern: RegExp) => problems.filter((p) => pattern.test(p.en)).map((p) => p.line);
      assert.deepEqual(lines(/"customer" should be a mapping/), [2]);
      assert.deepEqual(lines(/Unknown industry "bank-ish"/), [3]);
      assert.deepEqual(lines(/"year" should be a four-digit year/), [4]);
      assert.deepEqual(lines(/"title" has no English/), [6]);
      assert.deepEqual(lines(/"products" should be a list/), [9]);
      assert.deepEqual(lines(/"amount" should be a number/), [14]);
      assert.deepEqual(lines(/Unknown pattern "two-region-three-dcs"\. Did you mean "two-regions-three-dcs"\?/), [16]);
      assert.deepEqual(lines(/Unknown field "outcome"/), [20]);
      assert.equal(problems.length, 8, JSON.stringify(problems, null, 1));
      assert.deepEqual(
        record.patterns.map((p) => p.pattern),
        ['unitization'],
      );
      assert.equal(record.outcomes[0]!.id, 'ok-figure');
      assert.equal(record.outcomes[0]!.after, undefined);
    });

    it('refuses an enterprise case that reuses a built-in id', () => {
      assert.equal(library.cases.get('nanjing-bank')!.builtIn, true);
      const [problem] = problemsOf(library, path.join(ENTERPRISE, 'cases', 'nanjing-bank.yaml'));
      assert.equal(problem!.line, 2);
      assert.match(problem!.en, /"nanjing-bank" is already a built-in case/);
      assert.match(problem!.zh, /企业案例不能替换内置内容/);
    });

    it('refuses an enterprise product that reuses a built-in id', () => {
      assert.equal(library.products.get('oceanbase')!.name, 'OceanBase');
      const [problem] = problemsOf(library, path.join(FLAT, 'products.yaml'));
      assert.equal(problem!.line, 5);
      assert.match(problem!.en, /product "oceanbase" is already a built-in product/);
    });

    it('reports nothing about the built-in files', () => {
      assert.deepEqual(
        library.problems.filter((p) => p.file.startsWith(builtInCasesPath())),
        [],
      );
    });
  });

  describe('folders that cannot be read', () => {
    let scratch: string;
    before(() => {
      scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'casebook-library-'));
    });
    after(() => fs.rmSync(scratch, { recursive: true, force: true }));

    it('reports a missing folder instead of throwing, and still loads the built-in library', () => {
      const missing = path.join(scratch, 'does-not-exist');
      const library = loadLibrary({ builtInPath: builtInCasesPath(), extraPaths: [missing] });
      assert.equal(library.cases.size, 11);
      const [problem] = problemsOf(library, missing);
      assert.match(problem!.en, /Cannot read the case library folder ".*does-not-exist": it does not exist\./);
      assert.match(problem!.zh, /无法读取案例库目录.*不存在/);
    });

    it('reports a file given as a folder, and a folder with nothing to load', () => {
      const file = path.join(scratch, 'file.txt');
      fs.writeFileSync(file, 'x');
      const empty = path.join(scratch, 'empty');
      fs.mkdirSync(empty);
      const library = loadLibrary({ builtInPath: builtInCasesPath(), extraPaths: [file, empty] });
      assert.match(problemsOf(library, file)[0]!.en, /it is not a folder/);
      assert.match(problemsOf(library, empty)[0]!.en, /No case, pattern or product files found/);
    });

    it('reports a missing built-in folder without throwing', () => {
      const library = loadLibrary({ builtInPath: path.join(scratch, 'nowhere'), extraPaths: [] });
      assert.equal(library.cases.size, 0);
      assert.equal(library.problems.length, 1);
    });

    it('relative extra paths resolve against the working directory', () => {
      const library = loadLibrary({ builtInPath: builtInCasesPath(), extraPaths: [path.relative(process.cwd(), FLAT)] });
      assert.ok(library.cases.has('acme-insurer'));
    });
  });
});
