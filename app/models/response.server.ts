// The drafting team's answer to each comment: 采纳 / 部分采纳 / 不采纳 / 说明, a reason, and the
// revision that carried it out. Answers may be given after the round has closed.
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "~db/client";
import { editionSections, responseDecisions, responses, revisions } from "~db/schema";
import { DomainError, forbidden, invalid } from "../utils/errors";
import { can } from "../utils/permissions";
import type { Ctx } from "../utils/session.server";
import { recordAudit } from "./audit.server";
import { bindRow } from "./row-binding.server";
import { loadComment } from "./comment.server";
import { notifyUsers } from "./notification.server";
import { planIdOfComment, requirePlanDrafter } from "./plan-access.server";

export const responseInput = z
  .object({
    decision: z.enum(responseDecisions, { errorMap: () => ({ message: "validation.choice" }) }),
    reason: z.string().trim().max(2000, "validation.tooLong|2000").default(""),
    revisionId: z
      .string()
      .optional()
      .nullable()
      .transform((v) => v || null),
  })
  .superRefine((v, c) => {
    if (v.decision !== "adopted" && !v.reason) c.addIssue({ code: "custom", path: ["reason"], message: "response.reasonRequired" });
  });

export type ResponseValues = z.output<typeof responseInput>;

/** Sets (or changes) the answer to one comment. Audited with the previous answer. */
export function respondToComment(ctx: Ctx, commentId: string, input: unknown) {
  if (!can(ctx.user, "create:response:any")) throw forbidden();
  const values = responseInput.parse(input);
  return ctx.db.transaction((tx) => respond(ctx, tx, commentId, values));
}

/** The same answer for several comments, all or nothing. */
export function respondToComments(ctx: Ctx, commentIds: string[], input: unknown) {
  if (!can(ctx.user, "create:response:any")) throw forbidden();
  if (!commentIds.length) throw invalid([{ path: "commentIds", message: "response.selectSome" }], "response.selectSome");
  const values = responseInput.parse(input);
  return ctx.db.transaction((tx) => [...new Set(commentIds)].map((id) => respond(ctx, tx, id, values)));
}

/** One comment's answer inside the caller's transaction (also used to answer a group of comments once). */
export function respond(ctx: Ctx, tx: Tx, commentId: string, values: ResponseValues) {
  // only the drafters of the round's plan answer its comments (answers may follow the approval)
  requirePlanDrafter(ctx, planIdOfComment(tx, commentId), tx, { frozenToo: false });
  const { comment, round } = loadComment(ctx, commentId, tx);
  if (comment.withdrawnAt) throw new DomainError("conflict", "comment.withdrawn");
  if (values.revisionId) {
    const rev = tx.select({ sectionId: revisions.sectionId }).from(revisions).where(eq(revisions.id, values.revisionId)).get();
    if (rev?.sectionId !== comment.sectionId)
      throw invalid([{ path: "revisionId", message: "response.revisionInvalid" }], "response.revisionInvalid");
  }
  const before = tx.select().from(responses).where(eq(responses.commentId, commentId)).get();
  const row = {
    decision: values.decision,
    reason: values.reason,
    revisionId: values.revisionId,
    responderId: ctx.user.id,
    updatedAt: new Date(),
  };
  if (before) tx.update(responses).set(row).where(eq(responses.commentId, commentId)).run();
  else
    tx.insert(responses)
      .values({ commentId, ...row })
      .run();
  recordAudit(tx, {
    actorId: ctx.user.id,
    action: "comment.respond",
    entityType: "comment",
    entityId: commentId,
    data: {
      from: before ? { decision: before.decision, reason: before.reason } : null,
      to: { decision: values.decision, reason: values.reason, revisionId: values.revisionId },
    },
    bound: [bindRow(tx, "responses", commentId)],
  });
  if (!before) {
    const section = tx
      .select({ title: editionSections.title })
      .from(editionSections)
      .where(and(eq(editionSections.editionId, round.round.editionId), eq(editionSections.sectionId, comment.sectionId)))
      .get();
    notifyUsers(tx, [comment.authorId], "response_created", { roundId: round.round.id, commentId, section: section?.title ?? "" });
  }
  return { commentId, ...values };
}
