import * as assert from 'node:assert/strict';
import {
  crossSystemTransactionsSaga,
  duplicateDataOwner,
  heavyLoadCentralizedDatabase,
  peakAboveTestedCapacity,
  heavyLoadMonolith,
} from '../../../server/src/service/rules/data';
import { assertFixesWork, assertQuotes, proposal, rangeOf, run, single } from './harness';

describe('rules: data', () => {
  describe('peak-above-tested-capacity', () => {
    const over = (mode: string, capacity: number) =>
      proposal(
        `  - id: issue\n    load: { peakTps: 14000 }\n    database: { engine: oceanbase, mode: ${mode}, capacityTps: ${capacity} }\n`,
      );

    it('fires when the peak is above the tested capacity of a database that is not centralized, on the capacity', () => {
      const text = over('distributed', 9000);
      const f = single(peakAboveTestedCapacity, run(peakAboveTestedCapacity, text));
      assert.deepEqual(f.path, ['systems', 0, 'database', 'capacityTps']);
      assert.deepEqual(f.range, rangeOf(text, '9000'));
      assert.match(f.message.zh, /峰值 1.4 万 TPS，超过数据库压测容量 9,000 TPS（为其 156%）：压测没有覆盖峰值/);
      assert.match(f.message.en, /peaks at 14,000 TPS, above its database’s tested 9,000 TPS \(156% of it\)/);
      // Mode unstated: the test still does not reach the peak.
      assert.equal(run(peakAboveTestedCapacity, over('distributed', 9000).replace('mode: distributed, ', '')).length, 1);
    });

    it('is quiet at or below the capacity, and leaves a centralized database to heavy-load-centralized-database', () => {
      assert.deepEqual(run(peakAboveTestedCapacity, over('distributed', 14000)), []);
      assert.deepEqual(run(peakAboveTestedCapacity, over('distributed', 20000)), []);
      assert.deepEqual(run(peakAboveTestedCapacity, over('centralized', 9000)), []);
      assert.equal(run(heavyLoadCentralizedDatabase, over('centralized', 9000)).length, 1);
    });
  });

  describe('heavy-load-centralized-database', () => {
    const bad = proposal(`  - id: core
    load:
      peakTps: 1000
    database:
      engine: oracle
      mode: centralized
`);

    it('fires at the peak-TPS threshold, on the database mode, with a fix', () => {
      const f = single(heavyLoadCentralizedDatabase, run(heavyLoadCentralizedDatabase, bad));
      assert.deepEqual(f.range, rangeOf(bad, 'centralized'));
      assert.deepEqual(f.path, ['systems', 0, 'database', 'mode']);
      assert.match(f.message.en, /a peak of 1,000 TPS/);
      assertQuotes(f, 'nanjing-bank', 'daily-orders');
      assertQuotes(f, 'picc-health', 'daily-peak');
      const [fixed] = assertFixesWork(heavyLoadCentralizedDatabase, bad, f);
      assert.match(fixed!, /mode: distributed/);
    });

    it('fires on 1,000,000 transactions a day; quiet below both thresholds or when distributed', () => {
      const daily = proposal(`  - id: core\n    load: { peakTps: 10, dailyTransactions: 1000000 }\n    database: { mode: centralized }\n`);
      const f = single(heavyLoadCentralizedDatabase, run(heavyLoadCentralizedDatabase, daily));
      assert.match(f.message.zh, /日交易量 100 万笔/);
      assert.deepEqual(run(heavyLoadCentralizedDatabase, bad.replace('peakTps: 1000', 'peakTps: 999')), []);
      assert.deepEqual(run(heavyLoadCentralizedDatabase, bad.replace('mode: centralized', 'mode: distributed')), []);
    });
  });

  describe('heavy-load-monolith', () => {
    const bad = proposal(`  - id: core\n    architecture: monolith\n    load: { dailyTransactions: 2000000 }\n`);

    it('fires on a heavy monolith, on the architecture, with a fix', () => {
      const f = single(heavyLoadMonolith, run(heavyLoadMonolith, bad));
      assert.deepEqual(f.range, rangeOf(bad, 'monolith'));
      assert.deepEqual(f.path, ['systems', 0, 'architecture']);
      assertQuotes(f, 'picc-health', 'issuance');
      assertQuotes(f, 'picc-health', 'daily-peak');
      assertFixesWork(heavyLoadMonolith, bad, f);
    });

    it('is quiet on a light monolith or heavy microservices', () => {
      assert.deepEqual(run(heavyLoadMonolith, bad.replace('2000000', '200000')), []);
      assert.deepEqual(run(heavyLoadMonolith, bad.replace('monolith', 'microservices')), []);
    });

    it('is quiet when a load-tested capacity shows headroom for the peak', () => {
      const tested = proposal(
        `  - id: ta\n    architecture: monolith\n    load: { peakTps: 1200 }\n    database: { mode: centralized, capacityTps: 6000 }\n`,
      );
      assert.deepEqual(run(heavyLoadMonolith, tested), []);
      assert.equal(run(heavyLoadMonolith, tested.replace('6000', '1400')).length, 1, 'a peak at 86% of capacity has no headroom');
    });
  });

  describe('cross-system-transactions-saga', () => {
    const bad = proposal(`  - id: core
    transactions: xa
    dependsOn: [cif]
  - id: cif
    transactions: none
    data: [customer]
    dependsOn: [ledger]
  - id: ledger
    data: [account]
  - id: report
    transactions: xa
`);

    it('says when XA spans two cities: both phases cross the distance', () => {
      const twoCities = proposal(`  - id: pay
    transactions: xa
    sites: [cq-1]
    dependsOn: [core]
  - id: core
    data: [account]
    sites: [cd-1, cd-2]
`);
      const f = single(crossSystemTransactionsSaga, run(crossSystemTransactionsSaga, twoCities));
      assert.match(f.message.zh, /；参与方 core 的主中心在成都，本系统在重庆：两个阶段都要跨城往返，锁住的时间随之变长。/);
      assert.match(f.message.en, /its participant core has its main site in 成都 and this system in 重庆, so both phases cross cities/);
      const oneCity = twoCities.replace('sites: [cq-1]', 'sites: [cd-2]');
      assert.doesNotMatch(single(crossSystemTransactionsSaga, run(crossSystemTransactionsSaga, oneCity)).message.zh, /跨城/);
    });

    it('fires on xa across called systems and on none between two data owners, not on an isolated or only-called system', () => {
      const findings = run(crossSystemTransactionsSaga, bad);
      assert.deepEqual(
        findings.map((f) => f.path),
        [
          ['systems', 0, 'transactions'],
          ['systems', 1, 'transactions'],
        ],
      );
      const [xa, none] = findings;
      assert.deepEqual(xa!.range, rangeOf(bad, 'xa'));
      assert.match(xa!.message.en, /XA two-phase commit/);
      assert.match(none!.message.zh, /不做分布式事务/);
      for (const f of findings) {
        assert.match(f.message.en, /TCC/);
        assert.ok(f.message.zh.includes('顺德农商') && f.message.en.includes('Shunde RCB'));
        assertFixesWork(crossSystemTransactionsSaga, bad, f);
      }
    });

    it('is quiet on a read-only caller with none, and on async calls', () => {
      const readOnly = proposal(`  - id: query\n    transactions: none\n    dependsOn: [ledger]\n  - id: ledger\n    data: [account]\n`);
      assert.deepEqual(run(crossSystemTransactionsSaga, readOnly), []);
      const async = proposal(`  - id: core\n    transactions: xa\n    dependsOn: [{ id: notify, mode: async }]\n  - id: notify\n`);
      assert.deepEqual(run(crossSystemTransactionsSaga, async), []);
    });

    it('is quiet on saga, tcc and local', () => {
      assert.deepEqual(run(crossSystemTransactionsSaga, bad.replace(/xa|none/g, 'saga')), []);
      assert.deepEqual(run(crossSystemTransactionsSaga, bad.replace(/xa|none/g, 'local')), []);
    });

    it('takes a dependency at its word: writes: true counts on local, writes: false never counts', () => {
      const posting = (mode: string, writes: string) =>
        proposal(
          `  - id: loan\n    transactions: ${mode}\n    data: [loan]\n    dependsOn: [{ id: core, writes: ${writes} }]\n  - id: core\n    data: [account]\n`,
        );
      const local = single(crossSystemTransactionsSaga, run(crossSystemTransactionsSaga, posting('local', 'true')));
      assert.match(local.message.zh, /只用本地事务/);
      assert.match(local.message.en, /local transactions only/);
      assert.deepEqual(run(crossSystemTransactionsSaga, posting('none', 'false')), []);
      assert.equal(run(crossSystemTransactionsSaga, posting('none', 'true')).length, 1);
    });
  });

  describe('duplicate-data-owner', () => {
    const bad = proposal(`  - id: core
    data: [customer, account]
  - id: crm
    data:
      - contact
      - customer
`);

    it('fires once per domain, naming every claimant without picking an owner', () => {
      const f = single(duplicateDataOwner, run(duplicateDataOwner, bad));
      assert.deepEqual(f.path, ['systems', 1, 'data', 1]);
      assert.deepEqual(f.range, rangeOf(bad, 'customer', 1));
      assert.match(f.message.en, /The "customer" data domain is claimed as master by 2 systems: core, crm/);
      assert.match(f.message.zh, /有 2 个系统声明为主系统：core、crm/);
      assertQuotes(f, 'zheshang-securities', 'single-source');
      assertQuotes(f, 'zheshang-securities', 'unified-identity');
    });

    it('reports a domain once however many claim it, and ignores a domain repeated within one system', () => {
      const three = bad + '  - id: app\n    data: [customer, customer]\n';
      const findings = run(duplicateDataOwner, three);
      assert.deepEqual(
        findings.map((f) => f.path),
        [['systems', 2, 'data', 0]],
      );
      assert.match(findings[0]!.message.en, /3 systems: core, crm, app/);
      assert.deepEqual(run(duplicateDataOwner, proposal(`  - id: a\n    data: [x, x]\n  - id: b\n    data: [y]\n`)), []);
    });
  });
});
