import { publishEdition } from "~/models/edition.server";
import { apiRoute, methodNotAllowed, readJson } from "~/utils/api.server";

export const action = apiRoute(async (ctx, { request, params }) => {
  if (request.method !== "POST") return methodNotAllowed();
  const { id, label, manifestHash, sections } = publishEdition(ctx, params.documentId!, await readJson(request, 64 * 1024));
  return Response.json({ id, label, manifestHash, sections }, { status: 201 });
});

export const loader = () => methodNotAllowed();
