/**
 * `casebook simulate <file> [--lose <site|city|region>] [--format text|json]`:
 * the failure-scenario table the rules judge by. For each loss (or the one
 * named), every system it touches: survives, degraded or down, who takes
 * over, how fast, and how much data the takeover copy lacks.
 */
import { getLanguageService } from '../service/languageService';
import { pick, type Locale, type Localized } from '../service/locale';
import { STATUS_LABELS, type ScopeScenario } from '../service/scenarioText';
import type { CaseLibrary } from '../service/types';
import { readProposal } from './proposalFile';
import { TIER_LABELS } from '../service/features/labels';
import { terminalSafe, type Style } from './text';

export type SimulateResult = { table: ScopeScenario[] } | { error: Localized; usage?: boolean };

/** The scenario table reads the proposal alone. */
const NO_LIBRARY: CaseLibrary = { cases: new Map(), patterns: new Map(), products: new Map(), problems: [] };

export function simulateFile(file: string, lose: string | undefined): SimulateResult {
  const service = getLanguageService({ library: () => NO_LIBRARY });
  const read = readProposal(service, file, { requireSoundYaml: true });
  if ('error' in read) return read;
  const { scopes, table } = service.scenarios(read.document, lose);
  if (lose !== undefined && table.length === 0) {
    const known = scopes.map((s) => s.label);
    return {
      usage: true,
      error: {
        zh: `方案中没有名为「${lose}」的机房、城市或区域。可选：${known.join('、') || '（没有站点）'}`,
        en: `No site, city or region called "${lose}" in the proposal. Choose from: ${known.join(', ') || '(no sites)'}`,
      },
    };
  }
  return { table };
}

export function formatSimulateText(table: readonly ScopeScenario[], locale: Locale, style: Style): string {
  const t = (zh: string, en: string) => (locale === 'zh-CN' ? zh : en);
  if (table.length === 0)
    return t('方案没有声明站点：没有可模拟的故障。\n', 'The proposal declares no sites: there is no loss to simulate.\n');
  const out: string[] = [];
  // Ids, names and cities come from the file: escape control characters before styling them.
  const safe = terminalSafe;
  for (const scope of table) {
    const name = safe(pick(scope.name, locale));
    const ids = scope.sites.map(safe);
    const sites = scope.kind === 'site' ? '' : t(`（${ids.join('、')}）`, ` (${ids.join(', ')})`);
    out.push(style.bold(t(`失去${name}${sites}`, `Lose ${name}${sites}`)));
    const width = Math.max(0, ...scope.systems.map((s) => safe(s.id).length));
    for (const system of scope.systems) {
      const tier = system.tier !== undefined && TIER_LABELS[system.tier] ? ` [${pick(TIER_LABELS[system.tier]!, locale)}]` : '';
      const text = safe(pick(system.text, locale));
      const mark = system.breaksTier ? t('  ← 不满足分级要求', '  ← breaks its tier') : '';
      const coloured =
        system.status === 'down' ? style.severity('error', text) : system.status === 'degraded' ? style.severity('warning', text) : text;
      out.push(
        `  ${safe(system.id).padEnd(width)}  ${coloured}${style.dim(`${system.name ? ` · ${safe(system.name)}` : ''}${tier}`)}${mark}`,
      );
    }
    if (scope.unaffected > 0)
      out.push(
        style.dim(
          t(
            `  其余 ${scope.unaffected} 个系统${STATUS_LABELS.unaffected.zh}`,
            `  ${scope.unaffected} other system${scope.unaffected === 1 ? '' : 's'} ${STATUS_LABELS.unaffected.en}`,
          ),
        ),
      );
    out.push('');
  }
  return out.join('\n');
}

export function formatSimulateJson(file: string, table: readonly ScopeScenario[], locale: Locale): string {
  const scopes = table.map((scope) => ({
    kind: scope.kind,
    key: scope.key,
    label: scope.label,
    sites: scope.sites,
    unaffected: scope.unaffected,
    systems: scope.systems.map((s) => ({ ...s, text: pick(s.text, locale) })),
  }));
  return JSON.stringify({ file, scopes }, null, 2) + '\n';
}
