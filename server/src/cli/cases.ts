/**
 * `casebook cases search|show|list`: the case library from a terminal, with
 * the same search (pinyin, initials, aliases) as the editor's case picker.
 */
import path from 'node:path';
import { sourceDocument } from '../service/caseViews';
import { industryLabel } from '../service/vocabulary';
import { figurePhrase, KIND_LABELS, productName } from '../service/library/figures';
import type { LibraryService } from '../service/languageService';
import { pick, type Locale } from '../service/locale';
import type { CaseLibrary, CaseRecord, EvidenceKind } from '../service/types';
import { terminalSafeLines } from './text';

export interface SearchJson {
  results: { id: string; title: string; score: number }[];
}

export function searchCases(library: LibraryService, query: string, limit: number, locale: Locale): SearchJson {
  const { results } = library.search(query, { limit, locale });
  return { results: results.map((r) => ({ id: r.id, title: r.title, score: r.score })) };
}

export function formatSearchText(found: SearchJson, query: string, locale: Locale): string {
  if (found.results.length === 0) return locale === 'zh-CN' ? `没有与“${query}”匹配的案例。\n` : `No cases match “${query}”.\n`;
  const width = Math.max(...found.results.map((r) => r.id.length));
  return terminalSafeLines(found.results.map((r) => `${r.id.padEnd(width)}  ${r.title}`).join('\n') + '\n');
}

/** One line per case: id, industry, customer and title. */
export function formatCaseList(library: CaseLibrary, locale: Locale): string {
  const cases = [...library.cases.values()].sort((a, b) => Number(b.builtIn) - Number(a.builtIn) || a.id.localeCompare(b.id));
  if (cases.length === 0) return locale === 'zh-CN' ? '案例库为空。\n' : 'The case library is empty.\n';
  const width = Math.max(...cases.map((c) => c.id.length));
  const industryWidth = Math.max(...cases.map((c) => displayWidth(industry(c, locale))));
  const lines = cases.map((c) => {
    const ind = industry(c, locale);
    const enterprise = c.builtIn ? '' : locale === 'zh-CN' ? ' [企业案例]' : ' [enterprise]';
    return `${c.id.padEnd(width)}  ${ind}${' '.repeat(industryWidth - displayWidth(ind))}  ${pick(c.customer, locale)} — ${pick(c.title, locale)}${enterprise}`;
  });
  return terminalSafeLines(lines.join('\n') + '\n');
}

/** A case as a reader wants it: who, what hurt, what they did, the figures, the patterns and products. */
export function formatCase(library: CaseLibrary, record: CaseRecord, locale: Locale, cwd: string): string {
  const zh = locale === 'zh-CN';
  const L = (z: string, e: string) => (zh ? `${z}：` : `${e}: `);
  const out: string[] = [];
  out.push(`${pick(record.customer, locale)}  (${record.id})`);
  out.push(pick(record.title, locale));
  out.push('');
  const facts = [`${L('行业', 'Industry')}${industry(record, locale)}`];
  if (record.year) facts.push(`${L('年份', 'Year')}${record.year}`);
  if (record.aliases.length) facts.push(`${L('别名', 'Also known as')}${record.aliases.join(zh ? '、' : ', ')}`);
  if (!record.builtIn) facts.push(zh ? '企业案例' : 'Enterprise case');
  out.push(facts.join('   '));
  out.push('', L('挑战', 'Challenge').trimEnd(), indent(pick(record.challenge, locale)));
  out.push('', L('方案', 'Solution').trimEnd(), indent(pick(record.solution, locale)));
  // Each claim with its kind and the source sentence it rests on, so a reader can check it (issue 10).
  const claim = (kind: EvidenceKind | undefined, seedSentence: string | undefined, lines: string[]) => {
    const [head] = lines;
    if (kind && kind !== 'result' && head !== undefined) lines[0] = head.replace(/^ {2}- /, `  - [${pick(KIND_LABELS[kind], locale)}] `);
    if (seedSentence) lines.push(`    ${L('原文', 'Source sentence')}${seedSentence}`);
    else if (!record.builtIn) lines.push(`    ${zh ? '（未附原文）' : '(no source sentence)'}`);
    out.push(...lines);
  };
  if (record.outcomes.length) {
    out.push('', L('成效', 'Outcomes').trimEnd());
    for (const o of record.outcomes) claim(o.kind, o.seedSentence, [`  - ${pick(figurePhrase(o), locale)}`]);
  }
  if (record.patterns.length) {
    out.push('', L('模式', 'Patterns').trimEnd());
    for (const p of record.patterns) {
      const name = library.patterns.get(p.pattern)?.name;
      claim(p.kind, p.seedSentence, [
        `  - ${name ? `${pick(name, locale)} (${p.pattern})` : p.pattern}${zh ? '：' : ': '}${pick(p.evidence, locale)}`,
      ]);
    }
  }
  if (record.products.length) {
    out.push('', L('产品', 'Products').trimEnd());
    for (const id of record.products) {
      const product = library.products.get(id);
      out.push(`  - ${product ? productName(product, locale) : id}`);
    }
  }
  if (record.topology) {
    out.push('', `${L('参考拓扑', 'Reference topology')}${path.relative(cwd, record.topology.file) || record.topology.file}`);
    if (record.illustrative) out.push(`  ${pick(record.illustrative, locale)}`);
  }
  out.push('', `${L('依据', 'Evidence from')}${sourceDocument(record, locale)}`);
  const file = path.relative(cwd, record.source.file) || record.source.file;
  out.push('', `${L('来源', 'Source')}${file.startsWith('..') ? record.source.file : file}:${record.source.range.start.line + 1}`);
  return terminalSafeLines(out.join('\n') + '\n');
}

function industry(record: CaseRecord, locale: Locale): string {
  return industryLabel(record.industry, locale);
}

function indent(text: string): string {
  return text
    .trim()
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n');
}

/** Terminal columns: CJK characters take two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text)
    width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return width;
}
