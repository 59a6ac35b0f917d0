import { diffBody } from "~/models/published-cache.server";
import { apiRoute } from "~/utils/api.server";
import { validatedResponse } from "~/http/validated-response.server";

// `sections`: changed, added and removed ones with their ops, unchanged ones by id only; `tables`: each
// frozen plan table either edition has (indicator values old → new, projects added or dropped).
// Computed once per pair of editions, served with a strong ETag (304 on If-None-Match).
export const loader = apiRoute((ctx, { request, params }) => {
  const { body, etag } = diffBody(ctx, params.fromId!, params.toId!);
  return validatedResponse(request, { body, etag, contentType: "application/json; charset=utf-8" });
});
