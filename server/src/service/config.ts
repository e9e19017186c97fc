/**
 * `.casebook.yaml`, the workspace's Casebook settings, shared by the CLI and
 * the language server:
 *
 *   locale: zh-CN                 # zh-CN | en (CLI output, server messages)
 *   rules:                        # severity per rule id: off | hint | info | warning | error
 *     tier1-two-regions-three-dcs: error
 *     waiver-unused: off
 *   cases:                        # extra case folders, relative to this file
 *     - ./enterprise-cases
 *   regulations:                  # extra regulation folders (行内规范, 集团标准), likewise
 *     - ./bank-standards
 *   allowCasesOutsideWorkspace: true   # opt in to `cases:` outside this file's folder (../shared, /srv/cases)
 *
 * Pure: text in, settings and located problems out. A problem in one entry
 * never discards the others.
 */
import { suggest } from './suggest';
import type { Range } from 'vscode-languageserver-types';
import { ALL_RULES } from './analyze';
import type { Locale, Localized } from './locale';
import { SEVERITIES, type SeveritySetting } from './types';
import { parseYamlTree } from './yamlTree';
import type { YNode } from './yamlNodes';

export interface CasebookConfig {
  rules: Record<string, SeveritySetting>;
  /** Extra case folders as written (relative to the config file, or absolute). */
  cases: string[];
  /** Extra regulation folders as written (relative to the config file, or absolute); absent when none. */
  regulations?: string[];
  /** `cases:` may name folders outside the config file's folder: an explicit opt-in, off by default. */
  allowCasesOutsideWorkspace?: boolean;
  locale?: Locale;
}

export interface ConfigProblem {
  file: string;
  range: Range;
  severity: 'error' | 'warning';
  message: Localized;
}

export interface ParsedConfig {
  config: CasebookConfig;
  /** Where each entry of `config.cases` is written (to locate "folder not found"). */
  caseRanges: Range[];
  /** Where each entry of `config.regulations` is written. */
  regulationRanges: Range[];
  problems: ConfigProblem[];
}

const KEYS = ['rules', 'cases', 'regulations', 'allowCasesOutsideWorkspace', 'locale'] as const;

export interface ConfigOptions {
  /** Rule ids the `rules` map may name; every rule of the engine by default. */
  knownRules?: ReadonlySet<string>;
}

export function parseConfig(text: string, file: string, options: ConfigOptions = {}): ParsedConfig {
  const config: CasebookConfig = { rules: {}, cases: [] };
  const caseRanges: Range[] = [];
  const regulationRanges: Range[] = [];
  const problems: ConfigProblem[] = [];
  const problem = (range: Range, message: Localized, severity: ConfigProblem['severity'] = 'error') =>
    problems.push({ file, range, severity, message });
  const known = options.knownRules ?? new Set(ALL_RULES.map((r) => r.id));

  const tree = parseYamlTree(text);
  for (const p of tree.problems) problem(p.range, p.message);
  const root = tree.root;
  if (!root) return { config, caseRanges, regulationRanges, problems };
  if (root.kind !== 'map') {
    problem(root.range, {
      zh: '.casebook.yaml 的顶层必须是映射（rules、cases、locale）。',
      en: 'The top level of .casebook.yaml must be a map (rules, cases, locale).',
    });
    return { config, caseRanges, regulationRanges, problems };
  }

  for (const entry of root.entries) {
    const value = entry.value;
    switch (entry.key) {
      case 'locale': {
        const locale = readLocale(value);
        if (locale) config.locale = locale;
        else
          problem(value.range, {
            zh: `locale 必须是 zh-CN 或 en，而不是 ${show(value)}。`,
            en: `locale must be zh-CN or en, not ${show(value)}.`,
          });
        break;
      }
      case 'rules': {
        if (isEmpty(value)) break;
        if (value.kind !== 'map') {
          problem(value.range, { zh: 'rules 必须是“规则 ID: 级别”的映射。', en: 'rules must be a map of rule id: severity.' });
          break;
        }
        for (const rule of value.entries) {
          if (!known.has(rule.key)) {
            const near = suggest(rule.key, known);
            problem(rule.keyRange, {
              zh: `未知规则“${rule.key}”。${near ? `是否是 ${near}？` : '规则列表见 docs/rules.md。'}`,
              en: `Unknown rule “${rule.key}”.${near ? ` Did you mean ${near}?` : ' The rules are listed in docs/rules.md.'}`,
            });
            continue;
          }
          const severity = readSeverity(rule.value);
          if (severity) config.rules[rule.key] = severity;
          else
            problem(rule.value.range, {
              zh: `规则 ${rule.key} 的级别 ${show(rule.value)} 无效，应为 ${SEVERITIES.join(' | ')}。`,
              en: `Invalid severity ${show(rule.value)} for ${rule.key}; use ${SEVERITIES.join(' | ')}.`,
            });
        }
        break;
      }
      case 'cases': {
        if (isEmpty(value)) break;
        const items = value.kind === 'seq' ? value.items : [value];
        for (const item of items) {
          if (item.kind === 'scalar' && typeof item.value === 'string' && item.value.trim()) {
            config.cases.push(item.value.trim());
            caseRanges.push(item.range);
          } else
            problem(item.range, {
              zh: 'cases 的每一项必须是案例文件夹路径（相对于 .casebook.yaml）。',
              en: 'Each entry of cases must be a case folder path (relative to .casebook.yaml).',
            });
        }
        break;
      }
      case 'regulations': {
        if (isEmpty(value)) break;
        const items = value.kind === 'seq' ? value.items : [value];
        for (const item of items) {
          if (item.kind === 'scalar' && typeof item.value === 'string' && item.value.trim()) {
            (config.regulations ??= []).push(item.value.trim());
            regulationRanges.push(item.range);
          } else
            problem(item.range, {
              zh: 'regulations 的每一项必须是法规文件夹路径（相对于 .casebook.yaml）。',
              en: 'Each entry of regulations must be a regulation folder path (relative to .casebook.yaml).',
            });
        }
        break;
      }
      case 'allowCasesOutsideWorkspace': {
        if (value.kind === 'scalar' && typeof value.value === 'boolean') config.allowCasesOutsideWorkspace = value.value;
        else
          problem(value.range, {
            zh: `allowCasesOutsideWorkspace 应为 true 或 false，而不是 ${show(value)}。`,
            en: `allowCasesOutsideWorkspace takes true or false, not ${show(value)}.`,
          });
        break;
      }
      default: {
        const near = suggest(entry.key, KEYS);
        problem(
          entry.keyRange,
          {
            zh: `未知配置项“${entry.key}”，已忽略。${near ? `是否是 ${near}？` : `可用的配置项：${KEYS.join('、')}。`}`,
            en: `Unknown setting “${entry.key}”, ignored.${near ? ` Did you mean ${near}?` : ` The settings are ${KEYS.join(', ')}.`}`,
          },
          'warning',
        );
      }
    }
  }
  return { config, caseRanges, regulationRanges, problems };
}

const isEmpty = (node: YNode) => node.kind === 'scalar' && node.value === null;

function readLocale(node: YNode): Locale | undefined {
  if (node.kind !== 'scalar' || typeof node.value !== 'string') return undefined;
  const v = node.value.trim().toLowerCase();
  if (v === 'zh' || v === 'zh-cn' || v === 'zh_cn' || v === 'zh-hans') return 'zh-CN';
  if (v === 'en' || v.startsWith('en-') || v.startsWith('en_')) return 'en';
  return undefined;
}

function readSeverity(node: YNode): SeveritySetting | undefined {
  if (node.kind !== 'scalar') return undefined;
  // YAML 1.1 readers turn `off` into false; accept it so either habit works.
  if (node.value === false) return 'off';
  if (typeof node.value !== 'string') return undefined;
  const v = node.value.trim().toLowerCase();
  return (SEVERITIES as readonly string[]).includes(v) ? (v as SeveritySetting) : undefined;
}

function show(node: YNode): string {
  if (node.kind === 'scalar') return JSON.stringify(node.value);
  return node.kind === 'map' ? '{…}' : '[…]';
}
