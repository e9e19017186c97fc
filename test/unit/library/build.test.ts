import * as assert from 'node:assert/strict';
import { buildLibrary, libraryFileKind, type LibraryFile } from '../../../server/src/service/library/build';
import { suggest } from '../../../server/src/service/suggest';
import { parseCaseFile, parsePatternFile, parseProductsFile } from '../../../server/src/service/library/parse';
import type { CaseLibrary, LibraryProblem } from '../../../server/src/service/types';

const PATTERN = (id: string, cases: string[]) => `id: ${id}
name: { zh: 模式${id}, en: Pattern ${id} }
aliases: [${id.toUpperCase()}]
summary: { zh: 概要, en: Summary }
whenToApply: { zh: 何时, en: When }
cost: { zh: 代价, en: Cost }
cases: [${cases.join(', ')}]
`;

const CASE = (id: string, patterns: string[], extra = '') => `id: ${id}
customer: { zh: 客户${id}, en: Customer ${id} }
industry: bank
title: { zh: 标题, en: Title }
challenge: { zh: 挑战, en: Challenge }
solution: { zh: 方案, en: Solution }
products: [sofastack]
outcomes:
  - id: speed
    metric: { zh: 速度, en: speed }
    value: { zh: 1 秒, en: 1 second }
patterns:
${patterns.map((p) => `  - pattern: ${p}\n    evidence: { zh: 证据, en: evidence }`).join('\n')}
${extra}`;

const PRODUCTS = `products:
  - id: sofastack
    name: SOFAStack
    description: { zh: 中间件, en: Middleware }
`;

const builtIn = (path: string, text: string): LibraryFile => ({ path: `/lib/${path}`, text, builtIn: true });
const enterprise = (path: string, text: string): LibraryFile => ({ path: `/corp/${path}`, text, builtIn: false });

/** A small consistent built-in library: two cases, two patterns, one product. */
function baseFiles(): LibraryFile[] {
  return [
    builtIn('products.yaml', PRODUCTS),
    builtIn('patterns/alpha.yaml', PATTERN('alpha', ['one', 'two'])),
    builtIn('patterns/beta.yaml', PATTERN('beta', ['two'])),
    builtIn('cases/one.yaml', CASE('one', ['alpha'])),
    builtIn('cases/two.yaml', CASE('two', ['alpha', 'beta'])),
  ];
}

function problemsIn(library: CaseLibrary, file: string): LibraryProblem[] {
  return library.problems.filter((p) => p.file === file);
}

describe('library parser', () => {
  it('reads a case with every field and keeps source lines', () => {
    const parsed = parseCaseFile(
      CASE('one', ['alpha'], 'year: 2017\naliases: [壹号, One]\ntopology: ../topologies/one.arch.yaml\n'),
      '/lib/cases/one.yaml',
      true,
    );
    assert.deepEqual(parsed.problems, []);
    const record = parsed.value!;
    assert.equal(record.year, 2017);
    assert.deepEqual(record.aliases, ['壹号', 'One']);
    assert.deepEqual(record.customer, { zh: '客户one', en: 'Customer one' });
    assert.equal(record.source.range.start.line, 1);
    assert.equal(record.outcomes[0]!.source.range.start.line, 8);
    assert.equal(record.patterns[0]!.source.range.start.line, 13);
    assert.deepEqual(parsed.topologyRef?.path, '../topologies/one.arch.yaml');
    assert.deepEqual(
      parsed.references.map((r) => `${r.kind}:${r.id}@${r.location.range.start.line}`),
      ['product:sofastack@6', 'pattern:alpha@12'],
    );
  });

  it('reports wrong field types at their lines and still loads the case', () => {
    const text = [
      'id: typed', //                          0
      'customer: 只有中文名', //                1  not { zh, en }
      'industry: bank-ish', //                  2  not an industry
      'year: twenty', //                        3  not a year
      'title: { zh: 标题 }', //                 4  no en
      'challenge: { zh: 挑战, en: Challenge }',
      'solution: { zh: 方案, en: Solution }',
      'products: sofastack', //                 7  not a list
      'outcomes:',
      '  - id: Bad Id', //                      9  not an id
      '    metric: { zh: 指标, en: metric }',
      '    value: { zh: 值, en: value }',
      '  - just text', //                      12  not a map
      'outcome: typo', //                      13  unknown field
    ].join('\n');
    const parsed = parseCaseFile(text, '/corp/typed.yaml', false);
    const byLine = new Map(parsed.problems.map((p) => [p.range.start.line, p.message]));
    assert.deepEqual(
      [...byLine.keys()].sort((a, b) => a - b),
      [1, 2, 3, 4, 7, 9, 12, 13],
    );
    assert.match(byLine.get(1)!.en, /"customer" should be a mapping with zh and en/);
    assert.match(byLine.get(1)!.zh, /“customer”应为包含 zh 和 en 的映射/);
    assert.match(byLine.get(2)!.en, /Unknown industry "bank-ish"/);
    assert.match(byLine.get(4)!.en, /"title" has no English \(en\) text/);
    assert.match(byLine.get(13)!.en, /Unknown field "outcome"/);
    const record = parsed.value!;
    assert.equal(record.industry, 'other');
    assert.deepEqual(record.title, { zh: '标题', en: '标题' }, 'a missing language falls back to the other');
    assert.deepEqual(record.customer, { zh: 'typed', en: 'typed' });
    assert.deepEqual(record.outcomes, []);
    assert.equal(record.year, undefined);
  });

  it('does not load a file with YAML errors, and says where they are', () => {
    const parsed = parseCaseFile('id: x\ncustomer: { zh: 坏, en: Broken\nindustry: bank\n', '/corp/bad.yaml', false);
    assert.equal(parsed.value, undefined);
    assert.ok(parsed.problems.length > 0);
    for (const p of parsed.problems) {
      assert.equal(p.file, '/corp/bad.yaml');
      assert.match(p.message.zh, /YAML 语法错误.*本文件未加载/);
      assert.match(p.message.en, /YAML syntax error.*not loaded/);
    }
  });

  it('reports an empty file and a file that is not a mapping', () => {
    assert.match(parseCaseFile('', '/corp/empty.yaml', false).problems[0]!.message.en, /case file is empty/);
    const list = parsePatternFile('- a\n- b\n', '/corp/patterns/list.yaml', false);
    assert.equal(list.value, undefined);
    assert.match(list.problems[0]!.message.en, /top level of a pattern file should be a mapping/);
  });

  it('reports a missing id and does not load the record', () => {
    const parsed = parsePatternFile(PATTERN('alpha', []).replace('id: alpha\n', ''), '/corp/patterns/x.yaml', false);
    assert.equal(parsed.value, undefined);
    assert.match(parsed.problems[0]!.message.en, /Missing required field "id"/);
    assert.equal(parsed.problems[0]!.range.start.line, 0);
  });

  it('reads the product catalogue and reports duplicate products', () => {
    const parsed = parseProductsFile(
      PRODUCTS + '  - id: sofastack\n    name: Again\n    description: { zh: 重复, en: Again }\n',
      '/lib/products.yaml',
    );
    assert.equal(parsed.value!.length, 1);
    assert.equal(parsed.problems.length, 1);
    assert.equal(parsed.problems[0]!.range.start.line, 4);
    assert.match(parsed.problems[0]!.message.en, /appears twice/);
  });

  it('reads a flow-map text whose comma split it, as an unknown field rather than silently', () => {
    const parsed = parsePatternFile(
      PATTERN('alpha', []).replace('en: Pattern alpha', 'en: Two regions, three centres'),
      '/lib/patterns/alpha.yaml',
      true,
    );
    assert.match(parsed.problems[0]!.message.en, /Unknown field "three centres"/);
  });
});

describe('buildLibrary', () => {
  it('builds a consistent library with no problems', () => {
    const library = buildLibrary(baseFiles());
    assert.deepEqual(library.problems, []);
    assert.deepEqual([...library.cases.keys()], ['one', 'two']);
    assert.deepEqual(library.patterns.get('alpha')!.cases, ['one', 'two']);
    assert.equal(library.products.get('sofastack')!.name, 'SOFAStack');
  });

  it('keeps going past a broken enterprise case: the problem names the file and line', () => {
    const broken = enterprise('broken.yaml', 'id: broken\ncustomer: { zh: 坏, en: Broken\nindustry: bank\n');
    const good = enterprise('good.yaml', CASE('good', ['alpha']));
    const library = buildLibrary([...baseFiles(), broken, good]);
    assert.ok(library.cases.has('good'));
    assert.ok(!library.cases.has('broken'));
    const problems = problemsIn(library, '/corp/broken.yaml');
    assert.ok(problems.length > 0);
    assert.ok(
      problems.every((p) => p.range.start.line >= 1),
      JSON.stringify(problems.map((p) => p.range)),
    );
    assert.deepEqual(
      library.problems.filter((p) => p.file !== '/corp/broken.yaml'),
      [],
    );
  });

  it('reports an unknown pattern at the id, suggests the near one, and drops it from the record', () => {
    const library = buildLibrary([...baseFiles(), enterprise('typo.yaml', CASE('typo', ['alpah', 'beta']))]);
    const [problem, ...rest] = problemsIn(library, '/corp/typo.yaml');
    assert.deepEqual(rest, []);
    assert.equal(problem!.range.start.line, 12);
    assert.equal(problem!.range.start.character, 13);
    assert.match(problem!.message.en, /Unknown pattern "alpah"\. Did you mean "alpha"\?/);
    assert.match(problem!.message.zh, /未知的架构模式“alpah”。是否是“alpha”？/);
    assert.deepEqual(
      library.cases.get('typo')!.patterns.map((p) => p.pattern),
      ['beta'],
    );
    // An enterprise case citing a built-in pattern is added to the pattern's cases, without a problem.
    assert.ok(library.patterns.get('beta')!.cases.includes('typo'));
  });

  it('reports unknown products and unknown cases in a pattern', () => {
    const library = buildLibrary([
      ...baseFiles(),
      enterprise('p.yaml', CASE('p', ['alpha']).replace('products: [sofastack]', 'products: [sofastak, mystery]')),
      enterprise('patterns/gamma.yaml', PATTERN('gamma', ['nobody'])),
    ]);
    const messages = library.problems.map((p) => p.message.en);
    assert.ok(messages.includes('Unknown product "sofastak". Did you mean "sofastack"?'), messages.join('\n'));
    assert.ok(messages.includes('Unknown product "mystery".'));
    assert.ok(messages.includes('Unknown case "nobody".'));
    assert.deepEqual(library.cases.get('p')!.products, []);
    assert.deepEqual(library.patterns.get('gamma')!.cases, []);
  });

  it('refuses an enterprise case that would replace a built-in one, whatever the file order', () => {
    const impostor = enterprise('one.yaml', CASE('one', ['alpha']).replace('客户one', '冒名'));
    const library = buildLibrary([impostor, ...baseFiles()]);
    assert.equal(library.cases.get('one')!.customer.zh, '客户one');
    const [problem] = problemsIn(library, '/corp/one.yaml');
    assert.equal(problem!.range.start.line, 0);
    assert.match(problem!.message.en, /already a built-in case \(\/lib\/cases\/one\.yaml\); enterprise files cannot replace/);
  });

  it('reports two enterprise files with the same id and keeps the first', () => {
    const library = buildLibrary([
      ...baseFiles(),
      enterprise('a.yaml', CASE('dup', ['alpha'])),
      enterprise('b.yaml', CASE('dup', ['beta'])),
    ]);
    assert.equal(library.cases.get('dup')!.file, '/corp/a.yaml');
    assert.match(problemsIn(library, '/corp/b.yaml')[0]!.message.en, /already defined in \/corp\/a\.yaml/);
  });

  it('reports built-in patterns and cases that disagree, in both directions', () => {
    const files = baseFiles();
    files[2] = builtIn('patterns/beta.yaml', PATTERN('beta', ['one', 'two'])); // case one does not cite beta
    files[3] = builtIn('cases/one.yaml', CASE('one', ['alpha', 'beta'])); // now it does
    assert.deepEqual(buildLibrary(files).problems, []);
    files[3] = builtIn('cases/one.yaml', CASE('one', ['alpha']));
    const missing = buildLibrary(files).problems;
    assert.equal(missing.length, 1);
    assert.equal(missing[0]!.file, '/lib/patterns/beta.yaml');
    assert.match(missing[0]!.message.en, /Pattern "beta" lists case "one", but the case's patterns do not include it/);
    files[2] = builtIn('patterns/beta.yaml', PATTERN('beta', []));
    files[3] = builtIn('cases/one.yaml', CASE('one', ['beta']));
    files[1] = builtIn('patterns/alpha.yaml', PATTERN('alpha', ['two']));
    const other = buildLibrary(files);
    // Case one cites beta (line 12) and case two cites it too (line 14); beta lists neither.
    assert.deepEqual(
      other.problems.map((p) => `${p.file}:${p.range.start.line}`),
      ['/lib/cases/one.yaml:12', '/lib/cases/two.yaml:14'],
    );
    assert.match(other.problems[0]!.message.en, /Case "one" cites pattern "beta", but the pattern's cases list does not include it/);
  });

  it('resolves a topology relative to the case file, and reports one that is missing', () => {
    const topology: LibraryFile = builtIn('topologies/one.arch.yaml', 'casebook: proposal/v1\n');
    const files = baseFiles();
    files[3] = builtIn('cases/one.yaml', CASE('one', ['alpha'], 'topology: ../topologies/one.arch.yaml\n'));
    files[4] = builtIn('cases/two.yaml', CASE('two', ['alpha', 'beta'], 'topology: ../topologies/missing.arch.yaml\n'));
    const library = buildLibrary([...files, topology]);
    assert.deepEqual(library.cases.get('one')!.topology, { file: '/lib/topologies/one.arch.yaml', text: 'casebook: proposal/v1\n' });
    assert.equal(library.cases.get('two')!.topology, undefined);
    const [problem] = library.problems;
    assert.equal(problem!.file, '/lib/cases/two.yaml');
    assert.equal(problem!.range.start.line, 16);
    assert.match(problem!.message.en, /Reference topology "\.\.\/topologies\/missing\.arch\.yaml" not found/);
  });

  it('resolves Windows paths the same way', () => {
    const files: LibraryFile[] = [
      { path: 'C:\\corp\\products.yaml', text: PRODUCTS, builtIn: false },
      { path: 'C:\\corp\\patterns\\alpha.yaml', text: PATTERN('alpha', ['win']), builtIn: false },
      { path: 'C:\\corp\\cases\\win.yaml', text: CASE('win', ['alpha'], 'topology: ..\\topologies\\win.arch.yaml\n'), builtIn: false },
      { path: 'c:\\corp\\Topologies\\..\\topologies\\WIN.arch.yaml', text: 'casebook: proposal/v1\n', builtIn: false },
    ];
    const library = buildLibrary(files);
    assert.deepEqual(library.problems, []);
    assert.equal(library.cases.get('win')!.topology?.text, 'casebook: proposal/v1\n');
  });

  it('tells file kinds apart by where they sit', () => {
    assert.equal(libraryFileKind('/x/cases/a.yaml'), 'case');
    assert.equal(libraryFileKind('/x/a.yml'), 'case');
    assert.equal(libraryFileKind('/x/patterns/a.yaml'), 'pattern');
    assert.equal(libraryFileKind('C:\\x\\patterns\\a.yaml'), 'pattern');
    assert.equal(libraryFileKind('/x/products.yaml'), 'products');
    assert.equal(libraryFileKind('/x/topologies/a.arch.yaml'), 'topology');
    assert.equal(libraryFileKind('/x/a.arch.yml'), 'topology');
    assert.equal(libraryFileKind('/x/README.md'), undefined);
  });

  it('suggests only near ids (the shared did-you-mean)', () => {
    assert.equal(suggest('two-region-three-dcs', ['two-regions-three-dcs', 'saga']), 'two-regions-three-dcs');
    assert.equal(suggest('kafka', ['saga', 'devops']), undefined);
  });
});
