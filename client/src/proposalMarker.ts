/**
 * Whether a YAML text declares itself a Casebook proposal. The language
 * contribution's `firstLine` only sees line one; the format also allows the
 * marker as the first key after comments, which this catches.
 */
const MARKER = /^casebook\s*:\s*(["']?)proposal\/v\d+\1\s*(#.*)?$/;
const SKIPPABLE = /^\s*(#.*)?$|^---\s*(#.*)?$|^%/;

/** Lines looked at before giving up: a marker lives in the header. */
const HEADER_LINES = 200;

export function hasProposalMarker(text: string): boolean {
  let start = 0;
  for (let n = 0; n < HEADER_LINES && start <= text.length; n++) {
    const end = text.indexOf('\n', start);
    const line = text
      .slice(start, end < 0 ? text.length : end)
      .replace(/\r$/, '')
      .replace(/^\uFEFF/, '');
    if (!SKIPPABLE.test(line)) return MARKER.test(line);
    if (end < 0) return false;
    start = end + 1;
  }
  return false;
}
