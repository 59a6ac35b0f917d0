// Reading comments of a round: visible per round rules (in the query), threaded, in text order.
// Writes live beside: comment-create (new comments), comment-change (edit, withdraw), comment-reply.
import { and, asc, eq, inArray, isNull, or, type SQL } from "drizzle-orm";
import type { DbOrTx } from "~db/client";
import { comments, editionSections, organizations, replies, responses, rounds, submissions, targetYears, users } from "~db/schema";
import { canSeeComment, seesWholeRound } from "../lib/comment-visibility";
import { cellPrompt, cellQuote, type IndicatorRow } from "../lib/plan-tables/indicator-table";
import { isRoundOpen } from "../lib/round-deadline";
import { isoShanghai } from "../lib/time";
import { DomainError, notFound } from "../utils/errors";
import type { Ctx } from "../utils/session.server";
import { editionIndicatorTable } from "./plan-tables.server";
import { loadRound } from "./round.server";

type CommentRow = typeof comments.$inferSelect;

function anchorOf(c: CommentRow) {
  return c.anchorExact === null
    ? null
    : { exact: c.anchorExact, prefix: c.anchorPrefix ?? "", suffix: c.anchorSuffix ?? "", start: c.anchorStart!, end: c.anchorEnd! };
}

// cell comments come after the passages of their section, in the table's row and year order
const CELL_ORDER = 1e9;

/** A cell comment's cell with the value as frozen in the round's edition (the words it is quoted with too). */
function cellOf(c: CommentRow, table: IndicatorRow[]) {
  if (c.cellIndicator === null || c.cellYear === null) return null;
  const index = table.findIndex((r) => r.code === c.cellIndicator);
  const row = table[index] ?? {
    code: c.cellIndicator,
    name: c.cellIndicator,
    unit: "",
    targets: { "2025": null, "2030": null, "2035": null },
  };
  const value = row.targets[c.cellYear] ?? null;
  return {
    indicator: c.cellIndicator,
    year: c.cellYear,
    name: row.name,
    unit: row.unit,
    value,
    /** “森林覆盖率（2030年）：20.9%” */
    quote: cellQuote(row, c.cellYear, value),
    /** “森林覆盖率 2030 年目标值：20.9%” */
    prompt: cellPrompt(row, c.cellYear, value),
    order: CELL_ORDER + Math.max(index, 0) * 3 + targetYears.indexOf(c.cellYear),
  };
}

/**
 * The SQL condition for the comments of a round the viewer may see (lib/comment-visibility's
 * canSeeComment, for a viewer loadRound has already let see the round): whole rounds for those who run
 * the plan and experts; otherwise the viewer's own organisation's, and in a shared round every
 * comment not withdrawn.
 */
export function visibleCommentsWhere(r: ReturnType<typeof loadRound>): SQL | undefined {
  if (seesWholeRound(r.viewer)) return undefined;
  const own = eq(comments.organizationId, r.viewer.organizationId);
  return r.round.visibility === "shared" ? or(own, isNull(comments.withdrawnAt)) : own;
}

/** Comments of a round that the caller may see, with replies and the drafting team's response, in text order. */
export function listComments(
  ctx: Ctx,
  roundId: string,
  {
    sectionId,
    sectionIds,
    ids: only,
    withWithdrawn = true,
  }: { sectionId?: string; sectionIds?: string[]; ids?: string[]; withWithdrawn?: boolean } = {},
) {
  const r = loadRound(ctx, roundId);
  const order = new Map(
    ctx.db
      .select({
        sectionId: editionSections.sectionId,
        position: editionSections.position,
        number: editionSections.number,
        title: editionSections.title,
      })
      .from(editionSections)
      .where(eq(editionSections.editionId, r.round.editionId))
      .all()
      .map((s) => [s.sectionId, s]),
  );
  const rows = ctx.db
    .select({ c: comments, authorName: users.displayName, authorUsername: users.username, orgName: organizations.name })
    .from(comments)
    .innerJoin(users, eq(comments.authorId, users.id))
    .innerJoin(organizations, eq(comments.organizationId, organizations.id))
    .where(
      and(
        eq(comments.roundId, roundId),
        sectionId ? eq(comments.sectionId, sectionId) : undefined,
        sectionIds ? inArray(comments.sectionId, sectionIds) : undefined,
        only ? inArray(comments.id, only) : undefined,
        withWithdrawn ? undefined : isNull(comments.withdrawnAt),
        visibleCommentsWhere(r),
      ),
    )
    .all();
  const ids = rows.map((x) => x.c.id);
  const replyRows = ids.length
    ? ctx.db
        .select({
          id: replies.id,
          commentId: replies.commentId,
          body: replies.body,
          createdAt: replies.createdAt,
          authorId: users.id,
          authorName: users.displayName,
          authorUsername: users.username,
          role: users.role,
          orgName: organizations.name,
        })
        .from(replies)
        .innerJoin(users, eq(replies.authorId, users.id))
        .innerJoin(organizations, eq(users.organizationId, organizations.id))
        .where(inArray(replies.commentId, ids))
        .orderBy(asc(replies.createdAt))
        .all()
    : [];
  const responseRows = ids.length ? ctx.db.select().from(responses).where(inArray(responses.commentId, ids)).all() : [];
  // by comment, so a round of thousands of comments is not quadratic
  const responseOf = new Map(responseRows.map((x) => [x.commentId, x]));
  const repliesOf = new Map<string, typeof replyRows>();
  for (const x of replyRows) {
    const list = repliesOf.get(x.commentId);
    if (list) list.push(x);
    else repliesOf.set(x.commentId, [x]);
  }
  const submitted = new Set(
    ctx.db
      .select({ o: submissions.organizationId })
      .from(submissions)
      .where(eq(submissions.roundId, roundId))
      .all()
      .map((x) => x.o),
  );
  const open = isRoundOpen(r.round);
  const table = rows.some(({ c }) => c.cellIndicator !== null) ? (editionIndicatorTable(ctx.db, r.round.editionId)?.indicators ?? []) : [];
  return rows
    .map(({ c, authorName, authorUsername, orgName }) => {
      const section = order.get(c.sectionId);
      const response = responseOf.get(c.id);
      const mine = c.authorId === ctx.user.id;
      return {
        id: c.id,
        roundId: c.roundId,
        sectionId: c.sectionId,
        sectionNumber: section?.number ?? "",
        sectionTitle: section?.title ?? "",
        position: section?.position ?? 0,
        revisionId: c.revisionId,
        anchor: anchorOf(c),
        cell: cellOf(c, table),
        body: c.body,
        category: c.category,
        proposedText: c.proposedText,
        author: { id: c.authorId, username: authorUsername, name: authorName },
        organization: { id: c.organizationId, name: orgName },
        createdAt: isoShanghai(c.createdAt),
        updatedAt: c.updatedAt ? isoShanghai(c.updatedAt) : null,
        withdrawn: !!c.withdrawnAt,
        canChange: mine && open && !c.withdrawnAt && !submitted.has(c.organizationId),
        replies: (repliesOf.get(c.id) ?? []).map((x) => ({
          id: x.id,
          body: x.body,
          createdAt: isoShanghai(x.createdAt),
          author: { id: x.authorId, username: x.authorUsername, name: x.authorName, role: x.role },
          organization: { name: x.orgName },
        })),
        response: response ? { decision: response.decision, reason: response.reason, revisionId: response.revisionId } : null,
      };
    })
    .sort(
      (a, b) =>
        a.position - b.position ||
        (a.anchor?.start ?? a.cell?.order ?? -1) - (b.anchor?.start ?? b.cell?.order ?? -1) ||
        a.createdAt.localeCompare(b.createdAt),
    );
}

/** One comment the caller may see (404 otherwise), with its round. */
export function loadComment(ctx: Ctx, commentId: string, db: DbOrTx = ctx.db) {
  const c = db.select().from(comments).where(eq(comments.id, commentId)).get();
  if (!c) throw notFound();
  const r = loadRound(ctx, c.roundId);
  if (
    !canSeeComment(
      r.viewer,
      { visibility: r.round.visibility, invitedOrganizationIds: r.invitedOrganizationIds },
      { organizationId: c.organizationId, withdrawn: !!c.withdrawnAt },
    )
  )
    throw notFound();
  return { comment: c, round: r };
}

export function getComment(ctx: Ctx, commentId: string) {
  const { comment } = loadComment(ctx, commentId);
  return listComments(ctx, comment.roundId, { sectionId: comment.sectionId }).find((x) => x.id === commentId)!;
}

/** The documented API shape (docs/API.md). */
export function commentJson(c: ReturnType<typeof listComments>[number]) {
  return {
    id: c.id,
    roundId: c.roundId,
    sectionId: c.sectionId,
    revisionId: c.revisionId,
    anchor: c.anchor,
    // a comment on one cell of the edition's indicator table, with the value as frozen there
    cell: c.cell ? { indicator: c.cell.indicator, year: c.cell.year, name: c.cell.name, unit: c.cell.unit, value: c.cell.value } : null,
    body: c.body,
    category: c.category,
    proposedText: c.proposedText,
    withdrawn: c.withdrawn,
    createdAt: c.createdAt,
    author: { id: c.author.id, username: c.author.username },
    organization: c.organization,
    replies: c.replies.map((r) => ({
      id: r.id,
      body: r.body,
      createdAt: r.createdAt,
      author: { id: r.author.id, username: r.author.username },
    })),
    response: c.response,
  };
}

/** Every comment the caller may see, from every round held on an edition (for the diff page). */
export function commentsOnEdition(ctx: Ctx, editionId: string) {
  const roundIds = ctx.db.select({ id: rounds.id }).from(rounds).where(eq(rounds.editionId, editionId)).all();
  return roundIds.flatMap(({ id }) => {
    try {
      return listComments(ctx, id, { withWithdrawn: false });
    } catch (e) {
      if (e instanceof DomainError && e.code === "not_found") return []; // a round the caller is not invited to
      throw e;
    }
  });
}
