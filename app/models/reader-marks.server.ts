import { and, eq, inArray } from "drizzle-orm";
import { comments } from "~db/schema";
import { targetYears } from "~db/schema/enums";
import type { Ctx } from "../utils/session.server";
import { visibleCommentsWhere } from "./comment.server";
import { loadRound } from "./round.server";

/** What the text of a reading-view page needs of a comment: its highlight, its section's count, its cell. */
export interface PageComment {
  id: string;
  sectionId: string;
  anchor: { start: number; end: number } | null;
  category: string;
  withdrawn: boolean;
  cell: { indicator: string; year: string } | null;
}

// as listComments orders threads: by section, then passage start, cells after the passages (table row, year), then time
const CELL_ORDER = 1e9;

/**
 * Every comment of the round on these sections that the viewer may see (visibility in the query, as
 * listComments), with only the columns the text needs, in the thread list's order. The reading view
 * highlights and counts all of them but lists only a group of threads, whose bodies and replies it
 * loads with listComments by id.
 */
export function pageComments(ctx: Ctx, roundId: string, sectionOrder: string[], indicatorCodes: string[]): PageComment[] {
  const r = loadRound(ctx, roundId);
  const rows = ctx.db
    .select({
      id: comments.id,
      sectionId: comments.sectionId,
      exact: comments.anchorExact,
      start: comments.anchorStart,
      end: comments.anchorEnd,
      category: comments.category,
      withdrawnAt: comments.withdrawnAt,
      cellIndicator: comments.cellIndicator,
      cellYear: comments.cellYear,
      createdAt: comments.createdAt,
    })
    .from(comments)
    .where(and(eq(comments.roundId, roundId), inArray(comments.sectionId, sectionOrder), visibleCommentsWhere(r)))
    .all();
  const position = new Map(sectionOrder.map((id, i) => [id, i]));
  const placed = rows.map((c) => {
    const cell = c.cellIndicator !== null && c.cellYear !== null ? { indicator: c.cellIndicator, year: c.cellYear } : null;
    const order =
      c.exact !== null
        ? (c.start ?? -1)
        : cell
          ? CELL_ORDER + Math.max(indicatorCodes.indexOf(cell.indicator), 0) * 3 + (targetYears as readonly string[]).indexOf(cell.year)
          : -1;
    return {
      comment: {
        id: c.id,
        sectionId: c.sectionId,
        anchor: c.exact === null ? null : { start: c.start!, end: c.end! },
        category: c.category,
        withdrawn: !!c.withdrawnAt,
        cell,
      },
      position: position.get(c.sectionId) ?? 0,
      order,
      // listComments compares the times to the second (ISO strings without milliseconds)
      second: Math.floor(c.createdAt.getTime() / 1000),
    };
  });
  placed.sort((a, b) => a.position - b.position || a.order - b.order || a.second - b.second);
  return placed.map((p) => p.comment);
}
