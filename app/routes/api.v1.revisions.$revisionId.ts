import { revisionJson } from "~/models/revision.server";
import { apiRoute } from "~/utils/api.server";

export const loader = apiRoute((ctx, { params }) => revisionJson(ctx, params.revisionId!));
