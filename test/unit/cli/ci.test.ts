/**
 * CI at repository scale (issue 12): the formats CI systems read natively,
 * stable fingerprints and the baseline, the waiver policy flags, and shards.
 */
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { escapeData, escapeProperty } from '../../../server/src/cli/github';
import { ROOT, buildCli, fixture, runCli } from './helpers';

// sax ships with the toolchain (xml2js); a strict sax parser is a well-formedness check.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const sax = require('sax') as {
  parser(strict: boolean): {
    onerror: (e: Error) => void;
    onopentag: (t: { name: string; attributes: Record<string, string> }) => void;
    write(s: string): { close(): void };
  };
};

interface XmlElement {
  name: string;
  attributes: Record<string, string>;
}

/** Every element in document order; throws when the XML is not well-formed. */
function parseXml(xml: string): XmlElement[] {
  const elements: XmlElement[] = [];
  const parser = sax.parser(true);
  parser.onerror = (e) => {
    throw e;
  };
  parser.onopentag = (t) => elements.push({ name: t.name, attributes: t.attributes });
  parser.write(xml).close();
  return elements;
}

/** A tier-1 system in one city (fails tier1-two-regions-three-dcs), and a second, unrelated system. */
const PROPOSAL = `casebook: proposal/v1
name: 单城核心
industry: rural-credit
sites:
  - { id: a, city: 成都, role: primary }
  - { id: b, city: 成都, role: hot-standby }
systems:
  - id: core
    name: 核心
    tier: 1
    sites: [a, b]
  - id: portal
    name: 门户
    tier: 3
    sites: [a]
`;

interface Issue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: string;
  location: { path: string; lines: { begin: number } };
}

describe('casebook CLI in CI (process)', function () {
  this.timeout(120_000);
  let tmp: string;

  before(() => {
    buildCli();
    tmp = mkdtempSync(path.join(tmpdir(), 'casebook-ci-'));
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  const write = (name: string, text: string) => {
    const file = path.join(tmp, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    return file;
  };
  const gitlab = (args: string[], cwd = tmp): Issue[] =>
    JSON.parse(runCli(['check', ...args, '--format', 'gitlab'], { cwd }).stdout) as Issue[];

  describe('--format github', () => {
    it('prints one workflow command per unsuppressed finding, with the documented properties', () => {
      const r = runCli(['check', 'examples', '--format', 'github', '--fail-on', 'none']);
      assert.equal(r.status, 0, r.stderr);
      const lines = r.stdout.trimEnd().split('\n');
      assert.ok(lines.length > 5);
      for (const line of lines) {
        assert.match(line, /^::(error|warning|notice) file=[^,:]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[a-z0-9-]+::\S/, line);
        // The message is escaped: no raw `%` that is not an escape.
        assert.doesNotMatch(line.slice(line.indexOf('::', 2) + 2), /%(?![0-9A-F]{2})/, line);
      }
      assert.ok(r.stdout.includes('%25'), 'a percentage in a message is escaped');
    });

    it('escapes %, CR and LF in messages, and : and , too in properties', () => {
      assert.equal(escapeData('99.99% a\r\nb: c, d'), '99.99%25 a%0D%0Ab: c, d');
      assert.equal(escapeProperty('a:b,c%\n'), 'a%3Ab%2Cc%25%0A');
    });

    it('does not annotate waived findings', () => {
      const r = runCli(['check', fixture('waived.arch.yaml'), '--format', 'github', '--today', '2026-01-01']);
      assert.doesNotMatch(r.stdout, /title=tier1-two-regions-three-dcs/);
      const all = runCli(['check', fixture('waived.arch.yaml'), '--format', 'github', '--no-inline-waivers']);
      assert.match(all.stdout, /title=tier1-two-regions-three-dcs::/);
    });
  });

  describe('--format gitlab', () => {
    it('is a Code Quality report: the documented fields, severities, repo-relative paths, unique fingerprints', () => {
      const r = runCli(['check', 'examples', 'test/fixtures/cli/waived.arch.yaml', '--format', 'gitlab', '--fail-on', 'none']);
      assert.equal(r.status, 0, r.stderr);
      const issues = JSON.parse(r.stdout) as Issue[];
      assert.ok(Array.isArray(issues) && issues.length > 5);
      for (const issue of issues) {
        assert.equal(typeof issue.description, 'string');
        assert.ok(issue.description.length > 0);
        assert.match(issue.check_name, /^[a-z0-9-]+$/);
        assert.match(issue.fingerprint, /^[0-9a-f]{32}$/);
        assert.ok(['info', 'minor', 'major', 'critical', 'blocker'].includes(issue.severity), issue.severity);
        assert.ok(!path.isAbsolute(issue.location.path) && !issue.location.path.includes('\\'), issue.location.path);
        assert.ok(Number.isInteger(issue.location.lines.begin) && issue.location.lines.begin >= 1);
      }
      assert.equal(new Set(issues.map((i) => i.fingerprint)).size, issues.length);
      // The waived finding is not in the report.
      assert.ok(!issues.some((i) => i.location.path.endsWith('waived.arch.yaml') && i.check_name === 'tier1-two-regions-three-dcs'));
    });
  });

  describe('--format junit', () => {
    it('is well-formed JUnit XML: a testsuite per file, a testcase per rule, failures at --fail-on', () => {
      const r = runCli(['check', 'examples', fixture('quiet.arch.yaml'), '--format', 'junit', '--fail-on', 'warning']);
      assert.equal(r.status, 1);
      const elements = parseXml(r.stdout);
      assert.equal(elements[0]!.name, 'testsuites');
      const suites = elements.filter((e) => e.name === 'testsuite');
      const json = JSON.parse(runCli(['check', 'examples', fixture('quiet.arch.yaml'), '--format', 'json']).stdout) as {
        files: { file: string; findings: { rule: string; severity: string; suppressed: boolean }[] }[];
      };
      assert.deepEqual(
        suites.map((s) => s.attributes.name),
        json.files.map((f) => f.file),
      );
      const failures = elements.filter((e) => e.name === 'failure').length;
      const expected = json.files.reduce(
        (n, f) => n + new Set(f.findings.filter((x) => !x.suppressed && ['error', 'warning'].includes(x.severity)).map((x) => x.rule)).size,
        0,
      );
      assert.equal(failures, expected);
      assert.equal(Number(elements[0]!.attributes.failures), expected);
      assert.equal(
        elements.filter((e) => e.name === 'testcase').length,
        suites.reduce((n, s) => n + Number(s.attributes.tests), 0),
      );
      // --fail-on none: no failures at all.
      assert.equal(
        parseXml(runCli(['check', 'examples', '--format', 'junit', '--fail-on', 'none']).stdout).filter((e) => e.name === 'failure').length,
        0,
      );
    });

    it('a clean file is one passing testcase; a waived finding is skipped, not failed', () => {
      const clean = write('clean/none.arch.yaml', 'casebook: proposal/v1\nname: x\n');
      const cleanJson = JSON.parse(runCli(['check', clean, '--format', 'json']).stdout) as { files: { findings: unknown[] }[] };
      if (cleanJson.files[0]!.findings.length === 0) {
        const els = parseXml(runCli(['check', clean, '--format', 'junit']).stdout);
        assert.equal(els.filter((e) => e.name === 'testcase').length, 1);
        assert.equal(els.filter((e) => e.name === 'failure').length, 0);
      }
      const waived = parseXml(runCli(['check', fixture('waived.arch.yaml'), '--format', 'junit', '--fail-on', 'info']).stdout);
      const names = waived.filter((e) => e.name === 'testcase').map((e) => e.attributes.name);
      const index = names.indexOf('tier1-two-regions-three-dcs');
      assert.ok(index >= 0);
      let seen = -1;
      let inCase = false;
      for (const e of waived) {
        if (e.name === 'testcase') inCase = ++seen === index;
        else if (inCase) assert.equal(e.name, 'skipped');
      }
    });

    it('escapes markup and removes control characters from proposal text', () => {
      const file = write('hostile/x.arch.yaml', PROPOSAL.replace('id: core', 'id: "co<re>&\\x07\\x1b]0;\\u0000"'));
      const r = runCli(['check', file, '--format', 'junit'], { cwd: tmp });
      assert.doesNotMatch(r.stdout, /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
      assert.ok(!r.stdout.includes('co<re>'));
      assert.ok(r.stdout.includes('co&lt;re&gt;&amp;'));
      parseXml(r.stdout);
    });
  });

  describe('fingerprints and the baseline', () => {
    it('a fingerprint survives lines inserted above it and edits to another system, not an edit to its own node', () => {
      write('fp/p.arch.yaml', PROPOSAL);
      const before = gitlab(['fp/p.arch.yaml']).find((i) => i.check_name === 'tier1-two-regions-three-dcs')!;
      assert.ok(before);
      const moved = PROPOSAL.replace('sites:\n', '# a comment\n\n# and another\nsites:\n  - { id: c, city: 成都, role: cold-standby }\n')
        .replace('  - id: core', '  - id: extra\n    name: 新增\n    tier: 3\n    sites: [a]\n  - id: core')
        .replace('name: 门户\n    tier: 3', 'name: 门户网站\n    tier: 2');
      write('fp/p.arch.yaml', moved);
      const after = gitlab(['fp/p.arch.yaml']).find((i) => i.check_name === 'tier1-two-regions-three-dcs')!;
      assert.ok(after.location.lines.begin > before.location.lines.begin, 'the finding moved down');
      assert.equal(after.fingerprint, before.fingerprint);
      // The finding sits on core's `tier`: a comment there is normalised away, a rewrite of its text is a new finding.
      write('fp/p.arch.yaml', PROPOSAL.replace('tier: 1\n', 'tier:   1   # 一级\n'));
      assert.equal(gitlab(['fp/p.arch.yaml']).find((i) => i.check_name === 'tier1-two-regions-three-dcs')!.fingerprint, before.fingerprint);
      write('fp/p.arch.yaml', PROPOSAL.replace('tier: 1\n', 'tier: 01\n'));
      const edited = gitlab(['fp/p.arch.yaml']).find((i) => i.check_name === 'tier1-two-regions-three-dcs')!;
      assert.notEqual(edited.fingerprint, before.fingerprint);
    });

    it('casebook baseline -o FILE, then check --baseline FILE fails only on new findings and says how many matched', () => {
      write('bl/p.arch.yaml', PROPOSAL);
      const b = runCli(['baseline', 'bl', '-o', 'bl.json'], { cwd: tmp });
      assert.equal(b.status, 0, b.stderr);
      const baseline = JSON.parse(readFileSync(path.join(tmp, 'bl.json'), 'utf8')) as {
        version: number;
        findings: { fingerprint: string; rule: string; file: string }[];
      };
      assert.equal(baseline.version, 1);
      assert.ok(baseline.findings.length > 0);
      for (const f of baseline.findings) {
        assert.deepEqual(Object.keys(f).sort(), ['file', 'fingerprint', 'rule']);
        assert.equal(f.file, 'bl/p.arch.yaml');
      }
      assert.match(b.stderr, new RegExp(`Wrote ${baseline.findings.length} finding`));

      const plain = runCli(['check', 'bl', '--fail-on', 'warning'], { cwd: tmp });
      assert.equal(plain.status, 1);
      const kept = runCli(['check', 'bl', '--baseline', 'bl.json', '--format', 'json', '--fail-on', 'hint'], { cwd: tmp });
      assert.equal(kept.status, 0, kept.stdout);
      assert.match(kept.stderr, new RegExp(`matched ${baseline.findings.length} existing finding`));
      assert.equal((JSON.parse(kept.stdout) as { files: { findings: unknown[] }[] }).files[0]!.findings.length, 0);
      assert.match(runCli(['check', 'bl', '--baseline', 'bl.json', '--locale', 'zh-CN'], { cwd: tmp }).stderr, /基线 bl\.json 匹配了/);

      // Lines above and a new tier-1 system in one city: only the new system's findings are reported.
      write('bl/p.arch.yaml', PROPOSAL.replace('systems:\n', 'systems:\n  - id: ledger\n    name: 总账\n    tier: 1\n    sites: [a, b]\n'));
      const fresh = runCli(['check', 'bl', '--baseline', 'bl.json', '--format', 'json', '--fail-on', 'info'], { cwd: tmp });
      assert.equal(fresh.status, 1);
      const findings = (JSON.parse(fresh.stdout) as { files: { findings: { message: string }[] }[] }).files[0]!.findings;
      assert.ok(findings.length > 0);
      for (const f of findings) assert.match(f.message, /ledger/, f.message);
    });

    it('an unreadable or foreign baseline is exit 2 with a message', () => {
      write('bl2/p.arch.yaml', PROPOSAL);
      write('not-a-baseline.json', '{"version": 2}');
      for (const file of ['missing.json', 'not-a-baseline.json']) {
        const r = runCli(['check', 'bl2', '--baseline', file], { cwd: tmp });
        assert.equal(r.status, 2);
        assert.match(r.stderr, /baseline/);
      }
      assert.equal(runCli(['baseline', 'bl2'], { cwd: tmp }).status, 2);
    });
  });

  describe('waiver policy', () => {
    it('--no-inline-waivers reports waived findings as unsuppressed, and drops findings about the waivers', () => {
      const args = ['check', fixture('waived.arch.yaml'), '--format', 'json', '--today', '2026-01-01'];
      const on = JSON.parse(runCli(args).stdout) as { files: { findings: { rule: string; suppressed: boolean }[] }[] };
      assert.ok(on.files[0]!.findings.some((f) => f.rule === 'tier1-two-regions-three-dcs' && f.suppressed));
      const off = JSON.parse(runCli([...args, '--no-inline-waivers']).stdout) as typeof on;
      assert.ok(off.files[0]!.findings.some((f) => f.rule === 'tier1-two-regions-three-dcs' && !f.suppressed));
      assert.ok(off.files[0]!.findings.every((f) => !f.suppressed && !f.rule.startsWith('waiver-')));
      const unused = JSON.parse(
        runCli(['check', fixture('waiver-info.arch.yaml'), '--format', 'json', '--no-inline-waivers']).stdout,
      ) as typeof on;
      assert.ok(unused.files[0]!.findings.every((f) => !f.rule.startsWith('waiver-')));
    });

    it('a waiver expiring within --waiver-expiry-days (default 30) warns on stderr with file:line, rule and date', () => {
      const soon = runCli(['check', fixture('waived.arch.yaml'), '--today', '2099-12-10']);
      assert.match(
        soon.stderr,
        /test\/fixtures\/cli\/waived\.arch\.yaml:11 the waiver of tier1-two-regions-three-dcs expires on 2099-12-31/,
      );
      assert.match(
        runCli(['check', fixture('waived.arch.yaml'), '--today', '2099-12-10', '--locale', 'zh-CN']).stderr,
        /waived\.arch\.yaml:11 豁免 tier1-two-regions-three-dcs 将于 2099-12-31 到期/,
      );
      assert.doesNotMatch(runCli(['check', fixture('waived.arch.yaml'), '--today', '2099-11-01']).stderr, /expires/);
      assert.match(
        runCli(['check', fixture('waived.arch.yaml'), '--today', '2099-11-01', '--waiver-expiry-days', '60']).stderr,
        /expires on 2099-12-31/,
      );
      assert.doesNotMatch(runCli(['check', fixture('waived.arch.yaml'), '--today', '2099-12-10', '--no-inline-waivers']).stderr, /expires/);
      const bad = runCli(['check', fixture('waived.arch.yaml'), '--waiver-expiry-days', 'soon']);
      assert.equal(bad.status, 2);
      assert.match(bad.stderr, /--waiver-expiry-days/);
    });
  });

  describe('--shard i/n', () => {
    const files = (args: string[], cwd: string) =>
      (
        JSON.parse(runCli(['check', ...args, '--format', 'json', '--fail-on', 'none'], { cwd }).stdout) as { files: { file: string }[] }
      ).files.map((f) => f.file);

    it('shards 1..n together cover every file exactly once, and files never move when others are added', () => {
      const repo = path.join(tmp, 'repo');
      for (let i = 0; i < 24; i++) write(`repo/team-${i % 4}/p${i}.arch.yaml`, PROPOSAL);
      const all = files(['.'], repo);
      assert.equal(all.length, 24);
      for (const n of [1, 3, 5]) {
        const shards = Array.from({ length: n }, (_x, i) => files(['.', '--shard', `${i + 1}/${n}`], repo));
        const union = shards.flat();
        assert.equal(union.length, all.length, `n=${n}`);
        assert.deepEqual([...union].sort(), [...all].sort(), `n=${n}`);
        for (const shard of shards) assert.deepEqual(shard, [...shard].sort(), 'sorted within a shard');
        if (n === 5) assert.ok(shards.filter((s) => s.length > 0).length >= 3, 'the split spreads files');
      }
      const before = Array.from({ length: 3 }, (_x, i) => files(['.', '--shard', `${i + 1}/3`], repo));
      for (let i = 24; i < 40; i++) write(`repo/team-new/p${i}.arch.yaml`, PROPOSAL);
      const after = Array.from({ length: 3 }, (_x, i) => files(['.', '--shard', `${i + 1}/3`], repo));
      for (let i = 0; i < 3; i++) for (const f of before[i]!) assert.ok(after[i]!.includes(f), `${f} stayed in shard ${i + 1}`);
      // The shard does not depend on the operand spelling: the relative path decides.
      assert.deepEqual(
        files([path.join(repo, 'team-0'), '--shard', '2/3'], repo),
        after[1]!.filter((f) => f.startsWith('team-0/')),
      );
    });

    it('a malformed shard is a usage error in both languages', () => {
      for (const bad of ['0/3', '4/3', '1/0', 'x', '1-3']) {
        const r = runCli(['check', 'examples', '--shard', bad], { cwd: ROOT });
        assert.equal(r.status, 2, bad);
        assert.match(r.stderr, /--shard takes i\/n/);
      }
      assert.match(runCli(['check', 'examples', '--shard', '9/3', '--locale', 'zh-CN']).stderr, /--shard 的格式为 i\/n/);
    });
  });

  describe('--jobs N', () => {
    it('gives byte-for-byte the output, notices and exit code of one job, in the same order', () => {
      const repo = path.join(tmp, 'jobs');
      for (let i = 0; i < 30; i++) {
        const text =
          i % 3 === 0
            ? readFileSync(fixture('waived.arch.yaml'), 'utf8')
            : i % 3 === 1
              ? PROPOSAL
              : 'casebook: proposal/v1\nname: [unclosed\n';
        write(`jobs/d${i % 5}/p${String(i).padStart(2, '0')}.arch.yaml`, text);
      }
      for (const format of ['json', 'text', 'gitlab', 'github', 'sarif', 'junit']) {
        const args = ['check', '.', '--format', format, '--today', '2099-12-10'];
        const one = runCli([...args, '--jobs', '1'], { cwd: repo });
        const many = runCli([...args, '--jobs', '3'], { cwd: repo });
        assert.equal(many.stdout, one.stdout, format);
        assert.equal(many.stderr, one.stderr, format);
        assert.equal(many.status, one.status, format);
      }
      assert.match(runCli(['check', '.', '--jobs', '3', '--today', '2099-12-10'], { cwd: repo }).stderr, /expires on 2099-12-31/);
      const sharded = runCli(['check', '.', '--format', 'json', '--jobs', '2', '--shard', '2/3'], { cwd: repo });
      assert.equal(sharded.stdout, runCli(['check', '.', '--format', 'json', '--jobs', '1', '--shard', '2/3'], { cwd: repo }).stdout);
    });

    it('gives the same output with a baseline, in colour, and the same baseline file', () => {
      const repo = path.join(tmp, 'jobs-baseline');
      for (let i = 0; i < 20; i++)
        write(
          `jobs-baseline/p${String(i).padStart(2, '0')}.arch.yaml`,
          i % 2 ? PROPOSAL : readFileSync(fixture('waived.arch.yaml'), 'utf8'),
        );
      const recorded = (jobs: string) => {
        const out = path.join(tmp, `jobs-baseline-${jobs}.json`);
        assert.equal(runCli(['baseline', '.', '-o', out, '--jobs', jobs], { cwd: repo }).status, 0);
        return readFileSync(out, 'utf8');
      };
      const baseline = recorded('1');
      assert.equal(recorded('3'), baseline);
      const parsed = JSON.parse(baseline) as { findings: unknown[] };
      assert.ok(parsed.findings.length > 0, 'the baseline records findings');
      // A baseline holding every other recorded finding: the rest are reported, these matched.
      writeFileSync(
        path.join(tmp, 'jobs-baseline-half.json'),
        JSON.stringify({ ...parsed, findings: parsed.findings.filter((_f, i) => i % 2 === 0) }),
      );
      for (const format of ['json', 'text', 'sarif']) {
        const args = ['check', '.', '--format', format, '--baseline', path.join(tmp, 'jobs-baseline-half.json')];
        const one = runCli([...args, '--jobs', '1'], { cwd: repo, env: { FORCE_COLOR: '1', NO_COLOR: '' } });
        const many = runCli([...args, '--jobs', '3'], { cwd: repo, env: { FORCE_COLOR: '1', NO_COLOR: '' } });
        assert.equal(many.stdout, one.stdout, format);
        assert.equal(many.stderr, one.stderr, format);
        assert.equal(many.status, one.status, format);
        assert.match(one.stderr, /matched [1-9]\d* existing finding/, format);
      }
    });

    it("says a library's problems and a config's once, where one job says them, though workers load the library", () => {
      write('jobs-library/a/.casebook.yaml', 'cases:\n  - cases\n');
      write('jobs-library/a/cases/y.case.yaml', 'id: y\n');
      write('jobs-library/b/.casebook.yaml', 'rules:\n  nope: loud\n');
      for (let i = 0; i < 8; i++) {
        write(`jobs-library/a/p${i}.arch.yaml`, PROPOSAL);
        write(`jobs-library/b/p${i}.arch.yaml`, PROPOSAL);
      }
      const cwd = path.join(tmp, 'jobs-library');
      const one = runCli(['check', '.', '--format', 'json', '--jobs', '1'], { cwd });
      const many = runCli(['check', '.', '--format', 'json', '--jobs', '3'], { cwd });
      assert.equal(many.stdout, one.stdout);
      assert.equal(many.stderr, one.stderr);
      assert.equal((one.stderr.match(/a\/cases\/y\.case\.yaml:1:1 Missing required field "customer"/g) ?? []).length, 1, one.stderr);
      assert.equal((one.stderr.match(/Unknown rule “nope”/g) ?? []).length, 1, one.stderr);
    });

    it('a bad --jobs is a usage error', () => {
      for (const bad of ['0', '-1', 'many']) assert.equal(runCli(['check', 'examples', `--jobs=${bad}`]).status, 2, bad);
    });
  });

  it('check --help lists the CI flags in both languages', () => {
    for (const locale of ['en', 'zh-CN']) {
      const help = runCli(['check', '--help', '--locale', locale]).stdout;
      for (const flag of [
        'github',
        'gitlab',
        'junit',
        '--baseline',
        '--no-inline-waivers',
        '--waiver-expiry-days',
        '--shard',
        '--jobs',
        'docs/ci.md',
      ])
        assert.ok(help.includes(flag), `${locale} ${flag}`);
    }
  });
});
