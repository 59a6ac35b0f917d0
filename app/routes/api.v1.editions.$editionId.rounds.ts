import { openRound } from "~/models/round.server";
import { apiRoute, methodNotAllowed, readJson } from "~/utils/api.server";

export const action = apiRoute(async (ctx, { request, params }) => {
  if (request.method !== "POST") return methodNotAllowed();
  return Response.json(openRound(ctx, params.editionId!, await readJson(request, 256 * 1024)), { status: 201 });
});

export const loader = () => methodNotAllowed();
