import { confirmReviewChanges } from "~/models/review-confirmation.server";
import { apiRoute, methodNotAllowed, readJson } from "~/utils/api.server";

// The chair confirms, after 修改后通过, that a later edition {editionId} carries out the panel's conditions.
export const action = apiRoute(async (ctx, { request, params }) => {
  if (request.method !== "POST") return methodNotAllowed();
  return Response.json(confirmReviewChanges(ctx, params.reviewId!, await readJson(request, 16 * 1024)), { status: 201 });
});

export const loader = () => methodNotAllowed();
