import { apiRoute } from "~/utils/api.server";
import { consolidatedResponse } from "~/http/project-files.server";

// The consolidated library of all plans (coordinator and admins).
export const loader = apiRoute((ctx) => consolidatedResponse(ctx));
