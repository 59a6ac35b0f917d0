import type { LoaderFunctionArgs } from "@remix-run/node";
import { approvalLetter } from "~/models/approval-record.server";
import { fileResponse } from "~/utils/file-response.server";
import { forPage } from "~/utils/page.server";
import { requireUser } from "~/utils/session.server";

/** The approval letter (批复文件), for anyone who may read the plan. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireUser(request);
  const letter = forPage(ctx, () => approvalLetter(ctx, params.planId!));
  return fileResponse(letter.data, "application/pdf", letter.name, "approval-letter.pdf", { inline: true });
}
