// Who sees which comment of a consultation round. Pure: the domain module feeds it rows.
import type { Role, RoundVisibility } from "~db/schema/enums";

export interface Viewer {
  role: Role;
  organizationId: string;
  /** Sees the working drafts of the round's plan (its drafters, the city's drafting team, admins: lib/plan-access). */
  runsPlan: boolean;
}

/** Those who run the plan see its rounds whole; experts read them to review the plan. Others only as invited. */
export function seesWholeRound(viewer: Viewer): boolean {
  return viewer.runsPlan || viewer.role === "expert";
}

/** Reviewers and the coordinator (who comments where invited) see a round their organisation is invited to. */
export function canSeeRound(viewer: Viewer, invitedOrganizationIds: readonly string[]): boolean {
  return (
    seesWholeRound(viewer) ||
    ((viewer.role === "reviewer" || viewer.role === "coordinator") && invitedOrganizationIds.includes(viewer.organizationId))
  );
}

/**
 * In a private round a reviewer sees only their own organisation's comments (and every reply on
 * them, including the drafting team's); in a shared round, every invitee's comments except withdrawn
 * ones of other organisations.
 */
export function canSeeComment(
  viewer: Viewer,
  round: { visibility: RoundVisibility; invitedOrganizationIds: readonly string[] },
  comment: { organizationId: string; withdrawn: boolean },
): boolean {
  if (!canSeeRound(viewer, round.invitedOrganizationIds)) return false;
  if (seesWholeRound(viewer) || comment.organizationId === viewer.organizationId) return true;
  return round.visibility === "shared" && !comment.withdrawn;
}
