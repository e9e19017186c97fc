/** The dossier's own words, in both languages: headings, column names, marks. */
import { pick, type Locale, type Localized } from '../locale';
import { dataLossText, STATUS_LABELS, TAKEOVER_LABELS, type SystemScenario, type SystemStatus } from '../scenarioText';
import type { Severity } from '../types';
import type { WaiverStatus } from './dossier';

export const TEXT = {
  title: { zh: '方案评审材料', en: 'Architecture review dossier' },
  generated: { zh: '生成日期', en: 'Prepared on' },
  by: { zh: '由 Casebook 根据方案文件与案例库生成', en: 'Prepared by Casebook from the proposal files and the case library' },
  summary: { zh: '方案概要', en: 'Summary' },
  file: { zh: '文件', en: 'File' },
  proposal: { zh: '方案名称', en: 'Proposal' },
  customer: { zh: '客户', en: 'Customer' },
  industry: { zh: '行业', en: 'Industry' },
  mlps: { zh: '等保级别', en: 'MLPS level' },
  topologyWords: { zh: '拓扑形态', en: 'Topology' },
  systems: { zh: '系统', en: 'Systems' },
  system: { zh: '系统', en: 'System' },
  name: { zh: '名称', en: 'Name' },
  tier: { zh: '等级', en: 'Tier' },
  availability: { zh: '可用性', en: 'Availability' },
  rto: { zh: 'RTO', en: 'RTO' },
  rpo: { zh: 'RPO', en: 'RPO' },
  sites: { zh: '站点', en: 'Sites' },
  topology: { zh: '部署拓扑', en: 'Topology' },
  topologyNote: {
    zh: '城市为分组，站点标明角色并列出其上部署的系统；连线为复制链路（实线同步，虚线异步）。',
    en: 'Cities group their sites; each site shows its role and the systems it runs; lines are replication links (solid sync, dashed async).',
  },
  noSites: { zh: '方案尚未声明站点。', en: 'The proposal declares no sites yet.' },
  scenarios: { zh: '故障场景', en: 'Failure scenarios' },
  scenariosNote: {
    zh: '逐一失去每个机房、每座城市、每个区域时，受影响系统的结果（与规则所用的同一张表）。',
    en: 'Losing each site, city and region in turn: what happens to every system it touches (the table the rules judge by).',
  },
  noScenarios: { zh: '方案没有声明站点：没有可模拟的故障。', en: 'The proposal declares no sites: there is no loss to simulate.' },
  lost: { zh: '失去', en: 'Lost' },
  status: { zh: '结果', en: 'Outcome' },
  takeover: { zh: '接管', en: 'Takeover' },
  dataLoss: { zh: '数据丢失', en: 'Data loss' },
  breaksTier: { zh: '不满足分级要求', en: 'breaks its tier' },
  findings: { zh: '检查结果', en: 'Findings' },
  noFindings: { zh: '没有检查结果。', en: 'No findings.' },
  line: { zh: '行', en: 'Line' },
  rule: { zh: '规则', en: 'Rule' },
  message: { zh: '说明', en: 'Message' },
  evidence: { zh: '案例依据', en: 'Backed by' },
  waived: { zh: '已豁免', en: 'waived' },
  waivers: { zh: '豁免登记', en: 'Waiver register' },
  noWaivers: { zh: '方案中没有豁免。', en: 'The proposal waives nothing.' },
  reason: { zh: '原因', en: 'Reason' },
  owner: { zh: '负责人', en: 'Owner' },
  until: { zh: '到期', en: 'Expires' },
  cases: { zh: '参考案例', en: 'Reference cases' },
  noCases: { zh: '没有匹配的参考案例。', en: 'No matching reference case.' },
  why: { zh: '匹配原因', en: 'Why it matches' },
  score: { zh: '匹配度', en: 'Score' },
  contents: { zh: '目录', en: 'Contents' },
} satisfies Record<string, Localized>;

export const SEVERITY_LABELS: Record<Severity, Localized> = {
  error: { zh: '错误', en: 'Errors' },
  warning: { zh: '警告', en: 'Warnings' },
  info: { zh: '提示', en: 'Information' },
  hint: { zh: '建议', en: 'Hints' },
};

export const WAIVER_STATUS_LABELS: Record<WaiverStatus, Localized> = {
  active: { zh: '有效', en: 'in force' },
  expiring: { zh: '30 天内到期', en: 'expires within 30 days' },
  expired: { zh: '已过期', en: 'expired' },
  invalid: { zh: '到期日无效', en: 'invalid expiry date' },
  'open-ended': { zh: '未写到期日', en: 'no expiry date' },
};

export const statusLabel = (status: SystemStatus, locale: Locale) => pick(STATUS_LABELS[status], locale);

/** The takeover cell: the site that serves, and how fast. */
export function takeoverText(system: SystemScenario, locale: Locale): string {
  if (system.status === 'down') return '—';
  const speed = system.takeover ? pick(TAKEOVER_LABELS[system.takeover], locale) : '';
  return [system.takeoverSite, speed].filter(Boolean).join(' · ') || '—';
}

export function lossText(system: SystemScenario, locale: Locale): string {
  if (system.status === 'down') return '—';
  return pick(dataLossText(system.dataLoss), locale);
}

export const tierText = (tier: number | undefined, locale: Locale): string =>
  tier === undefined ? '—' : locale === 'zh-CN' ? (['', '一级', '二级', '三级'][tier] ?? `${tier} 级`) : `tier ${tier}`;

export const percent = (availability: number | undefined): string =>
  availability === undefined ? '—' : `${+(availability * (availability <= 1 ? 100 : 1)).toFixed(4)}%`;
