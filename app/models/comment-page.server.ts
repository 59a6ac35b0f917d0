// The comments API in pages: a stable order (creation time, then id), at most `limit` per answer and a
// cursor (`after` = the last comment id of the previous page). Visibility is part of the SQL, so a page
// is full whatever the caller may not see.
import { and, asc, eq, gt, or } from "drizzle-orm";
import { z } from "zod";
import { comments } from "~db/schema";
import { invalid } from "../utils/errors";
import type { Ctx } from "../utils/session.server";
import { commentJson, listComments, visibleCommentsWhere } from "./comment.server";
import { loadRound } from "./round.server";

export const COMMENTS_PAGE_DEFAULT = 500;
export const COMMENTS_PAGE_MAX = 1000;

const pageQuery = z.object({
  // a larger limit is served at the maximum
  limit: z.coerce
    .number({ invalid_type_error: "error.invalid" })
    .int("error.invalid")
    .min(1, "error.invalid")
    .default(COMMENTS_PAGE_DEFAULT)
    .transform((n) => Math.min(n, COMMENTS_PAGE_MAX)),
  after: z.string().min(1).max(100).optional(),
});

/** One page of the round's comments the caller may see, in API shape, and the cursor of the next page (null on the last). */
export function listCommentsPage(ctx: Ctx, roundId: string, query: { limit?: string | null; after?: string | null }) {
  const { limit, after } = pageQuery.parse({ limit: query.limit ?? undefined, after: query.after ?? undefined });
  const r = loadRound(ctx, roundId);
  const visible = visibleCommentsWhere(r);
  let from = undefined;
  if (after) {
    // the cursor must be a comment of this round the caller may see; anything else is a bad request
    const c = ctx.db
      .select({ id: comments.id, createdAt: comments.createdAt })
      .from(comments)
      .where(and(eq(comments.id, after), eq(comments.roundId, roundId), visible))
      .get();
    if (!c) throw invalid([{ path: "after", message: "error.invalid" }]);
    from = or(gt(comments.createdAt, c.createdAt), and(eq(comments.createdAt, c.createdAt), gt(comments.id, c.id)));
  }
  const ids = ctx.db
    .select({ id: comments.id })
    .from(comments)
    .where(and(eq(comments.roundId, roundId), visible, from))
    .orderBy(asc(comments.createdAt), asc(comments.id))
    .limit(limit + 1)
    .all()
    .map((x) => x.id);
  const page = ids.slice(0, limit);
  const byId = new Map(page.length ? listComments(ctx, roundId, { ids: page }).map((c) => [c.id, c]) : []);
  return { comments: page.map((id) => commentJson(byId.get(id)!)), next: ids.length > limit ? page[page.length - 1] : null, limit };
}
