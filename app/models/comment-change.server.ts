// The author's changes to their own comment while the round takes writes: new wording (the old kept), withdrawal.
import { eq } from "drizzle-orm";
import { comments, commentVersions } from "~db/schema";
import { newId } from "../lib/id";
import { conflict, forbidden } from "../utils/errors";
import type { Ctx } from "../utils/session.server";
import { recordAudit } from "./audit.server";
import { loadComment } from "./comment.server";
import { commentEditInput } from "./comment-input.server";
import { requireRoundWritable } from "./round.server";
import { bindRow } from "./row-binding.server";

/** The author changes a comment while the round is open and before the formal reply; old wording kept. */
export function editComment(ctx: Ctx, commentId: string, input: unknown) {
  const values = commentEditInput.parse(input);
  return ctx.db.transaction((tx) => {
    const { comment, round } = loadComment(ctx, commentId, tx);
    if (comment.authorId !== ctx.user.id) throw forbidden("comment.notYours");
    requireRoundWritable(ctx, round);
    if (comment.withdrawnAt) throw conflict("comment.withdrawn");
    const now = new Date();
    const versionId = newId("cmv");
    tx.insert(commentVersions)
      .values({
        id: versionId,
        commentId,
        body: comment.body,
        category: comment.category,
        proposedText: comment.proposedText,
        replacedAt: now,
        replacedById: ctx.user.id,
      })
      .run();
    tx.update(comments)
      .set({ ...values, updatedAt: now })
      .where(eq(comments.id, commentId))
      .run();
    recordAudit(tx, {
      actorId: ctx.user.id,
      action: "comment.edit",
      entityType: "comment",
      entityId: commentId,
      data: { category: values.category },
      bound: [bindRow(tx, "comments", commentId), bindRow(tx, "comment_versions", versionId)],
    });
  });
}

export function withdrawComment(ctx: Ctx, commentId: string) {
  return ctx.db.transaction((tx) => {
    const { comment, round } = loadComment(ctx, commentId, tx);
    if (comment.authorId !== ctx.user.id) throw forbidden("comment.notYours");
    requireRoundWritable(ctx, round);
    if (comment.withdrawnAt) return;
    tx.update(comments).set({ withdrawnAt: new Date() }).where(eq(comments.id, commentId)).run();
    recordAudit(tx, {
      actorId: ctx.user.id,
      action: "comment.withdraw",
      entityType: "comment",
      entityId: commentId,
      data: { roundId: comment.roundId },
      bound: [bindRow(tx, "comments", commentId)],
    });
  });
}
