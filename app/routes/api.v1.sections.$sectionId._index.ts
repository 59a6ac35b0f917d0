import { sectionJson } from "~/models/revision.server";
import { apiRoute } from "~/utils/api.server";

export const loader = apiRoute((ctx, { params }) => sectionJson(ctx, params.sectionId!));
