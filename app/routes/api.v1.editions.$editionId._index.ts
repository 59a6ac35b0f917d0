import { editionBody } from "~/models/published-cache.server";
import { apiRoute } from "~/utils/api.server";
import { validatedResponse } from "~/http/validated-response.server";

// an edition never changes: made once, served with a strong ETag (304 on If-None-Match)
export const loader = apiRoute((ctx, { request, params }) => {
  const { body, etag } = editionBody(ctx, params.editionId!);
  return validatedResponse(request, { body, etag, contentType: "application/json; charset=utf-8" });
});
