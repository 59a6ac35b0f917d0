import { verifyAuditChain } from "~/models/audit.server";
import { apiRoute } from "~/utils/api.server";
import { forbidden } from "~/utils/errors";
import { can } from "~/utils/permissions";

export const loader = apiRoute((ctx) => {
  if (!can(ctx.user, "read:audit:any")) throw forbidden();
  return verifyAuditChain(ctx.db);
});
