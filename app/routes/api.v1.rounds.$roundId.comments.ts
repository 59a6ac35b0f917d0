import { listCommentsPage } from "~/models/comment-page.server";
import { createComment } from "~/models/comment-create.server";
import { apiRoute, methodNotAllowed, readJson } from "~/utils/api.server";
import { groupCommit } from "~/utils/group-commit.server";

// a page of at most `limit` comments; `Link: <…?after=…>; rel="next"` while more remain
export const loader = apiRoute((ctx, { request, params }) => {
  const url = new URL(request.url);
  const page = listCommentsPage(ctx, params.roundId!, { limit: url.searchParams.get("limit"), after: url.searchParams.get("after") });
  const headers = new Headers();
  if (page.next) {
    const next = new URL(url);
    next.searchParams.set("after", page.next);
    next.searchParams.set("limit", String(page.limit));
    headers.set("Link", `<${next.pathname}${next.search}>; rel="next"`);
  }
  return Response.json(page.comments, { headers });
});

export const action = apiRoute(async (ctx, { request, params }) => {
  if (request.method !== "POST") return methodNotAllowed();
  const input = await readJson(request, 256 * 1024);
  // answered once the comment is on disk; the fsync is shared with the other comments of the moment
  return Response.json(await groupCommit(ctx.db, () => createComment(ctx, params.roundId!, input)), { status: 201 });
});
