import { respondToComment } from "~/models/response.server";
import { apiRoute, methodNotAllowed, readJson } from "~/utils/api.server";

export const action = apiRoute(async (ctx, { request, params }) => {
  if (request.method !== "PUT") return methodNotAllowed();
  return respondToComment(ctx, params.commentId!, await readJson(request, 64 * 1024));
});

export const loader = () => methodNotAllowed();
