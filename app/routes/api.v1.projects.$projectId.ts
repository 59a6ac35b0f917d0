import { getProject, updateProject } from "~/models/project.server";
import { apiRoute, methodNotAllowed, readJson } from "~/utils/api.server";

export const loader = apiRoute((ctx, { params }) => getProject(ctx, params.projectId!));

export const action = apiRoute(async (ctx, { request, params }) => {
  if (request.method !== "PATCH") return methodNotAllowed();
  return updateProject(ctx, params.projectId!, await readJson(request, 64 * 1024));
});
