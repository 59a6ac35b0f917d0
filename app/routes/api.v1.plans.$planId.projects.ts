import { createProject, listPlanProjects } from "~/models/project.server";
import { apiRoute, methodNotAllowed, readJson } from "~/utils/api.server";

export const loader = apiRoute((ctx, { params }) => listPlanProjects(ctx, params.planId!));

export const action = apiRoute(async (ctx, { request, params }) => {
  if (request.method !== "POST") return methodNotAllowed();
  return Response.json(createProject(ctx, params.planId!, await readJson(request, 64 * 1024)), { status: 201 });
});
