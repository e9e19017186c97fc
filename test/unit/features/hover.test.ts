import * as assert from 'node:assert/strict';
import type { Hover, MarkupContent } from 'vscode-languageserver-types';
import { doc, fixture, service, settings, withCursor } from './helpers';
import { realLibrary } from '../../fixtures/library';
import type { LanguageService } from '../../../server/src/service/languageService';

const ls = service();

function hover(marked: string, locale: 'en' | 'zh-CN' = 'en'): { value: string; hover: Hover } {
  const { text, position } = withCursor(marked);
  const result = ls.doHover(doc(text), position, settings(locale));
  assert.ok(result, `no hover at ${JSON.stringify(position)}`);
  return { value: (result.contents as MarkupContent).value, hover: result };
}

function noHover(marked: string) {
  const { text, position } = withCursor(marked);
  assert.equal(ls.doHover(doc(text), position, settings()), null);
}

const BANK = fixture('bank.arch.yaml');
/** The fixture with a cursor inserted before the n-th occurrence of `needle` (plus `offset` characters). */
function mark(needle: string, offset = 0, nth = 0, text = BANK): string {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
  assert.ok(at >= 0, needle);
  return text.slice(0, at + offset) + '|' + text.slice(at + offset);
}
/** The fixture without the hard dependencies on user-center (which runs on cd-1 alone and takes its callers down with it). */
const INDEPENDENT = BANK.replace('    dependsOn: [user-center]\n', '').replace('      - user-center\n', '');

describe('features/hover', () => {
  it('explains a pattern word in a comment, in both languages, over the longest term', () => {
    const zh = hover(mark('两地三中心方案', 2), 'zh-CN');
    assert.match(zh.value, /### 两地三中心 · Two regions, three DCs/);
    assert.match(zh.value, /同城双中心加异地灾备中心/);
    assert.match(zh.value, /\[天弘基金\]\(command:casebook\.openCase\?%5B%22tianhong-fund%22%5D\) — 核心系统按两地三中心部署/);
    const line = zh.hover.range!.start.line;
    assert.equal(zh.hover.range!.end.character - zh.hover.range!.start.character, 5);
    assert.equal(BANK.split('\n')[line]!.slice(zh.hover.range!.start.character, zh.hover.range!.end.character), '两地三中心');
    const en = hover(mark('两地三中心方案', 2), 'en');
    assert.match(en.value, /### Two regions, three DCs · 两地三中心/);
    assert.match(
      en.value,
      /\[Tianhong Fund\]\(command:casebook\.openCase\?%5B%22tianhong-fund%22%5D\) — core systems deployed across two regions, three DCs/,
    );
  });

  it('explains a customer named in a value or comment, with figures and an open-case link', () => {
    const zh = hover(`name: 对标网商|银行的核心\n`, 'zh-CN');
    assert.match(zh.value, /### 网商银行 · 三地五中心多活的分布式核心/);
    assert.match(zh.value, /银行 · 每日离线计算|每日离线计算 超过 200T/);
    assert.match(zh.value, /\*\*架构模式\*\*：三地五中心、单元化/);
    assert.match(zh.value, /\[打开案例\]\(command:casebook\.openCase\?%5B%22mybank%22%5D\)/);
    const alias = hover(`# 参考中华财|险\n`, 'en');
    assert.match(alias.value, /### China United Insurance/);
    assert.match(alias.value, /upgrade downtime hours → 10 minutes/);
  });

  it('explains a product and lists who uses it', () => {
    const { value } = hover(`# 数据库选 Ocean|Base\n`, 'zh-CN');
    assert.match(value, /### OceanBase/);
    assert.match(value, /分布式关系数据库/);
    assert.match(value, /顺德农商/);
    assert.match(value, /网商银行/);
  });

  it('does not match an ASCII term inside a longer word', () => {
    noHover(`# sagas|x\n`);
  });

  it('on a site id: city, role, platform and the systems deployed there', () => {
    const zh = hover(mark('cd-1', 1, 0), 'zh-CN');
    assert.match(zh.value, /\*\*cd-1\*\* · 成都 · 主中心 \(`primary`\) · `vm`/);
    assert.match(zh.value, /部署的系统（3）：`core` 核心账务、`user-center` 用户中心、`loans` 网贷/);
    const use = hover(mark('cq-1]', 1), 'en');
    assert.match(use.value, /\*\*cq-1\*\* · 重庆 · cold standby/);
    assert.match(use.value, /Systems deployed here \(1\): `core` 核心账务/);
  });

  it('on a system id: name, tier, deployment, topology and dependents', () => {
    const { value } = hover(mark('core\n', 1, 0), 'zh-CN');
    assert.match(value, /\*\*core\*\* · 核心账务 · 一级业务系统/);
    assert.match(value, /部署：成都（cd-1、cd-2）、重庆（cq-1） → 两地三中心、冷备/);
    // Judged by the failure scenarios: its own copies survive 成都, its hard dependency user-center does not.
    assert.match(value, /失去成都即中断 ✗/);
    assert.match(value, /\*\*故障场景\*\*：\n- 失去机房 cd-1：中断：依赖的 user-center 没有副本\n- 失去机房 cd-2：存活：cd-1 继续服务\n/);
    assert.match(value, /被依赖（1）：`loans` 网贷/);
    assert.match(value, /依赖：`user-center` 用户中心/);
    const alone = hover(mark('core\n', 1, 0, INDEPENDENT), 'en');
    assert.match(alone.value, /Two regions, three DCs ✓/);
    assert.match(alone.value, /- lose site cd-1: degraded: cd-2 takes over, minutes \\\(hot standby\\\), no data lost/);
    assert.match(
      alone.value,
      /- lose 成都: degraded: cq-1 takes over, hours \\\(cold standby\\\), some data lost \\\(async, no lag stated\\\)/,
    );
    const dep = hover(mark('user-center]', 2), 'en');
    assert.match(dep.value, /\*\*user-center\*\* · 用户中心 · tier-1 business system/);
    assert.match(dep.value, /down if 成都 is lost ✗/);
    assert.match(dep.value, /Depended on by \(2\): `core` 核心账务 and `loans` 网贷/);
  });

  it('on tier: the requirement, the cases with their evidence, and whether this system meets it', () => {
    const meets = hover(mark('tier: 1', 2, 0, INDEPENDENT), 'zh-CN');
    assert.match(meets.value, /\*\*tier 1\*\* · 一级业务系统/);
    assert.match(meets.value, /\*\*要求\*\*：失去任一机房、也失去任一整座城市后，仍有副本可接管：如两地三中心/);
    assert.match(meets.value, /- \[天弘基金\]\(command:casebook\.openCase\?%5B%22tianhong-fund%22%5D\) — 核心系统按两地三中心部署/);
    assert.match(meets.value, /- \[浙江农信\]/);
    assert.match(
      meets.value,
      /✓ `core` 满足要求：成都（cd-1、cd-2）、重庆（cq-1） → 两地三中心、冷备。失去任一机房、任一城市后都有副本可接管。/,
    );
    const fails = hover(mark('tier: 1', 6, 1), 'en');
    assert.match(fails.value, /\*\*Requires\*\*: a copy can still take over after losing any one site and after losing any one whole city/);
    assert.match(
      fails.value,
      /✗ `user-center` does not meet it yet: if 成都 is lost, no copy is left to take over\. Deployed: 成都 \(cd-1\)/,
    );
    const dependent = hover(mark('tier: 1', 2, 0), 'en');
    assert.match(
      dependent.value,
      /✗ `core` does not meet it yet: if 成都 is lost its own copy remains, but its dependency user-center has none\./,
    );
    const tier2 = hover(mark('tier: 2', 1, 0, INDEPENDENT), 'en');
    assert.match(tier2.value, /a second site in the same city is enough/);
    assert.match(tier2.value, /✓ `loans` meets it/);
  });

  it('on a field key: the schema documentation with values and example, in both languages', () => {
    const en = hover(mark('role: primary', 1), 'en');
    assert.match(en.value, /^\*\*role\*\* · `string`/);
    assert.match(en.value, /- `hot-standby`/);
    assert.match(en.value, /\*\*Allowed values\*\*/);
    const zh = hover(mark('role: primary', 1), 'zh-CN');
    assert.match(zh.value, /\*\*可选值\*\*/);
    assert.doesNotMatch(zh.value.replace(/`[^`]*`/g, ''), /Allowed|Example/);
    const nested = hover(mark('peakTps', 2), 'en');
    assert.match(nested.value, /^\*\*peakTps\*\*/);
  });

  it('returns null where there is nothing to say, and for positions out of range', () => {
    noHover(`casebook: proposal/v1\nname: 随便|写写\n`);
    const d = doc(BANK);
    assert.equal(ls.doHover(d, { line: 999, character: 0 }, settings()), null);
    assert.equal(ls.doHover(d, { line: 0, character: 999 }, settings()), null);
    assert.equal(ls.doHover(doc(''), { line: 0, character: 0 }, settings()), null);
  });
});

describe('features/hover with the built-in library', () => {
  const real = service({ lib: realLibrary() });
  const at = (marked: string, locale: 'en' | 'zh-CN' = 'zh-CN') => {
    const { text, position } = withCursor(marked);
    const result = real.doHover(doc(text), position, settings(locale));
    assert.ok(result, marked);
    return (result.contents as MarkupContent).value;
  };

  it('a product name beats a pattern alias spelt the same (OceanBase)', () => {
    assert.match(at('# 数据库用 Ocean|Base\n'), /^### OceanBase/);
  });

  it('finds patterns, customers and aliases written in Chinese and English', () => {
    assert.match(at('# 两地三中心异地多|活\n'), /^### 异地多活/);
    assert.match(at('# 两地|三中心改造\n'), /^### 两地三中心/);
    assert.match(at('# 采用 service m|esh\n', 'en'), /Service mesh|服务网格/i);
    assert.match(at('# 参考天|弘的做法\n'), /^### 天弘基金/);
    assert.match(at('# see Zhejiang R|CU\n', 'en'), /^### Zhejiang Rural Credit Union/);
  });

  it('explains an enum value from the schema', () => {
    const value = at('sites:\n  - id: a\n    role: hot-sta|ndby\n');
    assert.match(value, /`role: hot-standby`：/);
  });
});

describe('features/hover over the built-in library (issue 10)', () => {
  // Loaded lazily so the fixture-library tests above do not pay for it.
  let real: LanguageService | undefined;
  const realHover = (marked: string, locale: 'en' | 'zh-CN') => {
    real ??= service({ lib: realLibrary() });
    const { text, position } = withCursor(marked);
    return (real.doHover(doc(text), position, settings(locale))!.contents as MarkupContent).value;
  };

  it('shows the tier-1 cases with their evidence, each goal labelled as one', () => {
    const zh = realHover(
      'casebook: proposal/v1\nsystems:\n  - id: core\n    ti|er: 1\n    sites: [a]\nsites:\n  - id: a\n    city: 上海\n',
      'zh-CN',
    );
    assert.doesNotMatch(zh, /谁这样做了/);
    assert.match(zh, /\[天弘基金\]\([^)]*\) — 目标：/);
    assert.match(zh, /\[浙江农信\]\([^)]*\) — 目标：/);
    const en = realHover(
      'casebook: proposal/v1\nsystems:\n  - id: core\n    ti|er: 1\n    sites: [a]\nsites:\n  - id: a\n    city: 上海\n',
      'en',
    );
    assert.doesNotMatch(en, /Who did it/);
    assert.match(en, /\[Tianhong Fund\]\([^)]*\) — goal: /);
  });

  it('on a customer: labelled key figures, results first, and the illustrative note', () => {
    const zh = realHover('name: 参考中华|财险\n', 'zh-CN');
    assert.match(zh, /- 保险行业有史以来第一次基于混合云模式构建核心系统/);
    assert.match(zh, /- 客户证言：以前业务系统升级/);
    const sichuan = realHover('name: 参考四川|农信\n', 'en');
    assert.match(sichuan, /\*\*Reference topology\*\*: .*illustrative/);
  });
});
