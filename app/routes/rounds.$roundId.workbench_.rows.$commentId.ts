import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { translate } from "~/i18n";
import { changeWorkbenchRow, type WorkbenchRow } from "~/models/workbench.server";
import { formAction } from "~/utils/form.server";
import { requireUser } from "~/utils/session.server";

/**
 * The workbench drawer's writes (answer, assign) for one comment, answering with that comment's row
 * only: the page updates the row in place instead of reloading the round. A plain form post (no
 * JavaScript) goes back to the workbench.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireUser(request);
  const locale = ctx.user.locale;
  const form = await request.formData();
  const intent = form.get("intent") === "assign" ? "assign" : "answer";
  const outcome = await formAction(locale, intent, () => {
    if (intent === "assign") {
      const assigneeId = String(form.get("assigneeId") ?? "") || null;
      const row = changeWorkbenchRow(ctx, params.roundId!, params.commentId!, { intent, assigneeId });
      return { message: translate(locale, assigneeId ? "workbench.assign.saved" : "workbench.assign.cleared"), row };
    }
    const values = { decision: form.get("decision"), reason: form.get("reason") ?? "", revisionId: form.get("revisionId") };
    return {
      message: translate(locale, "response.saved"),
      row: changeWorkbenchRow(ctx, params.roundId!, params.commentId!, { intent, values }),
    };
  });
  if (request.headers.get("sec-fetch-mode") === "navigate") {
    const back = new URL(request.headers.get("referer") ?? `/rounds/${params.roundId}/workbench`, new URL(request.url).origin);
    return redirect(
      back.pathname.startsWith(`/rounds/${params.roundId}/workbench`)
        ? `${back.pathname}${back.search}`
        : `/rounds/${params.roundId}/workbench`,
    );
  }
  // a refusal carries its status (400, 403, 409 …): a resource route answers it as a Response
  if ("type" in outcome && outcome.type === "DataWithResponseInit") return Response.json(outcome.data, outcome.init ?? undefined);
  return Response.json(outcome);
}

export type RowActionResult =
  | { ok: true; intent: string; result: { message: string; row: WorkbenchRow | null } }
  | { ok: false; intent: string; formError: string; fieldErrors: Record<string, string> };

export const loader = ({ params }: { params: { roundId?: string } }) => redirect(`/rounds/${params.roundId}/workbench`);
