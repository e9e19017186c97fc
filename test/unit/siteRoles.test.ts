/**
 * `systems[].siteRoles`: the role a site plays for one system where it differs
 * from the site's own (a unitised proposal: 成都 active for the card units, a
 * hot copy for posting). Topology words, failure scenarios, rules and
 * validation all read the site in that role for that system, and only there.
 */
import * as assert from 'node:assert/strict';
import { buildModel, roleFor } from '../../server/src/service/model';
import { rpoZeroAsyncReplication } from '../../server/src/service/rules/consistency';
import { scopesOf, simulate } from '../../server/src/service/scenarios';
import { parseYamlTree } from '../../server/src/service/yamlTree';
import { run } from './rules/harness';
import { check } from './validation/helpers';

const unitised = (postingRoles: string) => `casebook: proposal/v1
name: 卡中心单元化
sites:
  - { id: sh-1, city: 上海, role: primary }
  - { id: sh-2, city: 上海, role: active }
  - { id: cd-1, city: 成都, role: active }
links:
  - { from: sh-1, to: sh-2, mode: sync }
  - { from: sh-1, to: cd-1, mode: async, lag: 2s }
  - { from: cd-1, to: sh-1, mode: async, lag: 2s }
systems:
  - id: auth
    tier: 1
    rpo: 0
    database: { mode: distributed }
    sites: [sh-1, sh-2, cd-1]
  - id: posting
    tier: 2
    rpo: 0
    sites: [sh-1, sh-2, cd-1]
${postingRoles}`;

const modelOf = (text: string) => buildModel(parseYamlTree(text));

describe('siteRoles: a site in another role for one system', () => {
  it('is read for that system only: its role, its topology words', () => {
    const m = modelOf(unitised('    siteRoles: { cd-1: hot-standby }\n'));
    const [auth, posting] = m.systems;
    const cd1 = m.siteById.get('cd-1')!;
    assert.equal(roleFor(posting!, cd1)?.value, 'hot-standby');
    assert.equal(roleFor(auth!, cd1)?.value, 'active', 'the site keeps its own role for every other system');
    assert.equal(posting!.topology.multiSiteActiveActive, false, 'posting writes in 上海 only');
    assert.equal(auth!.topology.multiSiteActiveActive, true);
  });

  it('changes who writes in the failure scenarios: losing cd-1 loses no posting data once cd-1 is its hot copy', () => {
    const lossOf = (text: string) => {
      const m = modelOf(text);
      const scope = scopesOf(m).find((s) => s.kind === 'site' && s.label === 'cd-1')!;
      return simulate(m, scope).outcomes.find((o) => o.system.id?.value === 'posting')!;
    };
    assert.equal(lossOf(unitised('')).dataLoss?.kind, 'lag', 'as an active site, cd-1 held writes that trail by 2s');
    const asCopy = lossOf(unitised('    siteRoles: { cd-1: hot-standby }\n'));
    assert.equal(asCopy.survives, true);
    assert.equal(asCopy.takeover, 'none', 'no writer was lost');
  });

  it('quiets rpo-zero-async-replication when the async site is only a copy for the system, not otherwise', () => {
    const plain = run(rpoZeroAsyncReplication, unitised(''));
    assert.ok(
      plain.some((f) => f.path.join('.') === 'systems.1.rpo'),
      'posting writing in cd-1 over async links cannot promise RPO 0',
    );
    const copy = run(rpoZeroAsyncReplication, unitised('    siteRoles: { cd-1: hot-standby }\n'));
    assert.deepEqual(
      copy.filter((f) => f.path[1] === 1),
      [],
    );
  });

  it('validates: an unknown site is unknown-site, a site the system is not in is site-role-not-deployed, a bad role is unknown-value', () => {
    const rules = (roles: string) => check(unitised(roles)).map((f) => `${f.rule}@${f.path.join('.')}`);
    assert.deepEqual(rules('    siteRoles: { cd-1: hot-standby }\n'), []);
    assert.deepEqual(rules('    siteRoles: { cd-9: hot-standby }\n'), ['unknown-site@systems.1.siteRoles.cd-9']);
    const notIn = unitised('    siteRoles: { cd-1: hot-standby }\n').replace(
      '    sites: [sh-1, sh-2, cd-1]\n    siteRoles',
      '    sites: [sh-1, sh-2]\n    siteRoles',
    );
    const findings = check(notIn);
    assert.deepEqual(
      findings.map((f) => f.rule),
      ['site-role-not-deployed'],
    );
    assert.match(findings[0]!.message.zh, /^siteRoles 为站点 cd-1 写了角色，但它不在本系统的 sites 中/);
    assert.match(findings[0]!.message.en, /Add cd-1 to sites, or remove the entry\.$/);
    assert.deepEqual(rules('    siteRoles: { cd-1: warm }\n'), ['unknown-value@systems.1.siteRoles.cd-1']);
  });
});
