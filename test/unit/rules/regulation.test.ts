/**
 * The regulation checks, both ways: they fire on a verified clause with the
 * figures it states, and stay silent on the built-in library, whose clauses
 * for these checks are unverified.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { loadRegulations } from '../../../server/src/node/libraryLoader';
import { analyzeProposal } from '../../../server/src/service/analyze';
import {
  drLevelBelowRequired,
  drLevelUnreachable,
  importantRecoveryCeiling,
  mlpsBackupRedundancy,
  remoteDrCentreRequired,
} from '../../../server/src/service/rules/regulation';
import { remoteDrTooClose } from '../../../server/src/service/rules/geography';
import type { CaseLibrary } from '../../../server/src/service/types';
import { library, modelOf, run } from './harness';

const BUILT_IN = path.resolve(__dirname, '../../../regulations');
const BANK = path.resolve(__dirname, '../../fixtures/regulations/bank-standards');
const builtIn: CaseLibrary = { ...library, regulations: loadRegulations(BUILT_IN, []) };
const bank: CaseLibrary = { ...library, regulations: loadRegulations(BUILT_IN, [BANK]) };

const proposal = (o: {
  type?: string;
  assets?: number;
  crossProvince?: boolean;
  mlps?: number;
  sysMlps?: number;
  important?: boolean;
  rto?: string;
  rpo?: string;
  sites?: string;
  whRole?: string;
  /** Further single-site systems at fs-1, with no level of their own. */
  more?: string[];
}) => {
  const inst = [
    o.type ? `type: ${o.type}` : '',
    o.assets !== undefined ? `totalAssets: ${o.assets}` : '',
    o.crossProvince !== undefined ? `crossProvince: ${o.crossProvince}` : '',
  ].filter(Boolean);
  return `casebook: proposal/v1
name: 测试
${o.mlps ? `compliance: { mlps: ${o.mlps} }\n` : ''}${inst.length > 0 ? `institution: { ${inst.join(', ')} }\n` : ''}sites:
  - { id: fs-1, city: 佛山, role: primary }
  - { id: gz-1, city: 广州, role: hot-standby }
  - { id: wh-1, city: 武汉, role: ${o.whRole ?? 'hot-standby'} }
systems:
  - id: deposit
    name: 存款
${o.important === false ? '' : '    important: true\n'}    rto: ${o.rto ?? '1h'}
    rpo: ${o.rpo ?? '5m'}
${o.sysMlps ? `    mlps: ${o.sysMlps}\n` : ''}    sites: ${o.sites ?? '[fs-1, gz-1]'}
${(o.more ?? []).map((id) => `  - { id: ${id}, tier: 3, sites: [fs-1] }\n`).join('')}`;
};

describe('rules: regulation', () => {
  describe('important-recovery-ceiling', () => {
    it('fires on an important system above a verified ceiling, citing the clause', () => {
      const findings = run(importantRecoveryCeiling, proposal({ rto: '4h', rpo: '1h' }), bank);
      assert.deepEqual(
        findings.map((f) => f.path.join('.')),
        ['systems.0.rto', 'systems.0.rpo'],
      );
      assert.deepEqual(findings[0]!.regulations, ['acme-dr-standard#第一条']);
      assert.ok(findings[0]!.message.zh.includes('重要信息系统恢复时间目标不超过2小时'));
      assert.ok(findings[0]!.message.en.includes('2 h'));
    });

    it('is silent within the ceiling, on a system not marked important, and on the built-in (unverified) library', () => {
      assert.deepEqual(run(importantRecoveryCeiling, proposal({ rto: '2h', rpo: '15m' }), bank), []);
      assert.deepEqual(run(importantRecoveryCeiling, proposal({ rto: '4h', important: false }), bank), []);
      assert.deepEqual(run(importantRecoveryCeiling, proposal({ rto: '48h', rpo: '1d' }), builtIn), []);
      assert.deepEqual(run(importantRecoveryCeiling, proposal({ rto: '48h' }), library), [], 'no regulation library at all');
    });

    it('never acts on the clause without a source (loaded as unverified), though it states a 1-minute ceiling', () => {
      assert.deepEqual(run(importantRecoveryCeiling, proposal({ rto: '30m', rpo: '5m' }), bank), []);
    });
  });

  describe('remote-dr-centre-required', () => {
    it('fires when a verified clause requires a remote-mode centre and no site is 100 km or more away', () => {
      const findings = run(remoteDrCentreRequired, proposal({ type: 'city-commercial' }), bank);
      assert.deepEqual(
        findings.map((f) => f.path.join('.')),
        ['systems.0.sites'],
      );
      assert.deepEqual(findings[0]!.regulations, ['acme-dr-standard#第二条', 'cbrc-2010-114#第三条（四）']);
      assert.ok(findings[0]!.message.zh.includes('一般距离在数百公里以上'));
    });

    it('is silent with a remote site, for an institution outside the clause, without a type, and on the built-in library', () => {
      assert.deepEqual(run(remoteDrCentreRequired, proposal({ type: 'city-commercial', sites: '[fs-1, wh-1]' }), bank), []);
      assert.deepEqual(run(remoteDrCentreRequired, proposal({ type: 'joint-stock' }), bank), []);
      assert.deepEqual(run(remoteDrCentreRequired, proposal({}), bank), []);
      assert.deepEqual(run(remoteDrCentreRequired, proposal({ type: 'city-commercial' }), builtIn), []);
    });
  });

  it('remote-dr-too-close cites 114号 第三条（四）', () => {
    assert.deepEqual(remoteDrTooClose.regulations, ['cbrc-2010-114#第三条（四）']);
  });

  describe('remote-dr-too-close, by what 114号 第七条 asks of the institution', () => {
    const nearby = (institution: string, cityLoss = '') => `casebook: proposal/v1
name: 近距离备份
${institution ? `institution: { ${institution} }\n` : ''}sites:
  - { id: wz-1, city: 温州, role: primary }
  - { id: wz-2, city: 温州, role: hot-standby }
  - { id: 丽水备份, city: 丽水, role: cold-standby }
systems:
  - id: core
    name: 核心
    tier: 1
${cityLoss}    sites: [wz-1, wz-2, 丽水备份]
`;
    const small = 'type: rural-commercial, totalAssets: 650, crossProvince: false';

    it('is a note for a bank asked only for a same-city centre and remote data backup, when no cityLoss is promised', () => {
      const [f, ...rest] = run(remoteDrTooClose, nearby(small), builtIn);
      assert.equal(rest.length, 0);
      assert.equal(f!.severity, 'info');
      assert.deepEqual(f!.regulations, ['cbrc-2010-114#第三条（四）', 'cbrc-2010-114#第七条']);
      assert.match(f!.message.zh, /主中心所在城市之外的中心“丽水备份”（丽水，城市中心直线约 \d+ 公里）离它不到 100 公里/);
      assert.match(f!.message.zh, /不要求异地模式灾备中心，此处仅作提示/);
      assert.match(f!.message.en, /not a remote-mode centre, so this is advice only/);
      const cityCommercial = run(remoteDrTooClose, nearby('type: city-commercial, totalAssets: 800, crossProvince: true'), builtIn);
      assert.equal(cityCommercial[0]!.severity, 'info', 'below 1000亿: 第七条’s second half');
    });

    it('stays a warning when the system promises to survive its city, when 第七条 asks for a remote centre, or when nothing says which', () => {
      for (const [text, why] of [
        [nearby(small, '    cityLoss: { rto: 1h }\n'), 'cityLoss promised'],
        [nearby('type: city-commercial, totalAssets: 3000, crossProvince: true'), '1000亿 and cross-province'],
        [nearby('type: rural-credit-union'), 'a provincial rural credit union'],
        [nearby('type: city-commercial, crossProvince: true'), 'assets unstated: it may need a remote centre'],
        [nearby(''), 'no institution'],
        [nearby('type: insurer'), 'not a bank 第七条 speaks of'],
      ] as const) {
        const found = run(remoteDrTooClose, text, builtIn);
        assert.deepEqual(
          found.map((f) => f.severity ?? 'warning'),
          ['warning'],
          why,
        );
      }
    });
  });

  it('analysis carries the clauses to the finding (the rule’s by default, the finding’s own where it names them)', () => {
    const text = proposal({ type: 'city-commercial', rto: '4h' }).replace('    important: true\n', '    important: true\n    tier: 1\n');
    const { findings } = analyzeProposal(modelOf(text), bank, { locale: 'en', rules: {} });
    const byRule = new Map(findings.map((f) => [f.rule, f.regulations]));
    assert.deepEqual(byRule.get('important-recovery-ceiling'), ['acme-dr-standard#第一条']);
    assert.deepEqual(byRule.get('remote-dr-too-close'), ['cbrc-2010-114#第三条（四）']);
    for (const f of findings) assert.ok(Array.isArray(f.regulations), `${f.rule} has regulations`);
  });

  describe('built-in verified clauses', () => {
    it('important-recovery-ceiling: 104号 第二十五条 (4 h / half an hour) for a bank that states its type', () => {
      const findings = run(importantRecoveryCeiling, proposal({ type: 'city-commercial', rto: '5h', rpo: '45m' }), builtIn);
      assert.deepEqual(
        findings.map((f) => f.path.join('.')),
        ['systems.0.rto', 'systems.0.rpo'],
      );
      assert.deepEqual(findings[0]!.regulations, ['cbrc-2011-104#第二十五条']);
      assert.ok(findings[0]!.message.zh.includes('重要业务恢复时间目标不得大于4小时'));
      assert.ok(findings[0]!.message.en.includes('4 h'));
      assert.ok(findings[1]!.message.en.includes('30 min'));
    });

    it('important-recovery-ceiling: the objectives for losing the whole city count against the same ceiling', () => {
      const text = proposal({ type: 'rural-credit-union', rto: '1h', rpo: '0' }).replace(
        '    rto: 1h\n',
        '    rto: 1h\n    cityLoss: { rto: 6h, rpo: 1d }\n',
      );
      const findings = run(importantRecoveryCeiling, text, builtIn);
      assert.deepEqual(
        findings.map((f) => f.path.join('.')),
        ['systems.0.cityLoss.rto', 'systems.0.cityLoss.rpo'],
      );
      assert.match(findings[0]!.message.zh, /城市级故障的 RTO 6 小时超过 4 小时的上限/);
      assert.match(findings[1]!.message.en, /its city-loss RPO of 24 h is above the ceiling of 30 min/);
      const within = text.replace('cityLoss: { rto: 6h, rpo: 1d }', 'cityLoss: { rto: 4h, rpo: 30m }');
      assert.deepEqual(run(importantRecoveryCeiling, within, builtIn), []);
    });

    it('important-recovery-ceiling: silent at the ceiling, outside the scope, and without institution.type', () => {
      assert.deepEqual(run(importantRecoveryCeiling, proposal({ type: 'city-commercial', rto: '4h', rpo: '30m' }), builtIn), []);
      assert.deepEqual(run(importantRecoveryCeiling, proposal({ type: 'insurer', rto: '8h' }), builtIn), []);
      assert.deepEqual(run(importantRecoveryCeiling, proposal({ rto: '8h' }), builtIn), []);
      assert.deepEqual(run(importantRecoveryCeiling, proposal({ type: 'city-commercial', rto: '8h', important: false }), builtIn), []);
    });

    it('remote-dr-centre-required: 114号 第七条 for a 1000亿+ cross-province bank and for a provincial rural credit union', () => {
      const big = run(remoteDrCentreRequired, proposal({ type: 'city-commercial', assets: 3000, crossProvince: true }), builtIn);
      assert.deepEqual(
        big.map((f) => f.path.join('.')),
        ['systems.0.sites'],
      );
      assert.deepEqual(big[0]!.regulations, ['cbrc-2010-114#第七条', 'cbrc-2010-114#第三条（四）']);
      assert.ok(big[0]!.message.zh.includes('应设立异地模式灾备中心'));
      assert.equal(run(remoteDrCentreRequired, proposal({ type: 'rural-credit-union' }), builtIn).length, 1);
    });

    it('remote-dr-centre-required: silent below 1000亿, without cross-province branches, unstated, or with a remote site', () => {
      assert.deepEqual(run(remoteDrCentreRequired, proposal({ type: 'city-commercial', assets: 800, crossProvince: true }), builtIn), []);
      assert.deepEqual(run(remoteDrCentreRequired, proposal({ type: 'city-commercial', assets: 3000, crossProvince: false }), builtIn), []);
      assert.deepEqual(run(remoteDrCentreRequired, proposal({ type: 'city-commercial', crossProvince: true }), builtIn), []);
      assert.deepEqual(run(remoteDrCentreRequired, proposal({ type: 'rural-commercial', assets: 3000, crossProvince: true }), builtIn), []);
      assert.deepEqual(run(remoteDrCentreRequired, proposal({ type: 'rural-credit-union', sites: '[fs-1, wh-1]' }), builtIn), []);
    });

    it('mlps-backup-redundancy: level 3 with a single site has no backup site (GB/T 22239-2019 第三级)', () => {
      const findings = run(mlpsBackupRedundancy, proposal({ sysMlps: 3, sites: '[fs-1]' }), builtIn);
      assert.deepEqual(
        findings.map((f) => f.path.join('.')),
        ['systems.0.sites'],
      );
      assert.deepEqual(findings[0]!.regulations, ['gbt-22239-2019#第三级']);
      assert.ok(findings[0]!.message.zh.includes('异地实时备份'));
      assert.equal(findings[0]!.severity, 'info', 'where backups go is not in the topology');
      assert.deepEqual(run(mlpsBackupRedundancy, proposal({ sysMlps: 3 }), builtIn), [], 'two sites');
      assert.deepEqual(run(mlpsBackupRedundancy, proposal({ sysMlps: 2, sites: '[fs-1]' }), builtIn), [], 'level 2');
      assert.deepEqual(run(mlpsBackupRedundancy, proposal({ sites: '[fs-1]' }), builtIn), [], 'no level stated');
    });

    it('mlps-backup-redundancy: level 4 needs a hot or active site outside the primary city (第四级)', () => {
      const cold = run(mlpsBackupRedundancy, proposal({ sysMlps: 4, sites: '[fs-1, wh-1]', whRole: 'cold-standby' }), builtIn);
      assert.deepEqual(
        cold.map((f) => f.regulations),
        [['gbt-22239-2019#第四级']],
      );
      assert.ok(cold[0]!.message.en.includes('real time'));
      assert.equal(cold[0]!.severity, undefined, 'the system states its own level: the rule default, warning');
      const single = run(mlpsBackupRedundancy, proposal({ sysMlps: 4, sites: '[fs-1]' }), builtIn);
      assert.deepEqual(
        single.map((f) => f.regulations),
        [['gbt-22239-2019#第三级', 'gbt-22239-2019#第四级']],
        'one finding citing both levels, not two on the same line',
      );
      assert.equal(single[0]!.severity, undefined, 'the level-4 miss decides: a warning');
      assert.deepEqual(run(mlpsBackupRedundancy, proposal({ sysMlps: 4, sites: '[fs-1, wh-1]' }), builtIn), [], 'hot standby in 武汉');
      assert.deepEqual(
        run(mlpsBackupRedundancy, proposal({ sysMlps: 3, sites: '[fs-1, wh-1]', whRole: 'cold-standby' }), builtIn),
        [],
        'level 3',
      );
    });

    it('mlps-backup-redundancy: a level only inherited from compliance.mlps is a note that says whose level it is', () => {
      const inherited = run(mlpsBackupRedundancy, proposal({ mlps: 4, sites: '[fs-1]', more: ['report'] }), builtIn);
      assert.deepEqual(
        inherited.map((f) => [f.path.join('.'), f.severity, f.regulations]),
        [
          ['systems.0.sites', 'info', ['gbt-22239-2019#第三级', 'gbt-22239-2019#第四级']],
          ['systems.1.sites', 'info', ['gbt-22239-2019#第三级', 'gbt-22239-2019#第四级']],
        ],
      );
      assert.match(inherited[1]!.message.zh, /^系统 report 按方案的等保四级（compliance.mlps），但没有主中心城市之外的热备/);
      assert.match(inherited[1]!.message.zh, /若它的定级更低，请写明它自己的 mlps。/);
      assert.match(inherited[1]!.message.en, /^System "report", at the proposal's MLPS level 4 \(compliance.mlps\), has no hot-standby/);
      const level3 = run(mlpsBackupRedundancy, proposal({ mlps: 3, sites: '[fs-1]' }), builtIn);
      assert.match(level3[0]!.message.en, /^System "deposit", at the proposal's MLPS level 3 \(compliance.mlps\), runs at a single site/);
      // A system's own level overrides the proposal's: graded 2, nothing applies.
      assert.deepEqual(run(mlpsBackupRedundancy, proposal({ mlps: 3, sysMlps: 2, sites: '[fs-1]' }), builtIn), []);
      assert.deepEqual(run(mlpsBackupRedundancy, proposal({ mlps: 4, sites: '[fs-1, wh-1]' }), builtIn), [], 'hot standby in 武汉');
    });
  });
  /** A proposal claiming a DR level: `sites` are the system's, `links` the proposal's (none: no links key). */
  const claiming = (o: {
    level: number;
    sites: string;
    links?: string[];
    institution?: string;
    important?: boolean;
    databaseMode?: string;
  }) => `casebook: proposal/v1
name: 灾备等级
${o.institution ? `institution: { ${o.institution} }\n` : ''}sites:
  - { id: cs-1, city: 长沙, role: primary }
  - { id: cs-2, city: 长沙, role: hot-standby }
  - { id: yy-1, city: 岳阳, role: cold-standby }
  - { id: wh-1, city: 武汉, role: hot-standby }
${o.links ? `links:\n${o.links.map((l) => `  - ${l}\n`).join('')}` : ''}systems:
  - id: card
    name: 信用卡授权
${o.important ? '    important: true\n' : ''}${o.databaseMode ? `    database: { mode: ${o.databaseMode} }\n` : ''}    drLevel: ${o.level}
    sites: ${o.sites}
`;

  describe('dr-level-unreachable', () => {
    it('fires at the lowest level whose name the topology lacks: one site, then only a cold standby, then no replication', () => {
      const single = run(drLevelUnreachable, claiming({ level: 3, sites: '[cs-1]' }), builtIn);
      assert.deepEqual(
        single.map((f) => [f.path.join('.'), f.severity, f.regulations]),
        [['systems.0.drLevel', undefined, ['gbt-20988-2007#附录A.1–A.5']]],
      );
      assert.match(
        single[0]!.message.zh,
        /^系统 card 声称灾难恢复能力第3级，但只部署在 cs-1，没有备用场地；第2级“备用场地支持”起即需要备用场地/,
      );
      assert.match(
        single[0]!.message.en,
        /claims DR capability level 3, but it runs only at cs-1, with no standby site; from level 2, “standby site support”/,
      );

      const cold = run(
        drLevelUnreachable,
        claiming({ level: 5, sites: '[cs-1, yy-1]', links: ['{ from: cs-1, to: yy-1, mode: async }'] }),
        builtIn,
      );
      assert.equal(cold.length, 1);
      assert.match(cold[0]!.message.zh, /主站点之外只有冷备 yy-1.*第4级“电子传输及完整设备支持”起即需要备用站点上完整的数据处理设备/);

      const unlinked = run(
        drLevelUnreachable,
        claiming({ level: 5, sites: '[cs-1, wh-1]', links: ['{ from: cs-1, to: cs-2, mode: sync }'] }),
        builtIn,
      );
      assert.equal(unlinked[0]!.severity, undefined, 'links are written, none for its sites: a warning');
      assert.match(
        unlinked[0]!.message.zh,
        /它的站点（cs-1、wh-1）之间没有复制链路，看不到实时数据传输；第5级“实时数据传输及完整设备支持”/,
      );
      assert.match(unlinked[0]!.message.en, /no replication link joins its sites \(cs-1, wh-1\)/);

      // The main site is the live one however the sites are listed: a cold standby written first is still the standby.
      const coldFirst = run(
        drLevelUnreachable,
        claiming({ level: 4, sites: '[yy-1, cs-1]' }).replace(
          '{ id: cs-1, city: 长沙, role: primary }',
          '{ id: cs-1, city: 长沙, role: active }',
        ),
        builtIn,
      );
      assert.match(coldFirst[0]!.message.zh, /主站点之外只有冷备 yy-1/);

      const level6 = run(
        drLevelUnreachable,
        claiming({ level: 6, sites: '[cs-1, wh-1]', links: ['{ from: cs-1, to: cs-2, mode: sync }'] }),
        builtIn,
      );
      assert.equal(level6.length, 1, 'a level-6 claim needs at least what level 5 names');
    });

    it('level 5: a link that trails by 5 minutes or more is batch transfer, not the real-time transmission its name says', () => {
      const batch = run(
        drLevelUnreachable,
        claiming({
          level: 5,
          sites: '[cs-1, cs-2, wh-1]',
          links: ['{ from: cs-1, to: cs-2, mode: async, lag: 15m }', '{ from: cs-1, to: wh-1, mode: async, lag: 1d }'],
        }),
        builtIn,
      );
      assert.deepEqual(
        batch.map((f) => [f.path.join('.'), f.severity]),
        [['systems.0.drLevel', undefined]],
      );
      assert.match(
        batch[0]!.message.zh,
        /只有 cs-1→cs-2（滞后 15m）、cs-1→wh-1（滞后 1d）这样的批量复制，看不到实时数据传输（滞后 5 分钟及以上按批量传输计，这是 Casebook 的界定，标准的数字未核实）；第5级“实时数据传输及完整设备支持”/,
      );
      assert.match(batch[0]!.message.en, /joined only by batch replication, cs-1→cs-2 \(lag 15m\), cs-1→wh-1 \(lag 1d\)/);
      // One real-time link among them is enough; so is a lag under 5 minutes, a sync link, or an async one with no lag stated.
      for (const link of [
        '{ from: cs-1, to: wh-1, mode: async, lag: 4m }',
        '{ from: cs-1, to: cs-2, mode: sync }',
        '{ from: cs-1, to: wh-1, mode: async }',
      ]) {
        const text = claiming({ level: 5, sites: '[cs-1, cs-2, wh-1]', links: ['{ from: cs-1, to: cs-2, mode: async, lag: 15m }', link] });
        assert.deepEqual(run(drLevelUnreachable, text, builtIn), [], link);
      }
    });

    it('is a note when the proposal writes no links at all: the replication may only be unwritten', () => {
      const f = run(drLevelUnreachable, claiming({ level: 5, sites: '[cs-1, wh-1]' }), builtIn);
      assert.deepEqual(
        f.map((x) => x.severity),
        ['info'],
      );
      assert.ok(f[0]!.message.zh.includes('若数据实时复制到备用站点，请写入 links'));
    });

    it('is silent where the topology shows what the claimed level names, and below the levels it can judge', () => {
      const quiet = [
        claiming({ level: 5, sites: '[cs-1, wh-1]', links: ['{ from: cs-1, to: wh-1, mode: async, lag: 30s }'] }),
        claiming({ level: 6, sites: '[cs-1, cs-2, wh-1]', links: ['{ from: cs-1, to: cs-2, mode: sync }'] }),
        claiming({ level: 5, sites: '[cs-1, wh-1]', databaseMode: 'distributed' }),
        claiming({ level: 4, sites: '[cs-1, cs-2, yy-1]' }),
        claiming({ level: 3, sites: '[cs-1, yy-1]' }),
        claiming({ level: 1, sites: '[cs-1]' }),
      ];
      for (const text of quiet) assert.deepEqual(run(drLevelUnreachable, text, builtIn), [], text);
      assert.deepEqual(run(drLevelUnreachable, claiming({ level: 5, sites: '[cs-1]' }), library), [], 'no regulation library');
    });
  });

  describe('dr-level-below-required', () => {
    const big = 'type: joint-stock, totalAssets: 12000, crossProvince: true';
    it('fires on an important system claiming less than 114号 第七条 requires of its institution', () => {
      const f = run(drLevelBelowRequired, claiming({ level: 4, sites: '[cs-1, wh-1]', important: true, institution: big }), builtIn);
      assert.deepEqual(
        f.map((x) => [x.path.join('.'), x.regulations]),
        [['systems.0.drLevel', ['cbrc-2010-114#第七条']]],
      );
      assert.match(f[0]!.message.zh, /声称的灾难恢复能力第4级低于本机构重要信息系统须达到的第5级。《商业银行数据中心监管指引》/);
      assert.match(f[0]!.message.en, /the DR capability level it claims, 4, is below the level 5/);
      const rcu = run(
        drLevelBelowRequired,
        claiming({ level: 4, sites: '[cs-1]', important: true, institution: 'type: rural-credit-union' }),
        builtIn,
      );
      assert.equal(rcu.length, 1, 'a provincial rural credit union: level 5');
      const small = 'type: city-commercial, totalAssets: 650, crossProvince: false';
      assert.equal(
        run(drLevelBelowRequired, claiming({ level: 3, sites: '[cs-1]', important: true, institution: small }), builtIn).length,
        1,
        'level 4 for the others',
      );
      const unstated = run(
        drLevelBelowRequired,
        claiming({ level: 3, sites: '[cs-1]', important: true, institution: 'type: city-commercial' }),
        builtIn,
      );
      assert.match(unstated[0]!.message.zh, /须达到的第4级/, 'assets unstated: the level that is certain');
    });

    it('is silent at or above the floor, for a system not important, an institution 第七条 does not cover, or none stated', () => {
      const small = 'type: city-commercial, totalAssets: 650, crossProvince: false';
      const quiet = [
        claiming({ level: 5, sites: '[cs-1]', important: true, institution: big }),
        claiming({ level: 4, sites: '[cs-1]', important: true, institution: small }),
        claiming({ level: 4, sites: '[cs-1]', important: true, institution: 'type: city-commercial' }),
        claiming({ level: 2, sites: '[cs-1]', important: false, institution: big }),
        claiming({ level: 2, sites: '[cs-1]', important: true, institution: 'type: insurer' }),
        claiming({ level: 2, sites: '[cs-1]', important: true }),
      ];
      for (const text of quiet) assert.deepEqual(run(drLevelBelowRequired, text, builtIn), [], text);
    });
  });
});
