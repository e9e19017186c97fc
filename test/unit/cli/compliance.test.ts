/**
 * Issue 11 in the CLI: findings carry `regulations` to JSON and SARIF, and
 * `casebook compliance` lists the clauses that apply, with their status and line.
 * In-process: runCheck with one job, the formatters on its report.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { builtInCasesPath, loadLibrary } from '../../../server/src/node/libraryLoader';
import { runCheck } from '../../../server/src/cli/check';
import { complianceOf, formatComplianceJson, formatComplianceText, type ComplianceJson } from '../../../server/src/cli/compliance';
import { toJsonReport } from '../../../server/src/cli/json';
import { formatSarif, type SarifLog } from '../../../server/src/cli/sarif';
import { realLibrary } from '../../fixtures/library';
import { cityCommercialCore } from '../../fixtures/regulations/proposal';

const ROOT = path.resolve(__dirname, '../../..');
const BANK = path.join(ROOT, 'test/fixtures/regulations/bank-standards/acme-dr-standard.yaml');

const PROPOSAL = cityCommercialCore({ rto: '4h' });

/** A workspace whose .casebook.yaml adds the fictional bank standard. */
function workspace(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'casebook-regs-'));
  fs.mkdirSync(path.join(dir, 'standards'));
  fs.copyFileSync(BANK, path.join(dir, 'standards', 'acme-dr-standard.yaml'));
  fs.writeFileSync(path.join(dir, '.casebook.yaml'), 'regulations:\n  - ./standards\n');
  fs.writeFileSync(path.join(dir, 'core.arch.yaml'), PROPOSAL);
  return dir;
}

describe('cli: regulations', () => {
  const dir = workspace();
  const report = runCheck({ operands: [path.join(dir, 'core.arch.yaml')], locale: 'en', cwd: dir, jobs: 1 });

  it('check --format json: every finding has regulations, and the clause-grounded ones name their clauses', () => {
    assert.deepEqual(report.errors, []);
    const findings = toJsonReport(report).files[0]!.findings;
    for (const f of findings) assert.ok(Array.isArray(f.regulations), f.rule);
    const byRule = new Map(findings.map((f) => [f.rule, f.regulations]));
    assert.deepEqual(byRule.get('important-recovery-ceiling'), ['acme-dr-standard#第一条']);
    assert.deepEqual(byRule.get('remote-dr-centre-required'), ['acme-dr-standard#第二条', 'cbrc-2010-114#第三条（四）']);
    assert.deepEqual(byRule.get('remote-dr-too-close'), ['cbrc-2010-114#第三条（四）']);
  });

  it('check --format sarif: rules and results carry regulations; the help text quotes the clause', () => {
    const sarif = JSON.parse(formatSarif(report, 'en', dir)) as SarifLog;
    const run = sarif.runs[0]!;
    const rule = (id: string) => run.tool.driver.rules.find((r) => r.id === id)!;
    assert.deepEqual(rule('remote-dr-too-close').properties.regulations, ['cbrc-2010-114#第三条（四）']);
    assert.ok(rule('remote-dr-too-close').help.text.includes('一般距离在数百公里以上'));
    assert.ok(rule('important-recovery-ceiling').help.text.includes('重要业务恢复时间目标不得大于4小时'));
    assert.deepEqual(rule('tier1-two-regions-three-dcs').properties.regulations, []);
    const result = run.results.find((r) => r.ruleId === 'important-recovery-ceiling')!;
    assert.deepEqual(result.properties.regulations, ['acme-dr-standard#第一条']);
  });

  describe('compliance', () => {
    const library = loadLibrary({ builtInPath: builtInCasesPath(), extraPaths: [], regulationPaths: [path.join(dir, 'standards')] });
    const result = complianceOf(path.join(dir, 'core.arch.yaml'), library, 'en');
    assert.ok('rows' in result);
    const rows = result.rows;
    const status = (ref: string) =>
      rows.filter((r) => r.clause.ref === ref).map((r) => `${r.status}@${r.line + 1}${r.system ? `:${r.system}` : ''}`);

    it('judges each applying clause: not met with the finding’s line, met, unverified, definitions', () => {
      assert.deepEqual(status('acme-dr-standard#第一条'), ['not-met@12:deposit'], 'rto 4h above 2h, on the rto line');
      assert.deepEqual(status('acme-dr-standard#第二条'), ['not-met@14:deposit'], 'no remote site, on the sites line');
      assert.deepEqual(status('cbrc-2010-114#第三条（四）'), ['not-met@14'], 'remote-dr-too-close fires');
      assert.deepEqual(status('cbrc-2010-114#第二条'), ['informative@3']);
      assert.deepEqual(status('cbrc-2011-104#第二十五条'), ['met@8:deposit'], 'rto 4h is not above 104号 4 h');
      assert.deepEqual(status('cbrc-2010-114#第七条'), ['not-stated@8:deposit'], 'no drLevel; total assets and cross-province unstated');
      const seven = rows.find((r) => r.clause.ref === 'cbrc-2010-114#第七条')!;
      assert.ok(seven.reason.en.includes('drLevel') && seven.reason.en.includes('institution.totalAssets'), seven.reason.en);
      assert.deepEqual(status('gbt-20988-2007#附录A'), ['unverified@8:deposit']);
      assert.deepEqual(status('acme-dr-standard#第三条'), ['unverified@3'], 'no source: unverified');
      assert.deepEqual(status('gbt-22239-2019#第三级'), ['not-stated@1'], 'scoped to MLPS level 3; no level stated');
    });

    it('says not stated where the institution type is missing, and met once the proposal complies', () => {
      const file = path.join(dir, 'fixed.arch.yaml');
      fs.writeFileSync(
        file,
        PROPOSAL.replace('institution: { type: city-commercial }\n', '')
          .replace('rto: 4h', 'rto: 1h')
          .replace(
            '  - { id: gz-1, city: 广州, role: hot-standby }',
            '  - { id: gz-1, city: 广州, role: hot-standby }\n  - { id: wh-1, city: 武汉, role: hot-standby }',
          )
          .replace('sites: [fs-1, gz-1]', 'sites: [fs-1, gz-1, wh-1]'),
      );
      const fixed = complianceOf(file, library, 'en');
      assert.ok('rows' in fixed);
      const of = (ref: string) => fixed.rows.filter((r) => r.clause.ref === ref).map((r) => r.status);
      assert.deepEqual(of('acme-dr-standard#第一条'), ['met']);
      assert.deepEqual(of('acme-dr-standard#第二条'), ['not-stated'], 'scoped to institution types; none stated');
      assert.deepEqual(of('cbrc-2010-114#第二条'), ['not-stated']);
    });

    it('prints text and JSON', () => {
      const text = formatComplianceText('core.arch.yaml', rows, 'zh-CN');
      assert.ok(text.includes('core.arch.yaml:12  不满足'));
      assert.ok(text.includes('条款未核实'));
      const json = JSON.parse(formatComplianceJson('core.arch.yaml', rows, 'en')) as ComplianceJson;
      assert.equal(json.version, 1);
      const row = json.rows.find((r) => r.clause === 'cbrc-2010-114#第三条（四）')!;
      assert.deepEqual(Object.keys(row), [
        'clause',
        'document',
        'article',
        'title',
        'system',
        'status',
        'line',
        'reason',
        'rules',
        'verified',
        'text',
        'source',
      ]);
      assert.equal(row.source.url, 'https://www.safety-officer.cn/archives/241.html');
      assert.deepEqual(row.rules, ['remote-dr-too-close']);
    });
  });

  it('compliance on the bank-core example: 114号 第七条 and 等保三级 not met, 104号 第二十五条 met, the DR level table unverified', () => {
    const library = realLibrary();
    const result = complianceOf(path.join(ROOT, 'examples/bank-core.arch.yaml'), library, 'zh-CN');
    assert.ok('rows' in result);
    const of = (ref: string) => result.rows.filter((r) => r.clause.ref === ref).map((r) => `${r.status}${r.system ? `:${r.system}` : ''}`);
    assert.deepEqual(of('cbrc-2010-114#第三条（四）'), ['met']);
    assert.deepEqual(of('cbrc-2010-114#第七条'), ['not-met:core'], 'a provincial rural credit union; 重庆 is not among the core’s sites');
    assert.deepEqual(of('cbrc-2011-104#第二十五条'), ['met:core']);
    assert.deepEqual(of('gbt-22239-2019#第三级'), ['not-met'], 'customer-info and eod-batch run at one site');
    assert.deepEqual(of('gbt-20988-2007#附录A'), ['unverified:core']);
    assert.ok(
      result.rows.filter((r) => r.status === 'not-met').every((r) => r.clause.verified),
      'nothing is judged not met on an unverified clause',
    );
  });
});
