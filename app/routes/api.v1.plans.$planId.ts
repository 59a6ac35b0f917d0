import { planJson } from "~/models/plan.server";
import { apiRoute } from "~/utils/api.server";

export const loader = apiRoute((ctx, { params }) => planJson(ctx, params.planId!));
