import { roundJson } from "~/models/round.server";
import { apiRoute } from "~/utils/api.server";

export const loader = apiRoute((ctx, { params }) => roundJson(ctx, params.roundId!));
