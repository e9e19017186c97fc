/**
 * For the tests of one hover or completion source: the feature context and
 * position of a text with a `|` cursor, as the chain would give them.
 */
import type { MarkupContent, Position } from 'vscode-languageserver-types';
import type { FeatureContext } from '../../../server/src/service/featureContext';
import { completionAt, type CompletionAt } from '../../../server/src/service/features/completion/at';
import { hoverAt, type HoverAt } from '../../../server/src/service/features/hover/at';
import type { Locale } from '../../../server/src/service/locale';
import type { CaseLibrary } from '../../../server/src/service/types';
import { testLibrary } from '../../fixtures/library';
import { doc, service, settings, withCursor } from './helpers';

export function contextAt(
  marked: string,
  locale: Locale = 'en',
  library: CaseLibrary = testLibrary(),
): { context: FeatureContext; position: Position } {
  const { text, position } = withCursor(marked);
  const document = doc(text);
  const ls = service({ lib: library });
  const s = settings(locale);
  const context: FeatureContext = { document, proposal: ls.parse(document), library, settings: s, analysis: () => ls.analyze(document, s) };
  return { context, position };
}

export function hoverPlace(marked: string, locale: Locale = 'en', library?: CaseLibrary): HoverAt {
  const { context, position } = contextAt(marked, locale, library);
  const at = hoverAt(context, position);
  if (!at) throw new Error(`position ${JSON.stringify(position)} is outside the text`);
  return at;
}

export function completionPlace(marked: string, locale: Locale = 'en', library?: CaseLibrary): CompletionAt {
  const { context, position } = contextAt(marked, locale, library);
  const at = completionAt(context, position);
  if (!at) throw new Error(`position ${JSON.stringify(position)} is outside the text`);
  return at;
}

/** A hover's Markdown. */
export const textOf = (hover: { contents: unknown }): string => (hover.contents as MarkupContent).value;
