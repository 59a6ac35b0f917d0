// Moving between plans: the switcher, the start page, 全部规划 and each page's plan and trail, on the
// five county plans of rollup-fixture.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "~db/client";
import { planContext, planSwitcher, startPage } from "../../app/models/plan-nav.server";
import { createTestDb } from "./helpers";
import { cityPlanId } from "./plan-fixtures";
import { buildRollupWorld, type RollupWorld, status } from "./rollup-fixture";

let db: Db;
let cleanup: () => void;
let ctx: RollupWorld["ctx"];
let plan: RollupWorld["plan"];
let ids: RollupWorld["ids"];

beforeAll(async () => {
  ({ db, cleanup } = createTestDb());
  ({ ctx, plan, ids } = await buildRollupWorld(db));
});
afterAll(() => cleanup());

describe("moving between plans", () => {
  it("marks the caller's own plan in the switcher; the roll-up link only for those who may see it", () => {
    const s = planSwitcher(plan.c.drafter);
    expect(s.rollup).toBe(false);
    expect(s.plans.filter((p) => p.mine).map((p) => p.region)).toEqual(["丙县"]);
    expect(s.plans[0].level).toBe("city");
    expect(planSwitcher(ctx.coordinator).rollup).toBe(true);
    expect(
      planSwitcher(ctx.drafter)
        .plans.filter((p) => p.mine)
        .map((p) => p.level),
    ).toEqual(["city"]);
  });

  it("starts a county drafter in their plan, the coordinator in the roll-up, others in the city plan", () => {
    expect(startPage(plan.b.drafter).redirectTo).toBe(`/plans/${plan.b.planId}`);
    expect(startPage(ctx.coordinator).redirectTo).toBe("/rollup");
    expect(startPage(ctx.drafter).redirectTo).toBe(`/plans/${cityPlanId(db)}`);
    expect(startPage(ctx.ganzhou).redirectTo).toBe(`/plans/${cityPlanId(db)}`);
  });

  it("lists every plan grouped city / county with stage and deadline on request (全部规划)", () => {
    const list = startPage(ctx.ganzhou, { all: true });
    expect(list.redirectTo).toBeNull();
    expect(list.city.map((p) => p.id)).toEqual([cityPlanId(db)]);
    expect(list.counties.slice(-5).map((p) => p.region)).toEqual(["甲县", "乙县", "丙县", "丁县", "戊县"]);
    expect(list.counties.find((p) => p.region === "乙县")).toMatchObject({
      stage: "approval",
      overdue: true,
      daysLeft: -2,
      mine: false,
      organization: "乙县自然资源局（测试）",
    });
    expect(list.counties.find((p) => p.region === "丁县")).toMatchObject({ filed: true, overdue: false });
    expect(list.rollup).toBe(false);
    expect(
      startPage(plan.b.drafter, { all: true })
        .counties.filter((p) => p.mine)
        .map((p) => p.region),
    ).toEqual(["乙县"]);
    expect(startPage(ctx.coordinator, { all: true }).rollup).toBe(true);
  });

  it("gives each plan-scoped page the plan it is in and the way there", () => {
    const round = planContext(plan.a.drafter, { roundId: ids.a1 });
    expect(round).toMatchObject({
      planId: plan.a.planId,
      level: "county",
      region: "甲县",
      parent: { id: cityPlanId(db), region: "张掖市" },
      draftingOrganization: "甲县自然资源局（测试）",
    });
    expect(round.trail).toEqual([
      { label: "规划文本", to: `/documents/${plan.a.documentId}` },
      { label: "征求意见稿", to: `/editions/${plan.a.editionId}` },
      { label: "甲县征求意见稿第一轮", to: `/rounds/${ids.a1}` },
    ]);
    // a reviewer does not open the drafts' outline: the document links to its newest edition
    expect(planContext(ctx.ganzhou, { sectionId: plan.a.sectionId }).trail).toEqual([
      { label: "规划文本", to: `/editions/${plan.a.editionId}` },
      { label: "第一章 总则", to: `/sections/${plan.a.sectionId}` },
    ]);
    expect(planContext(ctx.drafter, { reviewId: ids.r1 }).trail.map((c) => c.label)).toEqual(["规划文本", "征求意见稿", "甲县技术审查"]);
    expect(planContext(ctx.drafter, { planId: cityPlanId(db) })).toMatchObject({ level: "city", parent: null, trail: [] });
    expect(status(() => planContext(ctx.drafter, { roundId: "rnd_missing" }))).toBe(404);
  });
});
