/**
 * A bank's repository of proposals, generated for the CLI benchmark (issue 12):
 * each file its own seed, so 2,000 files are 2,000 different proposals — the
 * industries and institution types of the format, customers named the way
 * proposals name them, sites in two to five of a dozen cities, every topology
 * the rules reason about (one city, 同城双活, 两地三中心, 三地五中心, 异地多活,
 * a cold standby far away), 10–40 systems with dependencies, replication links
 * with and without lag, comments, waivers, and now and then a mistake (an
 * unknown enum value, a dangling reference) as a real repository has.
 */
import { random } from './random';

interface Industry {
  industry: string;
  institution: string;
  customers: readonly string[];
  systems: readonly string[];
  domains: readonly string[];
}

const INDUSTRIES: readonly Industry[] = [
  {
    industry: 'rural-credit',
    institution: 'rural-credit-union',
    customers: ['某省农村信用社联合社', '某自治区农村信用社联合社'],
    systems: ['核心账务', '信贷', '手机银行', '柜面', '支付网关', '客户信息', '反欺诈', '日终批量', '数据仓库', '票据', '助农取款'],
    domains: ['customer', 'account', 'loan', 'deposit', 'payment', 'ledger', 'risk'],
  },
  {
    industry: 'rural-commercial-bank',
    institution: 'rural-commercial',
    customers: ['某农村商业银行', '某市农商银行'],
    systems: ['核心账务', '信贷', '手机银行', '网上银行', '支付网关', '客户信息', '反洗钱', '日终批量', '理财销售'],
    domains: ['customer', 'account', 'loan', 'deposit', 'payment', 'wealth'],
  },
  {
    industry: 'bank',
    institution: 'city-commercial',
    customers: ['某城市商业银行', '某股份制商业银行', '某国有商业银行省分行'],
    systems: ['核心账务', '信用卡', '手机银行', '网上银行', '支付网关', '客户信息', '反欺诈', '数据仓库', '理财销售', '同业', '票据'],
    domains: ['customer', 'account', 'card', 'deposit', 'payment', 'wealth', 'interbank'],
  },
  {
    industry: 'insurance',
    institution: 'insurer',
    customers: ['某财产保险股份有限公司', '某人寿保险公司', '某健康保险公司'],
    systems: ['核心业务', '承保', '理赔', '保单服务', '渠道平台', '再保', '收付费', '客户中心', '精算分析'],
    domains: ['policy', 'claim', 'customer', 'payment', 'product'],
  },
  {
    industry: 'securities',
    institution: 'securities',
    customers: ['某证券股份有限公司', '某证券公司'],
    systems: ['集中交易', '融资融券', '行情', '用户中心', '手机证券', '清算', '风控', '两融风控', '账户'],
    domains: ['order', 'account', 'customer', 'quote', 'clearing', 'risk'],
  },
  {
    industry: 'fund',
    institution: 'fund',
    customers: ['某基金管理有限公司'],
    systems: ['直销交易', 'TA 登记过户', '估值', '投资交易', '客户中心', '互联网直销', '清算', '数据中台'],
    domains: ['order', 'account', 'customer', 'valuation', 'clearing'],
  },
];

/** Cities proposals put data centres in (names only: distances are the geo module's, from its data). */
const CITIES = ['北京', '上海', '深圳', '杭州', '成都', '重庆', '南京', '武汉', '西安', '贵阳', '合肥', '天津', '广州', '苏州'];

type Topology =
  'single-city' | 'same-city-active-active' | 'two-regions-three-dcs' | 'three-regions-five-dcs' | 'multi-site' | 'cold-remote';
const TOPOLOGIES: readonly Topology[] = [
  'single-city',
  'same-city-active-active',
  'two-regions-three-dcs',
  'two-regions-three-dcs',
  'three-regions-five-dcs',
  'multi-site',
  'cold-remote',
];

interface Site {
  id: string;
  city: string;
  role: string;
}

function sitesFor(topology: Topology, cities: string[], rnd: () => number): Site[] {
  const [a, b, c] = [cities[0]!, cities[1]!, cities[2]!];
  const id = siteId;
  switch (topology) {
    case 'single-city':
      return [{ id: id(a, 1), city: a, role: 'primary' }];
    case 'same-city-active-active':
      return [
        { id: id(a, 1), city: a, role: 'primary' },
        { id: id(a, 2), city: a, role: 'active' },
      ];
    case 'two-regions-three-dcs':
      return [
        { id: id(a, 1), city: a, role: 'primary' },
        { id: id(a, 2), city: a, role: rnd() < 0.5 ? 'active' : 'hot-standby' },
        { id: id(b, 1), city: b, role: rnd() < 0.7 ? 'hot-standby' : 'cold-standby' },
      ];
    case 'three-regions-five-dcs':
      return [
        { id: id(a, 1), city: a, role: 'primary' },
        { id: id(a, 2), city: a, role: 'active' },
        { id: id(b, 1), city: b, role: 'active' },
        { id: id(b, 2), city: b, role: 'hot-standby' },
        { id: id(c, 1), city: c, role: 'cold-standby' },
      ];
    case 'multi-site':
      return [
        { id: id(a, 1), city: a, role: 'primary' },
        { id: id(b, 1), city: b, role: 'active' },
        { id: id(c, 1), city: c, role: 'hot-standby' },
      ];
    case 'cold-remote':
      return [
        { id: id(a, 1), city: a, role: 'primary' },
        { id: id(a, 2), city: a, role: 'hot-standby' },
        { id: id(b, 1), city: b, role: 'cold-standby' },
      ];
  }
}

/** Site ids in ASCII, as proposals write them (`cd-1`): the city's index stands in for its pinyin. */
function siteId(city: string, k: number): string {
  return `dc${CITIES.indexOf(city)}-${k}`;
}

/** Proposal number `index` of the repository: 10–40 systems, deterministic in `index`. */
export function generateRepositoryProposal(index: number): string {
  const rnd = random(0x5eed + index * 7919);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const industry = pick(INDUSTRIES);
  const topology = pick(TOPOLOGIES);
  const cities = [...CITIES].sort(() => rnd() - 0.5).slice(0, 3);
  const sites = sitesFor(topology, cities, rnd);
  const systems = 10 + Math.floor(rnd() * 31);
  const customer = pick(industry.customers);
  const project = pick(['新一代核心', '分布式改造', '灾备建设', '云原生转型', '全栈信创', '数据中心迁移']);
  const out: string[] = [
    `# ${customer}${project}方案（第 ${index + 1} 号，自动生成）`,
    `# 拓扑：${topology}；${cities.slice(0, 3).join('、')}`,
    'casebook: proposal/v1',
    `name: ${customer}${project}（${systems} 个系统）`,
    `customer: ${customer}`,
    `industry: ${industry.industry}`,
    ...(rnd() < 0.6 ? ['institution:', `  type: ${industry.institution}`, `  crossProvince: ${rnd() < 0.3}`] : []),
    'compliance:',
    `  mlps: ${rnd() < 0.8 ? 3 : 4}`,
    '',
    'sites:',
  ];
  for (const site of sites) {
    out.push(
      `  - id: ${site.id}${rnd() < 0.3 ? `            # ${site.city}机房` : ''}`,
      `    city: ${site.city}`,
      `    role: ${site.role}`,
      `    platform: ${pick(['vm', 'private-cloud', 'physical', 'vm', 'huawei-cloud'])}`,
    );
  }
  const zones = rnd() < 0.6 ? ['dev-test', 'dmz', 'intranet'] : rnd() < 0.5 ? ['dmz', 'intranet'] : ['intranet'];
  out.push('', `zones: [${zones.join(', ')}]`);
  if (sites.length > 1) {
    out.push('', 'links:');
    const primary = sites[0]!;
    for (const site of sites.slice(1)) {
      const sameCity = site.city === primary.city;
      const mode = sameCity || rnd() < 0.1 ? 'sync' : 'async';
      const lag = mode === 'async' && rnd() < 0.6 ? `, lag: ${pick(['30s', '1m', '5m', '15m'])}` : '';
      out.push(`  - { from: ${primary.id}, to: ${site.id}, mode: ${mode}${lag} }`);
    }
  }
  out.push('', 'systems:');
  const ids: string[] = [];
  for (let i = 0; i < systems; i++) {
    const label = pick(industry.systems);
    const id = `sys-${i}`;
    ids.push(id);
    const modern = rnd() < 0.4;
    const tier = rnd() < 0.25 ? 1 : rnd() < 0.6 ? 2 : 3;
    const kind = pick(['online', 'online', 'channel', 'batch', 'risk-control', 'analytics']);
    // Tier 1 mostly everywhere, tier 2 in the main city, tier 3 in one site; some stop short (findings).
    const footprint =
      tier === 1 && rnd() < 0.75
        ? sites.map((s) => s.id)
        : tier === 3 || sites.length === 1
          ? [sites[0]!.id]
          : [sites[0]!.id, sites[1]!.id];
    const deps = i === 0 ? [] : [...new Set(Array.from({ length: Math.floor(rnd() * 3) }, () => `sys-${Math.floor(rnd() * i)}`))];
    // Now and then a dangling reference, as in a draft.
    if (rnd() < 0.02) deps.push(`sys-${systems + 5}`);
    const peak = Math.floor(rnd() * (modern ? 9000 : 2500));
    const waiver =
      tier === 1 && rnd() < 0.1
        ? ` # casebook-ignore tier1-two-regions-three-dcs: 二期建设异地中心 (owner: ${pick(['张三', '李四', '王五'])}, until ${pick(['2099-12-31', '2027-06-30', '2025-12-31'])})`
        : '';
    out.push(
      ...(i % 10 === 0 ? [`  # —— 第 ${i / 10 + 1} 组：${label}条线 ——`] : []),
      `  - id: ${id}`,
      `    name: ${label}${i}`,
      `    tier: ${tier}${waiver}`,
      ...(tier === 1 && rnd() < 0.4 ? ['    important: true'] : []),
      `    kind: ${rnd() < 0.01 ? 'realtime' : kind}`,
      `    availability: ${tier === 1 ? pick(['99.99', '99.999', '99.95']) : tier === 2 ? '99.95' : '99.9'}`,
      `    rto: ${tier === 1 ? pick(['30s', '5m', '30m', '2h']) : tier === 2 ? '2h' : '8h'}`,
      `    rpo: ${tier === 1 ? pick(['0', '0', '1m']) : '15m'}`,
      '    load:',
      `      peakTps: ${peak}`,
      `      dailyTransactions: ${peak * 400}`,
      ...(rnd() < 0.5 ? [`      averageDailyTransactions: ${Math.floor(peak * (100 + rnd() * 300))}`] : []),
      `    architecture: ${modern ? pick(['microservices', 'microservices', 'unitized']) : 'monolith'}`,
      '    database:',
      `      engine: ${modern ? pick(['oceanbase', 'tidb', 'goldendb']) : pick(['oracle', 'db2', 'mysql'])}`,
      `      mode: ${modern ? 'distributed' : 'centralized'}`,
      `    transactions: ${modern ? pick(['saga', 'tcc']) : pick(['local', 'xa'])}`,
      `    integration: ${modern ? pick(['service-mesh', 'rpc', 'mq']) : pick(['esb', 'rpc', 'mq'])}`,
      `    runtime: ${modern ? 'container' : pick(['vm', 'vm', 'physical', 'mainframe'])}`,
      `    release: ${modern ? pick(['gray', 'blue-green', 'rolling']) : pick(['downtime', 'rolling'])}`,
      `    observability: [${modern ? pick(['metrics, logs, tracing', 'metrics, logs']) : pick(['metrics, logs', 'logs'])}]`,
      `    cloud: ${pick(['private', 'private', 'hybrid', 'on-prem', 'public'])}`,
      `    sensitive: ${rnd() < 0.5}`,
      `    data: [${pick(industry.domains)}-${i}]`,
      `    sites: [${footprint.join(', ')}]`,
      ...(deps.length ? [`    dependsOn: [${deps.join(', ')}]`] : []),
    );
  }
  return out.join('\n') + '\n';
}
