import { reviewJson } from "~/models/review-view.server";
import { apiRoute } from "~/utils/api.server";

export const loader = apiRoute((ctx, { params }) => reviewJson(ctx, params.reviewId!));
