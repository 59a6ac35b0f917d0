import { MAX_LETTER_BYTES } from "~/lib/approval/records";
import { approvalLetter, attachApprovalLetter } from "~/models/approval-record.server";
import { apiRoute, methodNotAllowed } from "~/utils/api.server";
import { fileResponse } from "~/utils/file-response.server";
import { FORM_OVERHEAD_BYTES, formFile, isMultipart, readBodyCapped, readFormCapped } from "~/utils/upload.server";

// GET: the approval letter (anyone who reads the plan). POST: upload it after the approval was
// recorded without it — the PDF as the body (Content-Type: application/pdf) or as `letter` in a multipart form.
export const loader = apiRoute((ctx, { params }) => {
  const letter = approvalLetter(ctx, params.planId!);
  return fileResponse(letter.data, "application/pdf", letter.name, "approval-letter.pdf");
});

export const action = apiRoute(async (ctx, { request, params }) => {
  if (request.method !== "POST") return methodNotAllowed();
  const letter = isMultipart(request)
    ? await formFile(await readFormCapped(request, MAX_LETTER_BYTES + FORM_OVERHEAD_BYTES, "approval.letterTooLarge"), "letter")
    : {
        name: new URL(request.url).searchParams.get("name") ?? "",
        bytes: await readBodyCapped(request, MAX_LETTER_BYTES, "approval.letterTooLarge"),
      };
  return Response.json(attachApprovalLetter(ctx, params.planId!, letter), { status: 201 });
});
