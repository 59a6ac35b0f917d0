import { editionJson } from "~/models/edition.server";
import { apiRoute } from "~/utils/api.server";

export const loader = apiRoute((ctx, { params }) => editionJson(ctx, params.editionId!));
