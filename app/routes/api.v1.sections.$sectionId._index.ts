import { sectionJson } from "~/models/section.server";
import { apiRoute } from "~/utils/api.server";

export const loader = apiRoute((ctx, { params }) => sectionJson(ctx, params.sectionId!));
