import { fileApproval } from "~/models/approval-filing.server";
import { apiRoute, methodNotAllowed, readJson } from "~/utils/api.server";

// 备案 (coordinators): {filedOn, filingNumber?} → 201; not approved or already filed → 409.
export const action = apiRoute(async (ctx, { request, params }) => {
  if (request.method !== "POST") return methodNotAllowed();
  return Response.json(fileApproval(ctx, params.planId!, await readJson(request, 16 * 1024)), { status: 201 });
});

export const loader = () => methodNotAllowed();
