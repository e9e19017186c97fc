/**
 * A small in-memory case library with every outcome the rules quote, the
 * figures as the seed states them. Each figure's text is unique, so a test
 * can tell which (case, outcome) a message quotes.
 */
import type { Localized } from '../../../server/src/service/locale';
import type { CaseLibrary, CaseRecord, OutcomeFigure } from '../../../server/src/service/types';

const HERE = { file: '/fixture/cases.yaml', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };

type Outcomes = Record<string, [metric: Localized, value: Localized]>;

const CASES: Record<string, { customer: Localized; industry: CaseRecord['industry']; outcomes: Outcomes }> = {
  'sofastack-overview': {
    customer: { zh: 'SOFAStack 客户（Forrester TEI）', en: 'SOFAStack customers (Forrester TEI)' },
    industry: 'other',
    outcomes: {
      'learning-cost': [
        { zh: '开发人员学习成本', en: 'developer learning cost' },
        { zh: '降低 92%', en: 'down 92%' },
      ],
      'dev-efficiency': [
        { zh: '应用开发效率', en: 'application development efficiency' },
        { zh: '提升 80%', en: 'up 80%' },
      ],
      'ops-cost': [
        { zh: '运维人力成本', en: 'operations staff cost' },
        { zh: '节省 90%', en: 'saved 90%' },
      ],
    },
  },
  'nanjing-bank': {
    customer: { zh: '南京银行', en: 'Bank of Nanjing' },
    industry: 'bank',
    outcomes: {
      'loan-time': [
        { zh: '平均放款时间', en: 'average time to grant a loan' },
        { zh: '1 秒', en: '1 second' },
      ],
      'daily-orders': [
        { zh: '日处理订单量', en: 'orders processed a day' },
        { zh: '100 万笔', en: '1 million' },
      ],
      users: [
        { zh: '服务用户', en: 'users served' },
        { zh: '上百万', en: 'millions' },
      ],
    },
  },
  'zhejiang-rcu': {
    customer: { zh: '浙江农信', en: 'Zhejiang RCU' },
    industry: 'rural-credit',
    outcomes: {
      'ha-upgrade': [
        { zh: '高可用', en: 'high availability' },
        { zh: '同城主备 → 两地三中心', en: 'same-city standby → two regions, three DCs' },
      ],
      'migrated-apps': [
        { zh: '分布式改造上云的代表性业务', en: 'representative businesses moved to the cloud' },
        { zh: '4 个', en: '4' },
      ],
      'heterogeneous-resources': [
        { zh: '异构资源', en: 'heterogeneous resources' },
        { zh: '华为云、VM 虚拟机、物理机统一调度与编排', en: 'Huawei Cloud, VMs and physical machines scheduled as one' },
      ],
    },
  },
  'jiangxi-rcu': {
    customer: { zh: '江西农信', en: 'Jiangxi RCU' },
    industry: 'rural-credit',
    outcomes: {
      'esb-age': [
        { zh: '传统 ESB 架构历史', en: 'age of the legacy ESB' },
        { zh: '20 多年', en: 'over 20 years' },
      ],
      'non-intrusive': [
        { zh: '上云改造', en: 'moving to the cloud' },
        { zh: '无需修改业务代码', en: 'no business code changed' },
      ],
      observability: [
        { zh: '可观测性', en: 'observability' },
        { zh: '全链路跟踪、立体化监控', en: 'full-link tracing and layered monitoring' },
      ],
    },
  },
  'shunde-rcb': {
    customer: { zh: '顺德农商', en: 'Shunde RCB' },
    industry: 'rural-commercial-bank',
    outcomes: {
      'release-time': [
        { zh: '发布耗时', en: 'release time' },
        { zh: '五分钟（虚拟机）→ 十数秒（容器）', en: '5 minutes (VMs) → a dozen seconds (containers)' },
      ],
      'dual-active': [
        { zh: '容灾', en: 'disaster recovery' },
        { zh: '同城双活', en: 'same-city active-active' },
      ],
    },
  },
  'sichuan-rcu': {
    customer: { zh: '四川农信', en: 'Sichuan RCU' },
    industry: 'rural-credit',
    outcomes: {
      'one-cloud-three-zones': [
        { zh: '云平台', en: 'cloud platform' },
        { zh: '一云三区（开发测试区、DMZ 区、内网区）', en: 'one cloud, three zones (dev/test, DMZ, intranet)' },
      ],
      'dr-cost': [
        { zh: '冷备灾备', en: 'cold-standby DR' },
        { zh: '仅在容灾时使用，资源利用率低、切换风险大', en: 'used only in a disaster, low utilisation, risky switch-over' },
      ],
    },
  },
  mybank: {
    customer: { zh: '网商银行', en: 'MYbank' },
    industry: 'bank',
    outcomes: {
      availability: [
        { zh: '可用率', en: 'availability' },
        { zh: '99.99%（7×24）', en: '99.99% (24×7)' },
      ],
      'offline-compute': [
        { zh: '每日离线计算', en: 'offline computation a day' },
        { zh: '超过 200T', en: 'over 200 TB' },
      ],
      'realtime-risk': [
        { zh: '实时风控延迟', en: 'real-time risk latency' },
        { zh: '毫秒级', en: 'milliseconds' },
      ],
      'three-regions-five-dcs': [
        { zh: '多活部署', en: 'active-active deployment' },
        { zh: '全业务三地五中心', en: 'all business across three regions, five DCs' },
      ],
    },
  },
  'china-united-insurance': {
    customer: { zh: '中华财险', en: 'China United Insurance' },
    industry: 'insurance',
    outcomes: {
      'upgrade-downtime': [
        { zh: '系统升级停机', en: 'upgrade downtime' },
        { zh: '数小时 → 10 分钟', en: 'hours → 10 minutes' },
      ],
      'claim-time': [
        { zh: '车险接入到定损', en: 'motor claim from report to assessment' },
        { zh: '2 分 58 秒', en: '2 min 58 s' },
      ],
      payout: [
        { zh: '车险赔款到账', en: 'motor claim payout' },
        { zh: '15 分钟', en: '15 minutes' },
      ],
      'hybrid-core': [
        { zh: '核心系统', en: 'core system' },
        { zh: '保险业首个混合云核心', en: 'first hybrid-cloud core in insurance' },
      ],
      'leave-ioe': [
        { zh: '核心系统架构', en: 'core system architecture' },
        { zh: '从传统 IOE 走向全分布式', en: 'from traditional IOE to fully distributed' },
      ],
    },
  },
  'picc-health': {
    customer: { zh: '人保健康', en: 'PICC Health' },
    industry: 'insurance',
    outcomes: {
      issuance: [
        { zh: '出单速度', en: 'policy issuance' },
        { zh: '每秒 1000 单', en: '1,000 policies a second' },
      ],
      settlement: [
        { zh: '日结文件（1 万单）', en: 'daily settlement file (10,000 policies)' },
        { zh: '4 小时 → 6 分钟', en: '4 hours → 6 minutes' },
      ],
      capacity: [
        { zh: '处理能力', en: 'processing capacity' },
        { zh: '提升上千倍', en: 'over 1,000× higher' },
      ],
      'daily-average': [
        { zh: '日均交易', en: 'average day' },
        { zh: '接近 80 万笔', en: 'nearly 800,000 transactions' },
      ],
      'daily-peak': [
        { zh: '交易量峰值', en: 'peak day' },
        { zh: '150 万笔/日', en: '1.5 million transactions' },
      ],
      total: [
        { zh: '累计交易', en: 'total transactions' },
        { zh: '超过 5 亿笔', en: 'over 500 million' },
      ],
      'channel-onboarding': [
        { zh: '外部渠道接入效率', en: 'channel onboarding' },
        { zh: '提升 6 倍', en: '6× faster' },
      ],
      'time-to-market': [
        { zh: '新产品上线时间', en: 'time to market' },
        { zh: '数周 → 数天', en: 'weeks → days' },
      ],
      availability: [
        { zh: '平台服务可用性', en: 'platform availability' },
        { zh: '达到 99.99%', en: 'reached 99.99%' },
      ],
    },
  },
  'zheshang-securities': {
    customer: { zh: '浙商证券', en: 'Zheshang Securities' },
    industry: 'securities',
    outcomes: {
      'single-source': [
        { zh: '用户信息来源', en: 'source of user data' },
        { zh: '唯一、权威', en: 'single and authoritative' },
      ],
      'unified-identity': [
        { zh: '认证与接入', en: 'identity and access' },
        { zh: '统一认证、统一识别', en: 'one sign-on, one identity' },
      ],
    },
  },
  'tianhong-fund': {
    customer: { zh: '天弘基金', en: 'Tianhong Fund' },
    industry: 'fund',
    outcomes: {
      'dr-policy': [
        { zh: '容灾策略', en: 'DR policy' },
        { zh: '一级系统同城 + 异地容灾，二级系统同城容灾', en: 'tier 1 same-city + remote DR, tier 2 same-city DR' },
      ],
      'batch-dr': [
        { zh: '批处理容灾', en: 'batch DR' },
        { zh: '指标对齐等保三级', en: 'targets aligned with MLPS level 3' },
      ],
      'online-dr': [
        { zh: '在线业务容灾', en: 'online DR' },
        { zh: '极低的 RTO 和 RPO', en: 'very low RTO and RPO' },
      ],
      'hybrid-cloud': [
        { zh: '混合云', en: 'hybrid cloud' },
        { zh: '云上主要业务、云下敏感业务', en: 'main business on the cloud, sensitive business off it' },
      ],
    },
  },
};

function outcome(id: string, [metric, value]: [Localized, Localized]): OutcomeFigure {
  return { id, metric, value, source: HERE };
}

export function fixtureLibrary(): CaseLibrary {
  const cases = new Map<string, CaseRecord>();
  for (const [id, c] of Object.entries(CASES)) {
    cases.set(id, {
      id,
      builtIn: true,
      file: HERE.file,
      customer: c.customer,
      aliases: [],
      industry: c.industry,
      title: c.customer,
      challenge: c.customer,
      solution: c.customer,
      products: [],
      outcomes: Object.entries(c.outcomes).map(([oid, o]) => outcome(oid, o)),
      patterns: [],
      source: HERE,
    });
  }
  return { cases, patterns: new Map(), products: new Map(), problems: [] };
}

/** Every (case, outcome) of the fixture with its figure text in both languages. */
export function fixtureFigures(): { caseId: string; outcomeId: string; zh: string; en: string }[] {
  return Object.entries(CASES).flatMap(([caseId, c]) =>
    Object.entries(c.outcomes).map(([outcomeId, [, value]]) => ({ caseId, outcomeId, zh: value.zh, en: value.en })),
  );
}
