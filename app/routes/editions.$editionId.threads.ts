import type { ActionFunctionArgs } from "@remix-run/node";
import { threadAction } from "~/models/reader-threads.server";
import { formAction } from "~/utils/form.server";
import { requireUser } from "~/utils/session.server";

/**
 * POST /editions/:editionId/threads?round= — the reading view's comment forms with JavaScript (a
 * fetcher): the write, then the touched section's HTML and threads. The page's data is not reloaded.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireUser(request);
  const roundId = new URL(request.url).searchParams.get("round") ?? "";
  const form = Object.fromEntries(await request.formData());
  const answer = await formAction(ctx.user.locale, String(form.intent ?? ""), () => threadAction(ctx, params.editionId!, roundId, form));
  const { section, ...rest } = "ok" in answer ? (answer.result as ReturnType<typeof threadAction>) : { section: null };
  if ("ok" in answer)
    return Response.json({ ok: true, intent: answer.intent, result: rest, section }, { headers: { "Cache-Control": "no-store" } });
  // a refused form: formAction's data(…, {status}) as JSON
  const failed = answer as unknown as { data: unknown; init: ResponseInit | null };
  return Response.json(failed.data, {
    ...(failed.init ?? {}),
    headers: { ...Object.fromEntries(new Headers(failed.init?.headers)), "Cache-Control": "no-store" },
  });
}
