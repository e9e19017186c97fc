/**
 * Cloud: where sensitive data may live (hybrid cloud), how the network is
 * zoned (一云三区), and whether heterogeneous resources share one platform.
 */
import type { RawFinding } from '../types';
import { listOf, zhId, zhJoin, type Localized } from '../locale';
import { ZONES, type SystemModel } from '../model';
import { entryOf } from '../yamlNodes';
import { appendToList, cite, cites, fig, finding, on, replaceValue, setEntry, opening, systemLabel, type CasebookRule } from './helpers';

const FAMILY = 'cloud';

const TIANHONG_HYBRID = fig('tianhong-fund', 'hybrid-cloud');

const CLOUD_LABELS: Record<string, string> = { private: '私有云', hybrid: '混合云', public: '公有云' };
const SICHUAN_ZONES = fig('sichuan-rcu', 'one-cloud-three-zones');
const ZHEJIANG_HETEROGENEOUS = fig('zhejiang-rcu', 'heterogeneous-resources');

export const sensitiveDataPublicCloud: CasebookRule = {
  id: 'sensitive-data-public-cloud',
  family: FAMILY,
  defaultSeverity: 'warning',
  title: { zh: '敏感业务部署在公有云', en: 'Sensitive workload on the public cloud' },
  description: {
    zh: '处理受监管或敏感数据（sensitive: true）的系统不应整体放在公有云；部署的每个中心都是公有云（platform: public-cloud）的，无论 cloud 写的是 hybrid 还是 private，同样报告：数据在哪里由中心决定。天弘基金建设混合云：云上部署主要业务，云下部署敏感业务，统一运维与容灾。',
    en: 'A system handling regulated or sensitive data (sensitive: true) should not sit wholly on the public cloud; one whose every site is public-cloud (platform: public-cloud) is reported too, whether its cloud says hybrid or private: the sites decide where the data is. Tianhong Fund runs main business on the cloud and sensitive business off it, with unified operations and DR.',
  },
  patterns: ['hybrid-cloud'],
  cases: ['tianhong-fund'],
  quotes: [TIANHONG_HYBRID],
  check({ model, library }) {
    const out: RawFinding[] = [];
    for (const system of model.systems) {
      if (system.sensitive?.value !== true) continue;
      const cloud = system.cloud?.value;
      const sites = system.topology.sites;
      // The sites decide where the data is, whatever `cloud` says: every site it runs on is a public-cloud site.
      const publicOnly = sites.length > 0 && sites.every((s) => s.platform?.value === 'public-cloud');
      if (cloud !== 'public' && !publicOnly) continue;
      const label = opening(systemLabel(system));
      const refs = cites(library, [TIANHONG_HYBRID]);
      const claims =
        cloud === 'public' || !system.cloud
          ? { zh: '', en: '' }
          : {
              zh: `（cloud 写的是${CLOUD_LABELS[system.cloud.value] ?? system.cloud.value}（${system.cloud.value}），但它部署的每个中心都是公有云）`,
              en: ` (its cloud says ${system.cloud.value}, yet every site it runs on is public-cloud)`,
            };
      out.push(
        finding(
          sensitiveDataPublicCloud,
          system.cloud ? on(system.cloud, true) : on(system.sites!),
          {
            zh: `${label.zh} 处理敏感数据（sensitive: true），却整体部署在公有云${claims.zh}。参考：${refs.zh}。建议采用混合云：敏感业务与数据留在云下（私有云），其余业务上云。`,
            en: `${label.en} handles sensitive data (sensitive: true) but runs wholly on the public cloud${claims.en}. For reference: ${refs.en}. Use a hybrid cloud: keep sensitive business and data off the public cloud, run the rest on it.`,
          },
          cloud !== 'public' || !system.cloud
            ? undefined
            : [
                replaceValue(system.cloud, 'hybrid', { zh: '改为混合云（hybrid）', en: 'Use a hybrid cloud' }),
                replaceValue(system.cloud, 'private', { zh: '改为私有云（private）', en: 'Use a private cloud' }),
              ],
        ),
      );
    }
    return out;
  },
};

/** A system faces the internet when it says so; a customer channel (app, online banking) does unless it says otherwise. */
function facesInternet(system: SystemModel): boolean {
  return system.internetFacing?.value ?? system.kind?.value === 'channel';
}

/** The zones a finding can name as missing, and what their absence exposes (each said only when that zone is missing). */
const ZONE_NAMES: Record<'dev-test' | 'dmz', Localized> = {
  'dev-test': { zh: '开发测试区（dev-test）', en: 'a dev/test zone (dev-test)' },
  dmz: { zh: 'DMZ 区（dmz）', en: 'a DMZ (dmz)' },
};
const ZONE_RISKS: Record<'dev-test' | 'dmz', Localized> = {
  'dev-test': { zh: '开发测试与生产混在一起', en: 'development and testing share production' },
  dmz: { zh: '面向互联网的系统直接暴露生产内网', en: 'internet-facing systems expose the production intranet directly' },
};

export const securityZonesIncomplete: CasebookRule = {
  id: 'security-zones-incomplete',
  family: FAMILY,
  defaultSeverity: 'warning',
  title: { zh: '安全区域不完整（一云三区）', en: 'Security zones incomplete (one cloud, three zones)' },
  description: {
    zh: '方案列出了 zones 却缺少开发测试区（dev-test），或者有面向互联网的系统（internetFacing: true；渠道类系统默认面向互联网）却没有 DMZ 区（dmz），或者有一级系统却没有划分安全区域。只在内网使用的方案不要求 DMZ。四川农信建成“一云三区”：统一云平台管理开发测试区、DMZ 区和内网区。',
    en: 'The proposal lists zones but lacks the dev/test zone (dev-test), or has an internet-facing system (internetFacing: true; channel systems face the internet by default) and no DMZ (dmz), or has a tier-1 system and no zones at all. An intranet-only proposal needs no DMZ. Sichuan RCU built "one cloud, three zones": one cloud platform managing the dev/test zone, the DMZ and the intranet.',
  },
  patterns: ['security-zones'],
  cases: ['sichuan-rcu'],
  quotes: [SICHUAN_ZONES],
  check({ model, library }) {
    const root = model.root;
    if (!root) return [];
    const ref = cite(library, SICHUAN_ZONES);
    const fixTitle = (zones: readonly string[]) => ({
      zh: `加入安全区域 ${zones.join('、')}`,
      en: `Add the ${listOf([...zones], 'en')} zone${zones.length > 1 ? 's' : ''}`,
    });
    if (model.zones) {
      const present = new Set(model.zones.value.map((z) => z.value));
      // 一云三区 asks for a DMZ only where something is reached from the internet.
      const required = model.systems.some(facesInternet) ? (['dev-test', 'dmz'] as const) : (['dev-test'] as const);
      const missing = required.filter((z) => !present.has(z));
      if (missing.length === 0) return [];
      const edit = appendToList(model, root, 'zones', model.zones, missing);
      return [
        finding(
          securityZonesIncomplete,
          on(model.zones),
          {
            zh: zhJoin(
              '安全区域缺少',
              listOf(
                missing.map((z) => ZONE_NAMES[z].zh),
                'zh-CN',
              ),
              `：${missing.map((z) => ZONE_RISKS[z].zh).join('；')}。参考：${ref.zh}。`,
            ),
            en: `The security zones lack ${listOf(
              missing.map((z) => ZONE_NAMES[z].en),
              'en',
            )}: ${listOf(
              missing.map((z) => ZONE_RISKS[z].en),
              'en',
            )}. For reference: ${ref.en}.`,
          },
          edit ? [{ title: fixTitle(missing), edits: [edit] }] : undefined,
        ),
      ];
    }
    // A `zones` key with a malformed value is validation's to report.
    if (entryOf(root, 'zones')) return [];
    const tier1 = model.systems.find((s) => s.tier?.value === 1);
    if (!tier1?.tier) return [];
    const edit = setEntry(model, root, 'zones', `[${ZONES.join(', ')}]`);
    return [
      finding(
        securityZonesIncomplete,
        on(tier1.tier),
        {
          zh: `方案包含一级业务系统（${systemLabel(tier1).zh}），却没有划分安全区域（zones）。参考：${ref.zh}。建议划分开发测试区、DMZ 区、内网区。`,
          en: `The proposal has a tier-1 system (${systemLabel(tier1).en}) but no security zones (zones). For reference: ${ref.en}. Separate a dev/test zone, a DMZ and the intranet.`,
        },
        edit ? [{ title: fixTitle(ZONES), edits: [edit] }] : undefined,
      ),
    ];
  },
};

export const heterogeneousPlatforms: CasebookRule = {
  id: 'heterogeneous-platforms',
  family: FAMILY,
  defaultSeverity: 'info',
  title: { zh: '异构资源需统一 PaaS 调度', en: 'Heterogeneous platforms need one PaaS' },
  description: {
    zh: '各中心运行在不同的基础设施上（site.platform 不同，如华为云、VM、物理机）时，应用要适配每一种，运维各自为政。浙江农信用金融级 PaaS（Antstack Plus）屏蔽华为云、VM 虚拟机、物理机等异构资源，统一调度与编排。',
    en: 'When sites run on different infrastructure (site.platform differs: Huawei Cloud, VMs, physical hosts), every application must adapt to each and operations split. Zhejiang RCU’s financial PaaS (Antstack Plus) hides Huawei Cloud, VMs and physical hosts behind one scheduler.',
  },
  patterns: ['unified-paas'],
  cases: ['zhejiang-rcu'],
  quotes: [ZHEJIANG_HETEROGENEOUS],
  check({ model, library }) {
    const first = model.sites.find((s) => s.platform);
    if (!first?.platform) return [];
    const platforms = new Set<string>();
    for (const site of model.sites) if (site.platform) platforms.add(site.platform.value);
    if (platforms.size < 2) return [];
    const other = model.sites.find((s) => s.platform && s.platform.value !== first.platform!.value)!;
    const ref = cite(library, ZHEJIANG_HETEROGENEOUS);
    const list = [...platforms];
    const otherId = other.id?.value ?? `#${other.index + 1}`;
    const firstId = first.id?.value ?? `#${first.index + 1}`;
    return [
      finding(heterogeneousPlatforms, on(other.platform!, true), {
        zh: `各中心运行在 ${list.length} 种不同平台上（${list.join('、')}；如 ${zhId(firstId)} 是 ${first.platform.value}，${zhId(otherId)} 是 ${other.platform!.value}）。每种平台都要单独适配应用、单独运维。参考：${ref.zh}。建议用统一的 PaaS 屏蔽这些异构资源，应用只面对一种运行环境。`,
        en: `The sites run on ${list.length} different platforms (${list.join(', ')}; ${firstId} is ${first.platform.value}, ${otherId} is ${other.platform!.value}). Each needs its own application adaptation and its own operations. For reference: ${ref.en}. Put one PaaS over them so applications face a single runtime.`,
      }),
    ];
  },
};

export const CLOUD_RULES: CasebookRule[] = [sensitiveDataPublicCloud, securityZonesIncomplete, heterogeneousPlatforms];
