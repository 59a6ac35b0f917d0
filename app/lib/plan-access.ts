// Who may do what in which plan (市县两级). Pure: the domain feeds it the user and the plan row.
// A county's drafters write only their county's plan; the city's drafting team writes the city plan
// and reads every plan's drafts; admins read all; the coordinator (市自然资源局) reads what is
// published, keeps the roll-up and records filings.
import type { Role } from "~db/schema/enums";

export interface PlanActor {
  role: Role;
  organization: { id: string; kind: string };
}

export interface PlanScope {
  level: "city" | "county";
  draftingOrganizationId: string | null;
}

/** The drafters of the organisation that drafts this plan. */
export function draftsPlan(user: PlanActor, plan: PlanScope): boolean {
  return user.role === "drafter" && plan.draftingOrganizationId !== null && plan.draftingOrganizationId === user.organization.id;
}

/** The city's drafting team (规划编制专班) oversees all seven plans. */
export function isCityDrafter(user: PlanActor): boolean {
  return user.role === "drafter" && user.organization.kind === "drafting_team";
}

/** Working drafts, every round's comments, reviews: the plan's own drafters, the city's drafting team, admins. */
export function seesPlanDrafts(user: PlanActor, plan: PlanScope): boolean {
  return user.role === "admin" || draftsPlan(user, plan) || isCityDrafter(user);
}

/** The roll-up of all plans, and every plan in lists: coordinator, admins, the city's drafting team. */
export function seesRollup(user: PlanActor): boolean {
  return user.role === "admin" || user.role === "coordinator" || isCityDrafter(user);
}
