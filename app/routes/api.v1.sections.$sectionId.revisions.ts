import { createRevision } from "~/models/revision.server";
import { apiRoute, methodNotAllowed, readJson } from "~/utils/api.server";

export const action = apiRoute(async (ctx, { request, params }) => {
  if (request.method !== "POST") return methodNotAllowed();
  const { id, text, hash } = createRevision(ctx, params.sectionId!, await readJson(request));
  return Response.json({ id, text, hash }, { status: 201 });
});

export const loader = () => methodNotAllowed();
