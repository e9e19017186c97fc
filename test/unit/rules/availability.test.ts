import * as assert from 'node:assert/strict';
import {
  activeActiveSingleDatabase,
  availabilitySingleSite,
  batchDrMlps3,
  dependencyLostInScope,
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

    it('passes any topology that survives every city loss with a hot copy for each site: 1+1 across two cities, 1+1+1 across three', () => {
      const twoCities = proposal(`  - id: core\n    tier: 1\n    sites: [cd-1, cq-1]\n    siteRoles: { cq-1: hot-standby }\n`);
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

    it('fires when a single site’s loss leaves only a cold standby to take over: every site failure would wait on a cold start', () => {
      const coldOnly = run(tier1TwoRegionsThreeDcs, proposal(`  - id: core\n    tier: 1\n    sites: [cd-1, cq-1]\n`));
      const f = single(tier1TwoRegionsThreeDcs, coldOnly);
      assert.deepEqual(f.path, ['systems', 0, 'tier']);
      assert.match(
        f.message.zh,
        /部署在 2 个中心、2 个城市（成都、重庆）：失去机房 cd-1 后只能由冷备 cq-1 接管，要先启动、校验再切换（通常以小时计，Casebook 的估计）/,
      );
      assert.match(f.message.en, /if site cd-1 is lost, only the cold standby cq-1 can take over/);
      // 2R3DC keeps a hot same-city copy for the site, and may leave the city's loss to a remote cold copy.
      assert.deepEqual(run(tier1TwoRegionsThreeDcs, proposal(`  - id: core\n    tier: 1\n    sites: [cd-1, cd-2, cq-1]\n`)), []);
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
      assert.match(f.message.zh, /等保三级/);
    });

    it('is quiet with a second site, under MLPS 2, or for online systems', () => {
      assert.deepEqual(run(batchDrMlps3, bad.replace('sites: [cd-1]', 'sites: [cd-1, cq-1]')), []);
      assert.deepEqual(run(batchDrMlps3, bad.replace('mlps: 3', 'mlps: 2')), []);
      assert.deepEqual(run(batchDrMlps3, bad.replace('kind: batch', 'kind: online')), []);
    });
  });

  describe('dependency-lost-in-scope', () => {
    const text = (dependency: string, ledgerSites = '[cd-1, cd-2]') =>
      proposal(
        `  - id: app\n    tier: 1\n    sites: [cd-1, cd-2, cq-1]\n    dependsOn: [${dependency}]\n  - id: ledger\n    sites: ${ledgerSites}\n`,
      );

    it('fires on the dependsOn item when the system survives losing 成都 but its hard dependency does not', () => {
      const bad = text('ledger');
      const f = single(dependencyLostInScope, run(dependencyLostInScope, bad));
      assert.deepEqual(f.path, ['systems', 0, 'dependsOn', 0]);
      assert.deepEqual(f.range, rangeOf(bad, 'ledger'));
      assert.match(f.message.zh, /如果失去成都，系统 app 自己仍有副本，但它强依赖的 ledger 没有可用副本/);
      assert.match(f.message.en, /If 成都 is lost, system "app" still has a copy, but ledger, which it cannot work without, has none left/);
    });

    it('joins separate losses with "or": each is a failure of its own', () => {
      // ledger only in cd-1: losing 成都 or losing site cd-1 each leaves app without it.
      const f = single(dependencyLostInScope, run(dependencyLostInScope, text('ledger', '[cd-1]')));
      assert.match(f.message.zh, /如果失去成都或机房 cd-1，/);
      assert.match(f.message.en, /If 成都 or site cd-1 is lost, /);
    });

    it('names the chain when a dependency of a dependency is what stops', () => {
      const chained = proposal(
        `  - id: app\n    tier: 1\n    sites: [cd-1, cd-2, cq-1]\n    dependsOn: [mid]\n  - id: mid\n    sites: [cd-1, cq-1]\n    dependsOn: [ledger]\n  - id: ledger\n    sites: [cd-1, cd-2]\n`,
      );
      const f = run(dependencyLostInScope, chained).find((x) => x.path.join('.') === 'systems.0.dependsOn.0')!;
      // mid has a copy in 重庆; ledger, at the end of the chain, has none: it is what to deploy elsewhere.
      assert.match(
        f.message.en,
        /but mid, which it cannot work without, depends on ledger \(mid → ledger\), which has none left, so .*Deploy ledger where/,
      );
      assert.match(f.message.zh, /但它强依赖的 mid 所依赖的 ledger（mid → ledger）没有可用副本：接管后也无法工作。请把 ledger 部署到/);
    });

    it('is quiet for an async or non-critical dependency, and when the dependency survives too', () => {
      assert.deepEqual(run(dependencyLostInScope, text('{ id: ledger, mode: async }')), []);
      assert.deepEqual(run(dependencyLostInScope, text('{ id: ledger, critical: false }')), []);
      assert.deepEqual(run(dependencyLostInScope, text('ledger', '[cd-1, cq-1]')), []);
    });
  });

  describe('availability-single-site', () => {
    const bad = proposal(`  - id: report\n    availability: 99.99\n    sites: [cd-1]\n`);

    it('fires on 99.99% promised on one site, on the availability', () => {
      const f = single(availabilitySingleSite, run(availabilitySingleSite, bad));
      assert.deepEqual(f.path, ['systems', 0, 'availability']);
      assert.match(f.message.zh, /只部署在机房 cd-1/);
    });

    it('is quiet below 99.99%, on two sites, and for tiers 1 and 2 (their own rules report them)', () => {
      assert.deepEqual(run(availabilitySingleSite, bad.replace('99.99', '99.9')), []);
      assert.deepEqual(run(availabilitySingleSite, bad.replace('[cd-1]', '[cd-1, cd-2]')), []);
      assert.deepEqual(run(availabilitySingleSite, bad.replace('availability:', 'tier: 2\n    availability:')), []);
    });
  });

  describe('active-active-single-database', () => {
    const twoCities = proposal(`  - id: pay\n    database: { engine: oracle, mode: centralized }\n    sites: [cd-1, cq-1]\n`).replace(
      'role: cold-standby',
      'role: active',
    );

    it('warns on live sites in two cities sharing one centralized database, on the mode', () => {
      const f = single(activeActiveSingleDatabase, run(activeActiveSingleDatabase, twoCities));
      assert.deepEqual(f.path, ['systems', 0, 'database', 'mode']);
      assert.equal(f.severity, undefined, 'the rule default: warning');
      assert.match(f.message.zh, /在成都、重庆同时承载业务/);
      assertQuotes(f, 'mybank', 'three-regions-five-dcs');
    });

    it('advises (info) on two live sites of one city: application active-active over a primary/standby database', () => {
      const sameCity = proposal(`  - id: pay\n    database: { engine: oracle, mode: centralized }\n    sites: [cd-1, cd-2]\n`);
      const f = single(activeActiveSingleDatabase, run(activeActiveSingleDatabase, sameCity));
      assert.equal(f.severity, 'info');
      assert.match(f.message.en, /active-active applications over a primary\/standby database/);
    });

    it('is quiet on a distributed database and on one live site', () => {
      assert.deepEqual(run(activeActiveSingleDatabase, twoCities.replace('centralized', 'distributed')), []);
      assert.deepEqual(
        run(activeActiveSingleDatabase, proposal(`  - id: pay\n    database: { mode: centralized }\n    sites: [cd-1, cq-1]\n`)),
        [],
      );
    });
  });
});
