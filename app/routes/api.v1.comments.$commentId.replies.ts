import { addReply } from "~/models/comment-reply.server";
import { apiRoute, methodNotAllowed, readJson } from "~/utils/api.server";

export const action = apiRoute(async (ctx, { request, params }) => {
  if (request.method !== "POST") return methodNotAllowed();
  return Response.json(addReply(ctx, params.commentId!, await readJson(request, 64 * 1024)), { status: 201 });
});

export const loader = () => methodNotAllowed();
