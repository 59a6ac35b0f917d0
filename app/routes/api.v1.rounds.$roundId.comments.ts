import { commentJson, createComment, listComments } from "~/models/comment.server";
import { apiRoute, methodNotAllowed, readJson } from "~/utils/api.server";

export const loader = apiRoute((ctx, { params }) => listComments(ctx, params.roundId!).map(commentJson));

export const action = apiRoute(async (ctx, { request, params }) => {
  if (request.method !== "POST") return methodNotAllowed();
  return Response.json(createComment(ctx, params.roundId!, await readJson(request, 256 * 1024)), { status: 201 });
});
