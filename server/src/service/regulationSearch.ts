/**
 * Clauses in *Search Cases* results (issue 11): a query matches a clause by
 * its ref, article, document number, title or aliases, its summary (both
 * languages) and its quoted Chinese text. The case index (search.ts) ranks
 * cases, patterns and products; this module only adds clauses, which the
 * request handler merges after them. Pure.
 */
import type { SearchResult } from '../../../shared/src/protocol';
import { pick, type Locale } from './locale';
import { articleInEnglish, clauseTitle } from './regulations';
import { compact, MAX_QUERY_LENGTH } from './search/normalize';
import type { RegulationLibrary } from './types';

/**
 * Clauses matching every term of the query (terms split on spaces), best
 * first: a match on the ref, article or document name scores above one in
 * the summary, which scores above one in the quoted text. Text is compared
 * as the case index compares it (search/normalize.ts `compact`): full width,
 * case, spaces and punctuation do not matter, so 〔2010〕 = [2010] = 2010.
 * A query longer than the case index takes is pasted text: nothing.
 */
export function searchClauses(library: RegulationLibrary | undefined, query: string, locale: Locale, limit = 20): SearchResult[] {
  if (!library) return [];
  if (query.length > MAX_QUERY_LENGTH) return [];
  const terms = query.split(/\s+/).map(compact).filter(Boolean);
  if (terms.length === 0) return [];
  const scored: { result: SearchResult; score: number }[] = [];
  for (const clause of library.clauses.values()) {
    const doc = library.documents.get(clause.docId);
    if (!doc) continue;
    const name = compact(
      [clause.ref, clause.article, articleInEnglish(clause.article), doc.number, doc.title.zh, doc.title.en, ...doc.aliases].join('|'),
    );
    const summary = compact(`${clause.summary.zh}|${clause.summary.en}`);
    const text = compact(clause.text);
    let score = 0;
    for (const term of terms) {
      const s = name.includes(term) ? 3 : summary.includes(term) ? 2 : text.includes(term) ? 1 : 0;
      if (s === 0) {
        score = 0;
        break;
      }
      score += s;
    }
    if (score === 0) continue;
    scored.push({
      score: score + (clause.verified ? 0.5 : 0),
      result: {
        id: clause.ref,
        title: pick(clauseTitle(library, clause), locale),
        score,
        kind: 'clause',
        detail: pick(clause.summary, locale),
      },
    });
  }
  return scored
    .sort((a, b) => b.score - a.score || a.result.id.localeCompare(b.result.id))
    .slice(0, limit)
    .map((s) => s.result);
}
