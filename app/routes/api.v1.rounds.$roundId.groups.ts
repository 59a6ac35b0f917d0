import { confirmGroup, roundGroups } from "~/models/comment-group.server";
import { apiRoute, methodNotAllowed, readJson } from "~/utils/api.server";

// The round's confirmed groups of similar comments and the proposals (those who see its drafts).
export const loader = apiRoute((ctx, { params }) => roundGroups(ctx, params.roundId!));

// Confirm a group: {commentIds} (the plan's drafters).
export const action = apiRoute(async (ctx, { request, params }) => {
  if (request.method !== "POST") return methodNotAllowed();
  return Response.json(confirmGroup(ctx, params.roundId!, await readJson(request, 64 * 1024)), { status: 201 });
});
