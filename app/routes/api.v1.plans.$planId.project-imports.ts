import { previewProjectImport, projectImportJson } from "~/models/project-import.server";
import { apiRoute, methodNotAllowed } from "~/utils/api.server";
import { readUploadBody, withMessages } from "~/http/project-files.server";

// POST the .xlsx bytes as the body (X-File-Name: the file's name, URI-encoded) → 201 the preview.
export const action = apiRoute(async (ctx, { request, params }) => {
  if (request.method !== "POST") return methodNotAllowed();
  const { id } = await previewProjectImport(ctx, params.planId!, await readUploadBody(request));
  return Response.json(withMessages(projectImportJson(ctx, params.planId!, id), ctx.user.locale), { status: 201 });
});
