// The 意见采纳情况表 of a round: every (non-withdrawn) comment with the drafting team's answer.
import { eq, inArray } from "drizzle-orm";
import { comments as commentsTable, organizations, revisions } from "~db/schema";
import type { AdoptionInput } from "../lib/adoption-table/rows";
import { isoShanghai, shanghaiDate } from "../lib/time";
import { forbidden } from "../utils/errors";
import type { Ctx } from "../utils/session.server";
import { currentAuditHead } from "./audit.server";
import { orphanedComments } from "./earlier-comments.server";
import { listComments } from "./comment.server";
import { getRound } from "./round.server";

/** The whole table is for those who see the whole round (drafters, admins, experts). */
export function adoptionInput(ctx: Ctx, roundId: string): AdoptionInput {
  const round = getRound(ctx, roundId);
  if (!round.seesWhole) throw forbidden();
  const comments = listComments(ctx, roundId, { withWithdrawn: false });
  const orgIds = [...new Set(comments.map((c) => c.organization.id))];
  // passages gone in the newest edition, and the revisions answers name (one lookup each)
  const orphans = orphanedComments(ctx, roundId);
  const removed = new Set(orphans.items.map((o) => o.id));
  const revisionIds = [...new Set(comments.flatMap((c) => (c.response?.revisionId ? [c.response.revisionId] : [])))];
  const revisionDates = new Map(
    revisionIds.length
      ? ctx.db
          .select({ id: revisions.id, createdAt: revisions.createdAt })
          .from(revisions)
          .where(inArray(revisions.id, revisionIds))
          .all()
          .map((r) => [r.id, shanghaiDate(r.createdAt.getTime())])
      : [],
  );
  // groups of similar comments answered together (each comment keeps its own row)
  const groupOf = new Map(
    ctx.db
      .select({ id: commentsTable.id, groupId: commentsTable.groupId })
      .from(commentsTable)
      .where(eq(commentsTable.roundId, roundId))
      .all()
      .map((c) => [c.id, c.groupId]),
  );
  const order = new Map(
    orgIds.length
      ? ctx.db
          .select({ id: organizations.id, sortOrder: organizations.sortOrder })
          .from(organizations)
          .where(inArray(organizations.id, orgIds))
          .all()
          .map((o) => [o.id, o.sortOrder])
      : [],
  );
  return {
    roundTitle: round.title,
    planTitle: round.planTitle,
    documentTitle: round.documentTitle,
    editionLabel: round.editionLabel,
    manifestHash: round.manifestHash,
    generatedAt: isoShanghai(Date.now()),
    auditHead: currentAuditHead(ctx.db),
    comments: comments.map((c) => ({
      organizationName: c.organization.name,
      organizationOrder: order.get(c.organization.id) ?? 0,
      sectionNumber: c.sectionNumber,
      sectionTitle: c.sectionTitle,
      sectionPosition: c.position,
      // a cell comment: 原文 is “<指标名称>（<年>年）：<值><单位>”, after the section's passages
      anchorStart: c.anchor?.start ?? c.cell?.order ?? null,
      exact: c.cell?.quote ?? c.anchor?.exact ?? null,
      category: c.category,
      body: c.body,
      proposedText: c.proposedText,
      createdAt: c.createdAt,
      decision: c.response?.decision ?? null,
      reason: c.response?.reason ?? null,
      removedIn: removed.has(c.id) ? orphans.edition!.label : null,
      revision:
        c.response?.revisionId && revisionDates.has(c.response.revisionId)
          ? { id: c.response.revisionId, date: revisionDates.get(c.response.revisionId)! }
          : null,
      groupId: groupOf.get(c.id) ?? null,
    })),
  };
}

export function adoptionFileName(input: AdoptionInput, extension: string) {
  return `${input.documentTitle}（${input.editionLabel}）意见采纳情况表.${extension}`;
}
