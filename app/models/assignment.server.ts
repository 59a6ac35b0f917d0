// Who on the plan's drafting team answers a comment: assigned by the plan's drafters, told by a notice.
import { and, asc, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "~db/client";
import { comments, editionSections, users } from "~db/schema";
import { conflict, forbidden, invalid } from "../utils/errors";
import { can } from "../utils/permissions";
import type { Ctx } from "../utils/session.server";
import { recordAudit } from "./audit.server";
import { loadComment } from "./comment.server";
import { notifyUsers } from "./notification.server";
import { planIdOfComment, planRow, requirePlanDrafter } from "./plan-access.server";

const assigneeInput = z.object({
  // null (or "") takes the assignment away
  assigneeId: z
    .string({ invalid_type_error: "validation.choice" })
    .nullable()
    .optional()
    .transform((v) => v || null),
});

/** The plan's drafting team: active users of its drafting organisation with the drafter role, by name. */
export function draftingTeam(db: DbOrTx, planId: string) {
  const plan = planRow(db, planId);
  if (!plan.draftingOrganizationId) return [];
  return db
    .select({ id: users.id, username: users.username, name: users.displayName })
    .from(users)
    .where(and(eq(users.organizationId, plan.draftingOrganizationId), eq(users.role, "drafter"), isNull(users.disabledAt)))
    .orderBy(asc(users.displayName), asc(users.username))
    .all();
}

/**
 * Assigns a comment to a member of its plan's drafting team (or to nobody), for the plan's drafters.
 * Anyone else on the team being assigned is told; the change is audited with the previous assignee.
 */
export function assignComment(ctx: Ctx, commentId: string, input: unknown) {
  if (!can(ctx.user, "create:response:any")) throw forbidden();
  const { assigneeId } = assigneeInput.parse(input);
  return ctx.db.transaction((tx) => {
    const plan = requirePlanDrafter(ctx, planIdOfComment(tx, commentId), tx, { frozenToo: false });
    const { comment, round } = loadComment(ctx, commentId, tx);
    if (comment.withdrawnAt) throw conflict("comment.withdrawn");
    if (assigneeId && !draftingTeam(tx, plan.id).some((u) => u.id === assigneeId))
      throw invalid([{ path: "assigneeId", message: "assignment.notTeamMember" }], "assignment.notTeamMember");
    if (comment.assigneeId === assigneeId) return { commentId, assigneeId };
    tx.update(comments)
      .set({ assigneeId, assignedAt: assigneeId ? new Date() : null })
      .where(eq(comments.id, commentId))
      .run();
    recordAudit(tx, {
      actorId: ctx.user.id,
      action: "comment.assign",
      entityType: "comment",
      entityId: commentId,
      data: { from: comment.assigneeId, to: assigneeId },
    });
    if (assigneeId && assigneeId !== ctx.user.id) {
      const section = tx
        .select({ title: editionSections.title })
        .from(editionSections)
        .where(and(eq(editionSections.editionId, round.round.editionId), eq(editionSections.sectionId, comment.sectionId)))
        .get();
      notifyUsers(tx, [assigneeId], "comment_assigned", {
        roundId: round.round.id,
        commentId,
        section: section?.title ?? "",
        name: ctx.user.displayName,
      });
    }
    return { commentId, assigneeId };
  });
}
