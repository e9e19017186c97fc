import * as assert from 'node:assert/strict';
import { heterogeneousPlatforms, securityZonesIncomplete, sensitiveDataPublicCloud } from '../../../server/src/service/rules/cloud';
import { mainframeDownsizing } from '../../../server/src/service/rules/legacy';
import { assertFixesWork, assertQuotes, proposal, rangeOf, run, single } from './harness';

describe('rules: cloud and legacy', () => {
  describe('sensitive-data-public-cloud', () => {
    const bad = proposal(`  - id: mobile\n    cloud: public\n    sensitive: true\n`);

    it('fires on sensitive data on the public cloud, with hybrid and private fixes', () => {
      const f = single(sensitiveDataPublicCloud, run(sensitiveDataPublicCloud, bad));
      assert.deepEqual(f.range, rangeOf(bad, 'public'));
      assert.deepEqual(f.path, ['systems', 0, 'cloud']);
      assertQuotes(f, 'tianhong-fund', 'hybrid-cloud');
      const fixed = assertFixesWork(sensitiveDataPublicCloud, bad, f);
      assert.deepEqual(
        fixed.map((t) => /cloud: (\w+)/.exec(t)![1]),
        ['hybrid', 'private'],
      );
    });

    it('is quiet for non-sensitive public workloads and sensitive private ones', () => {
      assert.deepEqual(run(sensitiveDataPublicCloud, bad.replace('sensitive: true', 'sensitive: false')), []);
      assert.deepEqual(run(sensitiveDataPublicCloud, bad.replace('cloud: public', 'cloud: hybrid')), []);
    });

    it('lets the sites decide: cloud: private (or none) on public-cloud sites only is reported, on the cloud value', () => {
      const onPublic = proposal(`  - id: core\n    sensitive: true\n    cloud: private\n    sites: [cd-1]\n`).replace(
        '    role: primary\n',
        '    role: primary\n    platform: public-cloud\n',
      );
      const f = single(sensitiveDataPublicCloud, run(sensitiveDataPublicCloud, onPublic));
      assert.deepEqual(f.path, ['systems', 0, 'cloud']);
      assert.match(f.message.zh, /cloud 写的是私有云（private），但它部署的每个中心都是公有云/);
      assert.equal(f.fixes, undefined, 'a fix on the cloud value would not move the data');
      const unsaid = single(sensitiveDataPublicCloud, run(sensitiveDataPublicCloud, onPublic.replace('    cloud: private\n', '')));
      assert.deepEqual(unsaid.path, ['systems', 0, 'sites']);
      assert.deepEqual(
        run(sensitiveDataPublicCloud, onPublic.replace('[cd-1]', '[cd-1, cd-2]')),
        [],
        'one private site keeps the data off the public cloud',
      );
    });
  });

  describe('security-zones-incomplete', () => {
    it('fires on listed zones missing dev-test, or a DMZ when something faces the internet, and adds them', () => {
      const text = proposal(`  - id: a\n    kind: channel\n`).replace('zones: [dev-test, dmz, intranet]', 'zones: [intranet]');
      const f = single(securityZonesIncomplete, run(securityZonesIncomplete, text));
      assert.deepEqual(f.range, rangeOf(text, 'zones: [intranet]'));
      assert.deepEqual(f.path, ['zones']);
      assert.match(
        f.message.en,
        /lack a dev\/test zone \(dev-test\) and a DMZ \(dmz\): development and testing share production and internet-facing systems expose/,
      );
      assert.match(f.message.zh, /缺少开发测试区（dev-test）、DMZ 区（dmz）：开发测试与生产混在一起；面向互联网的系统直接暴露生产内网。/);
      assertQuotes(f, 'sichuan-rcu', 'one-cloud-three-zones');
      const [fixed] = assertFixesWork(securityZonesIncomplete, text, f);
      assert.match(fixed!, /zones: \[intranet, dev-test, dmz\]/);
      const onlyDmz = text.replace('zones: [intranet]', 'zones: [intranet, dev-test]');
      const dmzOnly = single(securityZonesIncomplete, run(securityZonesIncomplete, onlyDmz)).message;
      assert.match(dmzOnly.zh, /缺少 DMZ 区（dmz）：面向互联网的系统直接暴露生产内网。/);
      assert.doesNotMatch(dmzOnly.en, /testing/, 'the dev/test risk is said only when that zone is missing');
    });

    it('fires when a tier-1 system exists and no zones are given, on its tier line, adding all three', () => {
      const text = proposal(`  - id: a\n    tier: 2\n  - id: core\n    tier: 1\n`).replace('zones: [dev-test, dmz, intranet]\n', '');
      const f = single(securityZonesIncomplete, run(securityZonesIncomplete, text));
      assert.deepEqual(f.path, ['systems', 1, 'tier']);
      assert.deepEqual(f.range, rangeOf(text, 'tier: 1'));
      const [fixed] = assertFixesWork(securityZonesIncomplete, text, f);
      assert.match(fixed!, /\n {4}tier: 1\nzones: \[dev-test, dmz, intranet\]\n$/);
    });

    it('asks for no DMZ when nothing faces the internet', () => {
      const internal = proposal(`  - id: a\n    kind: online\n  - id: b\n    kind: channel\n    internetFacing: false\n`).replace(
        'zones: [dev-test, dmz, intranet]',
        'zones: [dev-test, intranet]',
      );
      assert.deepEqual(run(securityZonesIncomplete, internal), []);
      const facing = internal.replace('internetFacing: false', 'internetFacing: true');
      assert.match(single(securityZonesIncomplete, run(securityZonesIncomplete, facing)).message.zh, /缺少 DMZ 区（dmz）/);
    });

    it('is quiet with dev-test and dmz, and without zones when nothing is tier 1', () => {
      assert.deepEqual(run(securityZonesIncomplete, proposal(`  - id: core\n    tier: 1\n`)), []);
      const noZones = proposal(`  - id: a\n    tier: 2\n`).replace('zones: [dev-test, dmz, intranet]\n', '');
      assert.deepEqual(run(securityZonesIncomplete, noZones), []);
    });
  });

  describe('heterogeneous-platforms', () => {
    const text = `casebook: proposal/v1
sites:
  - { id: a, city: 杭州, role: primary, platform: huawei-cloud }
  - { id: b, city: 杭州, role: active }
  - { id: c, city: 上海, role: hot-standby, platform: physical }
systems:
  - { id: core, sites: [a, b, c] }
`;

    it('fires once on the first site whose platform differs, naming both', () => {
      const f = single(heterogeneousPlatforms, run(heterogeneousPlatforms, text));
      assert.deepEqual(f.path, ['sites', 2, 'platform']);
      assert.deepEqual(f.range, rangeOf(text, 'physical'));
      assert.match(f.message.en, /a is huawei-cloud, c is physical/);
      assertQuotes(f, 'zhejiang-rcu', 'heterogeneous-resources');
    });

    it('is quiet on one platform', () => {
      assert.deepEqual(run(heterogeneousPlatforms, text.replace('physical', 'huawei-cloud')), []);
    });
  });

  describe('mainframe-downsizing', () => {
    it('fires on a mainframe runtime', () => {
      const text = proposal(`  - id: core\n    runtime: mainframe\n`);
      const f = single(mainframeDownsizing, run(mainframeDownsizing, text));
      assert.deepEqual(f.range, rangeOf(text, 'mainframe'));
      assert.deepEqual(f.path, ['systems', 0, 'runtime']);
      assertQuotes(f, 'china-united-insurance', 'leave-ioe');
      for (const name of ['四川农信', '顺德农商']) assert.ok(f.message.zh.includes(name));
      assert.deepEqual(run(mainframeDownsizing, text.replace('mainframe', 'container')), []);
    });
  });
});
