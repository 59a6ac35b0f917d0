import { indicatorsJson, saveIndicators } from "~/models/indicator.server";
import { apiRoute, methodNotAllowed, readJson } from "~/utils/api.server";

/** The plan's indicator table: working values for those who see its drafts, else the latest published edition's. */
export const loader = apiRoute((ctx, { params }) => indicatorsJson(ctx, params.planId!));

/** PUT the whole table (a bare array or `{indicators: [...]}`): the plan's drafters; answers the saved table. */
export const action = apiRoute(async (ctx, { request, params }) => {
  if (request.method !== "PUT") return methodNotAllowed();
  return saveIndicators(ctx, params.planId!, await readJson(request, 512 * 1024)).indicators;
});
