import { anchorAt, cellAt } from "~/models/anchor-view.server";
import { commentJson, getComment } from "~/models/comment.server";
import { apiRoute } from "~/utils/api.server";

/**
 * A comment; with `?at=revisionId`, its anchor mapped onto that revision of the section. For a comment
 * on a cell of the indicator table, `at` may also name a later edition: `cell` then carries
 * `{state, old, new}` (the value as frozen then and there).
 */
export const loader = apiRoute((ctx, { params, request }) => {
  const comment = getComment(ctx, params.commentId!);
  const at = new URL(request.url).searchParams.get("at");
  const json = commentJson(comment);
  if (!at) return json;
  if (comment.cell) return { ...json, cell: { ...json.cell, ...cellAt(ctx, comment, at) } };
  return { ...json, anchor: anchorAt(ctx, comment, at) };
});
