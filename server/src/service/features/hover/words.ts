/**
 * Words from the libraries inside values and comments (`# 参考网商银行`,
 * `name: 两地三中心改造`): a regulation's number or name (its clauses, see
 * ../regulationHover.ts), then a pattern, customer or product (its record).
 */
import { t, listOf, pick, type Locale, type Localized } from '../../locale';
import { keyFigures } from '../../caseViews';
import { productName } from '../../library/figures';
import type { CaseLibrary } from '../../types';
import { colon, commandUri, industryLabel, md, OPEN_CASE, patternName } from '../labels';
import { regulationHover } from '../regulationHover';
import { termIndex, type TermMatch } from '../terms';
import { lineRange, markdown, type HoverSource } from './at';
import { caseFigure, caseLink, heading } from './text';

/** A regulation named in a value or a comment. */
export const regulationWordHover: HoverSource = ({ cursor, library, lineText, position, locale }) => {
  if (cursor.place === 'key') return undefined;
  const regulation = regulationHover(library, lineText, position.character, locale);
  return regulation ? markdown(regulation.text, lineRange(position.line, regulation.start, regulation.end)) : undefined;
};

/** A pattern, customer or product named in a value or a comment; a term without a record passes. */
export const libraryWordHover: HoverSource = ({ cursor, library, lineText, position, locale }) => {
  if (cursor.place === 'key') return undefined;
  const match = termIndex(library).at(lineText, position.character);
  if (!match) return undefined;
  const text = termHover(library, match, locale);
  return text ? markdown(text, lineRange(position.line, match.start, match.end)) : undefined;
};

function termHover(library: CaseLibrary, match: TermMatch, locale: Locale): string | undefined {
  const { term } = match;
  if (term.kind === 'pattern') return patternHover(library, term.id, locale);
  if (term.kind === 'case') return caseHover(library, term.id, locale);
  return productHover(library, term.id, locale);
}

function patternHover(library: CaseLibrary, id: string, locale: Locale): string | undefined {
  const pattern = library.patterns.get(id);
  if (!pattern) return undefined;
  const other: Localized = pattern.name;
  const lines = [
    `### ${md(pick(other, locale))}${pick(other, locale) !== pick(other, locale === 'zh-CN' ? 'en' : 'zh-CN') ? ` · ${md(pick(other, locale === 'zh-CN' ? 'en' : 'zh-CN'))}` : ''}`,
    '',
    md(pick(pattern.summary, locale)),
  ];
  lines.push('', `${t(locale, '**适用**', '**When to apply**')}${colon(locale)}${md(pick(pattern.whenToApply, locale))}`);
  lines.push('', `${t(locale, '**代价**', '**Cost**')}${colon(locale)}${md(pick(pattern.cost, locale))}`);
  if (pattern.cases.length > 0) {
    lines.push('', `${t(locale, '**案例**', '**Cases**')}${heading(locale)}`);
    for (const caseId of pattern.cases)
      lines.push(`- ${caseLink(library, caseId, locale)}${caseFigure(library, caseId, locale, pattern.id)}`);
  }
  lines.push('', `\`${pattern.id}\``);
  return lines.join('\n');
}

function caseHover(library: CaseLibrary, id: string, locale: Locale): string | undefined {
  const record = library.cases.get(id);
  if (!record) return undefined;
  const lines = [`### ${md(pick(record.customer, locale))} · ${md(pick(record.title, locale))}`, ''];
  lines.push([industryLabel(record.industry, locale), ...(record.year ? [String(record.year)] : [])].join(' · '));
  if (record.outcomes.length > 0) {
    // Labelled phrases, results first: a goal or a testimonial never reads as a measured result.
    lines.push('', `${t(locale, '**关键数据**', '**Key figures**')}${heading(locale)}`);
    for (const figure of keyFigures(record, locale)) lines.push(`- ${md(figure)}`);
  }
  if (record.patterns.length > 0) {
    lines.push(
      '',
      `${t(locale, '**架构模式**', '**Patterns**')}${colon(locale)}${listOf(
        record.patterns.map((p) => md(patternName(library, p.pattern, locale))),
        locale,
      )}`,
    );
  }
  if (record.products.length > 0) {
    lines.push(
      '',
      `${t(locale, '**产品**', '**Products**')}${colon(locale)}${listOf(
        record.products.map((productId) => {
          const product = library.products.get(productId);
          return md(product ? productName(product, locale) : productId);
        }),
        locale,
      )}`,
    );
  }
  if (record.topology && record.illustrative) {
    lines.push('', `${t(locale, '**参考拓扑**', '**Reference topology**')}${colon(locale)}${md(pick(record.illustrative, locale))}`);
  }
  if (!record.builtIn)
    lines.push(
      '',
      t(locale, '_企业案例：依据来自企业自己的资料。_', "_Enterprise case: the evidence comes from the enterprise's own documents._"),
    );
  lines.push('', `[${t(locale, '打开案例', 'Open case')}](${commandUri(OPEN_CASE, [record.id])})`);
  return lines.join('\n');
}

function productHover(library: CaseLibrary, id: string, locale: Locale): string | undefined {
  const product = library.products.get(id);
  if (!product) return undefined;
  const users = [...library.cases.values()].filter((c) => c.products.includes(product.id)).map((c) => c.id);
  const lines = [`### ${md(productName(product, locale))}`, '', md(pick(product.description, locale))];
  if (users.length > 0)
    lines.push(
      '',
      `${t(locale, '**使用它的客户**', '**Customers using it**')}${colon(locale)}${listOf(
        users.map((caseId) => caseLink(library, caseId, locale)),
        locale,
      )}`,
    );
  return lines.join('\n');
}
