// The roll-up's figures against hand-counted data (the five county plans of rollup-fixture), and the
// roll-up page's sorting, filters and links.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "~db/client";
import { approvalRequests, comments, indicators } from "~db/schema";
import { parseRollupQuery } from "../../app/lib/rollup/table";
import { addDays, isoShanghai } from "../../app/lib/time";
import { createComment } from "../../app/models/comment-create.server";
import { indicatorMismatchCount } from "../../app/models/indicator-check.server";
import { listPlans } from "../../app/models/plan.server";
import { respondToComment } from "../../app/models/response.server";
import { rollupRows, rollupView } from "../../app/models/rollup.server";
import type { Ctx } from "../../app/utils/session.server";
import { createTestDb } from "./helpers";
import { type CountyPlan, cityPlanId } from "./plan-fixtures";
import { buildRollupWorld, type RollupWorld, status, today } from "./rollup-fixture";

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

const rowOf = (rows: ReturnType<typeof rollupRows>, p: CountyPlan) => rows.find((r) => r.planId === p.planId)!;

describe("the roll-up's figures", () => {
  it("甲县: rounds, comments, the latest review and the library, counted by hand", () => {
    const row = rowOf(rollupRows(ctx.coordinator), plan.a);
    expect(row).toMatchObject({
      title: "甲县国土空间生态修复规划（2021—2035年）",
      level: "county",
      region: "甲县",
      parentPlanId: cityPlanId(db),
      stage: "consultation",
      dueStage: "consultation",
      dueOn: addDays(today, 10),
      daysLeft: 10,
      overdue: false,
    });
    // c1 answered, c2 c4 c5 not, c3 withdrawn
    expect(row.comments).toEqual({ total: 4, unanswered: 3 });
    expect(row.openRounds).toEqual([
      { id: ids.a1, title: "甲县征求意见稿第一轮", closesAt: expect.stringMatching(/\+08:00$/), invited: 4, replied: 1 },
    ]);
    expect(row.commentsRoundId).toBe(ids.a2); // the newest round with answers owed
    expect(row.review).toEqual({ id: ids.r1, title: "甲县技术审查", status: "open", conclusion: null, signed: 3, quorum: 4 });
    expect(row.approval).toBeNull();
    expect(row.filing).toBeNull();
    expect(row.indicatorMismatches).toBe(0);
    expect(row.projects).toEqual({ candidate: 2, included: 1, excluded: 1 });
    expect(row.attention).toEqual([]); // a round is still open: answers are not yet owed
  });

  it("乙县: overdue in the approval stage, the latest request not withdrawn, review concluded 修改后通过", () => {
    const row = rowOf(rollupRows(ctx.admin), plan.b);
    const requestedAt = db.select().from(approvalRequests).where(eq(approvalRequests.id, ids.bRequest)).get()!.requestedAt;
    expect(row).toMatchObject({ stage: "approval", dueStage: "approval", dueOn: addDays(today, -2), daysLeft: -2, overdue: true });
    expect(row.approval).toEqual({ requestedAt: isoShanghai(requestedAt), approvedOn: null, documentNumber: null });
    expect(row.review).toEqual({
      id: ids.rb,
      title: "乙县技术审查",
      status: "concluded",
      conclusion: "approve_with_changes",
      signed: 2,
      quorum: 2,
    });
    expect(row.comments).toEqual({ total: 0, unanswered: 0 });
    expect(row.commentsRoundId).toBeNull();
    expect(row.attention).toEqual(["overdue"]);
  });

  it("丙县: approved and late to file counts against the filing due date", () => {
    const row = rowOf(rollupRows(ctx.drafter), plan.c);
    expect(row).toMatchObject({
      stage: "approval",
      dueStage: "filing",
      dueOn: addDays(today, -10),
      daysLeft: -10,
      overdue: true,
      filing: null,
    });
    expect(row.approval).toMatchObject({ approvedOn: addDays(today, -25), documentNumber: "丙政函〔2026〕1号" });
    expect(row.attention).toEqual(["overdue", "awaitingFiling"]);
  });

  it("丁县: a filed plan is never overdue; 戊县: drafting, 2 days left, nothing published", () => {
    const rows = rollupRows(ctx.drafter);
    expect(rowOf(rows, plan.d)).toMatchObject({
      dueStage: "filing",
      daysLeft: -5,
      overdue: false,
      filing: { filedOn: addDays(today, -8) },
      attention: [],
    });
    expect(rowOf(rows, plan.e)).toMatchObject({
      stage: "drafting",
      daysLeft: 2,
      overdue: false,
      comments: { total: 0, unanswered: 0 },
      openRounds: [],
      commentsRoundId: null,
      review: null,
      projects: { candidate: 0, included: 0, excluded: 0 },
      attention: ["dueSoon"],
    });
  });

  it("lists the city plan first and the counties in their organisations' order", () => {
    const rows = rollupRows(ctx.coordinator);
    expect(rows[0].level).toBe("city");
    expect(rows.slice(-5).map((r) => r.region)).toEqual(["甲县", "乙县", "丙县", "丁县", "戊县"]);
    expect(listPlans(ctx.ganzhou).map((p) => p.id)).toEqual(rows.map((r) => r.planId));
    expect(listPlans(ctx.ganzhou).at(-1)).toMatchObject({
      region: "戊县",
      parentPlanId: cityPlanId(db),
      organization: { id: plan.e.organizationId, name: "戊县自然资源局（测试）" },
    });
  });

  it("counts a city comment and its answer, and the indicator roll-up check of the city only", () => {
    const city = () => rollupRows(ctx.admin)[0];
    const before = city();
    const cityRound = before.openRounds[0].id;
    const sectionId = db.select({ s: comments.sectionId }).from(comments).where(eq(comments.roundId, cityRound)).get()!.s;
    const id = createComment(ctx.linze, cityRound, { sectionId, anchor: null, body: "临泽县补充意见", category: "add" }).id;
    expect(city().comments).toEqual({ total: before.comments.total + 1, unanswered: before.comments.unanswered + 1 });
    respondToComment(ctx.drafter, id, { decision: "noted", reason: "已在说明书中说明。" });
    expect(city().comments).toEqual({ total: before.comments.total + 1, unanswered: before.comments.unanswered });

    // a `sum` indicator the counties do not reach: 3 failing years, on the city's row only
    const cityId = cityPlanId(db);
    const ind = (planId: string, targets: [number, number, number]) =>
      db
        .insert(indicators)
        .values({
          planId,
          code: "TEST-SUM",
          name: "测试指标",
          unit: "公顷",
          kind: "binding",
          direction: "up",
          rollup: "sum",
          baseline: 0,
          target2025: targets[0],
          target2030: targets[1],
          target2035: targets[2],
          sortOrder: 99,
        })
        .run();
    ind(cityId, [1000, 2000, 3000]);
    ind(plan.a.planId, [10, 20, 30]);
    const after = rollupRows(ctx.admin);
    expect(after[0].indicatorMismatches).toBe(before.indicatorMismatches + 3);
    expect(after[0].indicatorMismatches).toBe(indicatorMismatchCount(db, cityId));
    expect(after[0].attention).toContain("mismatch");
    expect(after.filter((r) => r.level === "county").every((r) => r.indicatorMismatches === 0)).toBe(true);
  });

  it("is for the coordinator, admins and the city's drafting team: everyone else 403", () => {
    for (const who of [ctx.coordinator, ctx.admin, ctx.drafter]) expect(rollupRows(who).length).toBeGreaterThanOrEqual(6);
    for (const who of [plan.a.drafter, ctx.ganzhou, ctx.expert2]) {
      expect(status(() => rollupRows(who))).toBe(403);
      expect(status(() => rollupView(who, parseRollupQuery(new URLSearchParams())))).toBe(403);
    }
  });
});

describe("the roll-up page", () => {
  it("sorts and filters on the server", () => {
    const v = rollupView(ctx.admin, parseRollupQuery(new URLSearchParams("sort=deadline&dir=asc&level=county")));
    expect(v.rows.every((r) => r.level === "county")).toBe(true);
    const ours = v.rows.filter((r) => ["甲县", "乙县", "丙县", "丁县", "戊县"].includes(r.region)).map((r) => r.region);
    expect(ours).toEqual(["丙县", "乙县", "戊县", "甲县", "丁县"]); // -10, -2, 2, 10; the filed plan last
    const overdue = rollupView(ctx.admin, parseRollupQuery(new URLSearchParams("overdue=1"))).rows.map((r) => r.region);
    expect(overdue).toEqual(expect.arrayContaining(["乙县", "丙县"]));
    expect(overdue).not.toContain("丁县");
    expect(v.summary.plans).toBe(v.total);
    expect(v.summary.overdue).toBeGreaterThanOrEqual(2);
  });

  it("links each cell to where the work is, as far as the caller may go", () => {
    const of = (c: Ctx) => rollupView(c, parseRollupQuery(new URLSearchParams())).rows.find((r) => r.planId === plan.a.planId)!.links;
    const home = `/plans/${plan.a.planId}`;
    // the city's drafting team reads every plan's rounds and reviews, but answers only the city's comments
    expect(of(ctx.drafter)).toMatchObject({
      plan: home,
      rounds: { [ids.a1]: `/rounds/${ids.a1}` },
      comments: `/rounds/${ids.a2}`,
      review: `/reviews/${ids.r1}`,
      approval: `${home}/approval`,
      indicators: `${home}/indicators`,
      projects: `${home}/projects`,
    });
    // the coordinator opens the round its bureau is invited to; for the rest, the plan's dashboard
    expect(of(ctx.coordinator)).toMatchObject({ rounds: { [ids.a1]: `/rounds/${ids.a1}` }, comments: home, review: home });
    // the city plan's own drafters go to the workbench, filtered to what is unanswered
    const city = rollupView(ctx.drafter, parseRollupQuery(new URLSearchParams())).rows[0];
    expect(city.links.comments).toBe(`/rounds/${city.commentsRoundId}/workbench?status=pending`);
  });
});
