import { search } from "~/models/search.server";
import { apiRoute } from "~/utils/api.server";

// GET /api/v1/search?q=&planId=&limit= : sections, comments and replies the caller may see that contain q.
export const loader = apiRoute((ctx, { request }) => search(ctx, Object.fromEntries(new URL(request.url).searchParams)));
