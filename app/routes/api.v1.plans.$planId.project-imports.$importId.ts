import { confirmProjectImport, projectImportJson } from "~/models/project-import.server";
import { apiRoute, methodNotAllowed } from "~/utils/api.server";
import { withMessages } from "~/http/project-files.server";

// GET the pending preview (only its uploader); POST confirms it.
export const loader = apiRoute((ctx, { params }) =>
  withMessages(projectImportJson(ctx, params.planId!, params.importId!), ctx.user.locale),
);

export const action = apiRoute((ctx, { request, params }) => {
  if (request.method !== "POST") return methodNotAllowed();
  return confirmProjectImport(ctx, params.planId!, params.importId!);
});
