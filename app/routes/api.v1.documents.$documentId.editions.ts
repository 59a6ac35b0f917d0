import { publishEdition } from "~/models/edition.server";
import { apiRoute, methodNotAllowed, readJson } from "~/utils/api.server";

export const action = apiRoute(async (ctx, { request, params }) => {
  if (request.method !== "POST") return methodNotAllowed();
  const { id, label, manifestHash, manifestSm3, sections, tables } = publishEdition(
    ctx,
    params.documentId!,
    await readJson(request, 64 * 1024),
  );
  // `tables` ({kind, sectionId, hash}) only when the edition froze plan tables: the manifest hash covers them
  return Response.json({ id, label, manifestHash, manifestSm3, sections, ...(tables ? { tables } : {}) }, { status: 201 });
});

export const loader = () => methodNotAllowed();
