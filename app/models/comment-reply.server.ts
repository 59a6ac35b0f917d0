// Replies in a comment's thread.
import { and, eq } from "drizzle-orm";
import { editionSections, replies } from "~db/schema";
import { newId } from "../lib/id";
import { forbidden } from "../utils/errors";
import { can } from "../utils/permissions";
import type { Ctx } from "../utils/session.server";
import { recordAudit } from "./audit.server";
import { loadComment } from "./comment.server";
import { replyInput } from "./comment-input.server";
import { notifyUsers } from "./notification.server";
import { planIdOfEdition, requirePlanDrafter } from "./plan-access.server";
import { requireOpen } from "./round.server";
import { bindRow } from "./row-binding.server";

/** Anyone who may see a comment may reply while the round is open. */
export function addReply(ctx: Ctx, commentId: string, input: unknown) {
  if (!can(ctx.user, "create:reply:any")) throw forbidden();
  const { body } = replyInput.parse(input);
  return ctx.db.transaction((tx) => {
    const { comment, round } = loadComment(ctx, commentId, tx);
    // drafters reply for their own plan only: the city's drafting team reads every round but writes in its own
    if (ctx.user.role === "drafter") requirePlanDrafter(ctx, planIdOfEdition(tx, round.round.editionId), tx);
    requireOpen(round.round);
    const id = newId("rpl");
    tx.insert(replies).values({ id, commentId, authorId: ctx.user.id, body }).run();
    recordAudit(tx, {
      actorId: ctx.user.id,
      action: "reply.create",
      entityType: "comment",
      entityId: commentId,
      data: { replyId: id },
      bound: [bindRow(tx, "replies", id)],
    });
    if (comment.authorId !== ctx.user.id) {
      const section = tx
        .select({ title: editionSections.title })
        .from(editionSections)
        .where(and(eq(editionSections.editionId, round.round.editionId), eq(editionSections.sectionId, comment.sectionId)))
        .get();
      notifyUsers(tx, [comment.authorId], "reply_created", {
        roundId: round.round.id,
        commentId,
        section: section?.title ?? "",
        name: ctx.user.displayName,
      });
    }
    return { id };
  });
}
