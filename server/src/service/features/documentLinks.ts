/**
 * Links in comments: a case id (`# see mybank`) opens the case; a pattern id
 * (`# two-regions-three-dcs`) searches the cases that show it.
 */
import type { DocumentLink } from 'vscode-languageserver-types';
import type { FeatureContext } from '../featureContext';
import { pick } from '../locale';
import { commandUri, OPEN_CASE, patternName, SEARCH_CASES } from './labels';
import { termIndex } from './terms';

export function findDocumentLinks(context: FeatureContext): DocumentLink[] {
  const { model } = context.proposal;
  const { library, settings } = context;
  const locale = settings.locale;
  const terms = termIndex(library);
  const links: DocumentLink[] = [];
  for (const comment of model.tree.comments) {
    for (const match of terms.all(comment.text)) {
      const { term } = match;
      const written = comment.text.slice(match.start, match.end);
      // Only ids are links (a name is hovered instead): the written form must be the id itself.
      if (written !== term.id || term.kind === 'product') continue;
      const start = comment.character + 1 + match.start;
      const range = { start: { line: comment.line, character: start }, end: { line: comment.line, character: start + written.length } };
      if (term.kind === 'case') {
        const record = library.cases.get(term.id);
        const name = record ? pick(record.customer, locale) : term.id;
        links.push({
          range,
          target: commandUri(OPEN_CASE, [term.id]),
          tooltip: locale === 'zh-CN' ? `打开案例：${name}` : `Open case: ${name}`,
        });
      } else {
        const name = patternName(library, term.id, locale);
        links.push({
          range,
          target: commandUri(SEARCH_CASES, [term.id]),
          tooltip: locale === 'zh-CN' ? `查找采用“${name}”的案例` : `Find cases showing ${name}`,
        });
      }
    }
  }
  return links;
}
