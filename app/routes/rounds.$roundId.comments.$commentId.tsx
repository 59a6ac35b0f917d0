import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { getComment } from "~/models/comment.server";
import { loadRound } from "~/models/round.server";
import { forPage } from "~/utils/page.server";
import { requireUser } from "~/utils/session.server";

/** A link to one comment: opens the reading view at its section with its thread. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireUser(request);
  const { editionId, sectionId } = forPage(ctx, () => {
    const c = getComment(ctx, params.commentId!);
    return { editionId: loadRound(ctx, params.roundId!).round.editionId, sectionId: c.sectionId };
  });
  throw redirect(`/editions/${editionId}?round=${params.roundId}&comment=${params.commentId}#${sectionId}`);
}
