/**
 * The regulation checks, both ways: they fire on a verified clause with the
 * figures it states, and stay silent on the built-in library, whose clauses
 * for these checks are unverified.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { loadRegulations } from '../../../server/src/node/libraryLoader';
import { analyzeProposal } from '../../../server/src/service/analyze';
import { importantRecoveryCeiling, remoteDrCentreRequired } from '../../../server/src/service/rules/regulation';
import { remoteDrTooClose } from '../../../server/src/service/rules/geography';
import type { CaseLibrary } from '../../../server/src/service/types';
import { library, modelOf, run } from './harness';

const BUILT_IN = path.resolve(__dirname, '../../../regulations');
const BANK = path.resolve(__dirname, '../../fixtures/regulations/bank-standards');
const builtIn: CaseLibrary = { ...library, regulations: loadRegulations(BUILT_IN, []) };
const bank: CaseLibrary = { ...library, regulations: loadRegulations(BUILT_IN, [BANK]) };

const proposal = (o: { type?: string; important?: boolean; rto?: string; rpo?: string; sites?: string }) => `casebook: proposal/v1
name: 测试
${o.type ? `institution: { type: ${o.type} }\n` : ''}sites:
  - { id: fs-1, city: 佛山, role: primary }
  - { id: gz-1, city: 广州, role: hot-standby }
  - { id: wh-1, city: 武汉, role: hot-standby }
systems:
  - id: deposit
    name: 存款
${o.important === false ? '' : '    important: true\n'}    rto: ${o.rto ?? '1h'}
    rpo: ${o.rpo ?? '5m'}
    sites: ${o.sites ?? '[fs-1, gz-1]'}
`;

describe('rules: regulation', () => {
  describe('important-recovery-ceiling', () => {
    it('fires on an important system above a verified ceiling, citing the clause', () => {
      const findings = run(importantRecoveryCeiling, proposal({ rto: '4h', rpo: '1h' }), bank);
      assert.deepEqual(
        findings.map((f) => f.path.join('.')),
        ['systems.0.rto', 'systems.0.rpo'],
      );
      assert.deepEqual(findings[0]!.regulations, ['acme-dr-standard#第一条']);
      assert.ok(findings[0]!.message.zh.includes('重要信息系统恢复时间目标不超过2小时'));
      assert.ok(findings[0]!.message.en.includes('2 h'));
    });

    it('is silent within the ceiling, on a system not marked important, and on the built-in (unverified) library', () => {
      assert.deepEqual(run(importantRecoveryCeiling, proposal({ rto: '2h', rpo: '15m' }), bank), []);
      assert.deepEqual(run(importantRecoveryCeiling, proposal({ rto: '4h', important: false }), bank), []);
      assert.deepEqual(run(importantRecoveryCeiling, proposal({ rto: '48h', rpo: '1d' }), builtIn), []);
      assert.deepEqual(run(importantRecoveryCeiling, proposal({ rto: '48h' }), library), [], 'no regulation library at all');
    });

    it('never acts on the clause without a source (loaded as unverified), though it states a 1-minute ceiling', () => {
      assert.deepEqual(run(importantRecoveryCeiling, proposal({ rto: '30m', rpo: '5m' }), bank), []);
    });
  });

  describe('remote-dr-centre-required', () => {
    it('fires when a verified clause requires a remote-mode centre and no site is 100 km or more away', () => {
      const findings = run(remoteDrCentreRequired, proposal({ type: 'city-commercial' }), bank);
      assert.deepEqual(
        findings.map((f) => f.path.join('.')),
        ['systems.0.sites'],
      );
      assert.deepEqual(findings[0]!.regulations, ['acme-dr-standard#第二条', 'cbrc-2010-114#第三条（四）']);
      assert.ok(findings[0]!.message.zh.includes('一般距离在数百公里以上'));
    });

    it('is silent with a remote site, for an institution outside the clause, without a type, and on the built-in library', () => {
      assert.deepEqual(run(remoteDrCentreRequired, proposal({ type: 'city-commercial', sites: '[fs-1, wh-1]' }), bank), []);
      assert.deepEqual(run(remoteDrCentreRequired, proposal({ type: 'joint-stock' }), bank), []);
      assert.deepEqual(run(remoteDrCentreRequired, proposal({}), bank), []);
      assert.deepEqual(run(remoteDrCentreRequired, proposal({ type: 'city-commercial' }), builtIn), []);
    });
  });

  it('remote-dr-too-close cites 114号 第三条（四）', () => {
    assert.deepEqual(remoteDrTooClose.regulations, ['cbrc-2010-114#第三条（四）']);
  });

  it('analysis carries the clauses to the finding (the rule’s by default, the finding’s own where it names them)', () => {
    const text = proposal({ type: 'city-commercial', rto: '4h' }).replace('    important: true\n', '    important: true\n    tier: 1\n');
    const { findings } = analyzeProposal(modelOf(text), bank, { locale: 'en', rules: {} });
    const byRule = new Map(findings.map((f) => [f.rule, f.regulations]));
    assert.deepEqual(byRule.get('important-recovery-ceiling'), ['acme-dr-standard#第一条']);
    assert.deepEqual(byRule.get('remote-dr-too-close'), ['cbrc-2010-114#第三条（四）']);
    for (const f of findings) assert.ok(Array.isArray(f.regulations), `${f.rule} has regulations`);
  });
});
