import { apiRoute } from "~/utils/api.server";
import { templateResponse } from "~/http/project-files.server";

export const loader = apiRoute((ctx) => templateResponse(ctx));
