import type { ActionFunctionArgs } from "@remix-run/node";
import { COMMENT_JSON_BYTES, postComment } from "~/http/comment-post.server";
import { listCommentsPage } from "~/models/comment-page.server";
import { apiRoute, methodNotAllowed } from "~/utils/api.server";
import { readBodyCapped } from "~/utils/upload.server";

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

const notAllowed = apiRoute(() => methodNotAllowed());

// server.mjs answers most POSTs itself with the same postComment; this route takes the rest (a body sent as
// an upload type, which bodyLimit() leaves unread) and any other method
export async function action(args: ActionFunctionArgs) {
  const { request, params } = args;
  if (request.method !== "POST") return notAllowed(args);
  const answer = await postComment(params.roundId!, {
    cookie: request.headers.get("Cookie"),
    acceptLanguage: request.headers.get("Accept-Language"),
    body: () => readBodyCapped(request, COMMENT_JSON_BYTES),
  });
  return new Response(answer.body, { status: answer.status, headers: answer.headers });
}
