import { assignComment } from "~/models/assignment.server";
import { apiRoute, methodNotAllowed, readJson } from "~/utils/api.server";

// {assigneeId} (a member of the plan's drafting team, or null) — the plan's drafters.
export const action = apiRoute(async (ctx, { request, params }) => {
  if (request.method !== "PUT") return methodNotAllowed();
  return assignComment(ctx, params.commentId!, await readJson(request, 4 * 1024));
});

export const loader = () => methodNotAllowed();
