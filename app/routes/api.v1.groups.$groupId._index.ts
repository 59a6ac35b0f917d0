import { ungroup } from "~/models/comment-group.server";
import { apiRoute, methodNotAllowed } from "~/utils/api.server";

// DELETE dissolves the group; each comment keeps its answer.
export const action = apiRoute((ctx, { request, params }) => {
  if (request.method !== "DELETE") return methodNotAllowed();
  return ungroup(ctx, params.groupId!);
});

export const loader = () => methodNotAllowed();
