import { rollupRows } from "~/models/rollup.server";
import { apiRoute } from "~/utils/api.server";

export const loader = apiRoute((ctx) => rollupRows(ctx));
