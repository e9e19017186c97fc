import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ALL_RULES } from '../../../server/src/service/analyze';
import { FILE_RULES } from '../../../server/src/node/files';
import { ROOT, buildCli, fixture, runCli, type RunResult } from './helpers';
import { sarifErrors } from './sarifSchema';

const CJK = /[\u4e00-\u9fff]/;

interface JsonOut {
  version: number;
  files: { file: string; findings: Record<string, unknown>[] }[];
}

function json(result: RunResult): JsonOut {
  assert.equal(result.timedOut, false, 'the CLI hung');
  return JSON.parse(result.stdout) as JsonOut;
}

function findingsOf(result: RunResult): Record<string, unknown>[] {
  return json(result).files.flatMap((f) => f.findings);
}

/** Not a crash: a crash prints a stack trace and exits 2 through the internal-error path. */
function assertNoCrash(result: RunResult): void {
  assert.equal(result.timedOut, false, 'the CLI hung');
  assert.doesNotMatch(result.stderr, /internal error|内部错误|\n\s+at /i, result.stderr);
}

describe('casebook CLI (process)', function () {
  this.timeout(120_000);
  let tmp: string;

  before(() => {
    buildCli();
    tmp = mkdtempSync(path.join(tmpdir(), 'casebook-cli-'));
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  describe('usage', () => {
    it('--help lists the commands and exits 0', () => {
      const r = runCli(['--help']);
      assert.equal(r.status, 0);
      for (const command of ['casebook check', 'casebook cases search', 'casebook cases show', 'casebook cases list', 'casebook render'])
        assert.ok(r.stdout.includes(command), command);
    });

    it('--version prints the package version', () => {
      const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
      const r = runCli(['--version']);
      assert.equal(r.status, 0);
      assert.equal(r.stdout.trim(), `casebook ${version}`);
    });

    it('per-command help exits 0', () => {
      const r = runCli(['check', '--help']);
      assert.equal(r.status, 0);
      assert.match(r.stdout, /--fail-on/);
      assert.match(runCli(['check', '--help', '--locale', 'zh-CN']).stdout, /退出码/);
    });

    it('no command, an unknown command, an unknown flag, a bad value or no files: exit 2 with a message on stderr', () => {
      const cases: [string[], RegExp][] = [
        [[], /Usage/],
        [['frobnicate'], /Unknown command frobnicate/],
        [['check', '--colour', 'x.arch.yaml'], /Unknown option --colour/],
        [['check', '--format', 'xml', 'x.arch.yaml'], /Invalid value “xml” for --format/],
        [['check', '--fail-on'], /--fail-on needs a value/],
        [['check'], /at least one file/],
        [['cases'], /search, show or list/],
        [['cases', 'search', 'x', '--limit', '0'], /--limit/],
      ];
      for (const [args, message] of cases) {
        const r = runCli(args);
        assert.equal(r.status, 2, args.join(' '));
        assert.match(r.stdout + r.stderr, message, args.join(' '));
      }
    });

    it('usage errors follow --locale, then LANG', () => {
      assert.match(runCli(['frobnicate', '--locale', 'zh-CN']).stderr, /未知命令 frobnicate/);
      assert.match(runCli(['frobnicate'], { env: { LANG: 'zh_CN.UTF-8' } }).stderr, /未知命令/);
      assert.match(runCli(['frobnicate'], { env: { LANG: 'zh_CN.UTF-8', LC_ALL: 'en_US.UTF-8' } }).stderr, /Unknown command/);
    });

    it('a missing file or a glob matching nothing is exit 2, named on stderr', () => {
      const r = runCli(['check', 'no/such/file.arch.yaml']);
      assert.equal(r.status, 2);
      assert.match(r.stderr, /no\/such\/file\.arch\.yaml does not exist/);
      const g = runCli(['check', 'test/fixtures/cli/*.nothing']);
      assert.equal(g.status, 2);
      assert.match(g.stderr, /No proposal files match/);
    });
  });

  describe('--format json', () => {
    it('has exactly the contract keys and types, with zero-based ranges', () => {
      const r = runCli(['check', fixture('waiver-warning.arch.yaml'), '--format', 'json']);
      const out = json(r);
      assert.deepEqual(Object.keys(out), ['version', 'files']);
      assert.equal(out.version, 1);
      assert.equal(out.files.length, 1);
      assert.deepEqual(Object.keys(out.files[0]!), ['file', 'findings']);
      assert.equal(out.files[0]!.file, 'test/fixtures/cli/waiver-warning.arch.yaml');
      const [finding] = out.files[0]!.findings;
      assert.deepEqual(Object.keys(finding!), [
        'rule',
        'severity',
        'message',
        'range',
        'path',
        'patterns',
        'cases',
        'regulations',
        'suppressed',
      ]);
      assert.equal(finding!.rule, 'waiver-missing-reason');
      assert.equal(finding!.severity, 'warning');
      assert.equal(typeof finding!.message, 'string');
      assert.equal(finding!.suppressed, false);
      assert.ok(Array.isArray(finding!.patterns) && Array.isArray(finding!.cases) && Array.isArray(finding!.path));
      // The waiver comment is on the 32nd line: zero-based 31, and its `#` column zero-based.
      const lines = readFileSync(fixture('waiver-warning.arch.yaml'), 'utf8').split('\n');
      const line = lines.findIndex((l) => l.includes('casebook-ignore'));
      const range = finding!.range as { start: { line: number; character: number }; end: { line: number; character: number } };
      assert.deepEqual(Object.keys(range), ['start', 'end']);
      assert.deepEqual(Object.keys(range.start), ['line', 'character']);
      assert.deepEqual(range.start, { line, character: lines[line]!.indexOf('#') });
      assert.deepEqual(finding!.path, ['systems', 0, 'tier']);
    });

    it('every finding of every example keeps the contract', () => {
      const out = json(runCli(['check', 'examples', '--format', 'json', '--fail-on', 'none']));
      assert.ok(out.files.length >= 6);
      for (const file of out.files) {
        for (const f of file.findings) {
          assert.deepEqual(
            Object.keys(f),
            ['rule', 'severity', 'message', 'range', 'path', 'patterns', 'cases', 'regulations', 'suppressed'],
            f.rule as string,
          );
          assert.ok(['error', 'warning', 'info', 'hint'].includes(f.severity as string));
          const { start, end } = f.range as { start: { line: number; character: number }; end: { line: number; character: number } };
          for (const n of [start.line, start.character, end.line, end.character]) assert.ok(Number.isInteger(n) && n >= 0);
          assert.ok(end.line > start.line || (end.line === start.line && end.character >= start.character));
        }
      }
    });

    it('marks waived findings suppressed instead of dropping them', () => {
      const findings = findingsOf(runCli(['check', fixture('waived.arch.yaml'), '--format', 'json']));
      const waived = findings.find((f) => f.rule === 'tier1-two-regions-three-dcs');
      assert.ok(waived, 'the waived finding is still reported');
      assert.equal(waived.suppressed, true);
      assert.ok(findings.every((f) => f.rule !== 'waiver-unused'));
    });
  });

  describe('--format sarif', () => {
    it('is structurally valid SARIF 2.1.0 with every rule described', () => {
      const r = runCli(['check', 'examples', fixture('waived.arch.yaml'), '--format', 'sarif', '--fail-on', 'none']);
      assert.equal(r.status, 0);
      const log = JSON.parse(r.stdout) as {
        $schema: string;
        runs: {
          tool: { driver: { name: string; rules: { id: string; help: { text: string; markdown: string }; helpUri: string }[] } };
          results: {
            ruleId: string;
            level: string;
            suppressions?: { justification: string }[];
            locations: { physicalLocation: { region: { startLine: number } } }[];
          }[];
        }[];
      };
      assert.deepEqual(sarifErrors(log), []);
      assert.match(log.$schema, /sarif-2\.1\.0/);
      assert.equal(log.runs.length, 1);
      const { driver } = log.runs[0]!.tool;
      assert.equal(driver.name, 'Casebook');
      const ids = driver.rules.map((rule) => rule.id);
      for (const meta of [...ALL_RULES, ...FILE_RULES]) assert.ok(ids.includes(meta.id), meta.id);
      const tier1 = driver.rules.find((rule) => rule.id === 'tier1-two-regions-three-dcs')!;
      assert.match(tier1.help.markdown, /two-regions-three-dcs/);
      assert.match(tier1.help.text, /Tianhong Fund/);
      assert.match(tier1.helpUri, /docs\/rules\.md#tier1-two-regions-three-dcs$/);
      const results = log.runs[0]!.results;
      assert.ok(results.length > 0);
      assert.ok(results.every((res) => ['error', 'warning', 'note'].includes(res.level)));
      const suppressed = results.find((res) => res.ruleId === 'tier1-two-regions-three-dcs' && res.suppressions);
      assert.ok(suppressed, 'the waived finding carries a suppression');
      assert.match(suppressed.suppressions![0]!.justification, /异地中心二期建设/);
      assert.equal(suppressed.locations[0]!.physicalLocation.region.startLine, 12, '1-based line of `tier: 1`');
    });
  });

  describe('exit codes', () => {
    // quiet: nothing; waiver-info: one info; waiver-warning: one warning; a binary file: one error.
    let binary: string;
    before(() => {
      binary = path.join(tmp, 'binary.arch.yaml');
      writeFileSync(binary, Buffer.from([0x63, 0x61, 0x73, 0x65, 0x0a, 0x00, 0x01, 0x02, 0xff]));
    });
    const expectations: [string, Record<string, number>][] = [
      ['quiet.arch.yaml', { error: 0, warning: 0, info: 0, none: 0 }],
      ['waiver-info.arch.yaml', { error: 0, warning: 0, info: 1, none: 0 }],
      ['waiver-warning.arch.yaml', { error: 0, warning: 1, info: 1, none: 0 }],
      ['binary', { error: 1, warning: 1, info: 1, none: 0 }],
    ];
    for (const [name, byFailOn] of expectations) {
      for (const [failOn, status] of Object.entries(byFailOn)) {
        it(`${name} --fail-on ${failOn} → ${status}`, () => {
          const file = name === 'binary' ? binary : fixture(name);
          const r = runCli(['check', file, '--fail-on', failOn]);
          assertNoCrash(r);
          assert.equal(r.status, status, r.stdout + r.stderr);
        });
      }
    }

    it('the default --fail-on is error', () => {
      assert.equal(runCli(['check', fixture('waiver-warning.arch.yaml')]).status, 0);
      assert.equal(runCli(['check', binary]).status, 1);
    });

    it('suppressed findings never fail a run', () => {
      const r = runCli(['check', fixture('waived.arch.yaml'), '--format', 'json', '--fail-on', 'info']);
      const unsuppressed = findingsOf(r).filter((f) => !f.suppressed);
      assert.equal(r.status, unsuppressed.length > 0 ? 1 : 0);
      const strict = runCli([
        'check',
        fixture('waived.arch.yaml'),
        '--config',
        fixture('severity.casebook.yaml'),
        '--format',
        'json',
        '--fail-on',
        'error',
      ]);
      assert.ok(findingsOf(strict).some((f) => f.rule === 'tier1-two-regions-three-dcs' && f.suppressed && f.severity !== 'error'));
    });
  });

  describe('bad input is a located finding, never a crash or a hang', () => {
    it('malformed YAML', () => {
      const r = runCli(['check', fixture('malformed.arch.yaml'), '--format', 'json']);
      assertNoCrash(r);
      assert.equal(r.status, 1);
      const syntax = findingsOf(r).find((f) => f.rule === 'yaml-syntax');
      assert.ok(syntax, JSON.stringify(findingsOf(r)));
      assert.equal((syntax.range as { start: { line: number } }).start.line, 5);
    });

    it('an alias bomb returns quickly with a finding', () => {
      const r = runCli(['check', fixture('alias-bomb.arch.yaml'), '--format', 'json']);
      assertNoCrash(r);
      assert.equal(r.status, 1);
      assert.ok(findingsOf(r).some((f) => f.rule === 'yaml-too-large' || /alias/i.test(f.message as string)));
    });

    it('an empty file', () => {
      const r = runCli(['check', fixture('empty.arch.yaml'), '--format', 'json', '--fail-on', 'warning']);
      assertNoCrash(r);
      const [finding] = findingsOf(r);
      assert.ok(finding, 'an empty proposal is reported');
      assert.deepEqual((finding.range as { start: unknown }).start, { line: 0, character: 0 });
      assert.equal(r.status, 1);
    });

    it('a binary file → document-binary at the NUL byte', () => {
      const file = path.join(tmp, 'image.arch.yaml');
      writeFileSync(file, Buffer.concat([Buffer.from('casebook: proposal/v1\nname: x'), Buffer.from([0, 0, 0x89, 0x50])]));
      const r = runCli(['check', file, '--format', 'json']);
      assertNoCrash(r);
      assert.equal(r.status, 1);
      const [finding] = findingsOf(r);
      assert.equal(finding!.rule, 'document-binary');
      assert.deepEqual((finding!.range as { start: unknown }).start, { line: 1, character: 7 });
    });

    it('a GBK file → document-encoding on the line of the first bad byte', () => {
      const file = path.join(tmp, 'gbk.arch.yaml');
      // "name: 核心" in GBK: 0xBA 0xCB 0xD0 0xC4
      writeFileSync(file, Buffer.concat([Buffer.from('casebook: proposal/v1\nname: '), Buffer.from([0xba, 0xcb, 0xd0, 0xc4, 0x0a])]));
      const r = runCli(['check', file, '--format', 'json', '--locale', 'zh-CN']);
      assertNoCrash(r);
      const [finding] = findingsOf(r);
      assert.equal(finding!.rule, 'document-encoding');
      assert.deepEqual((finding!.range as { start: unknown }).start, { line: 1, character: 6 });
      assert.match(finding!.message as string, /UTF-8/);
      assert.match(finding!.message as string, CJK);
    });

    it('a file over the size limit is refused with a finding, without reading it all', () => {
      const file = path.join(tmp, 'huge.arch.yaml');
      writeFileSync(file, 'casebook: proposal/v1\n' + '# padding\n'.repeat(600_000));
      const r = runCli(['check', file, '--format', 'json']);
      assertNoCrash(r);
      assert.equal(r.status, 1);
      const [finding] = findingsOf(r);
      assert.equal(finding!.rule, 'document-too-large');
      assert.match(finding!.message as string, /MB/);
    });

    it('a device or pipe is exit 2, not an endless read', function () {
      if (process.platform === 'win32') this.skip();
      const r = runCli(['check', '/dev/zero']);
      assert.equal(r.timedOut, false);
      assert.equal(r.status, 2);
      assert.match(r.stderr, /not a regular file/);
    });

    it('an unreadable file is exit 2', function () {
      if (process.getuid?.() === 0) this.skip(); // root reads everything: no unreadable file to make
      const file = path.join(tmp, 'secret.arch.yaml');
      writeFileSync(file, 'casebook: proposal/v1\n', { mode: 0o000 });
      const r = runCli(['check', file]);
      assert.equal(r.status, 2);
      assert.match(r.stderr, /Cannot read/);
    });
  });

  describe('files, folders and globs', () => {
    let tree: string;
    before(() => {
      tree = path.join(tmp, 'tree');
      const quiet = readFileSync(fixture('quiet.arch.yaml'), 'utf8');
      for (const dir of ['nested/node_modules/pkg', '.git', 'nested/deeper']) mkdirSync(path.join(tree, dir), { recursive: true });
      writeFileSync(path.join(tree, 'a.arch.yaml'), quiet);
      writeFileSync(path.join(tree, 'nested', 'b.arch.yml'), quiet);
      writeFileSync(path.join(tree, 'nested', 'deeper', 'c.arch.yaml'), quiet);
      writeFileSync(path.join(tree, 'nested', 'marked.yaml'), '# a proposal by its marker\ncasebook: proposal/v1\nname: 标记\n');
      writeFileSync(path.join(tree, 'nested', 'other.yaml'), 'name: not a proposal\n');
      writeFileSync(path.join(tree, 'nested', 'node_modules', 'pkg', 'skipped.arch.yaml'), quiet);
      writeFileSync(path.join(tree, '.git', 'skipped.arch.yaml'), quiet);
    });
    const filesOf = (r: RunResult) =>
      json(r)
        .files.map((f) => f.file)
        .sort();

    it('a folder yields proposals by name and by marker, skipping node_modules and .git', () => {
      const r = runCli(['check', '.', '--format', 'json', '--fail-on', 'none'], { cwd: tree });
      assert.deepEqual(filesOf(r), ['a.arch.yaml', 'nested/b.arch.yml', 'nested/deeper/c.arch.yaml', 'nested/marked.yaml']);
    });

    it('globs: *, ** and ?', () => {
      const run = (glob: string) => filesOf(runCli(['check', glob, '--format', 'json', '--fail-on', 'none'], { cwd: tree }));
      assert.deepEqual(run('*.arch.yaml'), ['a.arch.yaml']);
      assert.deepEqual(run('**/*.arch.yaml'), ['a.arch.yaml', 'nested/deeper/c.arch.yaml']);
      assert.deepEqual(run('nested/**/?.arch.*'), ['nested/b.arch.yml', 'nested/deeper/c.arch.yaml']);
    });

    it('a file named twice is checked once; an explicit file is checked whatever its name', () => {
      const r = runCli(['check', 'a.arch.yaml', './a.arch.yaml', 'nested/other.yaml', '--format', 'json', '--fail-on', 'none'], {
        cwd: tree,
      });
      assert.deepEqual(filesOf(r), ['a.arch.yaml', 'nested/other.yaml']);
    });
  });

  describe('text output', () => {
    it('is file:line:col severity rule message, then the cases, then a summary', () => {
      const r = runCli(['check', fixture('waived.arch.yaml'), '--locale', 'en']);
      const lines = r.stdout.trimEnd().split('\n');
      assert.match(lines[0]!, /^test\/fixtures\/cli\/waived\.arch\.yaml:\d+:\d+ (error|warning|info|hint) [a-z0-9-]+ \S/);
      assert.ok(lines.some((l) => /^ {4}cases: /.test(l)));
      assert.match(lines.at(-1)!, /\(1 file, 1 suppressed\)$/);
      assert.doesNotMatch(r.stdout, /\x1b\[/, 'no colour when not a terminal');
    });

    it('with --locale zh-CN the output is Chinese', () => {
      const r = runCli(['check', fixture('waived.arch.yaml'), '--locale', 'zh-CN']);
      const lines = r.stdout.trimEnd().split('\n');
      assert.match(lines[0]!, / (错误|警告|信息|提示) /);
      assert.ok(lines.some((l) => /^ {4}案例：/.test(l)));
      assert.match(lines.at(-1)!, /1 个文件，1 条已豁免/);
      assert.match(lines[0]!, CJK);
    });

    it('shows control characters from the proposal as visible escapes, never raw (no screen clearing, no fake summary)', () => {
      const file = path.join(tmp, 'escape.arch.yaml');
      writeFileSync(file, 'casebook: proposal/v1\n"\\e[2J\\e[H\\u202e✔ No findings": 1\nsystems: []\n');
      const r = runCli(['check', file, '--locale', 'en']);
      assertNoCrash(r);
      assert.ok(r.stdout.includes('\\u{1b}[2J'), r.stdout);
      assert.ok(r.stdout.includes('\\u{202e}'), r.stdout);
      assert.doesNotMatch(r.stdout, /[\x1b\u202e]/);
    });

    it('colours with FORCE_COLOR and never with NO_COLOR', () => {
      assert.match(runCli(['check', fixture('waived.arch.yaml')], { env: { NO_COLOR: '', FORCE_COLOR: '1' } }).stdout, /\x1b\[3\dm/);
      assert.doesNotMatch(runCli(['check', fixture('waived.arch.yaml')], { env: { NO_COLOR: '1', FORCE_COLOR: '1' } }).stdout, /\x1b\[/);
    });

    it('takes the locale from .casebook.yaml when --locale is absent', () => {
      const dir = path.join(tmp, 'zh-config');
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, '.casebook.yaml'), 'locale: zh-CN\n');
      writeFileSync(path.join(dir, 'p.arch.yaml'), readFileSync(fixture('waiver-warning.arch.yaml')));
      const r = runCli(['check', 'p.arch.yaml'], { cwd: dir });
      assert.match(r.stdout, /缺少理由/);
    });
  });

  describe('configuration', () => {
    it('--config overrides severities and reports its own problems on stderr, located', () => {
      const config = path.join(tmp, 'bad.casebook.yaml');
      writeFileSync(config, 'rules:\n  waiver-missing-reason: error\n  no-such-rule: off\n');
      const r = runCli(['check', fixture('waiver-warning.arch.yaml'), '--config', config, '--format', 'json']);
      assert.equal(r.status, 1, 'raised to error, so the default --fail-on error fails');
      assert.equal(findingsOf(r)[0]!.severity, 'error');
      assert.match(r.stderr, /bad\.casebook\.yaml:3:3 Unknown rule “no-such-rule”/);
    });

    it('the examples folder config raises tier1-two-regions-three-dcs to error and adds the enterprise case', () => {
      const findings = findingsOf(runCli(['check', 'examples/bank-core.arch.yaml', '--format', 'json', '--fail-on', 'none']));
      const tier1 = findings.filter((f) => f.rule === 'tier1-two-regions-three-dcs');
      assert.ok(tier1.length >= 1);
      assert.ok(tier1.every((f) => f.severity === 'error'));
      assert.ok(
        findings.every((f) => f.rule !== 'heterogeneous-platforms'),
        'switched off in examples/.casebook.yaml',
      );
      const list = runCli(['cases', 'list', '--format', 'json'], { cwd: path.join(ROOT, 'examples') });
      assert.ok(
        (JSON.parse(list.stdout) as { cases: { id: string; builtIn: boolean }[] }).cases.some(
          (c) => c.id === 'our-rcb-mobile-banking' && !c.builtIn,
        ),
      );
    });
  });

  describe('render', () => {
    it('prints the topology as Mermaid, labels inert', () => {
      const r = runCli(['render', 'examples/xss.arch.yaml', '--format', 'mermaid']);
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /^flowchart /);
      assert.doesNotMatch(r.stdout, /<img|<script|<iframe/, 'no raw HTML from labels');
      assert.doesNotMatch(r.stdout, /^\s*click /m, 'a label cannot inject a click directive');
    });

    it('draws the sites and systems of the flagship example, in Chinese with --locale zh-CN', () => {
      const r = runCli(['render', 'examples/bank-core.arch.yaml', '--format', 'mermaid', '--locale', 'zh-CN']);
      assert.equal(r.status, 0, r.stderr);
      for (const label of ['成都', '重庆', 'cd-gaoxin', '核心账务']) assert.ok(r.stdout.includes(label), label);
    });

    it('needs --format mermaid and a readable file', () => {
      assert.equal(runCli(['render', 'examples/bank-core.arch.yaml']).status, 2);
      assert.equal(runCli(['render', 'examples/bank-core.arch.yaml', '--format', 'svg']).status, 2);
      const missing = runCli(['render', 'nope.arch.yaml', '--format', 'mermaid']);
      assert.equal(missing.status, 2);
      assert.match(missing.stderr, /nope\.arch\.yaml/);
    });
  });

  describe('cases', () => {
    it('search njyh --format json ranks nanjing-bank first', () => {
      const r = runCli(['cases', 'search', 'njyh', '--format', 'json']);
      assert.equal(r.status, 0);
      const out = JSON.parse(r.stdout) as { results: Record<string, unknown>[] };
      assert.deepEqual(Object.keys(out), ['results']);
      assert.equal(out.results[0]!.id, 'nanjing-bank');
      assert.deepEqual(Object.keys(out.results[0]!), ['id', 'title', 'score']);
      assert.equal(typeof out.results[0]!.score, 'number');
    });

    it('search respects --limit and answers in text', () => {
      const r = runCli(['cases', 'search', '两地三中心', '--limit', '2']);
      assert.equal(r.status, 0);
      assert.ok(r.stdout.trim().split('\n').length <= 2);
    });

    it('show prints the case in the chosen language; an unknown id is exit 2 with suggestions', () => {
      const zh = runCli(['cases', 'show', 'zhejiang-rcu', '--locale', 'zh-CN']);
      assert.equal(zh.status, 0);
      assert.match(zh.stdout, /浙江农信/);
      assert.match(zh.stdout, /挑战：/);
      assert.match(zh.stdout, /成效：/);
      const en = runCli(['cases', 'show', 'zhejiang-rcu']);
      assert.match(en.stdout, /Challenge:/);
      const missing = runCli(['cases', 'show', 'nanjing']);
      assert.equal(missing.status, 2);
      assert.match(missing.stderr, /No case with id nanjing/);
    });

    it('list names every built-in case', () => {
      const r = runCli(['cases', 'list']);
      for (const id of ['nanjing-bank', 'zhejiang-rcu', 'tianhong-fund', 'mybank']) assert.match(r.stdout, new RegExp(`^${id} `, 'm'));
    });
  });
});
