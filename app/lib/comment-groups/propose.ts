// Proposed groups of similar comments in one round (the drafting team confirms them and answers once).
// Two comments are similar when their anchored passages overlap in the same section, or when their
// bodies are near-identical by character-bigram similarity (Dice over distinct bigrams). Similarity is
// transitive here: A~B and B~C put A, B and C in one proposal. Pure and deterministic: the same input
// in the same order gives the same proposals, members in input order, proposals by their first member.

/** Dice coefficient over distinct character bigrams at or above which two bodies count as near-identical. */
export const BODY_SIMILARITY_THRESHOLD = 0.75;
/** Bodies with fewer distinct bigrams than this (after normalising) are too short to compare. */
export const MIN_BODY_BIGRAMS = 8;

export interface GroupCandidate {
  id: string;
  sectionId: string;
  /** the anchored passage, [start, end) in the revision's text; null for a whole-section or cell comment */
  anchorStart: number | null;
  anchorEnd: number | null;
  body: string;
}

export type GroupReason = "passage" | "body";

export interface ProposedGroup {
  commentIds: string[];
  /** why the members were put together ("passage" when any pair overlaps, else "body") */
  reasons: GroupReason[];
}

/** Letters, digits and CJK only: punctuation, spaces and case do not make two bodies different. */
export function normaliseBody(body: string): string {
  return body.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
}

/** The distinct character bigrams of a normalised body, sorted (a repeated phrase counts once). */
export function bigrams(body: string): string[] {
  const s = [...normaliseBody(body)];
  const set = new Set<string>();
  for (let i = 0; i + 1 < s.length; i++) set.add(s[i] + s[i + 1]);
  return [...set].sort();
}

/** Dice coefficient of two bigram sets: 2·|A∩B| / (|A|+|B|); 0 when either is too short. */
export function bodySimilarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  if (x.length < MIN_BODY_BIGRAMS || y.length < MIN_BODY_BIGRAMS) return 0;
  return dice(x, y);
}

function dice(x: string[], y: string[]): number {
  const ys = new Set(y);
  let shared = 0;
  for (const g of x) if (ys.has(g)) shared++;
  return (2 * shared) / (x.length + y.length);
}

/** Do two anchored passages in the same section share at least one character? */
export function passagesOverlap(a: GroupCandidate, b: GroupCandidate): boolean {
  if (a.sectionId !== b.sectionId || a.anchorStart === null || b.anchorStart === null || a.anchorEnd === null || b.anchorEnd === null)
    return false;
  return a.anchorStart < b.anchorEnd && b.anchorStart < a.anchorEnd;
}

class UnionFind {
  private parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    let r = i;
    while (this.parent[r] !== r) r = this.parent[r];
    while (this.parent[i] !== r) [i, this.parent[i]] = [this.parent[i], r];
    return r;
  }
  union(a: number, b: number) {
    const ra = this.find(a);
    const rb = this.find(b);
    // the smaller index is the root, so the outcome does not depend on the order of unions
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

/** Pairs (i < j) whose passages overlap: per section, a sweep over the passages sorted by start. */
function overlappingPairs(items: GroupCandidate[]): [number, number][] {
  const bySection = new Map<string, number[]>();
  items.forEach((c, i) => {
    if (c.anchorStart === null || c.anchorEnd === null || c.anchorEnd <= c.anchorStart) return;
    const list = bySection.get(c.sectionId) ?? [];
    list.push(i);
    bySection.set(c.sectionId, list);
  });
  const pairs: [number, number][] = [];
  for (const list of bySection.values()) {
    list.sort((a, b) => items[a].anchorStart! - items[b].anchorStart! || a - b);
    for (let k = 0; k < list.length; k++) {
      const a = items[list[k]];
      for (let m = k + 1; m < list.length && items[list[m]].anchorStart! < a.anchorEnd!; m++)
        pairs.push([Math.min(list[k], list[m]), Math.max(list[k], list[m])]);
    }
  }
  return pairs;
}

/**
 * Links near-identical bodies in the union-find. Each body's bigrams become integer ids; walking the
 * bodies in order, the overlap with every earlier body that shares a bigram is counted in one pass over
 * the postings (ScanCount), so no pair is compared bigram by bigram and pairs sharing nothing cost nothing.
 */
function linkSimilarBodies(items: GroupCandidate[], threshold: number, uf: UnionFind, linked: (root: number) => void) {
  const ids = new Map<string, number>();
  const sets = items.map((c) => bigrams(c.body).map((g) => ids.get(g) ?? ids.set(g, ids.size).get(g)!));
  const postings: number[][] = Array.from({ length: ids.size }, () => []);
  const shared = new Int32Array(items.length);
  const stamp = new Int32Array(items.length).fill(-1);
  sets.forEach((set, i) => {
    if (set.length < MIN_BODY_BIGRAMS) return;
    const touched: number[] = [];
    for (const g of set) {
      for (const j of postings[g]) {
        if (stamp[j] !== i) {
          stamp[j] = i;
          shared[j] = 0;
          touched.push(j);
        }
        shared[j]++;
      }
    }
    for (const j of touched) {
      if ((2 * shared[j]) / (set.length + sets[j].length) >= threshold && uf.find(j) !== uf.find(i)) {
        uf.union(j, i);
        linked(uf.find(i));
      }
    }
    for (const g of set) postings[g].push(i);
  });
}

/** Groups of two or more similar comments among the candidates (the caller leaves out grouped, withdrawn and answered ones). */
export function proposeGroups(candidates: GroupCandidate[], { threshold = BODY_SIMILARITY_THRESHOLD } = {}): ProposedGroup[] {
  const uf = new UnionFind(candidates.length);
  const passage = overlappingPairs(candidates);
  for (const [a, b] of passage) uf.union(a, b);
  const bodyLinked: number[] = [];
  linkSimilarBodies(candidates, threshold, uf, (root) => bodyLinked.push(root));
  const members = new Map<number, number[]>();
  candidates.forEach((_, i) => {
    const root = uf.find(i);
    members.set(root, [...(members.get(root) ?? []), i]);
  });
  const reasonsOf = new Map<number, Set<GroupReason>>();
  const mark = (i: number, reason: GroupReason) => {
    const root = uf.find(i);
    reasonsOf.set(root, (reasonsOf.get(root) ?? new Set()).add(reason));
  };
  for (const [a] of passage) mark(a, "passage");
  for (const root of bodyLinked) mark(root, "body");
  return [...members.entries()]
    .filter(([, list]) => list.length > 1)
    .sort(([a], [b]) => a - b)
    .map(([root, list]) => ({
      commentIds: list.map((i) => candidates[i].id),
      reasons: (["passage", "body"] as const).filter((r) => reasonsOf.get(root)?.has(r)),
    }));
}
