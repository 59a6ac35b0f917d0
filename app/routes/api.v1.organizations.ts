import { listOrganizations } from "~/models/organization.server";
import { apiRoute } from "~/utils/api.server";

export const loader = apiRoute((ctx) => listOrganizations(ctx).map(({ id, name, kind }) => ({ id, name, kind })));
