import { describe, expect, it } from "vitest";
import { sortPlans } from "./plan-order";

describe("sortPlans", () => {
  it("puts the city plan first, then counties by their organisation's order, then by creation", () => {
    const plans = [
      { id: "sunan", level: "county" as const, organizationOrder: 34, createdAt: 1 },
      { id: "ganzhou", level: "county" as const, organizationOrder: 29, createdAt: 5 },
      { id: "orphan", level: "county" as const, organizationOrder: null, createdAt: 0 },
      { id: "city", level: "city" as const, organizationOrder: 1, createdAt: 9 },
      { id: "gaotai-b", level: "county" as const, organizationOrder: 31, createdAt: 3 },
      { id: "gaotai-a", level: "county" as const, organizationOrder: 31, createdAt: 2 },
    ];
    expect(sortPlans(plans).map((p) => p.id)).toEqual(["city", "ganzhou", "gaotai-a", "gaotai-b", "sunan", "orphan"]);
    expect(plans[0].id).toBe("sunan"); // the input is left alone
  });
});
