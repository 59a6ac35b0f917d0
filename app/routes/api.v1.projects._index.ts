import { lookupProjects } from "~/models/project-lookup.server";
import { apiRoute } from "~/utils/api.server";

// GET /api/v1/projects?q=&county=&type= : is this project in an approved plan?
export const loader = apiRoute((ctx, { request }) => lookupProjects(ctx, Object.fromEntries(new URL(request.url).searchParams)).results);
