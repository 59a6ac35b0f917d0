// Creating a comment: on an exact passage of the round's edition, or on one cell of its indicator table.
import { and, eq, type Placeholder, sql } from "drizzle-orm";
import { comments, editionSections, revisions, type targetYears } from "~db/schema";
import { anchorProblem, buildAnchor, CONTEXT_LENGTH } from "../lib/anchoring/anchor";
import { newId } from "../lib/id";
import { DomainError, forbidden, invalid } from "../utils/errors";
import { can } from "../utils/permissions";
import { perConnection } from "../utils/prepared.server";
import type { Ctx } from "../utils/session.server";
import { recordAudit } from "./audit.server";
import { commentInput } from "./comment-input.server";
import { notifyUsers } from "./notification.server";
import { editionIndicatorTable } from "./plan-tables.server";
import { loadRound, requireRoundWritable } from "./round.server";
import { bindRow } from "./row-binding.server";

const placeholders = <K extends string>(...names: K[]) =>
  Object.fromEntries(names.map((n) => [n, sql.placeholder(n)])) as unknown as Record<K, Placeholder>;

// the queries of every comment, prepared once per connection (utils/prepared.server.ts)
const createQueries = perConnection((db) => ({
  entry: db
    .select({ revisionId: editionSections.revisionId, title: editionSections.title, text: revisions.text })
    .from(editionSections)
    .innerJoin(revisions, eq(editionSections.revisionId, revisions.id))
    .where(and(eq(editionSections.editionId, sql.placeholder("editionId")), eq(editionSections.sectionId, sql.placeholder("sectionId"))))
    .prepare(),
  insert: db
    .insert(comments)
    .values(
      placeholders(
        "id",
        "roundId",
        "sectionId",
        "revisionId",
        "anchorExact",
        "anchorPrefix",
        "anchorSuffix",
        "anchorStart",
        "anchorEnd",
        "cellIndicator",
        "cellYear",
        "body",
        "category",
        "proposedText",
        "authorId",
        "organizationId",
      ),
    )
    .prepare(),
}));

/**
 * Creates a comment on a section of the round's edition. The anchor must quote the edition's
 * revision of that section exactly (400 otherwise); the server recomputes the context it stores.
 * Instead of an anchor, `cell: {indicator, year}` comments on one target of the edition's frozen
 * indicator table (an unknown code or year is 400); the comment then belongs to the table's section.
 */
export function createComment(ctx: Ctx, roundId: string, input: unknown) {
  if (!can(ctx.user, "create:comment:own")) throw forbidden();
  const values = commentInput.parse(input);
  return ctx.db.transaction((tx) => {
    const r = loadRound(ctx, roundId);
    requireRoundWritable(ctx, r);
    let cell: { indicator: string; year: (typeof targetYears)[number] } | null = null;
    if (values.cell) {
      const table = editionIndicatorTable(tx, r.round.editionId);
      if (!table?.sectionId || !table.indicators.some((i) => i.code === values.cell!.indicator))
        throw invalid([{ path: "cell.indicator", message: "indicators.comment.unknownIndicator" }], "indicators.comment.unknownIndicator");
      if (values.sectionId && values.sectionId !== table.sectionId)
        throw invalid([{ path: "sectionId", message: "indicators.comment.cellNotInSection" }], "indicators.comment.cellNotInSection");
      values.sectionId = table.sectionId;
      cell = { indicator: values.cell.indicator, year: values.cell.year };
    }
    const sectionId = values.sectionId!;
    const queries = createQueries(ctx.db);
    // the one section's revision text (a few KB), not the edition's
    const entry = queries.entry.get({ editionId: r.round.editionId, sectionId });
    if (!entry) throw invalid([{ path: "sectionId", message: "comment.sectionNotInEdition" }], "comment.sectionNotInEdition");
    let anchor = null;
    if (values.anchor) {
      const problem = anchorProblem(entry.text, values.anchor);
      if (problem) throw new DomainError("invalid", "comment.anchorMismatch", {}, { issues: [{ path: "anchor", message: problem }] });
      anchor = buildAnchor(entry.text, values.anchor.start, values.anchor.end, CONTEXT_LENGTH)!;
    }
    const id = newId("cmt");
    queries.insert.run({
      id,
      roundId,
      sectionId,
      revisionId: entry.revisionId,
      anchorExact: anchor?.exact ?? null,
      anchorPrefix: anchor?.prefix ?? null,
      anchorSuffix: anchor?.suffix ?? null,
      anchorStart: anchor?.start ?? null,
      anchorEnd: anchor?.end ?? null,
      cellIndicator: cell?.indicator ?? null,
      cellYear: cell?.year ?? null,
      body: values.body,
      category: values.category,
      proposedText: values.proposedText,
      authorId: ctx.user.id,
      organizationId: ctx.user.organization.id,
    });
    recordAudit(tx, {
      actorId: ctx.user.id,
      action: "comment.create",
      entityType: "comment",
      entityId: id,
      data: { roundId, sectionId, revisionId: entry.revisionId, category: values.category, anchored: !!anchor, ...(cell ? { cell } : {}) },
      bound: [bindRow(tx, "comments", id)],
    });
    notifyUsers(tx, [r.round.openedById], "comment_created", {
      roundId,
      commentId: id,
      round: r.round.title,
      section: entry.title,
      org: ctx.user.organization.name,
    });
    return { id };
  });
}
