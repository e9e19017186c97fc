/**
 * Analysis benchmark: how much the whole engine costs over a bare YAML parse.
 *
 * Generated proposals of 10 … 5,000 systems (sites in several cities,
 * replication links, dependsOn chains, comments and a few waivers, the mix of
 * good and poor designs an architect actually writes) are timed as:
 *   - `yaml` parseDocument of the text (the floor: any YAML tool pays it);
 *   - the full analysis: parseYamlTree + buildModel + analyzeProposal with the
 *     real case library and every rule, split into its three phases.
 * Medians of CPU time over several runs after warm-up (the machine is shared,
 * so wall time is printed only for reference); µs per system shows whether it
 * stays linear.
 *
 * Run: `npm run bench` (bench/main.ts), or `npx tsx bench/analysis.ts`.
 */
import { random } from './random';
import { performance } from 'node:perf_hooks';
import * as YAML from 'yaml';
import { analyzeProposal } from '../server/src/service/analyze';
import { buildModel } from '../server/src/service/model';
import type { AnalysisSettings, CaseLibrary } from '../server/src/service/types';
import { parseYamlTree } from '../server/src/service/yamlTree';
import { builtInCasesPath, loadLibrary } from '../server/src/node/libraryLoader';

export const ANALYSIS_SIZES = [10, 100, 1000, 5000];
/** Target: the full analysis costs at most this many bare parses. */
export const TARGET_RATIO = 2;

const CITIES = ['成都', '重庆', '杭州', '上海', '北京', '天津', '深圳', '南京'];
const PLATFORMS = ['vm', 'private-cloud', 'vm', 'physical'];
const KINDS = ['online', 'online', 'channel', 'batch', 'risk-control', 'analytics'];
const ENGINES = ['oracle', 'oceanbase', 'mysql', 'db2', 'oceanbase'];
const DOMAINS = ['customer', 'account', 'loan', 'deposit', 'payment', 'card', 'policy', 'order', 'ledger', 'risk'];
const NAMES = [
  '核心账务',
  '信贷',
  '手机银行',
  '网上银行',
  '支付网关',
  '客户信息',
  '反欺诈',
  '日终批量',
  '数据仓库',
  '理财销售',
  '柜面',
  '票据',
];

/**
 * A proposal of `systems` systems. Sites grow with the estate (2 per city,
 * up to 8 cities); about a third of the systems are modernised
 * (microservices, distributed database, containers), the rest are the
 * monoliths that findings are about.
 */
export function generateAnalysisProposal(systems: number): string {
  const rnd = random(systems);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const cityCount = Math.min(CITIES.length, 2 + Math.floor(Math.log10(systems)));
  const siteIds: string[] = [];
  const out: string[] = [
    `# 基准方案：${systems} 个系统（自动生成）`,
    'casebook: proposal/v1',
    `name: 全行架构蓝图（${systems} 个系统）`,
    'customer: 某省农村信用社联合社',
    'industry: rural-credit',
    'compliance:',
    '  mlps: 3',
    '',
    'sites:',
  ];
  for (let c = 0; c < cityCount; c++) {
    for (let k = 0; k < 2; k++) {
      const id = `dc-${c}-${k}`;
      siteIds.push(id);
      const role = c === 0 ? (k === 0 ? 'primary' : 'active') : k === 0 ? 'hot-standby' : 'cold-standby';
      out.push(
        `  - id: ${id}`,
        `    city: ${CITIES[c]}`,
        `    role: ${role}`,
        `    platform: ${c === 0 ? 'private-cloud' : pick(PLATFORMS)}`,
      );
    }
  }
  out.push('', 'zones: [dev-test, dmz, intranet]', '', 'links:');
  for (let i = 1; i < siteIds.length; i++)
    out.push(`  - { from: ${siteIds[0]}, to: ${siteIds[i]}, mode: ${siteIds[i]!.startsWith('dc-0-') ? 'sync' : 'async'} }`);
  out.push('', 'systems:');
  for (let i = 0; i < systems; i++) {
    const modern = rnd() < 0.35;
    const tier = rnd() < 0.2 ? 1 : rnd() < 0.6 ? 2 : 3;
    const kind = pick(KINDS);
    // Tier-1 systems mostly span the main city and one remote site; some stop short (a finding).
    const footprint =
      tier === 1 && rnd() < 0.7
        ? [siteIds[0]!, siteIds[1]!, siteIds[2 + Math.floor(rnd() * (siteIds.length - 2))]!]
        : tier === 3
          ? [siteIds[0]!]
          : [siteIds[0]!, siteIds[1]!];
    const deps = i === 0 ? [] : [...new Set(Array.from({ length: Math.floor(rnd() * 3) }, () => `sys-${Math.floor(rnd() * i)}`))];
    const peak = Math.floor(rnd() * (modern ? 8000 : 2500));
    out.push(
      ...(i % 50 === 0 ? [`  # —— 第 ${i / 50 + 1} 组：${pick(NAMES)}条线 ——`] : []),
      `  - id: sys-${i}`,
      `    name: ${pick(NAMES)} ${i} 号`,
      `    tier: ${tier}${tier === 1 && !modern && rnd() < 0.1 ? ' # casebook-ignore tier1-two-regions-three-dcs: 二期建设异地中心 (owner: 张三, until 2099-12-31)' : ''}`,
      `    kind: ${kind}`,
      `    availability: ${tier === 1 ? '99.99' : tier === 2 ? '99.95' : '99.9'}`,
      `    rto: ${tier === 1 ? '30m' : tier === 2 ? '2h' : '8h'}`,
      `    rpo: ${tier === 1 ? (rnd() < 0.5 ? '0' : '1m') : '15m'}`,
      '    load:',
      `      peakTps: ${peak}`,
      `      dailyTransactions: ${peak * 400}`,
      `      averageDailyTransactions: ${Math.floor(peak * (100 + rnd() * 300))}`,
      `    architecture: ${modern ? 'microservices' : 'monolith'}`,
      '    database:',
      `      engine: ${modern ? 'oceanbase' : pick(ENGINES)}`,
      `      mode: ${modern ? 'distributed' : 'centralized'}`,
      `    transactions: ${modern ? 'saga' : pick(['local', 'xa'])}`,
      `    integration: ${modern ? 'service-mesh' : pick(['esb', 'rpc', 'mq'])}`,
      `    runtime: ${modern ? 'container' : pick(['vm', 'vm', 'physical'])}`,
      `    release: ${modern ? 'gray' : pick(['downtime', 'rolling'])}`,
      `    observability: [${modern ? 'metrics, logs, tracing' : 'metrics, logs'}]`,
      '    cloud: private',
      `    sensitive: ${rnd() < 0.5}`,
      `    data: [${DOMAINS[i % DOMAINS.length]}-${Math.floor(i / DOMAINS.length)}]`,
      `    sites: [${footprint.join(', ')}]`,
      ...(deps.length ? [`    dependsOn: [${deps.join(', ')}]`] : []),
    );
  }
  return out.join('\n') + '\n';
}

export interface AnalysisTiming {
  systems: number;
  bytes: number;
  findings: number;
  /** Medians of CPU time (user + system) in milliseconds: on a shared machine wall time also measures the neighbours. */
  yamlParse: number;
  tree: number;
  model: number;
  analyze: number;
  full: number;
  /** Median wall time of the full analysis, for reference. */
  fullWall: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Runs per size: enough for a stable median, at least 5 even for the largest. */
function runsFor(systems: number): number {
  return systems <= 10 ? 200 : systems <= 100 ? 40 : systems <= 1000 ? 9 : 5;
}

/** CPU milliseconds used by this process so far. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

export function timeAnalysis(systems: number, library: CaseLibrary, settings: AnalysisSettings): AnalysisTiming {
  const text = generateAnalysisProposal(systems);
  const runs = runsFor(systems);
  const parse: number[] = [];
  const tree: number[] = [];
  const model: number[] = [];
  const analyze: number[] = [];
  const full: number[] = [];
  const fullWall: number[] = [];
  let findings = 0;
  const warmUp = Math.max(2, Math.min(20, runs >> 1));
  for (let i = 0; i < warmUp + runs; i++) {
    // Alternate the two measurements so both see the same machine load.
    const c0 = cpuMs();
    YAML.parseDocument(text);
    const c1 = cpuMs();
    const w1 = performance.now();
    const parsed = parseYamlTree(text);
    const c2 = cpuMs();
    const built = buildModel(parsed);
    const c3 = cpuMs();
    const output = analyzeProposal(built, library, settings);
    const c4 = cpuMs();
    const w4 = performance.now();
    if (output.internalErrors.length > 0)
      throw new Error(`rule ${output.internalErrors[0]!.rule} failed: ${String(output.internalErrors[0]!.error)}`);
    if (i < warmUp) continue;
    findings = output.findings.length;
    parse.push(c1 - c0);
    tree.push(c2 - c1);
    model.push(c3 - c2);
    analyze.push(c4 - c3);
    full.push(c4 - c1);
    fullWall.push(w4 - w1);
  }
  return {
    systems,
    bytes: Buffer.byteLength(text),
    findings,
    yamlParse: median(parse),
    tree: median(tree),
    model: median(model),
    analyze: median(analyze),
    full: median(full),
    fullWall: median(fullWall),
  };
}

const fmt = (ms: number) => (ms < 10 ? ms.toFixed(2) : ms < 100 ? ms.toFixed(1) : ms.toFixed(0));

export function formatAnalysisTable(rows: AnalysisTiming[]): string {
  const header = ['systems', 'KB', 'findings', 'yaml parse', 'tree', 'model', 'rules', 'full', 'full/parse', 'µs/system', 'full (wall)'];
  const body = rows.map((r) => [
    String(r.systems),
    (r.bytes / 1024).toFixed(0),
    String(r.findings),
    `${fmt(r.yamlParse)} ms`,
    `${fmt(r.tree)} ms`,
    `${fmt(r.model)} ms`,
    `${fmt(r.analyze)} ms`,
    `${fmt(r.full)} ms`,
    `${(r.full / r.yamlParse).toFixed(2)}×${r.full / r.yamlParse <= TARGET_RATIO ? '' : ' !'}`,
    ((r.full * 1000) / r.systems).toFixed(0),
    `${fmt(r.fullWall)} ms`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

export function benchAnalysis(): AnalysisTiming[] {
  const library = loadLibrary({ builtInPath: builtInCasesPath(), extraPaths: [] });
  if (library.cases.size === 0) throw new Error(`no cases loaded from ${builtInCasesPath()}`);
  const settings: AnalysisSettings = { locale: 'zh-CN', rules: {}, today: '2026-01-01' };
  const rows: AnalysisTiming[] = [];
  for (const size of ANALYSIS_SIZES) rows.push(timeAnalysis(size, library, settings));
  console.log(
    `analysis: median CPU time; "full" = parseYamlTree + buildModel + analyzeProposal (${library.cases.size} cases, every rule); target full/parse ≤ ${TARGET_RATIO}×`,
  );
  console.log(formatAnalysisTable(rows));
  const over = rows.filter((r) => r.full / r.yamlParse > TARGET_RATIO);
  if (over.length > 0)
    console.log(
      `  ! above ${TARGET_RATIO}× at ${over.map((r) => r.systems).join(', ')} systems (profile with: node --cpu-prof dist/bench.js)`,
    );
  return rows;
}

// Run directly (`npx tsx bench/analysis.ts`) as well as from bench/main.ts. Inside the
// dist/bench.js bundle every module shares one `module`, so check the file name too.
if (require.main === module && /analysis\.ts$/.test(__filename)) benchAnalysis();
