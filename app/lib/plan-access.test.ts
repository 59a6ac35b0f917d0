import { describe, expect, it } from "vitest";
import { draftsPlan, isCityDrafter, seesPlanDrafts, seesRollup } from "./plan-access";

const city = { level: "city" as const, draftingOrganizationId: "org-team" };
const gaotai = { level: "county" as const, draftingOrganizationId: "org-gaotai-zrj" };
const ganzhou = { level: "county" as const, draftingOrganizationId: "org-ganzhou-zrj" };
const cityDrafter = { role: "drafter" as const, organization: { id: "org-team", kind: "drafting_team" } };
const gaotaiDrafter = { role: "drafter" as const, organization: { id: "org-gaotai-zrj", kind: "county_bureau" } };
const coordinator = { role: "coordinator" as const, organization: { id: "org-bureau", kind: "bureau" } };
const admin = { role: "admin" as const, organization: { id: "org-bureau", kind: "bureau" } };
const reviewer = { role: "reviewer" as const, organization: { id: "org-gaotai", kind: "county" } };

describe("plan access", () => {
  it("a county's drafters draft their own plan only", () => {
    expect(draftsPlan(gaotaiDrafter, gaotai)).toBe(true);
    expect(draftsPlan(gaotaiDrafter, ganzhou)).toBe(false);
    expect(draftsPlan(gaotaiDrafter, city)).toBe(false);
    expect(seesPlanDrafts(gaotaiDrafter, ganzhou)).toBe(false);
  });
  it("the city's drafting team drafts the city plan and reads every plan's drafts", () => {
    expect(draftsPlan(cityDrafter, city)).toBe(true);
    expect(draftsPlan(cityDrafter, gaotai)).toBe(false);
    expect(seesPlanDrafts(cityDrafter, gaotai)).toBe(true);
    expect(isCityDrafter(gaotaiDrafter)).toBe(false);
  });
  it("a plan without a drafting organisation has no drafters", () => {
    expect(
      draftsPlan({ role: "drafter", organization: { id: "x", kind: "county_bureau" } }, { level: "county", draftingOrganizationId: null }),
    ).toBe(false);
  });
  it("admins read drafts but do not draft; coordinators and reviewers read what is published", () => {
    expect(seesPlanDrafts(admin, gaotai)).toBe(true);
    expect(draftsPlan(admin, gaotai)).toBe(false);
    expect(seesPlanDrafts(coordinator, gaotai)).toBe(false);
    expect(seesPlanDrafts(reviewer, gaotai)).toBe(false);
  });
  it("the roll-up is for the coordinator, admins and the city's drafting team", () => {
    expect([coordinator, admin, cityDrafter].every(seesRollup)).toBe(true);
    expect([gaotaiDrafter, reviewer].some(seesRollup)).toBe(false);
  });
});
