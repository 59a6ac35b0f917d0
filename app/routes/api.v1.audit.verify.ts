import { verifyIntegrity } from "~/models/integrity.server";
import { apiRoute } from "~/utils/api.server";
import { forbidden } from "~/utils/errors";
import { can } from "~/utils/permissions";

export const loader = apiRoute((ctx) => {
  if (!can(ctx.user, "read:audit:any")) throw forbidden();
  return verifyIntegrity(ctx.db);
});
