import * as assert from 'node:assert/strict';
import {
  batchDrMlps3,
  highAvailabilityColdStandby,
  tier1TwoRegionsThreeDcs,
  tier2SameCityDr,
} from '../../../server/src/service/rules/availability';
import { assertFixesWork, assertQuotes, proposal, rangeOf, run, single } from './harness';

describe('rules: availability', () => {
  describe('tier1-two-regions-three-dcs', () => {
    const bad = proposal(`  - id: core
    tier: 1
    sites: [cd-1, cd-2]
`);

    it('fires on a tier-1 system in one city, on the tier line', () => {
      const f = single(tier1TwoRegionsThreeDcs, run(tier1TwoRegionsThreeDcs, bad));
      assert.deepEqual(f.range, rangeOf(bad, 'tier: 1'));
      assert.deepEqual(f.path, ['systems', 0, 'tier']);
      assertQuotes(f, 'tianhong-fund', 'dr-policy');
      assertQuotes(f, 'zhejiang-rcu', 'ha-upgrade');
      assert.match(f.message.zh, /2 个中心、1 个城市（成都）/);
      assert.match(f.message.en, /2 sites in 1 city \(成都\)/);
      assert.deepEqual(tier1TwoRegionsThreeDcs.patterns, ['two-regions-three-dcs', 'three-regions-five-dcs']);
      assert.ok(tier1TwoRegionsThreeDcs.cases.includes('mybank'));
    });

    it('names the city whose loss leaves no copy, and fires on no sites at all', () => {
      const f = single(tier1TwoRegionsThreeDcs, run(tier1TwoRegionsThreeDcs, bad));
      assert.match(f.message.zh, /失去成都后没有任何副本/);
      assert.match(f.message.en, /if 成都 is lost, no copy is left/);
      const none = proposal(`  - id: core\n    tier: 1\n`);
      assert.match(single(tier1TwoRegionsThreeDcs, run(tier1TwoRegionsThreeDcs, none)).message.en, /states no sites/);
    });

    it('passes any topology that survives every city loss: 1+1 across two cities, 1+1+1 across three', () => {
      const twoCities = proposal(`  - id: core\n    tier: 1\n    sites: [cd-1, cq-1]\n`);
      assert.deepEqual(run(tier1TwoRegionsThreeDcs, twoCities), []);
      const threeCities = `casebook: proposal/v1
sites:
  - { id: sh, city: 上海, role: active }
  - { id: bj, city: 北京, role: active }
  - { id: sz, city: 深圳, role: active }
links:
  - { from: sh, to: bj, mode: sync }
  - { from: sh, to: sz, mode: sync }
systems:
  - { id: core, tier: 1, sites: [sh, bj, sz] }
`;
      assert.deepEqual(run(tier1TwoRegionsThreeDcs, threeCities), []);
    });

    it('treats 上海 and 上海市 as one city', () => {
      const oneCity = `casebook: proposal/v1
sites:
  - { id: a, city: 上海, role: primary }
  - { id: b, city: 上海市, role: hot-standby }
  - { id: c, city: " 上海 ", role: cold-standby }
systems:
  - { id: core, tier: 1, sites: [a, b, c] }
`;
      assert.match(single(tier1TwoRegionsThreeDcs, run(tier1TwoRegionsThreeDcs, oneCity)).message.en, /if 上海 is lost/);
    });

    it('is quiet on 2R3DC, on 3R5DC and on other tiers', () => {
      assert.deepEqual(run(tier1TwoRegionsThreeDcs, proposal(`  - id: core\n    tier: 1\n    sites: [cd-1, cd-2, cq-1]\n`)), []);
      assert.deepEqual(run(tier1TwoRegionsThreeDcs, proposal(`  - id: core\n    tier: 2\n    sites: [cd-1]\n`)), []);
      const fiveDcs = `casebook: proposal/v1
sites:
  - { id: a, city: 杭州, role: active }
  - { id: b, city: 上海, role: active }
  - { id: c, city: 深圳, role: active }
  - { id: d, city: 北京, role: active }
  - { id: e, city: 成都, role: active }
systems:
  - { id: core, tier: 1, sites: [a, b, c, d, e] }
`;
      assert.deepEqual(run(tier1TwoRegionsThreeDcs, fiveDcs), []);
    });
  });

  describe('tier2-same-city-dr', () => {
    it('fires on a tier-2 system in a single site', () => {
      const bad = proposal(`  - id: crm\n    tier: 2\n    sites: [cd-1]\n`);
      const f = single(tier2SameCityDr, run(tier2SameCityDr, bad));
      assert.deepEqual(f.range, rangeOf(bad, 'tier: 2'));
      assert.deepEqual(f.path, ['systems', 0, 'tier']);
      assertQuotes(f, 'tianhong-fund', 'dr-policy');
    });

    it('is quiet on two sites in one city (same-city DR is enough for tier 2)', () => {
      assert.deepEqual(run(tier2SameCityDr, proposal(`  - id: crm\n    tier: 2\n    sites: [cd-1, cd-2]\n`)), []);
      assert.deepEqual(run(tier2SameCityDr, proposal(`  - id: crm\n    tier: 3\n    sites: [cd-1]\n`)), []);
    });
  });

  describe('high-availability-cold-standby', () => {
    // cd-1 is the only live site: losing it leaves the cold cq-1 to take over.
    const bad = proposal(`  - id: core
    tier: 1
    availability: 99.99
    sites: [cd-1, cq-1]
`);

    it('fires on 99.99% with a cold remote copy, with a cold→hot fix', () => {
      const f = single(highAvailabilityColdStandby, run(highAvailabilityColdStandby, bad));
      assert.deepEqual(f.range, rangeOf(bad, 'availability: 99.99'));
      assert.deepEqual(f.path, ['systems', 0, 'availability']);
      assertQuotes(f, 'sichuan-rcu', 'dr-cost');
      assertQuotes(f, 'mybank', 'availability');
      assertQuotes(f, 'mybank', 'three-regions-five-dcs');
      assert.match(f.message.en, /cq-1/);
      const [fixed] = assertFixesWork(highAvailabilityColdStandby, bad, f);
      assert.match(fixed!, /id: cq-1\n {4}city: 重庆\n {4}role: hot-standby/);
    });

    it('fires on a fast RTO alone, located on the rto', () => {
      const rto = proposal(`  - id: pay\n    availability: 99.9\n    rto: 15m\n    sites: [cd-1, cq-1]\n`);
      const f = single(highAvailabilityColdStandby, run(highAvailabilityColdStandby, rto));
      assert.deepEqual(f.path, ['systems', 0, 'rto']);
      assert.match(f.message.zh, /RTO 15m/);
    });

    it('is quiet on a modest promise, a hot remote copy, or no remote copy', () => {
      assert.deepEqual(
        run(highAvailabilityColdStandby, proposal(`  - id: a\n    availability: 99.9\n    rto: 2h\n    sites: [cd-1, cq-1]\n`)),
        [],
      );
      const hot = bad.replace('role: cold-standby', 'role: hot-standby');
      assert.deepEqual(run(highAvailabilityColdStandby, hot), []);
      assert.deepEqual(run(highAvailabilityColdStandby, proposal(`  - id: a\n    availability: 99.999\n    sites: [cd-1, cd-2]\n`)), []);
    });

    it('is quiet on 2R3DC with a same-city copy and a cold remote one: rto binds site loss only', () => {
      const twoRegions = proposal(`  - id: core\n    tier: 1\n    availability: 99.99\n    rto: 5m\n    sites: [cd-1, cd-2, cq-1]\n`);
      assert.deepEqual(run(highAvailabilityColdStandby, twoRegions), []);
    });

    it('fires on a city-loss RTO the cold remote copy cannot meet', () => {
      const text = proposal(`  - id: core\n    tier: 1\n    rto: 5m\n    cityLoss: { rto: 15m }\n    sites: [cd-1, cd-2, cq-1]\n`);
      const f = single(highAvailabilityColdStandby, run(highAvailabilityColdStandby, text));
      assert.deepEqual(f.path, ['systems', 0, 'cityLoss', 'rto']);
      assert.match(f.message.zh, /失去成都后只能由冷备中心 cq-1 接管/);
    });
  });

  describe('batch-dr-mlps3', () => {
    const bad = proposal(`  - id: eod
    kind: batch
    sites: [cd-1]
`);

    it('fires on a single-site batch system under MLPS 3, on its sites', () => {
      const f = single(batchDrMlps3, run(batchDrMlps3, bad));
      assert.deepEqual(f.range, rangeOf(bad, 'sites: [cd-1]'));
      assert.deepEqual(f.path, ['systems', 0, 'sites']);
      assertQuotes(f, 'tianhong-fund', 'batch-dr');
      assert.match(f.message.zh, /等保 3 级/);
    });

    it('is quiet with a second site, under MLPS 2, or for online systems', () => {
      assert.deepEqual(run(batchDrMlps3, bad.replace('sites: [cd-1]', 'sites: [cd-1, cq-1]')), []);
      assert.deepEqual(run(batchDrMlps3, bad.replace('mlps: 3', 'mlps: 2')), []);
      assert.deepEqual(run(batchDrMlps3, bad.replace('kind: batch', 'kind: online')), []);
    });
  });
});
