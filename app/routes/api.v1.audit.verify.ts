import { auditVerification } from "~/models/integrity.server";
import { apiRoute } from "~/utils/api.server";

// `?head=SHA256`: also check that the chain still contains that earlier head (no truncation since).
export const loader = apiRoute((ctx, { request }) => auditVerification(ctx, new URL(request.url).searchParams.get("head")));
