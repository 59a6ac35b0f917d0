import { MAX_LETTER_BYTES } from "~/lib/approval/records";
import { approvalJson } from "~/models/approval-view.server";
import { recordApproval } from "~/models/approval-record.server";
import { apiRoute, methodNotAllowed, readJson } from "~/utils/api.server";
import { FORM_OVERHEAD_BYTES, formFields, formFile, isMultipart, readFormCapped } from "~/utils/upload.server";

// GET: the gate for an edition (?editionId=) and the records. POST: record the approval, as JSON
// {authority, documentNumber, approvedOn} or as a multipart form with the same fields and the PDF in `letter`.
export const loader = apiRoute((ctx, { request, params }) =>
  approvalJson(ctx, params.planId!, new URL(request.url).searchParams.get("editionId")),
);

export const action = apiRoute(async (ctx, { request, params }) => {
  if (request.method !== "POST") return methodNotAllowed();
  if (isMultipart(request)) {
    const form = await readFormCapped(request, MAX_LETTER_BYTES + FORM_OVERHEAD_BYTES, "approval.letterTooLarge");
    return Response.json(recordApproval(ctx, params.planId!, formFields(form), await formFile(form, "letter")), { status: 201 });
  }
  return Response.json(recordApproval(ctx, params.planId!, await readJson(request, 16 * 1024)), { status: 201 });
});
