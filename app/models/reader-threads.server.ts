import { translate } from "../i18n";
import { invalid } from "../utils/errors";
import type { Ctx } from "../utils/session.server";
import { editComment, withdrawComment } from "./comment-change.server";
import { createComment } from "./comment-create.server";
import { addReply } from "./comment-reply.server";
import { sectionOfComment, sectionThreads } from "./reader.server";

/**
 * A comment form of the reading view (intent: comment, reply, edit, withdraw), then the section it
 * touched as the viewer now sees it (its HTML with highlights, its threads): what the page refreshes
 * instead of reloading. Each write is its own domain operation (one transaction, audited).
 */
export function threadAction(ctx: Ctx, editionId: string, roundId: string, form: Record<string, FormDataEntryValue>) {
  const commentId = String(form.commentId ?? "");
  let result: { message: string; commentId: string; replyId?: string };
  switch (form.intent) {
    case "comment": {
      let anchor: unknown = null;
      try {
        anchor = form.anchor ? JSON.parse(String(form.anchor)) : null;
      } catch {
        throw invalid([{ path: "anchor", message: "comment.anchorMismatch" }], "comment.anchorMismatch");
      }
      // a comment on a cell of the indicator table: cell.indicator and cell.year instead of an anchor
      const cell = form["cell.indicator"] ? { indicator: String(form["cell.indicator"]), year: String(form["cell.year"] ?? "") } : null;
      const { id } = createComment(ctx, roundId, { ...form, anchor, cell, editionId });
      result = { message: translate(ctx.user.locale, "comment.created"), commentId: id };
      break;
    }
    case "reply":
      result = { message: "", commentId, replyId: addReply(ctx, commentId, form).id };
      break;
    case "edit":
      editComment(ctx, commentId, form);
      result = { message: "", commentId };
      break;
    case "withdraw":
      withdrawComment(ctx, commentId);
      result = { message: "", commentId };
      break;
    default:
      throw invalid([{ path: "intent", message: "validation.choice" }]);
  }
  const sectionId = sectionOfComment(ctx, result.commentId);
  return { ...result, section: sectionId ? sectionThreads(ctx, editionId, roundId, sectionId) : null };
}
