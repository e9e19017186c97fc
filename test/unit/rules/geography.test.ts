import * as assert from 'node:assert/strict';
import { remoteDrTooClose, syncReplicationLongDistance, unknownCity } from '../../../server/src/service/rules/geography';
import { assertFixesWork, rangeOf, run, single } from './harness';

/** A proposal with the given sites, links and systems (no other fields: the geography rules read only these). */
const text = (sites: string, links: string, systems = '') => `casebook: proposal/v1
name: t
industry: bank
sites:
${sites}
links:${links.trim() === '[]' ? ' []' : `\n${links}`}
systems:
${systems || '  - id: a\n'}`;

const SH_BJ = `  - { id: sh-1, city: 上海, role: primary }\n  - { id: bj-1, city: 北京, role: hot-standby }`;

describe('rules: geography', () => {
  describe('sync-replication-long-distance', () => {
    const bad = text(SH_BJ, '  - { from: sh-1, to: bj-1, mode: sync }');

    it('fires on a sync link between cities more than 300 km apart, with the distance and the round trip', () => {
      const f = single(syncReplicationLongDistance, run(syncReplicationLongDistance, bad));
      assert.deepEqual(f.path, ['links', 0, 'mode']);
      assert.deepEqual(f.range, rangeOf(bad, 'sync'));
      assert.match(f.message.zh, /两地（上海—北京）直线距离约 1,070 公里：每次提交至少多等约 11 毫秒/);
      assert.match(f.message.en, /about 1,070 km \(Shanghai–Beijing, great circle\)/);
      const [fixed] = assertFixesWork(syncReplicationLongDistance, bad, f);
      assert.match(fixed!, /mode: async/);
    });

    it('is quiet within 300 km (上海—杭州), within a city, on async, and where a city is unknown', () => {
      const near = text(`  - { id: sh-1, city: 上海 }\n  - { id: hz-1, city: 杭州 }`, '  - { from: sh-1, to: hz-1, mode: sync }');
      assert.deepEqual(run(syncReplicationLongDistance, near), []);
      assert.deepEqual(run(syncReplicationLongDistance, bad.replace('mode: sync', 'mode: async')), []);
      const same = text(`  - { id: sh-1, city: 上海 }\n  - { id: sh-2, city: 上海市 }`, '  - { from: sh-1, to: sh-2, mode: sync }');
      assert.deepEqual(run(syncReplicationLongDistance, same), []);
      assert.deepEqual(run(syncReplicationLongDistance, bad.replace('北京', '火星城')), []);
    });
  });

  describe('remote-dr-too-close', () => {
    const tier1 = (remote: string) =>
      text(
        `  - { id: sh-1, city: 上海, role: primary }\n  - { id: sh-2, city: 上海, role: hot-standby }\n  - { id: dr-1, city: ${remote}, role: hot-standby }`,
        '  - { from: sh-1, to: sh-2, mode: sync }',
        `  - id: core\n    tier: 1\n    sites: [sh-1, sh-2, dr-1]\n`,
      );

    it('fires when every out-of-city site of a tier-1 system is within 100 km, citing 114号 第三条', () => {
      const bad = tier1('昆山');
      const f = single(remoteDrTooClose, run(remoteDrTooClose, bad));
      assert.deepEqual(f.path, ['systems', 0, 'sites']);
      assert.match(f.message.zh, /dr-1（昆山，城市中心直线约 50 公里）/);
      assert.match(f.message.zh, /银监发〔2010〕114号）第三条/);
      assert.match(f.message.en, /same-city mode \(generally tens of kilometres\)/);
    });

    it('is quiet with a site hundreds of km away, without a remote site, and on other tiers', () => {
      assert.deepEqual(run(remoteDrTooClose, tier1('合肥')), []);
      assert.deepEqual(run(remoteDrTooClose, tier1('上海市')), []);
      assert.deepEqual(run(remoteDrTooClose, tier1('昆山').replace('tier: 1', 'tier: 2')), []);
    });
  });

  describe('unknown-city', () => {
    it('says which cities an ambiguous English name could be, and that distances are skipped', () => {
      const t = text(
        `  - { id: x-1, city: Suzhou }\n  - { id: x-2, city: 火星城 }\n  - { id: x-3, city: 上海 }`,
        '  - { from: x-1, to: x-2, mode: sync }',
      );
      const found = run(unknownCity, t);
      assert.deepEqual(
        found.map((f) => f.path),
        [
          ['sites', 0, 'city'],
          ['sites', 1, 'city'],
        ],
      );
      assert.match(found[0]!.message.zh, /「Suzhou」可能指 苏州市（江苏省）或宿州市（安徽省）/);
      assert.match(found[1]!.message.en, /The city "火星城" is not recognised\. Distance checks .* skip site x-2/);
    });

    it('tells a known city without a position apart from an unknown one', () => {
      const t = text(`  - { id: y-1, city: 延边 }`, '  []');
      const f = single(unknownCity, run(unknownCity, t));
      assert.match(f.message.zh, /已识别城市「延边」（延边朝鲜族自治州，吉林省），但数据中没有它的坐标/);
    });
  });
});
