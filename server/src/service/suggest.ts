/**
 * "Did you mean": the closest candidate to a misspelt key, value or id, by
 * optimal-string-alignment distance (a swap of two neighbours counts once, so
 * `tire` is one step from `tier`), case-insensitively.
 */

/** Edit distance with adjacent transpositions, or `limit + 1` as soon as it must exceed `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const n = b.length;
  let prevPrev = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  let current = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let d = Math.min(prev[j]! + 1, current[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        d = Math.min(d, prevPrev[j - 2]! + 1);
      }
      current[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > limit) return limit + 1;
    [prevPrev, prev, current] = [prev, current, prevPrev];
  }
  return prev[n]!;
}

/** How far a word of this length may be from its suggestion. */
function allowedDistance(length: number): number {
  if (length <= 3) return 1;
  if (length <= 6) return 2;
  return 3;
}

/**
 * The candidate the user most likely meant, or undefined when none is close:
 * same word in another case, then a candidate the word is the start of
 * (`avail` → `availability`), then the smallest edit distance (first wins ties).
 */
export function suggest(word: string, candidates: Iterable<string>): string | undefined {
  const lower = word.toLowerCase();
  const limit = allowedDistance(word.length);
  let best: string | undefined;
  let bestScore = Infinity;
  for (const candidate of candidates) {
    if (candidate === word) continue;
    const other = candidate.toLowerCase();
    let score: number;
    if (other === lower) score = 0;
    else if (lower.length >= 3 && other.startsWith(lower)) score = 0.5;
    else {
      const d = editDistance(lower, other, limit);
      // A one-letter word is one edit from every other one-letter word: no signal.
      if (d > limit || d >= Math.min(lower.length, other.length)) continue;
      score = d;
    }
    if (score < bestScore) {
      best = candidate;
      bestScore = score;
      if (score === 0) break;
    }
  }
  return best;
}
