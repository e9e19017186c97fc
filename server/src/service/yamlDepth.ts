/**
 * How deep a YAML text nests, measured before the `yaml` parser sees it: the
 * parser recurses per level and overflows the stack at about 800 (fewer on a
 * smaller stack, so not even deterministically), long before the tree
 * converter's own limit of 64 applies. One linear pass over the text counts
 * block levels (indentation, `- ` and `? ` markers) and flow levels (`[`, `{`),
 * skipping comments, quoted scalars and block scalars' content. It errs on the
 * side of counting more (a plain scalar with brackets), which is why its limit
 * is well above the converter's and well below the overflow.
 */

/** Deeper than this, the text is not handed to the parser. */
export const MAX_PARSE_DEPTH = 128;

/** The offset where the nesting first exceeds `limit`, or undefined when it never does. */
export function tooDeepAt(text: string, limit = MAX_PARSE_DEPTH): number | undefined {
  const indents: number[] = []; // open block levels, by the column their content starts at
  let flow = 0;
  let blockScalarIndent = -1; // the parent's indentation while inside a block scalar's content
  let at = 0;
  while (at <= text.length) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    let i = at;
    while (i < end && text.charCodeAt(i) === SPACE) i++;
    const indent = i - at;
    const blank = i >= end || text.charCodeAt(i) === CR || (text.charCodeAt(i) === HASH && flow === 0);
    if (blockScalarIndent >= 0) {
      if (blank || indent > blockScalarIndent) {
        at = end + 1;
        continue;
      }
      blockScalarIndent = -1;
    }
    if (blank) {
      at = end + 1;
      continue;
    }
    if (flow === 0) {
      while (indents.length > 0 && indents[indents.length - 1]! >= indent) indents.pop();
      indents.push(indent);
      // Compact nesting on one line: `- - - x`, `? - x`.
      while (i + 1 < end && (text.charCodeAt(i) === DASH || text.charCodeAt(i) === QUESTION) && isSpace(text.charCodeAt(i + 1))) {
        i += 2;
        while (i < end && text.charCodeAt(i) === SPACE) i++;
        indents.push(i - at);
        if (indents.length > limit) return i;
      }
      if (indents.length > limit) return i;
    }
    // The rest of the line: flow brackets, quotes, a comment, a block scalar indicator.
    let previous = SPACE;
    for (; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === HASH && isSpace(previous)) break;
      if ((c === QUOTE || c === DQUOTE) && startsToken(previous)) {
        i = closingQuote(text, i, c);
        previous = c;
        continue;
      }
      if (c === OPEN_SQUARE || c === OPEN_CURLY) {
        flow++;
        if (indents.length + flow > limit) return i;
      } else if ((c === CLOSE_SQUARE || c === CLOSE_CURLY) && flow > 0) flow--;
      previous = c;
    }
    if (flow === 0 && isBlockIndicatorEnd(text, at, i)) blockScalarIndent = indent;
    at = end + 1;
  }
  return undefined;
}

/** `key: |-`, `- >2 # note`: the line's content (up to `end`, where a comment starts) ends in a block scalar indicator with its modifiers. */
function isBlockIndicatorEnd(text: string, start: number, end: number): boolean {
  // Most lines end in a letter, a digit run or a quote: decided without slicing.
  let last = end - 1;
  while (last >= start && isSpace(text.charCodeAt(last))) last--;
  const c = text.charCodeAt(last);
  if (c !== PIPE && c !== GREATER && c !== PLUS && c !== DASH && !(c >= 48 && c <= 57)) return false;
  return /(^|[\s:-])[|>][-+0-9]{0,2}\s*$/.test(text.slice(Math.max(start, last - 8), last + 1));
}

function closingQuote(text: string, open: number, quote: number): number {
  for (let i = open + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quote === DQUOTE && c === BACKSLASH) i++;
    else if (c === quote) {
      if (quote === QUOTE && text.charCodeAt(i + 1) === QUOTE) i++;
      else return i;
    } else if (c === LF) return i - 1; // a quote spanning lines: resume on the next line, counting as plain text
  }
  return text.length;
}

const startsToken = (previous: number): boolean =>
  isSpace(previous) || previous === OPEN_SQUARE || previous === OPEN_CURLY || previous === COMMA || previous === COLON;
const isSpace = (c: number): boolean => c === SPACE || c === TAB || c === CR || c === LF || Number.isNaN(c);

const SPACE = 32;
const TAB = 9;
const CR = 13;
const LF = 10;
const HASH = 35;
const DASH = 45;
const QUESTION = 63;
const QUOTE = 39;
const DQUOTE = 34;
const BACKSLASH = 92;
const OPEN_SQUARE = 91;
const CLOSE_SQUARE = 93;
const OPEN_CURLY = 123;
const CLOSE_CURLY = 125;
const COMMA = 44;
const COLON = 58;
const PIPE = 124;
const GREATER = 62;
const PLUS = 43;
