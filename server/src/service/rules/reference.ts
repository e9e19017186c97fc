/**
 * The generated part of docs/rules.md: one section per rule, rendered from
 * the rule's own data (title, description, severity, patterns, cases and the
 * figures it quotes, labelled by their kind) and the case library, so the
 * docs say exactly what the engine does (a unit test compares them).
 */
import { customerName, figure } from '../library/figures';
import type { CaseLibrary } from '../types';
import type { CasebookRule } from './helpers';

export const RULES_BEGIN = '<!-- BEGIN GENERATED: rule reference (npm run docs rewrites it) -->';
export const RULES_END = '<!-- END GENERATED -->';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function patternNames(rule: CasebookRule, library: CaseLibrary): string {
  return rule.patterns
    .map((id) => {
      const p = library.patterns.get(id);
      return p ? `${p.name.zh} / ${p.name.en} (\`${id}\`)` : `\`${id}\``;
    })
    .join('; ');
}

function caseLines(rule: CasebookRule, library: CaseLibrary): string[] {
  if (rule.cases.length === 0) {
    return [
      '- **Cases / 案例**：none. The seed has no customer figure that bears on this check; it cites the pattern only. / 种子文档中没有直接对应的客户数字，只引用模式。',
    ];
  }
  const lines = ['- **Cases / 案例**：'];
  for (const caseId of rule.cases) {
    const name = customerName(library, caseId);
    const quoted = rule.quotes.filter((q) => q.caseId === caseId);
    const figures = quoted.map((q) => {
      const f = figure(library, q.caseId, q.outcomeId);
      return `${f.zh} / ${f.en} (\`${q.outcomeId}\`)`;
    });
    lines.push(
      `  - ${name.zh} / ${name.en} (\`${caseId}\`)${figures.length ? `: ${figures.join('; ')}` : ': cited, no figure quoted / 引用案例，不引用数字'}`,
    );
  }
  return lines;
}

function regulationLines(rule: CasebookRule, library: CaseLibrary): string[] {
  const refs = rule.regulations ?? [];
  if (refs.length === 0) return [];
  const lines = ['- **Regulations / 法规**：'];
  for (const ref of refs) {
    const clause = library.regulations?.clauses.get(ref);
    const doc = clause ? library.regulations?.documents.get(clause.docId) : undefined;
    const name = clause && doc ? `《${doc.title.zh}》（${doc.number}）${clause.article}` : ref;
    const state = clause?.verified ? 'verified / 已核实' : 'unverified: grounds no finding / 未核实，不据此报告';
    lines.push(`  - ${name} (\`${ref}\`): ${state}`);
  }
  return lines;
}

/** The summary table and one section per rule, in catalogue order. */
export function renderRuleReference(rules: readonly CasebookRule[], library: CaseLibrary): string {
  const out: string[] = ['| Rule / 规则 | 标题 / Title | Family | Default |', '|---|---|---|---|'];
  for (const r of rules)
    out.push(`| [${r.id}](#${r.id}) | ${cell(r.title.zh)} / ${cell(r.title.en)} | ${r.family} | ${r.defaultSeverity} |`);
  for (const r of rules) {
    out.push(
      '',
      `## ${r.id}`,
      '',
      `**${r.title.zh} / ${r.title.en}** · ${r.family} · default ${r.defaultSeverity}`,
      '',
      `- **检查**：${cell(r.description.zh)}`,
      `- **Checks**: ${cell(r.description.en)}`,
      `- **Patterns / 模式**：${patternNames(r, library)}`,
      ...caseLines(r, library),
      ...regulationLines(r, library),
    );
  }
  return out.join('\n');
}
