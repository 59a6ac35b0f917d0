import { planContext } from "~/models/plan-nav.server";
import { readingQuery, readingView } from "~/models/reader.server";
import { apiRoute } from "~/utils/api.server";

/**
 * GET /editions/:editionId/page?chapter=&round= — one page of the reading view as JSON, with its
 * sections' HTML: what the browser loads for the next page while scrolling and for client-side jumps.
 */
export const loader = apiRoute((ctx, { request, params }) => {
  const view = readingView(ctx, params.editionId!, readingQuery(new URL(request.url)));
  const body = { planContext: planContext(ctx, view.round ? { roundId: view.round.id } : { editionId: view.edition.id }), ...view };
  return Response.json(body, { headers: { "Cache-Control": "private, no-cache" } });
});
