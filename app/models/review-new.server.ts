// The page starting a technical review on an edition (the operation itself is review.server.ts#createReview).
import { forbidden } from "../utils/errors";
import { can } from "../utils/permissions";
import type { Ctx } from "../utils/session.server";
import { editionHead } from "./edition.server";
import { planIdOfEdition, requireDraftingPage } from "./plan-access.server";
import { listExperts } from "./user.server";

/** Admins, and the plan's drafters who may create reviews (403 otherwise, 409 once the plan is frozen); the experts to choose from. */
export function newReviewPage(ctx: Ctx, editionId: string) {
  if (!can(ctx.user, "create:review:any")) throw forbidden();
  if (ctx.user.role !== "admin") requireDraftingPage(ctx, planIdOfEdition(ctx.db, editionId));
  return { edition: editionHead(ctx, editionId), experts: listExperts(ctx) };
}
