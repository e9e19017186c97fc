/**
 * Hover: what a word means to an architect, as an ordered list of sources
 * (hover/*.ts), one per kind of thing under the pointer. The first source that
 * answers wins; a source answering `null` stops the chain with no hover. All
 * Markdown, in the settings' locale.
 *
 * A new hover is a source in hover/ (a `HoverSource`, with its unit test) placed in `HOVER_SOURCES` before
 * the sources it must win over.
 */
import type { Hover, Position } from 'vscode-languageserver-types';
import type { FeatureContext } from '../featureContext';
import { hoverAt, type HoverSource } from './hover/at';
import { idHover } from './hover/ids';
import { keyDocHover, outsideKeyHover } from './hover/keys';
import { tierKeyHover, tierValueHover } from './hover/tier';
import { enumItemHover, enumValueHover } from './hover/values';
import { libraryWordHover, regulationWordHover } from './hover/words';

export const HOVER_SOURCES: readonly { name: string; hover: HoverSource }[] = [
  // A site or system id, declared or referenced: where it runs, what depends on it.
  { name: 'id', hover: idHover },
  // Words from the libraries win inside values and comments: `# 参考网商银行` or `name: 两地三中心改造`.
  { name: 'regulation', hover: regulationWordHover },
  { name: 'library word', hover: libraryWordHover },
  // On a key: nothing in its indentation; `tier` explains the tier; any other key its schema documentation.
  { name: 'outside key', hover: outsideKeyHover },
  { name: 'tier key', hover: tierKeyHover },
  { name: 'key doc', hover: keyDocHover },
  // A value: `tier: 1` explains the tier; an enum value or list item explains itself.
  { name: 'tier value', hover: tierValueHover },
  { name: 'enum value', hover: enumValueHover },
  { name: 'enum item', hover: enumItemHover },
];

export function doHover(context: FeatureContext, position: Position): Hover | null {
  const at = hoverAt(context, position);
  if (!at) return null;
  for (const { hover } of HOVER_SOURCES) {
    const answer = hover(at);
    if (answer !== undefined) return answer;
  }
  return null;
}
