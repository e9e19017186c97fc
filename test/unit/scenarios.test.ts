/**
 * The failure-scenario engine on small topologies: which scopes exist, who
 * takes over and how fast, what data the takeover copy lacks, and how hard
 * dependencies (and theirs) stop a system.
 */
import * as assert from 'node:assert/strict';
import { buildModel, type ProposalModel } from '../../server/src/service/model';
import { requiredScopeKinds, scenariosOf, scopesOf, simulate, type Scope, type SystemOutcome } from '../../server/src/service/scenarios';
import { parseYamlTree } from '../../server/src/service/yamlTree';

function model(sites: string, systems: string, links = ''): ProposalModel {
  return buildModel(
    parseYamlTree(`casebook: proposal/v1
name: t
industry: bank
sites:
${sites}
${links ? `links:\n${links}\n` : ''}systems:
${systems}`),
  );
}

const scope = (m: ProposalModel, kind: Scope['kind'], key: string): Scope => {
  const found = scopesOf(m).find((s) => s.kind === kind && s.key === key);
  assert.ok(
    found,
    `no ${kind} scope ${key} in ${scopesOf(m)
      .map((s) => `${s.kind}:${s.key}`)
      .join(', ')}`,
  );
  return found;
};

const outcome = (m: ProposalModel, s: Scope, id: string): SystemOutcome => {
  const found = simulate(m, s).outcomes.find((o) => o.system.id?.value === id);
  assert.ok(found, `no system ${id}`);
  return found;
};

const TWO_CITIES = `  - { id: sh-1, city: 上海, role: primary }
  - { id: sh-2, city: 上海市, role: hot-standby }
  - { id: bj-1, city: 北京, role: cold-standby }`;

describe('scenarios', () => {
  describe('scopes', () => {
    it('has every site, every city (上海 = 上海市) and every province, without repeating a scope', () => {
      const m = model(TWO_CITIES, `  - { id: a, sites: [sh-1, sh-2, bj-1] }`);
      const scopes = scopesOf(m).map((s) => `${s.kind}:${s.label}:${s.sites.size}`);
      // 上海 and 北京 are municipalities: each is its own province, so no region scope repeats the city.
      assert.deepEqual(scopes, ['site:sh-1:1', 'site:sh-2:1', 'site:bj-1:1', 'city:上海:2']);
    });

    it('groups cities by province, and by a stated region where the enterprise groups differently', () => {
      const m = model(
        `  - { id: gz-1, city: 广州, role: primary }
  - { id: fs-1, city: 佛山, role: hot-standby }
  - { id: cd-1, city: 成都, role: cold-standby, region: 西南 }
  - { id: cq-1, city: 重庆, role: cold-standby, region: 西南 }`,
        `  - { id: a, sites: [gz-1, fs-1, cd-1, cq-1] }`,
      );
      const regions = scopesOf(m).filter((s) => s.kind === 'region');
      assert.deepEqual(
        regions.map((r) => [r.key, [...r.sites].map((s) => s.id?.value)]),
        [
          ['广东省', ['gz-1', 'fs-1']],
          ['西南', ['cd-1', 'cq-1']],
        ],
      );
    });

    it('leaves an unknown city out of region scopes, but keeps its site and city', () => {
      const m = model(`  - { id: x-1, city: 火星城, role: primary }\n  - { id: x-2, city: 火星城 }`, `  - { id: a, sites: [x-1, x-2] }`);
      assert.deepEqual(
        scopesOf(m).map((s) => s.kind),
        ['site', 'site', 'city'],
      );
    });

    it('asks tier 1 to survive sites and cities, tier 2 sites, others nothing', () => {
      const m = model(TWO_CITIES, `  - { id: a, tier: 1 }\n  - { id: b, tier: 2 }\n  - { id: c, tier: 3 }\n  - { id: d }`);
      assert.deepEqual(
        m.systems.map((s) => requiredScopeKinds(s)),
        [['site', 'city'], ['site'], [], []],
      );
    });
  });

  describe('takeover, by the role of the surviving copy', () => {
    const m = model(
      TWO_CITIES,
      `  - { id: a, sites: [sh-1, sh-2, bj-1] }\n  - { id: b, sites: [sh-1, bj-1] }\n  - { id: c, sites: [sh-1] }`,
    );

    it('a hot standby in minutes, a cold one in hours; nothing when the lost site held no writer', () => {
      assert.deepEqual(pick(outcome(m, scope(m, 'site', 'sh-1'), 'a')), { survives: true, takeover: 'minutes', site: 'sh-2' });
      assert.deepEqual(pick(outcome(m, scope(m, 'site', 'sh-1'), 'b')), { survives: true, takeover: 'hours', site: 'bj-1' });
      assert.deepEqual(pick(outcome(m, scope(m, 'site', 'bj-1'), 'a')), { survives: true, takeover: 'none', site: 'sh-1' });
    });

    it('a system with no copy outside the scope stops; one outside it is not hit', () => {
      const city = scope(m, 'city', [...scope(m, 'site', 'sh-1').sites][0]!.cityKey);
      assert.equal(outcome(m, city, 'c').survives, false);
      assert.equal(outcome(m, city, 'c').hit, true);
      assert.deepEqual(pick(outcome(m, city, 'a')), { survives: true, takeover: 'hours', site: 'bj-1' });
      const bj = scope(m, 'site', 'bj-1');
      assert.equal(outcome(m, bj, 'c').hit, false);
      assert.equal(outcome(m, bj, 'c').survives, true);
    });
  });

  describe('data loss, over the replication links', () => {
    const sys = `  - { id: a, sites: [sh-1, sh-2, bj-1] }`;

    it('sync loses nothing, async its stated lag, async without a lag "some", no link unknown', () => {
      const sync = model(TWO_CITIES, sys, `  - { from: sh-1, to: sh-2, mode: sync }\n  - { from: sh-1, to: bj-1, mode: async, lag: 30s }`);
      assert.deepEqual(outcome(sync, scope(sync, 'site', 'sh-1'), 'a').dataLoss, { kind: 'none' });
      const cityKey = [...scope(sync, 'site', 'sh-1').sites][0]!.cityKey;
      assert.deepEqual(outcome(sync, scope(sync, 'city', cityKey), 'a').dataLoss, { kind: 'lag', seconds: 30, text: '30s' });
      const noLag = model(TWO_CITIES, sys, `  - { from: sh-1, to: bj-1, mode: async }`);
      assert.deepEqual(outcome(noLag, scope(noLag, 'city', cityKey), 'a').dataLoss, { kind: 'some' });
      const none = model(TWO_CITIES, sys);
      assert.deepEqual(outcome(none, scope(none, 'city', cityKey), 'a').dataLoss, { kind: 'unknown' });
    });

    it('follows the best path: links work both ways, and a path loses what its worst link loses', () => {
      // sh-1 → sh-2 sync, sh-2 → bj-1 async 5s (written from the far end): bj-1 trails by 5s.
      const m = model(TWO_CITIES, sys, `  - { from: sh-2, to: sh-1, mode: sync }\n  - { from: bj-1, to: sh-2, mode: async, lag: 5s }`);
      const cityKey = [...scope(m, 'site', 'sh-1').sites][0]!.cityKey;
      assert.deepEqual(outcome(m, scope(m, 'city', cityKey), 'a').dataLoss, { kind: 'lag', seconds: 5, text: '5s' });
      // A second, direct sync path to bj-1 wins over the async one.
      const better = model(
        TWO_CITIES,
        sys,
        `  - { from: sh-2, to: sh-1, mode: sync }\n  - { from: bj-1, to: sh-2, mode: async, lag: 5s }\n  - { from: sh-1, to: bj-1, mode: sync }`,
      );
      assert.deepEqual(outcome(better, scope(better, 'city', cityKey), 'a').dataLoss, { kind: 'none' });
    });
  });

  describe('hard dependencies', () => {
    const sites = `  - { id: gz-1, city: 广州, role: primary }
  - { id: gz-2, city: 广州, role: hot-standby }
  - { id: bj-1, city: 北京, role: hot-standby }`;

    it('a sync, critical dependency (a bare id) stops the caller with it; an async or non-critical one does not', () => {
      const m = model(
        sites,
        `  - { id: app, sites: [gz-1, bj-1], dependsOn: [core, { id: notify, mode: async }, { id: report, critical: false }] }
  - { id: core, sites: [gz-1, gz-2] }
  - { id: notify, sites: [gz-1] }
  - { id: report, sites: [gz-1] }`,
      );
      const city = scope(m, 'city', [...scope(m, 'site', 'gz-1').sites][0]!.cityKey);
      const app = outcome(m, city, 'app');
      assert.equal(app.ownSurvives, true);
      assert.equal(app.survives, false);
      assert.deepEqual(
        app.lostDependencies.map((d) => d.chain),
        [['core']],
      );
      // Losing one site: core's hot standby takes over in minutes, so app waits that long too.
      const site = outcome(m, scope(m, 'site', 'gz-1'), 'app');
      assert.deepEqual([site.survives, site.takeover], [true, 'minutes']);
    });

    it('follows dependencies of dependencies, names the chain, and stops at a cycle', () => {
      const m = model(
        sites,
        `  - { id: app, sites: [gz-1, bj-1], dependsOn: [mid] }
  - { id: mid, sites: [gz-1, bj-1], dependsOn: [ledger, app] }
  - { id: ledger, sites: [gz-1, gz-2] }`,
      );
      const city = scope(m, 'city', [...scope(m, 'site', 'gz-1').sites][0]!.cityKey);
      assert.deepEqual(
        outcome(m, city, 'app').lostDependencies.map((d) => d.chain),
        [['mid', 'ledger']],
      );
      assert.equal(outcome(m, scope(m, 'site', 'bj-1'), 'app').survives, true);
    });
  });

  it('computes every scope once per model', () => {
    const m = model(TWO_CITIES, `  - { id: a, sites: [sh-1, sh-2, bj-1] }`);
    assert.equal(scenariosOf(m), scenariosOf(m));
    assert.equal(scenariosOf(m).length, scopesOf(m).length);
  });
});

function pick(o: SystemOutcome): { survives: boolean; takeover?: string; site?: string } {
  return {
    survives: o.survives,
    ...(o.takeover ? { takeover: o.takeover } : {}),
    ...(o.takeoverSite?.id ? { site: o.takeoverSite.id.value } : {}),
  };
}
