/**
 * The reading view's thread list in groups: a page of a long round may carry hundreds of threads, so the
 * list shows THREADS_PER_GROUP at a time, while the text highlights and counts every one of them.
 */

/** The thread list shows at most this many threads at a time, with links to the others. */
export const THREADS_PER_GROUP = 30;

/** What grouping needs of a comment (in the list's order). */
export interface GroupedComment {
  id: string;
  sectionId: string;
  category: string;
  withdrawn: boolean;
  cell: { indicator: string; year: string } | null;
}

/**
 * The group the list shows — `group` (from 1, clamped to the last), else the group holding `commentId`,
 * else the first — and what the text needs of every comment: per section the count and first one (not
 * withdrawn), and the commented cells. Withdrawn comments stay listed for readers who cannot comment
 * (the drafting team, experts); to those who can they are gone.
 */
export function threadGroup<C extends GroupedComment>(
  all: C[],
  { canComment, group, commentId }: { canComment: boolean; group?: number | null; commentId?: string | null },
  size = THREADS_PER_GROUP,
) {
  const listed = canComment ? all.filter((c) => !c.withdrawn) : all;
  const count = Math.max(1, Math.ceil(listed.length / size));
  const withComment = commentId ? listed.findIndex((c) => c.id === commentId) : -1;
  const index = Math.min(count, group ?? (withComment >= 0 ? Math.floor(withComment / size) + 1 : 1));
  const sections: Record<string, { count: number; first: string }> = {};
  const cells: { id: string; category: string; indicator: string; year: string }[] = [];
  for (const c of all) {
    if (c.withdrawn) continue;
    const s = sections[c.sectionId];
    if (s) s.count++;
    else sections[c.sectionId] = { count: 1, first: c.id };
    if (c.cell) cells.push({ id: c.id, category: c.category, indicator: c.cell.indicator, year: c.cell.year });
  }
  return {
    shown: listed.slice((index - 1) * size, index * size),
    window: { index, count, total: listed.length, from: (index - 1) * size + 1, size },
    sections,
    cells,
  };
}
