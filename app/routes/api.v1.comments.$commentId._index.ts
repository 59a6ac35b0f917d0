import { anchorAt } from "~/models/anchor-view.server";
import { commentJson, getComment } from "~/models/comment.server";
import { apiRoute } from "~/utils/api.server";

/** A comment; with `?at=revisionId`, its anchor mapped onto that revision of the section. */
export const loader = apiRoute((ctx, { params, request }) => {
  const comment = getComment(ctx, params.commentId!);
  const at = new URL(request.url).searchParams.get("at");
  const json = commentJson(comment);
  return at ? { ...json, anchor: anchorAt(ctx, comment, at) } : json;
});
