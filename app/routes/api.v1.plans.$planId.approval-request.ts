import { requestApproval, withdrawApprovalRequest } from "~/models/approval-request.server";
import { apiRoute, methodNotAllowed, readJson } from "~/utils/api.server";

// POST: 报批 ({editionId} → 201, or 409 gate_unmet with `unmet` and `unmetDetails`); DELETE: withdraw the pending request.
export const action = apiRoute(async (ctx, { request, params }) => {
  if (request.method === "POST")
    return Response.json(requestApproval(ctx, params.planId!, await readJson(request, 16 * 1024)), { status: 201 });
  if (request.method === "DELETE") return withdrawApprovalRequest(ctx, params.planId!);
  return methodNotAllowed();
});

export const loader = () => methodNotAllowed();
