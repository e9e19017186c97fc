import * as assert from 'node:assert/strict';
import { downtimeRelease, peakLoadWithoutElasticity, vmRuntimeContainers } from '../../../server/src/service/rules/delivery';
import { assertFixesWork, assertQuotes, proposal, rangeOf, run, single } from './harness';

describe('rules: delivery', () => {
  describe('vm-runtime-containers', () => {
    it('fires on vm and physical, on the value, with a container fix', () => {
      for (const host of ['vm', 'physical']) {
        const text = proposal(`  - id: core\n    runtime: ${host}\n`);
        const f = single(vmRuntimeContainers, run(vmRuntimeContainers, text));
        assert.deepEqual(f.range, rangeOf(text, host));
        assert.deepEqual(f.path, ['systems', 0, 'runtime']);
        assertQuotes(f, 'shunde-rcb', 'release-time');
        const [fixed] = assertFixesWork(vmRuntimeContainers, text, f);
        assert.match(fixed!, /runtime: container/);
      }
    });

    it('is quiet on containers (and leaves mainframes to mainframe-downsizing)', () => {
      assert.deepEqual(run(vmRuntimeContainers, proposal(`  - id: core\n    runtime: container\n`)), []);
      assert.deepEqual(run(vmRuntimeContainers, proposal(`  - id: core\n    runtime: mainframe\n`)), []);
    });
  });

  describe('downtime-release', () => {
    const bad = proposal(`  - id: core\n    release: downtime\n`);

    it('fires on downtime releases with a gray fix', () => {
      const f = single(downtimeRelease, run(downtimeRelease, bad));
      assert.deepEqual(f.range, rangeOf(bad, 'downtime'));
      assert.deepEqual(f.path, ['systems', 0, 'release']);
      // The seed has no customer figure on gray releases: the rule cites the pattern, never an unrelated figure.
      assert.deepEqual([downtimeRelease.quotes, downtimeRelease.cases, downtimeRelease.patterns], [[], [], ['gray-release']]);
      assert.ok(!/中华财险|China United|10 分钟|10 minutes/.test(f.message.zh + f.message.en), f.message.en);
      const [fixed] = assertFixesWork(downtimeRelease, bad, f);
      assert.match(fixed!, /release: gray\n/);
    });

    it('only advises (info) a batch system without a window to state one, and is quiet with one', () => {
      const batch = proposal(`  - id: eod\n    kind: batch\n    release: downtime\n`);
      const f = single(downtimeRelease, run(downtimeRelease, batch));
      assert.equal(f.severity, 'info');
      assert.match(f.message.zh, /请写明 batchWindow/);
      assert.deepEqual(
        run(downtimeRelease, batch.replace('    release: downtime\n', '    release: downtime\n    batchWindow: "22:00-06:00"\n')),
        [],
      );
    });

    it('only advises (info) a tier-3 system promising under 99.99% to plan its maintenance window; warns above', () => {
      const reporting = proposal(`  - id: report\n    tier: 3\n    availability: 99.5\n    release: downtime\n`);
      const f = single(downtimeRelease, run(downtimeRelease, reporting));
      assert.equal(f.severity, 'info');
      assert.match(f.message.zh, /是三级业务系统、采用停机发布：在维护窗口内停机升级对它是常见做法/);
      assert.match(
        f.message.en,
        /is a tier-3 system released with downtime: stopping for upgrades in a maintenance window is common practice/,
      );
      assert.equal(
        single(downtimeRelease, run(downtimeRelease, reporting.replace('tier: 3', 'tier: 4').replace('    availability: 99.5\n', '')))
          .severity,
        'info',
      );
      // 99.9% still allows hours a year: a tier-3 system there is advised too (blind batch 7's warehouse).
      assert.equal(single(downtimeRelease, run(downtimeRelease, reporting.replace('99.5', '99.95'))).severity, 'info');
      // A tier-3 system that promises 99.99% or more, and any tier-1 or tier-2 system, keeps the warning (rule default), saying why.
      const warned = single(downtimeRelease, run(downtimeRelease, reporting.replace('99.5', '99.99')));
      assert.equal(warned.severity, undefined);
      assert.match(warned.message.zh, /又没有写明可以停机的窗口（batchWindow）/);
      assert.equal(single(downtimeRelease, run(downtimeRelease, reporting.replace('tier: 3', 'tier: 2'))).severity, undefined);
    });

    it('is quiet on rolling, gray and blue-green', () => {
      for (const mode of ['rolling', 'gray', 'blue-green']) assert.deepEqual(run(downtimeRelease, bad.replace('downtime', mode)), []);
    });
  });

  describe('peak-load-without-elasticity', () => {
    it('fires when the peak day is ≥1.5× the average, on the runtime', () => {
      const text = proposal(
        `  - id: mall\n    load:\n      dailyTransactions: 1500000\n      averageDailyTransactions: 800000\n    runtime: vm\n`,
      );
      const f = single(peakLoadWithoutElasticity, run(peakLoadWithoutElasticity, text));
      assert.deepEqual(f.range, rangeOf(text, 'vm'));
      assert.deepEqual(f.path, ['systems', 0, 'runtime']);
      assert.match(f.message.en, /peak day \(1,500,000\) is 1\.9× the average day \(800,000\)/);
      assert.match(f.message.zh, /150 万笔是日均 80 万笔的 1\.9 倍/);
      assertQuotes(f, 'picc-health', 'daily-peak');
      assertQuotes(f, 'picc-health', 'daily-average');
      assertFixesWork(peakLoadWithoutElasticity, text, f);
    });

    it('never compares a peak second with the 24-hour average (any daytime system would look spiky)', () => {
      const text = proposal(`  - id: pay\n    load: { peakTps: 1000, averageDailyTransactions: 864000 }\n`);
      assert.deepEqual(run(peakLoadWithoutElasticity, text), []);
    });

    it('is quiet on containers, on a flat load, and without an average', () => {
      const spiky = `  - id: mall\n    load: { dailyTransactions: 1500000, averageDailyTransactions: 800000 }\n`;
      assert.deepEqual(run(peakLoadWithoutElasticity, proposal(spiky + '    runtime: container\n')), []);
      assert.deepEqual(run(peakLoadWithoutElasticity, proposal(spiky.replace('1500000', '1100000') + '    runtime: vm\n')), []);
      assert.deepEqual(
        run(peakLoadWithoutElasticity, proposal(`  - id: a\n    load: { peakTps: 99, averageDailyTransactions: 864000 }\n`)),
        [],
      );
      assert.deepEqual(
        run(peakLoadWithoutElasticity, proposal(`  - id: a\n    load: { peakTps: 5000, dailyTransactions: 9000000 }\n`)),
        [],
      );
    });
  });
});
