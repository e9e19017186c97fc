import * as assert from 'node:assert/strict';
import { distributedWithoutTracing, esbToServiceMesh } from '../../../server/src/service/rules/integration';
import { assertFixesWork, assertQuotes, proposal, rangeOf, run, single } from './harness';

describe('rules: integration', () => {
  describe('esb-to-service-mesh', () => {
    const bad = proposal(`  - id: core\n    integration: esb\n`);

    it('fires on an ESB, on its value, with a service-mesh fix', () => {
      const f = single(esbToServiceMesh, run(esbToServiceMesh, bad));
      assert.deepEqual(f.range, rangeOf(bad, 'esb'));
      assert.deepEqual(f.path, ['systems', 0, 'integration']);
      assertQuotes(f, 'jiangxi-rcu', 'esb-age');
      assertQuotes(f, 'jiangxi-rcu', 'non-intrusive');
      const [fixed] = assertFixesWork(esbToServiceMesh, bad, f);
      assert.match(fixed!, /integration: service-mesh/);
    });

    it('is quiet on rpc, mq and service-mesh', () => {
      for (const mode of ['rpc', 'mq', 'service-mesh']) assert.deepEqual(run(esbToServiceMesh, bad.replace('esb', mode)), []);
    });
  });

  describe('distributed-without-tracing', () => {
    it('adds tracing to a flow list', () => {
      const text = proposal(`  - id: core\n    architecture: microservices\n    observability: [metrics, logs]   # what we have\n`);
      const f = single(distributedWithoutTracing, run(distributedWithoutTracing, text));
      assert.deepEqual(f.range, rangeOf(text, 'observability: [metrics, logs]'));
      assert.deepEqual(f.path, ['systems', 0, 'observability']);
      assertQuotes(f, 'jiangxi-rcu', 'observability');
      const [fixed] = assertFixesWork(distributedWithoutTracing, text, f);
      assert.match(fixed!, /observability: \[metrics, logs, tracing\] {3}# what we have/);
    });

    it('adds tracing to a block list', () => {
      const text = proposal(
        `  - id: mesh\n    integration: service-mesh\n    observability:\n      - metrics   # m\n    runtime: container\n`,
      );
      const f = single(distributedWithoutTracing, run(distributedWithoutTracing, text));
      const [fixed] = assertFixesWork(distributedWithoutTracing, text, f);
      assert.match(fixed!, /observability:\n {6}- metrics {3}# m\n {6}- tracing\n {4}runtime: container/);
    });

    it('creates observability when it is missing, or empty, located on the architecture', () => {
      const missing = proposal(`  - id: core\n    architecture: unitized\n    sites: [cd-1]\n  - id: next\n`);
      const f = single(distributedWithoutTracing, run(distributedWithoutTracing, missing));
      assert.deepEqual(f.range, rangeOf(missing, 'unitized'));
      assert.deepEqual(f.path, ['systems', 0, 'architecture']);
      const [fixed] = assertFixesWork(distributedWithoutTracing, missing, f);
      assert.match(fixed!, /sites: \[cd-1\]\n {4}observability: \[tracing\]\n {2}- id: next/);
      const empty = proposal(`  - id: core\n    architecture: microservices\n    observability:\n    runtime: vm\n`);
      const g = single(distributedWithoutTracing, run(distributedWithoutTracing, empty));
      const [fixedEmpty] = assertFixesWork(distributedWithoutTracing, empty, g);
      assert.match(fixedEmpty!, /observability: \[tracing\]\n {4}runtime: vm/);
    });

    it('warns on a tier-1 system; a note (info) on the others', () => {
      const on = (tier: string) =>
        single(
          distributedWithoutTracing,
          run(distributedWithoutTracing, proposal(`  - id: core\n${tier}    architecture: microservices\n    observability: [metrics]\n`)),
        ).severity;
      assert.equal(on('    tier: 1\n'), undefined, 'tier 1: the rule default');
      assert.equal(distributedWithoutTracing.defaultSeverity, 'warning');
      assert.equal(on('    tier: 2\n'), 'info');
      assert.equal(on('    tier: 3\n'), 'info');
      assert.equal(on(''), 'info', 'tier unstated');
    });

    it('is quiet with tracing, and on a monolith over rpc', () => {
      assert.deepEqual(
        run(distributedWithoutTracing, proposal(`  - id: a\n    architecture: microservices\n    observability: [tracing]\n`)),
        [],
      );
      assert.deepEqual(run(distributedWithoutTracing, proposal(`  - id: a\n    architecture: monolith\n    integration: rpc\n`)), []);
    });
  });
});
