import { answerGroup } from "~/models/comment-group.server";
import { apiRoute, methodNotAllowed, readJson } from "~/utils/api.server";

// One answer {decision, reason, revisionId?} written to every member of the group.
export const action = apiRoute(async (ctx, { request, params }) => {
  if (request.method !== "PUT") return methodNotAllowed();
  return answerGroup(ctx, params.groupId!, await readJson(request, 64 * 1024));
});

export const loader = () => methodNotAllowed();
