import { verifyIntegrity } from "~/models/integrity.server";
import { apiRoute } from "~/utils/api.server";
import { forbidden } from "~/utils/errors";
import { can } from "~/utils/permissions";

// `?head=SHA256`: also check that the chain still contains that earlier head (no truncation since).
export const loader = apiRoute((ctx, { request }) => {
  if (!can(ctx.user, "read:audit:any")) throw forbidden();
  const head = new URL(request.url).searchParams.get("head");
  return verifyIntegrity(ctx.db, head && /^[0-9a-f]{64}$/.test(head) ? head : undefined);
});
