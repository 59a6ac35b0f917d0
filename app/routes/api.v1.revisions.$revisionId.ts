import { revisionBody } from "~/models/published-cache.server";
import { revisionJson } from "~/models/revision.server";
import { apiRoute } from "~/utils/api.server";
import { validatedResponse } from "~/http/validated-response.server";

// a revision never changes: made once, served with a strong ETag (304 on If-None-Match) after the permission check
export const loader = apiRoute((ctx, { request, params }) => {
  const { body, etag } = revisionBody(ctx, params.revisionId!, () => revisionJson(ctx, params.revisionId!));
  return validatedResponse(request, { body, etag, contentType: "application/json; charset=utf-8" });
});
