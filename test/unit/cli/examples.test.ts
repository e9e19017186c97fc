/**
 * The examples are documentation: they must keep saying what their comments
 * promise as the rules evolve. Checked in-process with the real library and
 * the examples' own .casebook.yaml.
 */
import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { analyzeProposal } from '../../../server/src/service/analyze';
import { buildModel } from '../../../server/src/service/model';
import type { CaseLibrary, Finding } from '../../../server/src/service/types';
import { VALIDATION_RULES } from '../../../server/src/service/validation';
import { parseYamlTree } from '../../../server/src/service/yamlTree';
import { loadConfigFile } from '../../../server/src/node/config';
import { builtInCasesPath, loadLibrary } from '../../../server/src/node/libraryLoader';

const EXAMPLES = path.resolve(__dirname, '..', '..', '..', 'examples');
/** Findings about the format itself (YAML, keys, types, references): no example may have one. */
const FORMAT_RULES = new Set(VALIDATION_RULES.map((r) => r.id));

describe('examples', () => {
  const config = loadConfigFile(path.join(EXAMPLES, '.casebook.yaml'));
  let library: CaseLibrary;
  const check = (name: string): { findings: Finding[]; text: string } => {
    const text = readFileSync(path.join(EXAMPLES, name), 'utf8');
    const output = analyzeProposal(buildModel(parseYamlTree(text)), library, {
      locale: 'zh-CN',
      rules: config.config.rules,
      today: '2026-01-01',
    });
    assert.deepEqual(output.internalErrors, []);
    return { findings: output.findings, text };
  };
  const active = (findings: Finding[]) => findings.filter((f) => !f.suppressed);

  before(() => {
    library = loadLibrary({ builtInPath: builtInCasesPath(), extraPaths: config.caseFolders });
  });

  it('.casebook.yaml is valid, overrides a severity and adds the enterprise case folder', () => {
    assert.deepEqual(config.problems, []);
    assert.equal(config.config.rules['tier1-two-regions-three-dcs'], 'error');
    assert.deepEqual(config.caseFolders, [path.join(EXAMPLES, 'enterprise-cases')]);
  });

  it('the enterprise case loads without problems, next to the built-in ones', () => {
    const enterprise = library.problems.filter((p) => p.file.startsWith(path.join(EXAMPLES, 'enterprise-cases')));
    assert.deepEqual(enterprise, []);
    const record = library.cases.get('our-rcb-mobile-banking');
    assert.ok(record);
    assert.equal(record.builtIn, false);
    assert.ok(library.cases.get('zhejiang-rcu')?.builtIn);
  });

  it('bank-core: the tier-1 core in one city gets the 两地三中心 finding on its tier line, citing the customers', () => {
    const { findings, text } = check('bank-core.arch.yaml');
    const lines = text.split('\n');
    const tier1 = findings.find((f) => f.rule === 'tier1-two-regions-three-dcs' && f.path.join('.') === 'systems.0.tier');
    assert.ok(tier1, 'core is flagged');
    assert.equal(tier1.severity, 'error', 'raised by .casebook.yaml');
    assert.match(lines[tier1.range.start.line]!, /tier: 1/);
    assert.ok(tier1.cases.includes('tianhong-fund') && tier1.cases.includes('zhejiang-rcu'));
    assert.match(tier1.message, /两地三中心/);
    const rules = new Set(active(findings).map((f) => f.rule));
    assert.ok(rules.size >= 6, `several rule families fire: ${[...rules].join(', ')}`);
  });

  it('bank-core: the core claims DR level 4 where 114号 第七条 asks a provincial rural credit union for level 5', () => {
    const { findings, text } = check('bank-core.arch.yaml');
    const below = findings.find((f) => f.rule === 'dr-level-below-required');
    assert.ok(below, 'dr-level-below-required fires');
    assert.deepEqual(below.regulations, ['cbrc-2010-114#第七条']);
    assert.match(text.split('\n')[below.range.start.line]!, /drLevel: 4/);
    assert.ok(!findings.some((f) => f.rule === 'dr-level-unreachable'), 'a hot standby over sync replication reaches what levels 2–5 name');
  });

  it('bank-core: the mainframe waiver suppresses with its reason and is not reported', () => {
    const { findings } = check('bank-core.arch.yaml');
    const waived = findings.find((f) => f.rule === 'mainframe-downsizing');
    assert.ok(waived?.suppressed);
    assert.match(waived.suppression!.reason, /三期规划/);
    assert.equal(waived.suppression!.owner, '王建国');
    assert.ok(!findings.some((f) => f.rule.startsWith('waiver-')));
  });

  it('reference-2r3dc is quiet', () => {
    assert.deepEqual(
      check('reference-2r3dc.arch.yaml').findings.map((f) => `${f.rule} ${f.message}`),
      [],
    );
  });

  it('the other industry examples each have findings and no format errors', () => {
    for (const name of ['internet-insurance.arch.yaml', 'securities-user-center.arch.yaml', 'fund-hybrid-cloud.arch.yaml']) {
      const { findings } = check(name);
      assert.ok(active(findings).length >= 3, name);
      assert.deepEqual(
        findings.filter((f) => FORMAT_RULES.has(f.rule)).map((f) => f.message),
        [],
        name,
      );
    }
  });

  it('xss: hostile labels are plain data in a valid proposal', () => {
    const { text } = check('xss.arch.yaml');
    assert.match(text, /name: <img src=x onerror=alert\(1\)>/);
    const model = buildModel(parseYamlTree(text));
    assert.equal(model.name?.value, '<img src=x onerror=alert(1)>');
    assert.ok(model.sites.some((s) => s.city?.value.includes('<b')));
    assert.ok(model.systems.some((s) => s.name?.value.includes('<img')));
  });

  it('every example is a proposal by name', () => {
    const names = readdirSync(EXAMPLES).filter((n) => n.endsWith('.yaml') && !n.startsWith('.'));
    assert.ok(names.length >= 6);
    for (const name of names) assert.match(name, /\.arch\.yaml$/, name);
  });
});
