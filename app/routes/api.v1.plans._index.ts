import { listPlans } from "~/models/plan.server";
import { apiRoute } from "~/utils/api.server";

export const loader = apiRoute((ctx) => listPlans(ctx));
