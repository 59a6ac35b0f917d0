import { concludeReview } from "~/models/review-conclusion.server";
import { apiRoute, methodNotAllowed, readJson } from "~/utils/api.server";

export const action = apiRoute(async (ctx, { request, params }) => {
  if (request.method !== "POST") return methodNotAllowed();
  return Response.json(concludeReview(ctx, params.reviewId!, await readJson(request, 128 * 1024)), { status: 201 });
});

export const loader = () => methodNotAllowed();
