/**
 * A first check at start-up, on a small proposal made up here, so that the
 * user's first file meets compiled code: V8 runs a function interpreted until
 * it is hot, and on a fresh server the first 1,000-system file paid ~20% more
 * for that. The proposal touches what the rules read (every tier, kind,
 * architecture, database, integration, runtime, release and cloud choice,
 * sites in several cities, dependencies, data domains, waivers); nothing it
 * produces is kept or published.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { LanguageService } from '../service/languageService';
import type { AnalysisSettings } from '../service/types';

const URI = 'casebook-warm-up:/proposal.arch.yaml';
const SYSTEMS = 24;

export function warmUp(service: LanguageService, settings: AnalysisSettings): void {
  const text = warmUpProposal();
  const document = TextDocument.create(URI, 'yaml', 1, text);
  try {
    service.doValidation(document, settings);
    // Hover and completion on an id, a tier and a dependency list.
    for (const needle of ['  - id: app-3', '    tier: ', '    dependsOn: [app-']) {
      const position = document.positionAt(text.indexOf(needle) + needle.length);
      service.doHover(document, position, settings);
      service.doComplete(document, position, settings);
    }
  } finally {
    service.closeDocument(URI);
  }
}

export function warmUpProposal(): string {
  const pick = <T>(list: readonly T[], i: number): T => list[i % list.length]!;
  const lines = [
    'casebook: proposal/v1',
    'name: warm-up',
    'customer: warm-up',
    'industry: rural-credit',
    'compliance:',
    '  mlps: 3',
    'sites:',
  ];
  const cities = ['成都', '成都', '重庆', '杭州', '上海'];
  const roles = ['primary', 'hot-standby', 'cold-standby', 'active', 'active'];
  cities.forEach((city, i) => lines.push(`  - id: dc-${i}`, `    city: ${city}`, `    role: ${roles[i]}`, '    platform: vm'));
  lines.push(
    'zones: [dev-test, dmz, intranet]',
    'links:',
    '  - { from: dc-0, to: dc-1, mode: sync }',
    '  - { from: dc-0, to: dc-2, mode: async }',
    'systems:',
  );
  for (let i = 0; i < SYSTEMS; i++) {
    lines.push(
      `  - id: app-${i}`,
      `    name: 系统 ${i}`,
      ...(i === 3 ? ['    # casebook-ignore tier1-two-regions-three-dcs: 试点系统'] : []),
      `    tier: ${(i % 3) + 1}`,
      `    kind: ${pick(['online', 'batch', 'analytics', 'risk-control', 'channel'], i)}`,
      `    availability: ${pick(['99.99', '99.9', '99.5'], i)}`,
      `    rto: ${pick(['0', '30m', '4h', '1d'], i)}`,
      `    rpo: ${pick(['0', '15m', '1h'], i)}`,
      '    load:',
      `      peakTps: ${pick([50, 3000, 20000], i)}`,
      `      dailyTransactions: ${pick([10000, 2000000, 90000000], i)}`,
      `      averageDailyTransactions: ${pick([5000, 800000, 10000000], i)}`,
      `    architecture: ${pick(['monolith', 'microservices', 'unitized'], i)}`,
      '    database:',
      `      engine: ${pick(['oracle', 'oceanbase', 'mysql', 'db2'], i)}`,
      `      mode: ${pick(['centralized', 'distributed'], i)}`,
      `    transactions: ${pick(['local', 'xa', 'saga', 'tcc', 'none'], i)}`,
      `    integration: ${pick(['esb', 'rpc', 'service-mesh', 'mq'], i)}`,
      `    runtime: ${pick(['vm', 'container', 'physical', 'mainframe'], i)}`,
      `    release: ${pick(['downtime', 'rolling', 'gray', 'blue-green'], i)}`,
      `    observability: ${pick(['[metrics, logs]', '[metrics, logs, tracing]', '[logs]'], i)}`,
      `    cloud: ${pick(['on-prem', 'private', 'public', 'hybrid'], i)}`,
      `    sensitive: ${i % 2 === 0}`,
      `    data: [${pick(['customer', 'account', 'loan'], i)}]`,
      `    sites: [${[0, 1, 2]
        .slice(0, (i % 3) + 1)
        .map((k) => `dc-${(i + k) % cities.length}`)
        .join(', ')}]`,
      ...(i > 0 ? [`    dependsOn: [app-${(i * 7) % i}]`] : []),
    );
  }
  return `${lines.join('\n')}\n`;
}
