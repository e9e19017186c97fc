import * as assert from 'node:assert/strict';
import {
  availabilityExceedsDependencies,
  recoveryPointUnreachable,
  rpoZeroAsyncReplication,
  tier1MissingRecoveryObjectives,
} from '../../../server/src/service/rules/consistency';
import { applyFix, assertFixesWork, assertQuotes, modelOf, proposal, rangeOf, run, single, library } from './harness';

describe('rules: consistency', () => {
  describe('rpo-zero-async-replication', () => {
    const links = `links:
  - { from: cd-1, to: cd-2, mode: sync }
  - { from: cd-1, to: cq-1, mode: async }
`;
    // 同城 sync + 异地 async: RPO 0 holds for a site loss; the city-loss promise is what breaks.
    const bad = proposal(`  - id: core\n    rpo: 0\n    cityLoss: { rpo: 0 }\n    sites: [cd-1, cd-2, cq-1]\n`, links);

    it('fires as an error-level contradiction on the city-loss rpo, with a sync fix', () => {
      assert.equal(rpoZeroAsyncReplication.defaultSeverity, 'error');
      const f = single(rpoZeroAsyncReplication, run(rpoZeroAsyncReplication, bad));
      assert.deepEqual(f.range, rangeOf(bad, 'rpo: 0', 1));
      assert.deepEqual(f.path, ['systems', 0, 'cityLoss', 'rpo']);
      assert.match(f.message.en, /if 成都 is lost cq-1 takes over/);
      assert.match(f.message.en, /cd-1→cq-1/);
      assert.match(f.message.zh, /城市级故障 RPO 0/);
      const [fixed] = assertFixesWork(rpoZeroAsyncReplication, bad, f);
      assert.match(fixed!, /\{ from: cd-1, to: cq-1, mode: sync \}/);
    });

    it('is quiet on the mainstream 同城 RPO 0 design: sync same-city, async remote, only rpo: 0', () => {
      assert.deepEqual(run(rpoZeroAsyncReplication, proposal(`  - id: core\n    rpo: 0\n    sites: [cd-1, cd-2, cq-1]\n`, links)), []);
    });

    it('fires on rpo: 0 when a single site loss leaves only an async copy', () => {
      const text = proposal(`  - id: core\n    rpo: 0\n    sites: [cd-1, cq-1]\n`, links);
      const f = single(rpoZeroAsyncReplication, run(rpoZeroAsyncReplication, text));
      assert.deepEqual(f.path, ['systems', 0, 'rpo']);
      assert.match(f.message.zh, /失去机房 cd-1后由 cq-1 接管|失去机房 cd-1 后由 cq-1 接管/);
    });

    it('is quiet with a sync out-of-city link, a non-zero RPO, or no links stated', () => {
      assert.deepEqual(run(rpoZeroAsyncReplication, bad.replace('mode: async', 'mode: sync')), []);
      assert.deepEqual(run(rpoZeroAsyncReplication, bad.replace('cityLoss: { rpo: 0 }', 'cityLoss: { rpo: 30s }')), []);
      assert.deepEqual(run(rpoZeroAsyncReplication, bad.replace(links, '')), []);
      // Async only within one city does not touch a system that has no remote copy.
      const sameCity = proposal(`  - id: core\n    rpo: 0\n    cityLoss: { rpo: 0 }\n    sites: [cd-1, cd-2]\n`, links);
      assert.deepEqual(run(rpoZeroAsyncReplication, sameCity), []);
    });

    it('is quiet when another path to the remote copy is sync', () => {
      const extra = links + '  - { from: cd-2, to: cq-1, mode: sync }\n';
      assert.deepEqual(
        run(rpoZeroAsyncReplication, proposal(`  - id: core\n    cityLoss: { rpo: 0 }\n    sites: [cd-1, cd-2, cq-1]\n`, extra)),
        [],
      );
    });
  });

  describe('recovery-point-unreachable', () => {
    it('fires when the stated lag exceeds a non-zero RPO, and is quiet without a lag', () => {
      const lagged = `links:\n  - { from: cd-1, to: cd-2, mode: sync }\n  - { from: cd-1, to: cq-1, mode: async, lag: 5m }\n`;
      const text = proposal(`  - id: core\n    rpo: 0\n    cityLoss: { rpo: 30s }\n    sites: [cd-1, cd-2, cq-1]\n`, lagged);
      const f = single(recoveryPointUnreachable, run(recoveryPointUnreachable, text));
      assert.deepEqual(f.path, ['systems', 0, 'cityLoss', 'rpo']);
      assert.match(f.message.en, /may trail by 5m/);
      assert.deepEqual(run(recoveryPointUnreachable, text.replace(', lag: 5m', '')), []);
      assert.deepEqual(run(recoveryPointUnreachable, text.replace('lag: 5m', 'lag: 10s')), []);
    });
  });

  describe('availability-exceeds-dependencies', () => {
    const chain = `  - id: channel
    availability: 99.99
    dependsOn: [core]
  - id: core
    availability: 99.99
    dependsOn: [ledger]
  - id: ledger
    availability: 99.99
`;

    it('multiplies transitive dependencies and reports the ceiling with a fix', () => {
      const text = proposal(chain);
      const findings = run(availabilityExceedsDependencies, text);
      // core (99.99) on ledger (99.99) is exactly at its ceiling: allowed.
      assert.deepEqual(
        findings.map((f) => f.path),
        [['systems', 0, 'availability']],
      );
      const [channel] = findings;
      assert.deepEqual(channel!.range, rangeOf(text, 'availability: 99.99'));
      // 0.9999 × 0.9999 = 0.99980001 → at most 99.98% with independent outages; no single dependency is below the
      // promise, the target each component is built to: a note (info), not an error.
      assert.equal(channel!.severity, 'info');
      assert.match(
        channel!.message.en,
        /99\.99% availability, no more than any one of its hard dependencies alone, but with independent outages the 2 systems it depends on in series allow at most 99\.98% \(/,
      );
      assert.match(channel!.message.zh, /不高于任何一个强依赖单独的可用性.*最多只允许 99\.98%/);
      assertFixesWork(availabilityExceedsDependencies, text, channel!);
    });

    it('is an error (the rule default) when the promise is above a single dependency it cannot do without', () => {
      const text = proposal(chain.replace('  - id: ledger\n    availability: 99.99', '  - id: ledger\n    availability: 99.9'));
      const findings = run(availabilityExceedsDependencies, text);
      assert.equal(availabilityExceedsDependencies.defaultSeverity, 'error');
      assert.deepEqual(
        findings.map((f) => [f.path.join('.'), f.severity]),
        [
          ['systems.0.availability', undefined],
          ['systems.1.availability', undefined],
        ],
      );
      assert.match(
        findings[1]!.message.en,
        /core" promises 99\.99% availability, but the one system it depends on allows at most 99\.9% \(ledger 99\.9%\)/,
      );
      assert.match(findings[1]!.message.zh, /但它唯一的强依赖最多只允许 99\.9%（ledger 99\.9%）/);
      // Two dependencies listed: ordered, and not both called "the weakest".
      assert.match(findings[0]!.message.en, /\(weakest first: ledger 99\.9%, core 99\.99%\)/);
      assert.match(findings[0]!.message.zh, /（由弱到强：ledger 99\.9%、core 99\.99%）/);
    });

    it('counts only dependencies it waits on and cannot do without (sync and critical)', () => {
      const text = proposal(chain);
      const asyncCore = text.replace('dependsOn: [core]', 'dependsOn: [{ id: core, mode: async }]');
      assert.deepEqual(
        run(availabilityExceedsDependencies, asyncCore).map((f) => f.path),
        [],
      );
      const optional = text.replace('dependsOn: [core]', 'dependsOn: [{ id: core, critical: false }]');
      assert.deepEqual(
        run(availabilityExceedsDependencies, optional).map((f) => f.path),
        [],
      );
      const explicit = text.replace('dependsOn: [core]', 'dependsOn: [{ id: core, mode: sync, critical: true }]');
      assert.equal(run(availabilityExceedsDependencies, explicit).length, 1);
    });

    it('counts a shared dependency once (a diamond is not double-counted)', () => {
      const diamond = proposal(`  - id: app
    availability: 99.97
    dependsOn: [a, b]
  - id: a
    availability: 99.99
    dependsOn: [base]
  - id: b
    availability: 99.99
    dependsOn: [base]
  - id: base
    availability: 99.99
`);
      // Distinct dependencies a, b, base: 0.9999³ ≈ 99.970003% ≥ 99.97%. Counting base twice would give 99.96%.
      assert.deepEqual(
        run(availabilityExceedsDependencies, diamond).filter((f) => f.path[1] === 0),
        [],
      );
      const tighter = diamond.replace('availability: 99.97', 'availability: 99.975');
      const f = single(
        availabilityExceedsDependencies,
        run(availabilityExceedsDependencies, tighter).filter((x) => x.path[1] === 0),
      );
      assert.match(f.message.en, /the 3 systems .* at most 99\.97%/);
    });

    it('survives dependency cycles and excludes the system itself', () => {
      const cycle = proposal(`  - id: a
    availability: 99.9
    dependsOn: [b]
  - id: b
    availability: 99.99
    dependsOn: [a]
`);
      const findings = run(availabilityExceedsDependencies, cycle);
      // b (99.99) depends on a (99.9): at most 99.9; a depends on b (99.99) ≥ 99.9: fine.
      assert.deepEqual(
        findings.map((f) => f.path),
        [['systems', 1, 'availability']],
      );
      assert.match(findings[0]!.message.en, /at most 99\.9%/);
    });

    it('is quiet when the dependencies allow the promise, or availabilities are unknown', () => {
      assert.deepEqual(
        run(
          availabilityExceedsDependencies,
          proposal(`  - id: a\n    availability: 99.99\n    dependsOn: [b]\n  - id: b\n    availability: 99.999\n`),
        ),
        [],
      );
      assert.deepEqual(
        run(availabilityExceedsDependencies, proposal(`  - id: a\n    availability: 99.99\n    dependsOn: [b, missing]\n  - id: b\n`)),
        [],
      );
      assert.deepEqual(run(availabilityExceedsDependencies, proposal(`  - id: a\n    availability: 99.99\n    dependsOn: [a]\n`)), []);
    });

    it('shares walks between systems with the same dependency set without mixing cycles in', () => {
      const shared = proposal(`  - id: x
    availability: 99.99
    dependsOn: [hub]
  - id: hub
    availability: 99.995
    dependsOn: [x]
  - id: y
    availability: 99.99
    dependsOn: [hub]
`);
      // x sits on a cycle with hub: its ceiling is hub alone (99.995), fine. hub's is x (99.99) < 99.995.
      // y shares x's dependency set but not its cycle: hub and x give 99.985.
      const findings = run(availabilityExceedsDependencies, shared);
      assert.deepEqual(
        findings.map((f) => f.path),
        [
          ['systems', 1, 'availability'],
          ['systems', 2, 'availability'],
        ],
      );
      assert.match(findings[1]!.message.en, /at most 99\.985%/);
    });

    it('stays exact over 2,000 chained systems', () => {
      const lines: string[] = [];
      for (let i = 0; i < 2000; i++) lines.push(`  - { id: s${i}, availability: 99.9999${i < 1999 ? `, dependsOn: [s${i + 1}]` : ''} }`);
      const model = modelOf(proposal(lines.join('\n') + '\n'));
      const findings = availabilityExceedsDependencies.check({ model, library });
      // s0…s1997 have ≥2 dependencies at 99.9999% (0.999999² < 0.999999); s1998 has one, s1999 none.
      assert.equal(findings.length, 1998);
      assert.match(findings[0]!.message.en, /the 1999 systems/);
    });
  });

  describe('tier1-missing-recovery-objectives', () => {
    it('fires on a tier-1 system without rto or rpo, on the tier line', () => {
      const text = proposal(`  - id: core\n    tier: 1\n    rpo: 0\n`);
      const f = single(tier1MissingRecoveryObjectives, run(tier1MissingRecoveryObjectives, text));
      assert.deepEqual(f.range, rangeOf(text, 'tier: 1'));
      assert.deepEqual(f.path, ['systems', 0, 'tier']);
      assert.match(f.message.en, /states no rto/);
      assertQuotes(f, 'tianhong-fund', 'online-dr');
      const both = single(tier1MissingRecoveryObjectives, run(tier1MissingRecoveryObjectives, proposal(`  - id: core\n    tier: 1\n`)));
      assert.match(both.message.en, /no rto or rpo/);
      assert.match(both.message.zh, /rto 和 rpo/);
    });

    it('asks a stateless system (no data, no database, no transactions) for its rto only', () => {
      const gateway = proposal(`  - id: gw\n    tier: 1\n    transactions: none\n    rto: 5m\n`);
      assert.deepEqual(run(tier1MissingRecoveryObjectives, gateway), []);
      const noRto = single(tier1MissingRecoveryObjectives, run(tier1MissingRecoveryObjectives, gateway.replace('    rto: 5m\n', '')));
      assert.match(noRto.message.en, /states no rto:/);
      assert.equal(
        run(tier1MissingRecoveryObjectives, gateway.replace('transactions: none', 'transactions: none\n    data: [session]')).length,
        1,
      );
    });

    it('is quiet with both, on lower tiers, and on a malformed value (validation reports that)', () => {
      assert.deepEqual(run(tier1MissingRecoveryObjectives, proposal(`  - id: core\n    tier: 1\n    rto: 5m\n    rpo: 0\n`)), []);
      assert.deepEqual(run(tier1MissingRecoveryObjectives, proposal(`  - id: core\n    tier: 2\n`)), []);
      assert.deepEqual(run(tier1MissingRecoveryObjectives, proposal(`  - id: core\n    tier: 1\n    rto: soon\n    rpo: 0\n`)), []);
    });
  });

  it('the helpers apply fixes to the exact text', () => {
    assert.equal(
      applyFix('a: 1\n', {
        title: { zh: '', en: '' },
        edits: [{ range: { start: { line: 0, character: 3 }, end: { line: 0, character: 4 } }, newText: '2' }],
      }),
      'a: 2\n',
    );
  });
});
