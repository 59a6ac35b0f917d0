import { indicatorCheckJson } from "~/models/indicator.server";
import { apiRoute } from "~/utils/api.server";

/** 上下衔接校核 of a city plan: every `sum` indicator × year, the city's target against its counties' sum. */
export const loader = apiRoute((ctx, { params }) => indicatorCheckJson(ctx, params.planId!));
