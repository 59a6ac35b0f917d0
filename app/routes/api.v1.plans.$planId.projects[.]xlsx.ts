import { apiRoute } from "~/utils/api.server";
import { planLibraryResponse } from "~/http/project-files.server";

// A plan's library in the template's layout (with project ids, so it can be edited and uploaded again).
export const loader = apiRoute((ctx, { params }) => planLibraryResponse(ctx, params.planId!));
