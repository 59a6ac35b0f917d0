/** Decides which deleted paragraph was rewritten into which inserted one. */

/** Below this similarity two paragraphs are shown as replaced, not word-diffed (avoids confetti diffs). */
export const MIN_SIMILARITY = 0.3;
/** Above this many deleted × inserted cells, pair in order instead of aligning (keeps the cost linear). */
const MAX_ALIGN_CELLS = 4096;

/** A deleted paragraph index paired with an inserted paragraph index. */
export type Pair = [deletedIndex: number, insertedIndex: number];

/**
 * Pairs deleted with inserted paragraphs, keeping both orders, maximising total similarity.
 * Paragraphs left out of every pair are whole deletes/inserts.
 */
export function pairParagraphs(deleted: string[], inserted: string[]): Pair[] {
  if (deleted.length * inserted.length > MAX_ALIGN_CELLS) return pairInOrder(deleted, inserted);
  return alignBySimilarity(deleted, inserted);
}

function pairInOrder(deleted: string[], inserted: string[]): Pair[] {
  const pairs: Pair[] = [];
  const n = Math.min(deleted.length, inserted.length);
  for (let i = 0; i < n; i++) {
    if (similarity(deleted[i], inserted[i]) >= MIN_SIMILARITY) pairs.push([i, i]);
  }
  return pairs;
}

/** Order-preserving alignment (like LCS, weighted by similarity) over a small grid. */
function alignBySimilarity(deleted: string[], inserted: string[]): Pair[] {
  const d = deleted.length;
  const n = inserted.length;
  const grams = inserted.map(bigrams);
  const sim = deleted.map((p) => {
    const a = bigrams(p);
    return grams.map((b) => dice(a, b));
  });
  // best[i][j] = best total similarity using deleted[i..] and inserted[j..].
  const best = Array.from({ length: d + 1 }, () => new Float64Array(n + 1));
  for (let i = d - 1; i >= 0; i--) {
    for (let j = n - 1; j >= 0; j--) {
      const paired = sim[i][j] >= MIN_SIMILARITY ? sim[i][j] + best[i + 1][j + 1] : 0;
      best[i][j] = Math.max(paired, best[i + 1][j], best[i][j + 1]);
    }
  }
  const pairs: Pair[] = [];
  let i = 0;
  let j = 0;
  while (i < d && j < n) {
    if (sim[i][j] >= MIN_SIMILARITY && best[i][j] === sim[i][j] + best[i + 1][j + 1]) pairs.push([i++, j++]);
    else if (best[i][j] === best[i + 1][j]) i++;
    else j++;
  }
  return pairs;
}

/** Dice coefficient over character bigrams, ignoring the trailing paragraph break. */
export function similarity(a: string, b: string): number {
  return dice(bigrams(a), bigrams(b));
}

function bigrams(paragraph: string): Set<string> {
  const text = paragraph.endsWith("\n") ? paragraph.slice(0, -1) : paragraph;
  const grams = new Set<string>();
  if (text.length < 2) {
    if (text) grams.add(text);
    return grams;
  }
  for (let i = 0; i < text.length - 1; i++) grams.add(text.slice(i, i + 2));
  return grams;
}

function dice(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const g of small) if (large.has(g)) shared++;
  return (2 * shared) / (a.size + b.size);
}
