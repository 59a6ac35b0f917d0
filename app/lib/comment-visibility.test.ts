import { describe, expect, it } from "vitest";
import { canSeeComment, canSeeRound } from "./comment-visibility";

const invited = ["ganzhou", "linze"];
const comment = { organizationId: "ganzhou", withdrawn: false };
const v = (
  role: "admin" | "drafter" | "reviewer" | "expert" | "coordinator",
  organizationId: string,
  runsPlan = role === "admin" || role === "drafter",
) => ({ role, organizationId, runsPlan });

describe("comment visibility", () => {
  it("private: own organisation only for reviewers; everything for drafters, admins, experts", () => {
    const round = { visibility: "private" as const, invitedOrganizationIds: invited };
    expect(canSeeComment(v("reviewer", "ganzhou"), round, comment)).toBe(true);
    expect(canSeeComment(v("reviewer", "linze"), round, comment)).toBe(false);
    expect(canSeeComment(v("reviewer", "gaotai"), round, comment)).toBe(false);
    for (const role of ["drafter", "admin", "expert"] as const) expect(canSeeComment(v(role, "x"), round, comment)).toBe(true);
  });
  it("shared: every invitee sees every comment but other organisations' withdrawn ones", () => {
    const round = { visibility: "shared" as const, invitedOrganizationIds: invited };
    expect(canSeeComment(v("reviewer", "linze"), round, comment)).toBe(true);
    expect(canSeeComment(v("reviewer", "linze"), round, { ...comment, withdrawn: true })).toBe(false);
    expect(canSeeComment(v("reviewer", "ganzhou"), round, { ...comment, withdrawn: true })).toBe(true);
    expect(canSeeComment(v("reviewer", "gaotai"), round, comment)).toBe(false);
  });
  it("uninvited reviewers do not see the round at all", () => {
    expect(canSeeRound(v("reviewer", "gaotai"), invited)).toBe(false);
    expect(canSeeRound(v("reviewer", "linze"), invited)).toBe(true);
    expect(canSeeRound(v("expert", "panel"), invited)).toBe(true);
  });
  it("drafters of another plan see a round only as an invited organisation would", () => {
    const round = { visibility: "private" as const, invitedOrganizationIds: invited };
    expect(canSeeRound(v("drafter", "gaotai-zrj", false), invited)).toBe(false);
    expect(canSeeComment(v("drafter", "gaotai-zrj", false), round, comment)).toBe(false);
  });
  it("the coordinator sees a round where its bureau is invited, and its own comments there", () => {
    const round = { visibility: "private" as const, invitedOrganizationIds: [...invited, "bureau"] };
    expect(canSeeRound(v("coordinator", "bureau"), invited)).toBe(false);
    expect(canSeeRound(v("coordinator", "bureau"), round.invitedOrganizationIds)).toBe(true);
    expect(canSeeComment(v("coordinator", "bureau"), round, comment)).toBe(false);
    expect(canSeeComment(v("coordinator", "bureau"), round, { organizationId: "bureau", withdrawn: false })).toBe(true);
  });
});
